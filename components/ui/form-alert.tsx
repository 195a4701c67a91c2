import type { PublicError } from "@/lib/domain/errors";

/** The form-level message for a refused submission. Give it `key={attempt}` so a repeat is announced again. */
export function FormAlert({ failure }: { failure: PublicError | null }) {
  if (!failure) return null;
  const hasFieldErrors = Object.keys(failure.fieldErrors ?? {}).length > 0;
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {hasFieldErrors ? "Some fields need another look." : failure.error}
    </p>
  );
}
