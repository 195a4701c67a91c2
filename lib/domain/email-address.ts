import { z } from "zod";

/** How addresses are stored and compared: without surrounding spaces, in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * An address shown to someone who may not own the account any more: the first letter of the
 * name and the whole domain, "n***@example.com", enough to recognise it and not enough to write to it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** An email address as a form field: trimmed, and what is wrong said plainly. */
export function emailField(emptyMessage = "Enter your email address.") {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(254, "That email address is too long.")
    .email("Enter a valid email address, like name@example.com.");
}
