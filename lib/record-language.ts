// The working languages of record text (titles and summaries of actions and outcomes): the language
// a record was written in, its optional translation, and which of the two a reader sees first.
// Record text is never machine-translated: a translation is what a person wrote.
// Safe to import from client components.
import { z } from "zod";
import { enumOf, optionalText } from "./validation";

export const RECORD_LANGUAGES = ["uk", "en"] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

export const isRecordLanguage = (v: unknown): v is RecordLanguage => (RECORD_LANGUAGES as readonly unknown[]).includes(v);

/** A checkbox (FormData "on"), a JSON boolean, or "true"/"1"; anything else is false. */
export const checkbox = () => z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());

/** The fields every schema of a record with translatable text adds. */
export const translationFields = (titleMax: number, summaryMax: number) => ({
  originalLanguage: enumOf(RECORD_LANGUAGES, "en"),
  titleTranslation: optionalText(titleMax),
  summaryTranslation: optionalText(summaryMax),
  needsTranslation: checkbox(),
});

export type Translatable = {
  title: string;
  summary?: string | null;
  /** "en" when absent */
  originalLanguage?: string;
  titleTranslation?: string | null;
  summaryTranslation?: string | null;
};

/**
 * What a reader in `locale` sees first. A record written in the other language shows its translation
 * when there is one (`translated`: true, labelled "Translated from …" with the original beside it);
 * otherwise the original.
 */
export function displayText(r: Translatable, locale: string) {
  const original = r.originalLanguage ?? "en";
  const foreign = original !== locale;
  const title = foreign && r.titleTranslation ? r.titleTranslation : r.title;
  const summary = foreign && r.summaryTranslation ? r.summaryTranslation : (r.summary ?? null);
  return {
    title,
    summary,
    titleTranslated: foreign && !!r.titleTranslation,
    summaryTranslated: foreign && !!r.summaryTranslation,
    /** the language a translation is written in: the one the original is not */
    translationLanguage: (original === "uk" ? "en" : "uk") as RecordLanguage,
  };
}

/** Just the title a reader in `locale` sees first (lists, links): its translation when written in the other language. */
export const displayTitle = (r: { title: string; titleTranslation?: string | null; originalLanguage?: string }, locale: string) =>
  (r.originalLanguage ?? "en") !== locale && r.titleTranslation ? r.titleTranslation : r.title;
