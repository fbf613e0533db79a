import "server-only";
// Managers edit the controlled vocabularies: relabel a term in both languages, add a term with a new
// code, change the display order, retire a term (no longer offered in forms; records that use it keep
// it and show its label) or bring it back. Codes never change: exports, the API and the application's
// own rules (lib/vocabularies/vocabularies.ts) refer to terms by code.
import { changedFields, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { assertCan, type Actor } from "@/lib/permissions";
import { ZCreateTermInput, ZMoveTermInput, ZSetTermActiveInput, ZUpdateTermInput } from "./schemas";
import type { TermDTO } from "./vocabularies";

const termSelect = { id: true, vocabulary: true, code: true, labelEn: true, labelUk: true, category: true, active: true, sortOrder: true } as const;

/** Display order steps, so that a later insert between two terms needs no renumbering. */
const STEP = 10;

const toDTO = ({ id, code, labelEn, labelUk, category, active }: TermDTO): TermDTO => ({ id, code, labelEn, labelUk, category, active });

async function findTerm(tx: Tx, id: string) {
  const term = await tx.term.findUnique({ where: { id }, select: termSelect });
  if (!term) throw new AppError("NOT_FOUND");
  return term;
}

export async function createTerm({ actor, input }: { actor: Actor; input: unknown }): Promise<TermDTO> {
  assertCan(actor, "reference.write");
  const data = parseInput(ZCreateTermInput, input);
  return db.$transaction(async (tx) => {
    const taken = await tx.term.findUnique({ where: { vocabulary_code: { vocabulary: data.vocabulary, code: data.code } }, select: { id: true } });
    if (taken) throw new AppError("VALIDATION", "errors.validation", { code: ["validation.termCodeTaken"] });
    const last = await tx.term.aggregate({ where: { vocabulary: data.vocabulary }, _max: { sortOrder: true } });
    const term = await tx.term.create({
      data: { ...data, sortOrder: (last._max.sortOrder ?? 0) + STEP },
      select: termSelect,
    });
    await recordAudit(tx, {
      actor,
      event: "term.created",
      entity: "Term",
      entityId: term.id,
      after: { vocabulary: term.vocabulary, code: term.code, labelEn: term.labelEn, labelUk: term.labelUk, sortOrder: term.sortOrder },
    });
    return toDTO(term);
  });
}

export async function updateTermLabels({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<TermDTO> {
  assertCan(actor, "reference.write");
  const data = parseInput(ZUpdateTermInput, input);
  return db.$transaction(async (tx) => {
    const term = await findTerm(tx, id);
    const diff = changedFields({ labelEn: term.labelEn, labelUk: term.labelUk }, data);
    if (!diff) return toDTO(term);
    const updated = await tx.term.update({ where: { id }, data, select: termSelect });
    await recordAudit(tx, { actor, event: "term.updated", entity: "Term", entityId: id, ...diff });
    return toDTO(updated);
  });
}

/** Moves a term one place up or down among its vocabulary's terms (retired ones included). */
export async function moveTerm({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<void> {
  assertCan(actor, "reference.write");
  const { direction } = parseInput(ZMoveTermInput, input);
  await db.$transaction(async (tx) => {
    const term = await findTerm(tx, id);
    const terms = await tx.term.findMany({
      where: { vocabulary: term.vocabulary },
      orderBy: [{ sortOrder: "asc" }, { labelEn: "asc" }],
      select: { id: true, sortOrder: true },
    });
    const from = terms.findIndex((t) => t.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= terms.length) return; // already first or last: nothing to do
    [terms[from], terms[to]] = [terms[to], terms[from]];
    // Renumber the whole vocabulary: seeds and older edits may have left equal sort orders.
    for (const [i, t] of terms.entries())
      if (t.sortOrder !== (i + 1) * STEP) await tx.term.update({ where: { id: t.id }, data: { sortOrder: (i + 1) * STEP } });
    await recordAudit(tx, {
      actor,
      event: "term.reordered",
      entity: "Term",
      entityId: id,
      before: { position: from + 1 },
      after: { position: to + 1 },
    });
  });
}

/** Retires a term (forms no longer offer it) or brings it back. */
export async function setTermActive({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<TermDTO> {
  assertCan(actor, "reference.write");
  const { active } = parseInput(ZSetTermActiveInput, input);
  return db.$transaction(async (tx) => {
    const term = await findTerm(tx, id);
    if (term.active === active) return toDTO(term);
    const updated = await tx.term.update({ where: { id }, data: { active }, select: termSelect });
    await recordAudit(tx, {
      actor,
      event: active ? "term.reactivated" : "term.retired",
      entity: "Term",
      entityId: id,
      before: { active: term.active },
      after: { active },
    });
    return toDTO(updated);
  });
}
