// The shape every server action returns to its form (React's useActionState), and the one mapper
// from an error to it. Safe to import from client components (types and constants only there).
export type FormState = {
  ok: boolean;
  /** A message key for the whole form, e.g. "errors.validation". */
  messageKey?: string;
  /** Reference of an unexpected error, quoted in "Something went wrong (ref …)". */
  ref?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so a failed submit loses nothing. */
  values?: Record<string, unknown>;
  /** Changes on every submit, so the form remounts with `values` as its defaults. */
  submission?: number;
  /**
   * Someone saved the record after this form was opened (lib/concurrency.ts): their saved value and
   * the person's input for each field that differs, and the version to base a merged save on.
   */
  conflict?: { version: number; fields: { field: string; theirs: unknown; mine: unknown }[] };
};

export const INITIAL_FORM_STATE: FormState = { ok: false, submission: 0 };

