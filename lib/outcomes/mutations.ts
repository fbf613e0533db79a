import "server-only";
import { changedFields, recordAudit } from "@/lib/audit";
import { claimVersion, takeExpectedVersion } from "@/lib/concurrency";
import { toDbDate, toIsoDate } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOnce, takeIdempotencyKey } from "@/lib/idempotency";
import { parseInput } from "@/lib/parse";
import type { RecordLanguage } from "@/lib/record-language";
import { assertCan, assertCanEditRecord, outcomeScope, type Actor } from "@/lib/permissions";
import { assertReferencesExist } from "@/lib/references";
import { termIdsByCode } from "@/lib/vocabularies/queries";
import { ZOutcomeInput, type TOutcomeData } from "./schemas";

type OutcomeSnapshot = ReturnType<typeof snapshotOf>;

const snapshotOf = (d: TOutcomeData) => ({
  title: d.title,
  type: d.type,
  date: d.date,
  datePrecision: d.datePrecision,
  decidingBodyId: d.decidingBodyId ?? null,
  subjectId: d.subjectId ?? null,
  statusBefore: d.statusBefore ?? null,
  statusAfter: d.statusAfter ?? null,
  sourceCitation: d.sourceCitation ?? null,
  sourceUrl: d.sourceUrl ?? null,
  verification: d.verification,
  summary: d.summary ?? null,
  campaignIds: [...d.campaignIds].sort(),
  confidentiality: d.confidentiality,
  originalLanguage: d.originalLanguage,
  titleTranslation: d.titleTranslation ?? null,
  summaryTranslation: d.summaryTranslation ?? null,
  needsTranslation: d.needsTranslation,
});

async function columnsOf(tx: Tx, d: TOutcomeData) {
  await assertReferencesExist(tx, {
    campaignIds: d.campaignIds,
    organizationId: { decidingBodyId: d.decidingBodyId, subjectId: d.subjectId },
  });
  const terms = await termIdsByCode(tx, { type: ["OUTCOME_TYPE", d.type], verification: ["VERIFICATION", d.verification] });
  return {
    title: d.title,
    typeId: terms.type,
    verificationId: terms.verification,
    date: toDbDate(d.date),
    datePrecision: d.datePrecision,
    decidingBodyId: d.decidingBodyId ?? null,
    subjectId: d.subjectId ?? null,
    statusBefore: d.statusBefore ?? null,
    statusAfter: d.statusAfter ?? null,
    sourceCitation: d.sourceCitation ?? null,
    sourceUrl: d.sourceUrl ?? null,
    summary: d.summary ?? null,
    confidentiality: d.confidentiality,
    originalLanguage: d.originalLanguage,
    titleTranslation: d.titleTranslation ?? null,
    summaryTranslation: d.summaryTranslation ?? null,
    needsTranslation: d.needsTranslation,
  };
}

export async function createOutcome({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "record.create");
  const { key, fields } = takeIdempotencyKey(input);
  const data = parseInput(ZOutcomeInput, fields);
  return createOnce({ actor, scope: "outcome.create", key }, async (tx, noteRecord) => {
    const outcome = await tx.outcome.create({
      data: {
        ...(await columnsOf(tx, data)),
        createdById: actor.id,
        campaigns: { create: data.campaignIds.map((campaignId) => ({ campaignId })) },
      },
      select: { id: true },
    });
    await noteRecord(outcome.id);
    await recordAudit(tx, { actor, event: "outcome.created", entity: "Outcome", entityId: outcome.id, after: snapshotOf(data) });
    return outcome;
  });
}

async function loadEditable(tx: Tx, actor: Actor, id: string): Promise<OutcomeSnapshot> {
  const o = await tx.outcome.findFirst({
    where: { AND: [{ id }, outcomeScope(actor)] },
    include: {
      type: { select: { code: true } },
      verification: { select: { code: true } },
      campaigns: { select: { campaignId: true } },
    },
  });
  if (!o) throw new AppError("NOT_FOUND");
  assertCanEditRecord(actor, { createdById: o.createdById }, { entity: "Outcome", id });
  return snapshotOf({
    title: o.title,
    type: o.type.code,
    date: toIsoDate(o.date),
    datePrecision: o.datePrecision,
    decidingBodyId: o.decidingBodyId ?? undefined,
    subjectId: o.subjectId ?? undefined,
    statusBefore: o.statusBefore ?? undefined,
    statusAfter: o.statusAfter ?? undefined,
    sourceCitation: o.sourceCitation ?? undefined,
    sourceUrl: o.sourceUrl ?? undefined,
    verification: o.verification.code,
    summary: o.summary ?? undefined,
    campaignIds: o.campaigns.map((c) => c.campaignId),
    confidentiality: o.confidentiality,
    originalLanguage: o.originalLanguage as RecordLanguage,
    titleTranslation: o.titleTranslation ?? undefined,
    summaryTranslation: o.summaryTranslation ?? undefined,
    needsTranslation: o.needsTranslation,
  });
}

export async function updateOutcome({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "record.edit.own");
  const { expectedVersion, fields } = takeExpectedVersion(input);
  const data = parseInput(ZOutcomeInput, fields);
  return db.$transaction(async (tx) => {
    const after = snapshotOf(data);
    const diff = changedFields(await loadEditable(tx, actor, id), after);
    if (!diff) return { id };
    await claimVersion(tx, "outcome", id, expectedVersion, { mine: after, current: () => loadEditable(tx, actor, id) });
    await tx.outcome.update({
      where: { id },
      data: {
        ...(await columnsOf(tx, data)),
        campaigns: { deleteMany: {}, create: data.campaignIds.map((campaignId) => ({ campaignId })) },
      },
    });
    await recordAudit(tx, { actor, event: "outcome.updated", entity: "Outcome", entityId: id, ...diff });
    return { id };
  });
}

export async function deleteOutcome({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, "record.edit.own");
  await db.$transaction(async (tx) => {
    const before = await loadEditable(tx, actor, id);
    await tx.outcome.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, { actor, event: "outcome.deleted", entity: "Outcome", entityId: id, before });
  });
}
