import { z } from "zod";

/** An email address as the account forms take it: trimmed, with messages a person can act on. */
export const emailAddress = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@example.com.");
