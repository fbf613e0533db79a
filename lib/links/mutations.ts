import "server-only";
import { changedFields, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { createOnce, takeIdempotencyKey } from "@/lib/idempotency";
import { parseInput } from "@/lib/parse";
import { actionScope, assertCan, canEditRecord, outcomeScope, type Actor } from "@/lib/permissions";
import { termIdByCode } from "@/lib/vocabularies/queries";
import { ZLinkInput, ZLinkUpdate } from "./schemas";

/**
 * Both ends must be visible to the actor (otherwise they "do not exist"), and the actor must be
 * able to edit at least one of them: a link is a claim made from either side.
 */
async function assertCanLink(tx: Tx, actor: Actor, actionId: string, outcomeId: string) {
  const [action, outcome] = await Promise.all([
    tx.action.findFirst({
      where: { AND: [{ id: actionId }, actionScope(actor)] },
      select: { createdById: true, participants: { select: { userId: true } } },
    }),
    tx.outcome.findFirst({ where: { AND: [{ id: outcomeId }, outcomeScope(actor)] }, select: { createdById: true } }),
  ]);
  if (!action || !outcome) throw new AppError("NOT_FOUND");
  const editable =
    canEditRecord(actor, { createdById: action.createdById, participantIds: action.participants.map((p) => p.userId) }) ||
    canEditRecord(actor, outcome);
  if (!editable) throw forbidden(actor, "link.edit", { entity: "Action", id: actionId });
}

export async function createLink({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "record.edit.own");
  const { key, fields } = takeIdempotencyKey(input);
  const data = parseInput(ZLinkInput, fields);
  return createOnce({ actor, scope: "link.create", key }, async (tx, noteRecord) => {
    await assertCanLink(tx, actor, data.actionId, data.outcomeId);
    const existing = await tx.actionOutcomeLink.findUnique({
      where: { actionId_outcomeId: { actionId: data.actionId, outcomeId: data.outcomeId } },
      select: { id: true },
    });
    if (existing) throw new AppError("CONFLICT", "errors.linkExists");
    const link = await tx.actionOutcomeLink.create({
      data: {
        actionId: data.actionId,
        outcomeId: data.outcomeId,
        contributionId: await termIdByCode(tx, "CONTRIBUTION", data.contribution, "contribution"),
        evidenceNote: data.evidenceNote ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const after = {
      actionId: data.actionId,
      outcomeId: data.outcomeId,
      contribution: data.contribution,
      evidenceNote: data.evidenceNote ?? null,
    };
    await noteRecord(link.id);
    await recordAudit(tx, { actor, event: "link.created", entity: "ActionOutcomeLink", entityId: link.id, after });
    return link;
  });
}

async function loadLink(tx: Tx, actor: Actor, id: string) {
  const link = await tx.actionOutcomeLink.findUnique({
    where: { id },
    select: { id: true, actionId: true, outcomeId: true, evidenceNote: true, contribution: { select: { code: true } } },
  });
  if (!link) throw new AppError("NOT_FOUND");
  await assertCanLink(tx, actor, link.actionId, link.outcomeId);
  return {
    actionId: link.actionId,
    outcomeId: link.outcomeId,
    contribution: link.contribution.code,
    evidenceNote: link.evidenceNote,
  };
}

export async function updateLink({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<void> {
  assertCan(actor, "record.edit.own");
  const data = parseInput(ZLinkUpdate, input);
  await db.$transaction(async (tx) => {
    const before = await loadLink(tx, actor, id);
    const diff = changedFields(before, { ...before, contribution: data.contribution, evidenceNote: data.evidenceNote ?? null });
    if (!diff) return;
    await tx.actionOutcomeLink.update({
      where: { id },
      data: {
        contributionId: await termIdByCode(tx, "CONTRIBUTION", data.contribution, "contribution"),
        evidenceNote: data.evidenceNote ?? null,
      },
    });
    await recordAudit(tx, { actor, event: "link.updated", entity: "ActionOutcomeLink", entityId: id, ...diff });
  });
}

export async function deleteLink({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, "record.edit.own");
  await db.$transaction(async (tx) => {
    const before = await loadLink(tx, actor, id);
    await tx.actionOutcomeLink.delete({ where: { id } });
    await recordAudit(tx, { actor, event: "link.deleted", entity: "ActionOutcomeLink", entityId: id, before });
  });
}
