import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { changedFields, recordAudit } from "@/lib/audit";
import { claimVersion, takeExpectedVersion } from "@/lib/concurrency";
import { toDbDate, toDbDateOrNull, toIsoDate, toIsoDateOrNull } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOnce, takeIdempotencyKey } from "@/lib/idempotency";
import { parseInput } from "@/lib/parse";
import type { RecordLanguage } from "@/lib/record-language";
import { actionScope, assertCan, assertCanEditRecord, type Actor } from "@/lib/permissions";
import { assertReferencesExist } from "@/lib/references";
import { termIdsByCode } from "@/lib/vocabularies/queries";
import { ZActionInput, type TActionData } from "./schemas";

/** The audited shape of an action: codes, ids and ISO dates, sorted so diffs are stable. */
type ActionSnapshot = ReturnType<typeof snapshotOf>;

const snapshotOf = (d: TActionData) => ({
  title: d.title,
  type: d.type,
  date: d.date,
  datePrecision: d.datePrecision,
  status: d.status,
  organizationIds: [...d.organizationIds].sort(),
  campaignIds: [...d.campaignIds].sort(),
  participantIds: [...d.participantIds].sort(),
  referenceNumber: d.referenceNumber ?? null,
  summary: d.summary ?? null,
  responseSummary: d.responseSummary ?? null,
  responseDate: d.responseDate ?? null,
  followUpDue: d.followUpDue ?? null,
  confidentiality: d.confidentiality,
  originalLanguage: d.originalLanguage,
  titleTranslation: d.titleTranslation ?? null,
  summaryTranslation: d.summaryTranslation ?? null,
  needsTranslation: d.needsTranslation,
});

async function columnsOf(tx: Tx, d: TActionData) {
  await assertReferencesExist(tx, d);
  const terms = await termIdsByCode(tx, { type: ["ACTION_TYPE", d.type], status: ["ACTION_STATUS", d.status] });
  return {
    title: d.title,
    typeId: terms.type,
    statusId: terms.status,
    date: toDbDate(d.date),
    datePrecision: d.datePrecision,
    referenceNumber: d.referenceNumber ?? null,
    summary: d.summary ?? null,
    responseSummary: d.responseSummary ?? null,
    responseDate: toDbDateOrNull(d.responseDate),
    followUpDue: toDbDateOrNull(d.followUpDue),
    confidentiality: d.confidentiality,
    originalLanguage: d.originalLanguage,
    titleTranslation: d.titleTranslation ?? null,
    summaryTranslation: d.summaryTranslation ?? null,
    needsTranslation: d.needsTranslation,
  };
}

const relationsOf = (d: TActionData) => ({
  organizations: { create: d.organizationIds.map((organizationId) => ({ organizationId })) },
  campaigns: { create: d.campaignIds.map((campaignId) => ({ campaignId })) },
  participants: { create: d.participantIds.map((userId) => ({ userId })) },
});

export async function createAction({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "record.create");
  const { key, fields } = takeIdempotencyKey(input);
  const data = parseInput(ZActionInput, fields);
  return createOnce({ actor, scope: "action.create", key }, async (tx, noteRecord) => {
    const action = await tx.action.create({
      data: { ...(await columnsOf(tx, data)), createdById: actor.id, ...relationsOf(data) },
      select: { id: true },
    });
    await noteRecord(action.id);
    await recordAudit(tx, { actor, event: "action.created", entity: "Action", entityId: action.id, after: snapshotOf(data) });
    return action;
  });
}

/** What an edit reads of a stored action: its own fields and the codes and ids of its relations. */
export const STORED_ACTION_INCLUDE = {
  type: { select: { code: true } },
  status: { select: { code: true } },
  organizations: { select: { organizationId: true } },
  campaigns: { select: { campaignId: true } },
  participants: { select: { userId: true } },
} as const satisfies Prisma.ActionInclude;

type StoredAction = Prisma.ActionGetPayload<{ include: typeof STORED_ACTION_INCLUDE }>;

/** A stored action as the input that would save it unchanged (codes and ids; empty fields absent). */
export const inputOfStoredAction = (a: StoredAction): TActionData => ({
  title: a.title,
  type: a.type.code,
  date: toIsoDate(a.date),
  datePrecision: a.datePrecision,
  status: a.status.code,
  organizationIds: a.organizations.map((o) => o.organizationId),
  campaignIds: a.campaigns.map((c) => c.campaignId),
  participantIds: a.participants.map((p) => p.userId),
  referenceNumber: a.referenceNumber ?? undefined,
  summary: a.summary ?? undefined,
  responseSummary: a.responseSummary ?? undefined,
  responseDate: toIsoDateOrNull(a.responseDate) ?? undefined,
  followUpDue: toIsoDateOrNull(a.followUpDue) ?? undefined,
  confidentiality: a.confidentiality,
  originalLanguage: a.originalLanguage as RecordLanguage,
  titleTranslation: a.titleTranslation ?? undefined,
  summaryTranslation: a.summaryTranslation ?? undefined,
  needsTranslation: a.needsTranslation,
});

/** Loads an action the actor may see and edit, with its current audited snapshot. */
async function loadEditable(tx: Tx, actor: Actor, id: string): Promise<ActionSnapshot> {
  const a = await tx.action.findFirst({ where: { AND: [{ id }, actionScope(actor)] }, include: STORED_ACTION_INCLUDE });
  if (!a) throw new AppError("NOT_FOUND");
  const input = inputOfStoredAction(a);
  assertCanEditRecord(actor, { createdById: a.createdById, participantIds: input.participantIds }, { entity: "Action", id });
  return snapshotOf(input);
}

export async function updateAction({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "record.edit.own");
  const { expectedVersion, fields } = takeExpectedVersion(input);
  const data = parseInput(ZActionInput, fields);
  return db.$transaction(async (tx) => {
    const before = await loadEditable(tx, actor, id);
    const after = snapshotOf(data);
    const diff = changedFields(before, after);
    if (!diff) return { id };
    await claimVersion(tx, "action", id, expectedVersion, { mine: after, current: () => loadEditable(tx, actor, id) });
    await tx.action.update({
      where: { id },
      data: {
        ...(await columnsOf(tx, data)),
        organizations: { deleteMany: {}, ...relationsOf(data).organizations },
        campaigns: { deleteMany: {}, ...relationsOf(data).campaigns },
        participants: { deleteMany: {}, ...relationsOf(data).participants },
      },
    });
    await recordAudit(tx, { actor, event: "action.updated", entity: "Action", entityId: id, ...diff });
    return { id };
  });
}

/** Soft delete: the row stays for the audit trail; every scope hides it. */
export async function deleteAction({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, "record.edit.own");
  await db.$transaction(async (tx) => {
    const before = await loadEditable(tx, actor, id);
    await tx.action.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, { actor, event: "action.deleted", entity: "Action", entityId: id, before });
  });
}
