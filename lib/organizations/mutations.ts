import "server-only";
import { changedFields, recordAudit } from "@/lib/audit";
import { claimVersion, takeExpectedVersion } from "@/lib/concurrency";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOnce, takeIdempotencyKey } from "@/lib/idempotency";
import { parseInput } from "@/lib/parse";
import { assertCan, type Actor } from "@/lib/permissions";
import { assertReferencesExist } from "@/lib/references";
import { assertNoCycle } from "@/lib/tree";
import { termIdByCode } from "@/lib/vocabularies/queries";
import { ZOrganizationInput, type TOrganizationData } from "./schemas";

const snapshotOf = (d: TOrganizationData) => ({
  name: d.name,
  nameUk: d.nameUk ?? null,
  acronym: d.acronym ?? null,
  kind: d.kind,
  parentId: d.parentId ?? null,
  country: d.country ?? null,
  website: d.website ?? null,
  notes: d.notes ?? null,
});

async function columnsOf(tx: Tx, d: TOrganizationData) {
  await assertReferencesExist(tx, { organizationId: { parentId: d.parentId } });
  const { kind, ...rest } = snapshotOf(d);
  return { ...rest, kindId: await termIdByCode(tx, "ORGANIZATION_KIND", kind, "kind") };
}

export async function createOrganization({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "reference.write");
  const { key, fields } = takeIdempotencyKey(input);
  const data = parseInput(ZOrganizationInput, fields);
  return createOnce({ actor, scope: "organization.create", key }, async (tx, noteRecord) => {
    const org = await tx.organization.create({ data: await columnsOf(tx, data), select: { id: true } });
    await noteRecord(org.id);
    await recordAudit(tx, { actor, event: "organization.created", entity: "Organization", entityId: org.id, after: snapshotOf(data) });
    return org;
  });
}

export async function updateOrganization({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "reference.write");
  const { expectedVersion, fields } = takeExpectedVersion(input);
  const data = parseInput(ZOrganizationInput, fields);
  return db.$transaction(async (tx) => {
    const readCurrent = async () => {
      const current = await tx.organization.findFirst({ where: { id, deletedAt: null }, include: { kind: { select: { code: true } } } });
      if (!current) throw new AppError("NOT_FOUND");
      return snapshotOf({
        name: current.name,
        nameUk: current.nameUk ?? undefined,
        acronym: current.acronym ?? undefined,
        kind: current.kind.code,
        parentId: current.parentId ?? undefined,
        country: current.country ?? undefined,
        website: current.website ?? undefined,
        notes: current.notes ?? undefined,
      });
    };
    const before = await readCurrent();
    await assertNoCycle(id, data.parentId, async (x) => (await tx.organization.findUnique({ where: { id: x }, select: { parentId: true } }))?.parentId);
    const after = snapshotOf(data);
    const diff = changedFields(before, after);
    if (!diff) return { id };
    await claimVersion(tx, "organization", id, expectedVersion, { mine: after, current: readCurrent });
    await tx.organization.update({ where: { id }, data: await columnsOf(tx, data) });
    await recordAudit(tx, { actor, event: "organization.updated", entity: "Organization", entityId: id, ...diff });
    return { id };
  });
}
