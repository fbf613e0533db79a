import "server-only";
import { auditDenial } from "./access-denied";
import { logUnexpected, toAppError } from "./errors";
import type { FormState } from "./form-state";

let submissions = 0;

/**
 * Maps an error to the form state: expected errors keep their message, others get a reference. A
 * permission refusal is recorded in the audit trail here (access.denied), once, for every form.
 */
export async function toFormState(
  error: unknown,
  values?: Record<string, unknown>,
  context = "server action",
): Promise<FormState> {
  await auditDenial(error, context);
  const expected = toAppError(error);
  const base = { ok: false, values, submission: Date.now() + ++submissions };
  if (expected) {
    const conflict = expected.details?.conflict as FormState["conflict"] | undefined;
    return { ...base, messageKey: expected.key, fieldErrors: expected.fieldErrors, ...(conflict ? { conflict } : {}) };
  }
  return { ...base, messageKey: "errors.unexpected", ref: logUnexpected(error, context) };
}
