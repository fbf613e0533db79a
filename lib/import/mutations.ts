import "server-only";
// Import and undo: each ONE transaction with ONE audit event (import.run, import.undo).
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { claimVersion } from "@/lib/concurrency";
import { toDbDate, toDbDateOrNull } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { assertCan, type Actor } from "@/lib/permissions";
import {
  evaluate,
  loadContext,
  NEW_PREFIX,
  reportOf,
  type ActionSnapshot,
  type Prepared,
  type PreparedUpdate,
} from "./dry-run";
import { preselectMapping, readTable } from "./parse";
import {
  IMPORT_MAX_BYTES,
  PER_RECORD_AUDIT_LIMIT,
  ZImportRequest,
  type DryRunReport,
  type ImportKind,
  type Mapping,
} from "./schemas";

const CHUNK = 250;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export type ImportFile = { name: string; bytes: Uint8Array };

/** The checks a file passes before it is read: its size and its type (by name). */
export function checkImportFile(file: ImportFile) {
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) throw new AppError("VALIDATION", "import.errors.tooLarge");
  if (!/\.(csv|xlsx)$/i.test(file.name)) throw new AppError("VALIDATION", "import.errors.fileType");
}

async function readFile(file: ImportFile) {
  checkImportFile(file);
  try {
    return await readTable(file.bytes, file.name);
  } catch {
    throw new AppError("VALIDATION", "import.errors.unreadable");
  }
}

/** The dry run: the report of every row, nothing written but the person's last mapping. */
export async function dryRunImport({
  actor,
  file,
  input,
}: {
  actor: Actor;
  file: ImportFile;
  input: unknown;
}): Promise<DryRunReport> {
  assertCan(actor, "import.run");
  const req = parseInput(ZImportRequest, input);
  const table = await readFile(file);
  // no mapping yet (the upload step): the person's last one where it fits, else guessed from the headers
  const mapping = Object.keys(req.mapping).length
    ? (req.mapping as Mapping)
    : await savedOrGuessed(actor, req.kind, table.headers);
  const ctx = await loadContext(db, actor);
  const result = await evaluate(req.kind, table, mapping, ctx, new Set(req.confirmed));
  await db.importMapping.upsert({
    where: { userId_kind: { userId: actor.id, kind: req.kind } },
    create: { userId: actor.id, kind: req.kind, mapping },
    update: { mapping },
  });
  return reportOf(req.kind, { name: file.name, hash: sha256(file.bytes) }, table, mapping, result);
}

async function savedOrGuessed(actor: Actor, kind: ImportKind, headers: string[]): Promise<Mapping> {
  const saved = await db.importMapping.findUnique({ where: { userId_kind: { userId: actor.id, kind } } });
  return preselectMapping(kind, headers, (saved?.mapping as Mapping | undefined) ?? null);
}

/** skipped: rows with errors (when the person chose to skip them) and rows that would change nothing. */
export type ImportResult = { batchId: string; created: number; updated: number; skipped: number; firstIds: string[] };

/** An update as the import.run event keeps it: undo restores `before` while the record is still at `version`. */
type AppliedUpdate = { id: string; row: number; version: number; before: ActionSnapshot; after: ActionSnapshot };

