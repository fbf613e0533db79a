import "server-only";
import { changedFields, recordAudit } from "@/lib/audit";
import { claimVersion, takeExpectedVersion } from "@/lib/concurrency";
import { toDbDateOrNull, toIsoDateOrNull } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOnce, takeIdempotencyKey } from "@/lib/idempotency";
import { parseInput } from "@/lib/parse";
import { assertCan, type Actor } from "@/lib/permissions";
import { assertReferencesExist } from "@/lib/references";
import { assertNoCycle } from "@/lib/tree";
import { termIdByCode } from "@/lib/vocabularies/queries";
import { ZCampaignInput, type TCampaignData } from "./schemas";

const snapshotOf = (d: TCampaignData) => ({
  title: d.title,
  titleUk: d.titleUk ?? null,
  goal: d.goal ?? null,
  status: d.status,
  priority: d.priority,
  ownerId: d.ownerId ?? null,
  targetOrgId: d.targetOrgId ?? null,
  parentId: d.parentId ?? null,
  startDate: d.startDate ?? null,
  endDate: d.endDate ?? null,
});

/** `keepOwnerId`: the current owner may stay even after their account was deactivated. */
async function columnsOf(tx: Tx, d: TCampaignData, keepOwnerId?: string | null) {
  await assertReferencesExist(tx, { organizationId: { targetOrgId: d.targetOrgId } });
  // Checked here rather than as participantIds so that the error lands on the owner field.
  if (d.ownerId && d.ownerId !== keepOwnerId && !(await tx.user.count({ where: { id: d.ownerId, active: true } })))
    throw new AppError("VALIDATION", "errors.validation", { ownerId: ["validation.unknownReference"] });
  if (d.parentId && !(await tx.campaign.count({ where: { id: d.parentId, deletedAt: null } })))
    throw new AppError("VALIDATION", "errors.validation", { parentId: ["validation.unknownReference"] });
  const { status, startDate, endDate, ...rest } = snapshotOf(d);
  return {
    ...rest,
    statusId: await termIdByCode(tx, "CAMPAIGN_STATUS", status, "status"),
    startDate: toDbDateOrNull(startDate),
    endDate: toDbDateOrNull(endDate),
  };
}

export async function createCampaign({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "reference.write");
  const { key, fields } = takeIdempotencyKey(input);
  const data = parseInput(ZCampaignInput, fields);
  return createOnce({ actor, scope: "campaign.create", key }, async (tx, noteRecord) => {
    const campaign = await tx.campaign.create({ data: await columnsOf(tx, data), select: { id: true } });
    await noteRecord(campaign.id);
    await recordAudit(tx, { actor, event: "campaign.created", entity: "Campaign", entityId: campaign.id, after: snapshotOf(data) });
    return campaign;
  });
}

export async function updateCampaign({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "reference.write");
  const { expectedVersion, fields } = takeExpectedVersion(input);
  const data = parseInput(ZCampaignInput, fields);
  return db.$transaction(async (tx) => {
    // Read "before" inside the transaction, from the row as stored (not re-validated: a campaign
    // that predates a stricter rule can still be edited).
    const readCurrent = async () => {
      const c = await tx.campaign.findFirst({ where: { id, deletedAt: null }, include: { status: { select: { code: true } } } });
      if (!c) throw new AppError("NOT_FOUND");
      return {
        title: c.title,
        titleUk: c.titleUk,
        goal: c.goal,
        status: c.status.code,
        priority: c.priority,
        ownerId: c.ownerId,
        targetOrgId: c.targetOrgId,
        parentId: c.parentId,
        startDate: toIsoDateOrNull(c.startDate),
        endDate: toIsoDateOrNull(c.endDate),
      };
    };
    const before = await readCurrent();
    await assertNoCycle(id, data.parentId, async (x) => (await tx.campaign.findUnique({ where: { id: x }, select: { parentId: true } }))?.parentId);
    const after = snapshotOf(data);
    const diff = changedFields(before, after);
    if (!diff) return { id };
    await claimVersion(tx, "campaign", id, expectedVersion, { mine: after, current: readCurrent });
    await tx.campaign.update({ where: { id }, data: await columnsOf(tx, data, before.ownerId) });
    await recordAudit(tx, { actor, event: "campaign.updated", entity: "Campaign", entityId: id, ...diff });
    return { id };
  });
}
