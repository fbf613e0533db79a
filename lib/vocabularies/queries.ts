import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TermDTO, Vocabulary } from "./vocabularies";

const termSelect = { id: true, code: true, labelEn: true, labelUk: true, category: true, active: true } as const;

/** The terms of one vocabulary in display order (retired terms included when asked). */
export const listTerms = cache(
  async (vocabulary: Vocabulary, includeInactive = false): Promise<TermDTO[]> =>
    db.term.findMany({
      where: { vocabulary, ...(includeInactive ? {} : { active: true }) },
      orderBy: [{ sortOrder: "asc" }, { labelEn: "asc" }],
      select: termSelect,
    }),
);

/** Resolves a code sent by a form or the API to its term; an unknown code is a field error. */
export async function termIdByCode(tx: Tx, vocabulary: Vocabulary, code: string, field: string): Promise<string> {
  const term = await tx.term.findUnique({ where: { vocabulary_code: { vocabulary, code } }, select: { id: true, active: true } });
  if (!term || !term.active) throw new AppError("VALIDATION", "errors.validation", { [field]: ["validation.choose"] });
  return term.id;
}
