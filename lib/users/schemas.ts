// Safe to import from client components.
import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { ROLES } from "@/lib/permissions-roles";
import { enumOf, requiredText } from "@/lib/validation";

/** Passwords are compared in Unicode NFC, so "é" typed on any keyboard is the same password. */
export const normalizePassword = (v: string) => v.normalize("NFC");

/**
 * A password: at least `min` characters (15 without a second factor, 8 with one: NIST SP 800-63B),
 * at most 128, any characters (counted as Unicode code points), no composition rules. The common
 * password list is checked on the server (lib/security/password-policy.ts).
 */
export const password = (min = 15) =>
  z.preprocess(
    (v) => (v == null ? "" : typeof v === "string" ? normalizePassword(v) : v),
    z
      .string({ error: "validation.required" })
      .refine((v) => [...v].length >= min, min === 8 ? "validation.passwordTooShort8" : "validation.passwordTooShort")
      .refine((v) => [...v].length <= 128, "validation.passwordTooLong"),
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

/** Changing one's own password: the current one, and a new one (8 characters suffice with a second factor). */
export const ZChangePasswordInput = z.strictObject({
  currentPassword: z.preprocess((v) => (v == null ? "" : v), z.string().min(1, "validation.required").max(1024, "validation.tooLong")),
  newPassword: password(8),
});

/** An administrator sets a new password for someone (who must then sign in again everywhere). */
export const ZSetPasswordInput = z.strictObject({ password: password() });
