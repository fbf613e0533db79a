import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { TermDTO, Vocabulary } from "./vocabularies";

const termSelect = { id: true, code: true, labelEn: true, labelUk: true, category: true, active: true } as const;

/** The terms of one vocabulary in display order (retired terms included when asked). */
export const listTerms = cache(async (vocabulary: Vocabulary, includeInactive = false): Promise<TermDTO[]> =>
  db.term.findMany({
    where: { vocabulary, ...(includeInactive ? {} : { active: true }) },
    orderBy: [{ sortOrder: "asc" }, { labelEn: "asc" }],
    select: termSelect,
  }),
);

/**
 * Resolves the codes a form or the API sent, one per field, to their terms in one query. An unknown
 * or retired code is an error on its field (all such fields at once).
 */
export async function termIdsByCode<F extends string>(
  tx: Tx,
  wanted: Record<F, [Vocabulary, string]>,
): Promise<Record<F, string>> {
  const fields = Object.keys(wanted) as F[];
  const terms = await tx.term.findMany({
    where: { OR: fields.map((f) => ({ vocabulary: wanted[f][0], code: wanted[f][1] })) },
    select: { id: true, vocabulary: true, code: true, active: true },
  });
  const ids = {} as Record<F, string>;
  const errors: Record<string, string[]> = {};
  for (const f of fields) {
    const [vocabulary, code] = wanted[f];
    const term = terms.find((t) => t.vocabulary === vocabulary && t.code === code);
    if (term?.active) ids[f] = term.id;
    else errors[f] = ["validation.choose"];
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "errors.validation", errors);
  return ids;
}

/** Resolves one code to its term; an unknown or retired code is an error on `field`. */
export async function termIdByCode(tx: Tx, vocabulary: Vocabulary, code: string, field: string): Promise<string> {
  return (await termIdsByCode(tx, { [field]: [vocabulary, code] } as Record<string, [Vocabulary, string]>))[field];
}

/** Every term of a vocabulary, retired ones too, for the vocabulary editor (any signed-in reader). */
export async function listVocabularyTerms({ actor, vocabulary }: { actor: Actor; vocabulary: Vocabulary }): Promise<TermDTO[]> {
  assertCan(actor, "reference.read");
  return listTerms(vocabulary, true);
}
