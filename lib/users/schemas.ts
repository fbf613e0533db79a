// Safe to import from client components.
import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { ROLES } from "@/lib/permissions-roles";
import { enumOf, requiredText } from "@/lib/validation";

/** At least 15 characters (NIST SP 800-63B without a second factor), at most 128, any characters. */
export const password = () =>
  z.preprocess(
    (v) => (v == null ? "" : v),
    z.string().min(15, "validation.passwordTooShort").max(128, "validation.passwordTooLong"),
  );

export const ZCreateUserInput = z.strictObject({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ error: "validation.required" }).min(1, "validation.required").max(254, "validation.tooLong").email("validation.email"),
  ),
  name: requiredText(200),
  role: enumOf(ROLES),
  password: password(),
});

export const ZUpdateUserInput = z.strictObject({
  name: requiredText(200),
  role: enumOf(ROLES),
  active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

/** A person's interface language. */
export const ZLocaleInput = z.strictObject({ locale: enumOf(LOCALES) });
