// What a manager may send when editing a vocabulary. Safe to import from client components.
import { z } from "zod";
import { enumOf, requiredText } from "@/lib/validation";
import { VOCABULARIES } from "./vocabularies";

/** A term's code: stable, written in exports and the API, so plain upper-case Latin. */
export const TERM_CODE_RE = /^[A-Z][A-Z0-9_]{1,63}$/;

const labels = { labelEn: requiredText(200), labelUk: requiredText(200) };

export const ZCreateTermInput = z.strictObject({
  vocabulary: enumOf(VOCABULARIES),
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.string({ error: "validation.required" }).min(1, "validation.required").regex(TERM_CODE_RE, "validation.termCode"),
  ),
  ...labels,
});
export type TCreateTermInput = z.infer<typeof ZCreateTermInput>;

export const ZUpdateTermInput = z.strictObject(labels);

export const ZMoveTermInput = z.strictObject({ direction: enumOf(["up", "down"] as const) });

export const ZSetTermActiveInput = z.strictObject({
  active: z.preprocess((v) => v === true || v === "true", z.boolean()),
});

/** /settings/vocabularies?v=ACTION_TYPE */
export const ZVocabularyParam = enumOf(VOCABULARIES, "ACTION_TYPE");
