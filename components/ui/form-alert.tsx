import type { PublicError } from "@/lib/domain/errors";
import { Alert } from "./alert";

/** The form-level message for a refused submission. Give it `key={attempt}` so a repeat is announced again. */
export function FormAlert({ failure }: { failure: PublicError | null }) {
  if (!failure) return null;
  const hasFieldErrors = Object.keys(failure.fieldErrors ?? {}).length > 0;
  return <Alert variant="box">{hasFieldErrors ? "Some fields need another look." : failure.error}</Alert>;
}