/** The import itself: refused while rows have errors unless the person chose to skip them. */
export async function runImport({
  actor,
  file,
  input,
  onProgress,
}: {
  actor: Actor;
  file: ImportFile;
  input: unknown;
  /** Called once the rows are checked (0, total), then after each chunk of inserted records (done, total), inside the transaction. */
  onProgress?: (done: number, total: number) => void;
}): Promise<ImportResult> {
  assertCan(actor, "import.run");
  const req = parseInput(ZImportRequest, input);
  const table = await readFile(file);
  const mapping = req.mapping as Mapping;
  const fileHash = sha256(file.bytes);
  return db.$transaction(
    async (tx) => {
      const result = await evaluate(req.kind, table, mapping, await loadContext(tx, actor), new Set(req.confirmed));
      const errors = result.rows.filter((r) => r.result === "error").length;
      if (errors && !req.skipBad)
        throw new AppError("VALIDATION", "import.errors.hasErrors", undefined, { values: { count: String(errors) } });
      if (!result.prepared.length && !result.updates.length) throw new AppError("VALIDATION", "import.errors.nothing");
      const skipped = result.rows.length - result.prepared.length - result.updates.length;
      const batch = await tx.importBatch.create({
        data: {
          kind: req.kind,
          fileName: file.name.slice(0, 300),
          fileHash,
          createdById: actor.id,
          created: result.prepared.length,
          updated: result.updates.length,
          skipped,
        },
      });
      const used = usedProposals([...result.prepared, ...result.updates.map((u) => ({ data: u.after }))]);
      const ids = await createProposals(tx, batch.id, used);
      const total = result.prepared.length + result.updates.length;
      const created = await createRecords(tx, actor, batch.id, result.prepared, ids, (done) => onProgress?.(done, total));
      const updated = await applyUpdates(tx, result.updates, ids, (done) => onProgress?.(created.length + done, total));
      const perRecord = created.length + updated.length <= PER_RECORD_AUDIT_LIMIT;
      if (perRecord)
        for (const r of created)
          await recordAudit(tx, {
            actor,
            event: `${req.kind}.created`,
            entity: req.kind === "action" ? "Action" : "Outcome",
            entityId: r.id,
            after: { ...r.snapshot, importBatchId: batch.id },
          });
      // the same field-level rows as an edit, so each record's History shows what the import changed
      if (perRecord)
        for (const u of updated)
          await recordAudit(tx, { actor, event: "action.updated", entity: "Action", entityId: u.id, before: u.before, after: u.after });
      await recordAudit(tx, {
        actor,
        event: "import.run",
        entity: "ImportBatch",
        entityId: batch.id,
        after: {
          fileHash,
          fileName: file.name,
          kind: req.kind,
          created: created.length,
          updated: updated.length,
          skipped,
          mapping,
          proposalsCreated: used.map((u) => u.slice(NEW_PREFIX.length)),
          perRecordAudit: perRecord,
          // what undo restores: each updated record's changed fields before and after, and its version after
          updates: updated,
        },
      });
      return {
        batchId: batch.id,
        created: created.length,
        updated: updated.length,
        skipped,
        firstIds: [...updated.map((u) => u.id), ...created.map((c) => c.id)].slice(0, 5),
      };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

function usedProposals(prepared: { data: unknown }[]): string[] {
  const used = new Set<string>();
  for (const p of prepared) {
    const d = p.data as Record<string, unknown>;
    for (const v of [
      ...((d.organizationIds as string[]) ?? []),
      ...((d.campaignIds as string[]) ?? []),
      d.decidingBodyId,
      d.subjectId,
    ])
      if (typeof v === "string" && v.startsWith(NEW_PREFIX)) used.add(v);
  }
  return [...used];
}

/** Confirmed proposals that rows use: organizations (kind "Other") and campaigns (status "Active"). */
async function createProposals(tx: Tx, importBatchId: string, used: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!used.length) return ids;
  const kind = await tx.term.findUniqueOrThrow({
    where: { vocabulary_code: { vocabulary: "ORGANIZATION_KIND", code: "OTHER" } },
  });
  const status = await tx.term.findUniqueOrThrow({
    where: { vocabulary_code: { vocabulary: "CAMPAIGN_STATUS", code: "ACTIVE" } },
  });
  for (const key of used) {
    const [type, ...rest] = key.slice(NEW_PREFIX.length).split(":");
    const name = rest.join(":");
    const id = randomUUID();
    if (type === "org") await tx.organization.create({ data: { id, name, kindId: kind.id, importBatchId } });
    else await tx.campaign.create({ data: { id, title: name, statusId: status.id, importBatchId } });
    ids.set(key, id);
  }
  return ids;
}

const chunks = <T>(xs: T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

async function createRecords(
  tx: Tx,
  actor: Actor,
  importBatchId: string,
  prepared: Prepared[],
  newIds: Map<string, string>,
  onProgress?: (done: number, total: number) => void,
) {
  const id = (v: string) => (v.startsWith(NEW_PREFIX) ? newIds.get(v)! : v);
  const termIds = new Map<string, string>();
  for (const t of await tx.term.findMany({ select: { id: true, vocabulary: true, code: true } }))
    termIds.set(`${t.vocabulary}:${t.code}`, t.id);
  const created: { id: string; snapshot: Record<string, unknown> }[] = [];
  onProgress?.(0, prepared.length);
  if (!prepared.length) return created;
  for (const part of chunks(prepared)) {
    const rows = part.map((p) => ({ ...p, id: randomUUID() }));
    if (rows[0].kind === "action") {
      const actions = rows as (Extract<Prepared, { kind: "action" }> & { id: string })[];
      await tx.action.createMany({
        data: actions.map(({ id: actionId, data: d }) => ({
          id: actionId,
          title: d.title,
          typeId: termIds.get(`ACTION_TYPE:${d.type}`)!,
          statusId: termIds.get(`ACTION_STATUS:${d.status}`)!,
          date: toDbDate(d.date),
          datePrecision: d.datePrecision,
          referenceNumber: d.referenceNumber ?? null,
          summary: d.summary ?? null,
          followUpDue: toDbDateOrNull(d.followUpDue),
          confidentiality: d.confidentiality,
          originalLanguage: d.originalLanguage,
          createdById: actor.id,
          importBatchId,
        })),
      });
      const orgLinks = actions.flatMap((a) =>
        [...new Set(a.data.organizationIds.map(id))].map((organizationId) => ({ actionId: a.id, organizationId })),
      );
      const campaignLinks = actions.flatMap((a) =>
        [...new Set(a.data.campaignIds.map(id))].map((campaignId) => ({ actionId: a.id, campaignId })),
      );
      if (orgLinks.length) await tx.actionOrganization.createMany({ data: orgLinks });
      if (campaignLinks.length) await tx.actionCampaign.createMany({ data: campaignLinks });
    } else {
      const outcomes = rows as (Extract<Prepared, { kind: "outcome" }> & { id: string })[];
      await tx.outcome.createMany({
        data: outcomes.map(({ id: outcomeId, data: d }) => ({
          id: outcomeId,
          title: d.title,
          typeId: termIds.get(`OUTCOME_TYPE:${d.type}`)!,
          verificationId: termIds.get(`VERIFICATION:${d.verification}`)!,
          date: toDbDate(d.date),
          datePrecision: d.datePrecision,
          decidingBodyId: d.decidingBodyId ? id(d.decidingBodyId) : null,
          subjectId: d.subjectId ? id(d.subjectId) : null,
          statusBefore: d.statusBefore ?? null,
          statusAfter: d.statusAfter ?? null,
          sourceCitation: d.sourceCitation ?? null,
          summary: d.summary ?? null,
          confidentiality: d.confidentiality,
          originalLanguage: d.originalLanguage,
          createdById: actor.id,
          importBatchId,
        })),
      });
      const campaignLinks = outcomes.flatMap((o) =>
        [...new Set(o.data.campaignIds.map(id))].map((campaignId) => ({ outcomeId: o.id, campaignId })),
      );
      if (campaignLinks.length) await tx.outcomeCampaign.createMany({ data: campaignLinks });
    }
    for (const r of rows) created.push({ id: r.id, snapshot: { ...r.data, row: r.row } });
    onProgress?.(created.length, prepared.length);
  }
  return created;
}

/** The columns and links of an action that a snapshot of changed fields sets. */
function columnsOfSnapshot(snap: ActionSnapshot, termIds: Map<string, string>): Prisma.ActionUncheckedUpdateInput {
  const data: Prisma.ActionUncheckedUpdateInput = {};
  if ("title" in snap) data.title = String(snap.title);
  if ("type" in snap) data.typeId = termIds.get(`ACTION_TYPE:${String(snap.type)}`)!;
  if ("status" in snap) data.statusId = termIds.get(`ACTION_STATUS:${String(snap.status)}`)!;
  if ("date" in snap) data.date = toDbDate(String(snap.date));
  if ("datePrecision" in snap) data.datePrecision = snap.datePrecision as Prisma.ActionUncheckedUpdateInput["datePrecision"];
  if ("summary" in snap) data.summary = (snap.summary as string | null) ?? null;
  if ("followUpDue" in snap) data.followUpDue = toDbDateOrNull(snap.followUpDue as string | null);
  if ("confidentiality" in snap)
    data.confidentiality = snap.confidentiality as Prisma.ActionUncheckedUpdateInput["confidentiality"];
  if ("organizationIds" in snap)
    data.organizations = {
      deleteMany: {},
      create: [...new Set(snap.organizationIds as string[])].map((organizationId) => ({ organizationId })),
    };
  if ("campaignIds" in snap)
    data.campaigns = { deleteMany: {}, create: [...new Set(snap.campaignIds as string[])].map((campaignId) => ({ campaignId })) };
  return data;
}

async function termIdMap(tx: Tx) {
  const termIds = new Map<string, string>();
  for (const t of await tx.term.findMany({ select: { id: true, vocabulary: true, code: true } }))
    termIds.set(`${t.vocabulary}:${t.code}`, t.id);
  return termIds;
}

/**
 * Writes each update as an edit does: claims the version the dry run read (someone who saved the
 * record since makes the whole import fail, rather than be overwritten), then the changed fields.
 */
async function applyUpdates(
  tx: Tx,
  updates: PreparedUpdate[],
  newIds: Map<string, string>,
  onProgress: (done: number) => void,
): Promise<AppliedUpdate[]> {
  if (!updates.length) return [];
  const id = (v: string) => (v.startsWith(NEW_PREFIX) ? newIds.get(v)! : v);
  const termIds = await termIdMap(tx);
  const applied: AppliedUpdate[] = [];
  for (const u of updates) {
    const after: ActionSnapshot = { ...u.after };
    if (after.organizationIds) after.organizationIds = (after.organizationIds as string[]).map(id).sort();
    if (after.campaignIds) after.campaignIds = (after.campaignIds as string[]).map(id).sort();
    let version: number;
    try {
      version = await claimVersion(tx, "action", u.id, u.version, { mine: after, current: async () => u.before });
    } catch (e) {
      if (toAppError(e)?.code === "CONFLICT" || toAppError(e)?.code === "NOT_FOUND")
        throw new AppError("CONFLICT", "import.errors.changedMeanwhile", undefined, { values: { row: String(u.row) } });
      throw e;
    }
    await tx.action.update({ where: { id: u.id }, data: columnsOfSnapshot(after, termIds) });
    applied.push({ id: u.id, row: u.row, version, before: u.before, after });
    if (applied.length % CHUNK === 0) onProgress(applied.length);
  }
  onProgress(applied.length);
  return applied;
}

/** Undo: the batch's records and the proposals it created go (soft delete), unless anyone touched them since. */
export async function undoImport({ actor, batchId }: { actor: Actor; batchId: string }): Promise<void> {
  assertCan(actor, "import.run");
  await db.$transaction(
    async (tx) => {
      const batch = await tx.importBatch.findUnique({ where: { id: String(batchId) } });
      if (!batch) throw new AppError("NOT_FOUND");
      if (batch.undoneAt) throw new AppError("CONFLICT", "import.errors.alreadyUndone");
      const updates = await updatesOf(tx, batch.id);
      if (updates.length) {
        // an updated record saved again since (or deleted) keeps that later edit: refuse, never overwrite it
        const now = await tx.action.findMany({
          where: { id: { in: updates.map((u) => u.id) } },
          select: { id: true, version: true, deletedAt: true },
        });
        const current = new Map(now.map((a) => [a.id, a]));
        const moved = updates.filter((u) => current.get(u.id)?.version !== u.version || current.get(u.id)?.deletedAt);
        if (moved.length)
          throw new AppError("CONFLICT", "import.errors.updatedSince", undefined, {
            values: { count: String(moved.length), rows: moved.map((u) => u.row).join(", ") },
          });
      }
      const updatedIds = updates.map((u) => u.id);
      if (await touchedSince(tx, batch.id, updatedIds)) throw new AppError("CONFLICT", "import.errors.editedSince");
      const termIds = updates.length ? await termIdMap(tx) : new Map<string, string>();
      for (const u of updates) {
        await claimVersion(tx, "action", u.id, u.version, { mine: u.before, current: async () => u.after });
        await tx.action.update({ where: { id: u.id }, data: columnsOfSnapshot(u.before, termIds) });
      }
      if (updates.length <= PER_RECORD_AUDIT_LIMIT)
        for (const u of updates)
          await recordAudit(tx, { actor, event: "action.updated", entity: "Action", entityId: u.id, before: u.after, after: u.before });
      const now = new Date();
      const where = { importBatchId: batch.id, deletedAt: null };
      const counts = {
        actions: (await tx.action.updateMany({ where, data: { deletedAt: now } })).count,
        outcomes: (await tx.outcome.updateMany({ where, data: { deletedAt: now } })).count,
        organizations: (await tx.organization.updateMany({ where, data: { deletedAt: now } })).count,
        campaigns: (await tx.campaign.updateMany({ where, data: { deletedAt: now } })).count,
      };
      await tx.importBatch.update({ where: { id: batch.id }, data: { undoneAt: now, undoneById: actor.id } });
      await recordAudit(tx, {
        actor,
        event: "import.undo",
        entity: "ImportBatch",
        entityId: batch.id,
        after: { fileHash: batch.fileHash, ...counts, restored: updatedIds },
      });
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

/** The updates an import made, as its import.run event recorded them (none for imports before updates existed). */
async function updatesOf(tx: Tx, batchId: string): Promise<AppliedUpdate[]> {
  const run = await tx.auditEvent.findFirst({
    where: { entity: "ImportBatch", entityId: batchId, event: "import.run" },
    select: { after: true },
  });
  const updates = (run?.after as { updates?: AppliedUpdate[] } | null)?.updates;
  return Array.isArray(updates) ? updates : [];
}

/**
 * Whether a record of the batch was edited, deleted or linked to something made outside the batch.
 * The actions the batch updated (`updatedIds`) may link to its proposals: undo restores their links first.
 */
async function touchedSince(tx: Tx, batchId: string, updatedIds: string[]): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ touched: boolean }[]>`
    SELECT
      EXISTS (SELECT 1 FROM "Action" WHERE "importBatchId" = ${batchId} AND ("version" > 1 OR "deletedAt" IS NOT NULL))
      OR EXISTS (SELECT 1 FROM "Outcome" WHERE "importBatchId" = ${batchId} AND ("version" > 1 OR "deletedAt" IS NOT NULL))
      OR EXISTS (SELECT 1 FROM "Organization" WHERE "importBatchId" = ${batchId} AND ("version" > 1 OR "deletedAt" IS NOT NULL))
      OR EXISTS (SELECT 1 FROM "Campaign" WHERE "importBatchId" = ${batchId} AND ("version" > 1 OR "deletedAt" IS NOT NULL))
      OR EXISTS (SELECT 1 FROM "ActionOutcomeLink" l JOIN "Action" a ON a."id" = l."actionId" JOIN "Outcome" o ON o."id" = l."outcomeId"
                 WHERE a."importBatchId" = ${batchId} OR o."importBatchId" = ${batchId})
      OR EXISTS (SELECT 1 FROM "ActionOrganization" ao JOIN "Organization" g ON g."id" = ao."organizationId" JOIN "Action" a ON a."id" = ao."actionId"
                 WHERE g."importBatchId" = ${batchId} AND a."importBatchId" IS DISTINCT FROM ${batchId} AND a."id" <> ALL(${updatedIds}::text[]))
      OR EXISTS (SELECT 1 FROM "ActionCampaign" ac JOIN "Campaign" c ON c."id" = ac."campaignId" JOIN "Action" a ON a."id" = ac."actionId"
                 WHERE c."importBatchId" = ${batchId} AND a."importBatchId" IS DISTINCT FROM ${batchId} AND a."id" <> ALL(${updatedIds}::text[]))
      OR EXISTS (SELECT 1 FROM "OutcomeCampaign" oc JOIN "Campaign" c ON c."id" = oc."campaignId" JOIN "Outcome" o ON o."id" = oc."outcomeId"
                 WHERE c."importBatchId" = ${batchId} AND o."importBatchId" IS DISTINCT FROM ${batchId})
      OR EXISTS (SELECT 1 FROM "Outcome" o JOIN "Organization" g ON g."id" IN (o."decidingBodyId", o."subjectId")
                 WHERE g."importBatchId" = ${batchId} AND o."importBatchId" IS DISTINCT FROM ${batchId})
      OR EXISTS (SELECT 1 FROM "Comment" c WHERE c."recordId" IN (
                 SELECT "id" FROM "Action" WHERE "importBatchId" = ${batchId} UNION ALL SELECT "id" FROM "Outcome" WHERE "importBatchId" = ${batchId}
                 UNION ALL SELECT "id" FROM "Campaign" WHERE "importBatchId" = ${batchId}))
      OR EXISTS (SELECT 1 FROM "Attachment" t JOIN "Action" a ON a."id" = t."actionId" WHERE a."importBatchId" = ${batchId})
      OR EXISTS (SELECT 1 FROM "Attachment" t JOIN "Outcome" o ON o."id" = t."outcomeId" WHERE o."importBatchId" = ${batchId})
      AS touched`;
  return row.touched;
}
