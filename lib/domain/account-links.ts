/** How long a mailed password-reset link works. */
export const PASSWORD_RESET_MINUTES = 30;

/** How long a mailed link to verify an address works. */
export const VERIFY_EMAIL_HOURS = 48;
