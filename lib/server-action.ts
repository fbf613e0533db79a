import "server-only";
import { logUnexpected, toAppError } from "./errors";
import type { FormState } from "./form-state";

let submissions = 0;

/** Maps an error to the form state: expected errors keep their message, others get a reference. */
export function toFormState(error: unknown, values?: Record<string, unknown>, context = "server action"): FormState {
  const expected = toAppError(error);
  const base = { ok: false, values, submission: Date.now() + ++submissions };
  if (expected) {
    const conflict = expected.details?.conflict as FormState["conflict"] | undefined;
    return { ...base, messageKey: expected.key, fieldErrors: expected.fieldErrors, ...(conflict ? { conflict } : {}) };
  }
  return { ...base, messageKey: "errors.unexpected", ref: logUnexpected(error, context) };
}
