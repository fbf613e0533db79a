import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// The common-password list of zxcvbn-ts (about 49,000 passwords seen in breaches), lower-cased.
// Checked case-insensitively, and also with the spaces taken out ("pass word" is "password").
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())));

export function isCommonPassword(password: string): boolean {
  const p = password.normalize("NFC").toLowerCase();
  return commonPasswords().has(p) || commonPasswords().has(p.replace(/\s+/g, ""));
}

/**
 * Field errors for a new password beyond the schema's length rules: a common password, and the
 * 15-character minimum for someone without a second factor (the schema allows 8 for those with one).
 */
export function passwordPolicyErrors(password: string, { hasSecondFactor }: { hasSecondFactor: boolean }): string[] {
  const errors: string[] = [];
  if (!hasSecondFactor && [...password].length < 15) errors.push("validation.passwordTooShort");
  if (isCommonPassword(password)) errors.push("validation.passwordCommon");
  return errors;
}
