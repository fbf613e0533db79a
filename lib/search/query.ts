// A list search box's text → what each of its words may look like in a record: the word itself, its
// Ukrainian stem (so that any inflected form finds the others), and its transliteration into the
// other alphabet (so that "Lubinets" finds "Лубінець"). Each variant becomes a LIKE pattern for
// Prisma's `contains` (ILIKE '%…%', answered by the pg_trgm GIN indexes). A record matches when every
// word matches one of its variants in one of the searched fields.
// Pure; safe anywhere.
import { hasCyrillic, stemUk } from "./stem";
import { isLatinWord, toCyrillic, toLatin } from "./translit";

/** Words beyond this many are ignored (each one is an AND of ORs in the query). */
export const MAX_SEARCH_WORDS = 8;
/** A derived variant shorter than this is dropped: it would match nearly everything and no trigram index helps. */
const MIN_VARIANT = 3;

const APOSTROPHES = /['’ʼ`]/g;

/**
 * A word as a LIKE pattern: %, _ and \ escaped (Prisma's `contains` passes them to ILIKE), and any
 * apostrophe as "_", since Ukrainian text writes it as ', ’ or ʼ (м'ясо, м’ясо).
 */
export const likePattern = (word: string) => word.replace(/[\\%_]/g, "\\$&").replace(APOSTROPHES, "_");

/** The forms one word is searched in (lower-case, before escaping); the first is the word itself. */
export function wordVariants(word: string): string[] {
  const w = word.toLocaleLowerCase("uk").normalize("NFC");
  const out = [w];
  if (hasCyrillic(w)) {
    const stem = stemUk(word.normalize("NFC")); // the original case: acronyms are kept whole
    out.push(stem, toLatin(w), toLatin(stem));
  } else if (isLatinWord(w) && w.replace(APOSTROPHES, "").length >= MIN_VARIANT) {
    const cyr = toCyrillic(w.replace(APOSTROPHES, ""));
    out.push(stemUk(cyr));
  }
  return minimal(out.filter((v, i) => i === 0 || v.length >= MIN_VARIANT));
}

/** Drops duplicates and any variant that contains another one: '%ab%' already finds everything '%abc%' does. */
function minimal(variants: string[]): string[] {
  const unique = [...new Set(variants)];
  return unique.filter((v) => !unique.some((other) => other !== v && v.includes(other)));
}

/** The search text → per word, its LIKE patterns. Empty when there is nothing to search for. */
export function searchPatterns(q: string): string[][] {
  const words = q
    .normalize("NFC")
    .split(/\s+/)
    .map((w) => w.replace(/^[.,;:!?«»"“”„()[\]]+|[.,;:!?«»"“”„()[\]]+$/g, ""))
    .filter(Boolean);
  // Words of one or two characters ("of", "№") match nearly everything and no trigram index can
  // answer them: they count only when nothing longer was typed.
  const long = words.filter((w) => w.length >= MIN_VARIANT);
  return (long.length ? long : words).slice(0, MAX_SEARCH_WORDS).map((w) => wordVariants(w).map(likePattern));
}

export type InsensitiveContains = { contains: string; mode: "insensitive" };

/**
 * The search as where-inputs of one model: one entry per word (to be ANDed), each an OR over the
 * fields `fields` builds from the word's filters. `fields` gets every variant's filter at once so
 * that a relation (e.g. counterpart names) can be searched with one subquery per word.
 */
export function textSearch<W>(q: string, fields: (filters: InsensitiveContains[]) => W[]): { OR: W[] }[] {
  return searchPatterns(q).map((patterns) => ({
    OR: fields(patterns.map((contains) => ({ contains, mode: "insensitive" as const }))),
  }));
}
