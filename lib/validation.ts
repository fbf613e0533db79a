// Zod building blocks shared by every schema in lib/<area>/schemas.ts. Messages are catalogue keys
// (messages/<locale>/validation.json) so the form shows them in the user's language.
// Safe to import from client components.
import { z } from "zod";

export const isoDateRe = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2023-02-31). */
export function isValidIsoDate(value: string): boolean {
  if (!isoDateRe.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Form fields arrive as strings; an empty or blank string means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// PostgreSQL text cannot hold NUL; other control characters (but tab and line breaks) are never typed.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControlChars = (v: string) => !CONTROL_CHARS.test(v);

export const requiredText = (max: number) =>
  z.preprocess(
    (v) => (v == null ? "" : v),
    z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(max, "validation.tooLong")
      .refine(noControlChars, "validation.controlCharacters"),
  );

export const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: "validation.invalid" })
      .trim()
      .max(max, "validation.tooLong")
      .refine(noControlChars, "validation.controlCharacters")
      .optional(),
  );

export const requiredDate = () =>
  z.preprocess(
    (v) => (v == null ? "" : v),
    z
      .string({ error: "validation.required" })
      .trim()
      // abort: an empty date is only "required", not also "not a real date"
      .min(1, { error: "validation.required", abort: true })
      .refine(isValidIsoDate, "validation.date"),
  );

export const optionalDate = () =>
  z.preprocess(blankToUndefined, z.string().trim().refine(isValidIsoDate, "validation.date").optional());

export const optionalUrl = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000, "validation.tooLong")
      .refine((v) => {
        try {
          const u = new URL(v);
          return u.protocol === "https:" || u.protocol === "http:";
        } catch {
          return false;
        }
      }, "validation.url")
      .optional(),
  );

/** A record id chosen from a list; the domain function checks it exists and is visible. */
export const requiredId = () =>
  z.preprocess((v) => (v == null ? "" : v), z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(64));

export const optionalId = () => z.preprocess(blankToUndefined, z.string().trim().max(64).optional());

/** Many ids: from a multi-select (FormData.getAll) or JSON array; de-duplicated. */
export const idList = () =>
  z.preprocess(
    (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().trim().max(64))
      .max(200, "validation.tooMany")
      .transform((ids) => [...new Set(ids.filter(Boolean))]),
  );

/** One of `values`; a missing or blank value takes `fallback` when one is given, else is an error. */
export const enumOf = <T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) =>
  z.preprocess((v) => (v == null || v === "" ? fallback : v), z.enum(values, { error: "validation.choose" }));

export type FieldErrorMap = Record<string, string[]>;

/** Zod issues → field → message keys (unknown messages become "validation.invalid"). */
export function toFieldErrors(error: z.ZodError): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    const key = issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
    const keys = (out[field] ??= []);
    if (!keys.includes(key)) keys.push(key);
  }
  return out;
}

/**
 * FormData → plain object. Fields named in `multi` keep every value (multi-selects, checkboxes).
 * Next's internal "$ACTION_*" fields are dropped.
 */
export function formDataToObject(fd: FormData, multi: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = multi.includes(key) ? fd.getAll(key).map(String) : String(fd.get(key) ?? "");
  }
  for (const key of multi) out[key] ??= [];
  return out;
}
