/** How long a mailed password-reset link works. */
export const PASSWORD_RESET_MINUTES = 30;

/** How long a mailed link to verify an address works. */
export const VERIFY_EMAIL_HOURS = 48;

export type AccountLinkProblem = "invalid" | "expired" | "used";

/** What a mailed link that can't be used says, in plain words. */
export function accountLinkProblemMessage(problem: AccountLinkProblem): string {
  switch (problem) {
    case "invalid":
      return "This link isn't valid. It may have been cut short when it was copied.";
    case "expired":
      return "This link has expired.";
    case "used":
      return "This link has already been used.";
  }
}

/** What the reset page and form say about a link that no longer works, in plain words. */
export const PASSWORD_RESET_LINK_PROBLEMS: Record<AccountLinkProblem, { title: string; detail: string }> = {
  invalid: {
    title: "This reset link doesn't work",
    detail: "It may have been copied only in part, or replaced by a newer link. Ask for a new one.",
  },
  expired: {
    title: "This reset link has expired",
    detail: `Reset links work for ${PASSWORD_RESET_MINUTES} minutes. Ask for a new one.`,
  },
  used: {
    title: "This reset link has already been used",
    detail: "Each link works once. If you still need to reset your password, ask for a new one.",
  },
};

/** What a change-of-address link says when another account took the address in the meantime. */
export const EMAIL_TAKEN_MESSAGE =
  "This address now belongs to another Waymark account, so it can't become yours. Your account keeps its current address.";
