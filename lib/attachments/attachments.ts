import "server-only";
// Evidence files on actions and outcomes: upload (streamed to a temporary file with a size limit,
// checked by content), versions, download, soft deletion; every step audited with its record.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { getAction } from "@/lib/actions/queries";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { getOutcome } from "@/lib/outcomes/queries";
import { parseInput } from "@/lib/parse";
import { assertCan, attachmentScope, type Actor } from "@/lib/permissions";
import {
  ALLOWED_EXTENSIONS,
  extensionOf,
  formatMb,
  INLINE_MIME_TYPES,
  ZUploadInput,
  type AttachmentDocumentDTO,
  type AttachmentRecordType,
  type AttachmentVersionDTO,
  type EvidenceSourceCode,
} from "./schemas";
import { detectKind } from "./sniff";
import { attachmentStorage, maxUploadBytes } from "./storage";

const SNIFF_BYTES = 64 * 1024;

type RecordRef = { recordType: AttachmentRecordType; recordId: string };
type LoadedRecord = RecordRef & { createdById: string; participantIds: string[]; canEdit: boolean };

/** The record, as its own page sees it: NOT_FOUND when the actor may not see it. */
async function loadRecord(actor: Actor, { recordType, recordId }: RecordRef): Promise<LoadedRecord> {
  if (recordType === "action") {
    const a = await getAction({ actor, id: recordId });
    return { recordType, recordId, createdById: a.createdBy.id, participantIds: a.participants.map((p) => p.id), canEdit: a.canEdit };
  }
  const o = await getOutcome({ actor, id: recordId });
  return { recordType, recordId, createdById: o.createdBy.id, participantIds: [], canEdit: o.canEdit };
}

const recordWhere = (r: RecordRef) => (r.recordType === "action" ? { actionId: r.recordId } : { outcomeId: r.recordId });

const versionSelect = {
  id: true,
  documentId: true,
  version: true,
  fileName: true,
  sourceType: true,
  confidentiality: true,
  mimeType: true,
  size: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { id: true, name: true } },
} as const;

type VersionRow = {
  id: string;
  documentId: string;
  version: number;
  fileName: string;
  sourceType: string;
  confidentiality: AttachmentVersionDTO["confidentiality"];
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  uploadedBy: { id: string; name: string };
};

const toVersion = (r: VersionRow): AttachmentVersionDTO => ({
  id: r.id,
  version: r.version,
  fileName: r.fileName,
  sourceType: r.sourceType as EvidenceSourceCode,
  confidentiality: r.confidentiality,
  mimeType: r.mimeType,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: r.uploadedBy,
  createdAt: r.createdAt.toISOString(),
  inline: INLINE_MIME_TYPES.has(r.mimeType),
});

/** What an audit row says about a file (never its storage key). */
const snapshot = (r: RecordRef & Omit<VersionRow, "uploadedBy" | "createdAt">) => ({
  [r.recordType === "action" ? "actionId" : "outcomeId"]: r.recordId,
  documentId: r.documentId,
  version: r.version,
  fileName: r.fileName,
  sourceType: r.sourceType,
  confidentiality: r.confidentiality,
  mimeType: r.mimeType,
  size: r.size,
  sha256: r.sha256,
});

/** The evidence of a record the actor may see, one entry per document, newest document first. */
export async function listAttachments({ actor, recordType, recordId }: { actor: Actor; recordType: string; recordId: string }) {
  assertCan(actor, "record.read");
  const ref = parseInput(ZUploadInput.pick({ recordType: true, recordId: true }), { recordType, recordId });
  const record = await loadRecord(actor, ref);
  const rows = await db.attachment.findMany({
    where: { AND: [recordWhere(ref), attachmentScope(actor, record)] },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: versionSelect,
  });
  const docs = new Map<string, VersionRow[]>();
  for (const r of rows) docs.set(r.documentId, [...(docs.get(r.documentId) ?? []), r]);
  const out: AttachmentDocumentDTO[] = [];
  for (const [documentId, versions] of docs) {
    versions.sort((a, b) => b.version - a.version);
    out.push({ documentId, latest: toVersion(versions[0]), older: versions.slice(1).map(toVersion), canDelete: record.canEdit });
  }
  return out;
}

/** Ids of the record's attachments (deleted ones too) the actor may see: for the record's History. */
export async function visibleAttachmentIds({ actor, recordType, recordId }: { actor: Actor; recordType: AttachmentRecordType; recordId: string }) {
  const record = await loadRecord(actor, { recordType, recordId });
  const { deletedAt: _ignored, ...scope } = attachmentScope(actor, record);
  const rows = await db.attachment.findMany({ where: { AND: [recordWhere(record), scope] }, select: { id: true, documentId: true } });
  return [...new Set(rows.flatMap((r) => [r.id, r.documentId]))];
}

/** Streams the body into a temporary file, counting and hashing; past `limit` bytes it stops and throws. */
async function receive(body: ReadableStream<Uint8Array>, limit: number, tempPath: string) {
  const hash = createHash("sha256");
  const out = createWriteStream(tempPath, { mode: 0o600 });
  let writeError: Error | null = null;
  out.on("error", (e) => (writeError = e)); // surfaced below, not as an unhandled event
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new AppError("VALIDATION", "attachments.errors.tooLargeStream", undefined, { values: { limit: formatMb(limit) } });
      }
      if (writeError) throw writeError;
      hash.update(value);
      if (!out.write(value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  return { size, sha256: hash.digest("hex") };
}

async function readEnds(file: string, size: number) {
  const fh = await open(file, "r");
  try {
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    await fh.read(head, 0, head.length, 0);
    const tailLength = Math.min(SNIFF_BYTES, size);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    return { head, tail };
  } finally {
    await fh.close();
  }
}

/**
 * Stores a file as evidence of an action or an outcome (or as a new version of one of its
 * documents). The body is never held in memory: it is streamed to a temporary file, refused past the
 * size limit (by Content-Length before reading, and by counting while reading), checked by content
 * against its extension, then moved into storage under a generated name.
 */
export async function uploadAttachment({
  actor,
  input,
  body,
  contentLength,
}: {
  actor: Actor;
  input: unknown;
  body: ReadableStream<Uint8Array> | null;
  contentLength?: number | null;
}): Promise<AttachmentVersionDTO> {
  assertCan(actor, "record.create");
  const data = parseInput(ZUploadInput, input);
  const record = await loadRecord(actor, data);
  if (!record.canEdit) throw forbidden(actor, "record.edit", { entity: data.recordType === "action" ? "Action" : "Outcome", id: data.recordId });

  let previous: { documentId: string; version: number } | null = null;
  if (data.documentId) {
    previous = await db.attachment.findFirst({
      where: { AND: [recordWhere(data), { documentId: data.documentId }, attachmentScope(actor, record)] },
      orderBy: { version: "desc" },
      select: { documentId: true, version: true },
    });
    if (!previous) throw new AppError("NOT_FOUND");
  }

  const ext = extensionOf(data.fileName);
  const allowed = ALLOWED_EXTENSIONS[ext];
  if (!allowed) throw new AppError("VALIDATION", "attachments.errors.typeNotAllowed", undefined, { values: { ext: ext || "—" } });
  const limit = maxUploadBytes();
  if (contentLength != null && contentLength > limit)
    throw new AppError("VALIDATION", "attachments.errors.tooLarge", undefined, { values: { size: formatMb(contentLength), limit: formatMb(limit) } });
  if (!body) throw new AppError("VALIDATION", "attachments.errors.empty");

  const tempPath = path.join(os.tmpdir(), `advocacy-upload-${randomBytes(12).toString("hex")}`);
  const storageKey = randomBytes(16).toString("hex");
  const storage = attachmentStorage();
  let stored = false;
  try {
    const { size, sha256 } = await receive(body, limit, tempPath);
    if (size === 0) throw new AppError("VALIDATION", "attachments.errors.empty");
    const { head, tail } = await readEnds(tempPath, size);
    const kind = detectKind(head, tail, size <= head.length);
    if (kind !== allowed.kind)
      throw new AppError("VALIDATION", `attachments.errors.mismatch.${allowed.kind}`, undefined, { values: { ext } });

    await storage.put(storageKey, tempPath);
    stored = true;
    const row = await db.$transaction(async (tx) => {
      const id = previous ? undefined : randomBytes(12).toString("hex");
      const created = await tx.attachment.create({
        data: {
          ...(id ? { id, documentId: id } : { documentId: previous!.documentId }),
          version: previous ? previous.version + 1 : 1,
          ...recordWhere(data),
          sourceType: data.sourceType,
          confidentiality: data.confidentiality,
          fileName: data.fileName,
          mimeType: allowed.mime,
          size,
          sha256,
          storageKey,
          uploadedById: actor.id,
        },
        select: versionSelect,
      });
      await recordAudit(tx, {
        actor,
        event: previous ? "attachment.versioned" : "attachment.uploaded",
        entity: "Attachment",
        entityId: created.id,
        after: snapshot({ ...data, ...created }),
      });
      return created;
    });
    return toVersion(row);
  } catch (e) {
    if (stored) await storage.remove(storageKey).catch(() => {});
    throw e;
  } finally {
    await rm(tempPath, { force: true });
  }
}

/** One version, if the actor may see it and its record; otherwise NOT_FOUND (never FORBIDDEN). */
async function findVisible(actor: Actor, id: string) {
  const row = await db.attachment.findFirst({
    where: { id, deletedAt: null },
    select: { ...versionSelect, actionId: true, outcomeId: true, storageKey: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const ref: RecordRef = row.actionId ? { recordType: "action", recordId: row.actionId } : { recordType: "outcome", recordId: row.outcomeId! };
  const record = await loadRecord(actor, ref);
  const visible = await db.attachment.count({ where: { AND: [{ id }, attachmentScope(actor, record)] } });
  if (!visible) throw new AppError("NOT_FOUND");
  return { row, ref, record };
}

/**
 * Opens a file for download (or an inline preview, for PDF and images only), after recording the
 * download in the audit trail.
 */
export async function openAttachment({
  actor,
  id,
  inline,
}: {
  actor: Actor;
  id: string;
  inline?: boolean;
}): Promise<{ stream: Readable; fileName: string; mimeType: string; size: number; inline: boolean }> {
  assertCan(actor, "record.read");
  const { row, ref } = await findVisible(actor, String(id));
  const asInline = !!inline && INLINE_MIME_TYPES.has(row.mimeType);
  const stream = await attachmentStorage().get(row.storageKey);
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        event: asInline ? "attachment.viewed" : "attachment.downloaded",
        entity: "Attachment",
        entityId: row.id,
        after: snapshot({ ...ref, ...row }),
      }),
    );
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return { stream, fileName: row.fileName, mimeType: row.mimeType, size: row.size, inline: asInline };
}

/** Soft-deletes a document (all its versions): the rows and files stay for the audit trail. */
export async function deleteAttachment({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, "record.create");
  const { row, ref, record } = await findVisible(actor, String(id));
  if (!record.canEdit) throw forbidden(actor, "record.edit", { entity: "Attachment", id: row.documentId });
  await db.$transaction(async (tx) => {
    const { count } = await tx.attachment.updateMany({
      where: { documentId: row.documentId, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: actor.id },
    });
    if (!count) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { actor, event: "attachment.deleted", entity: "Attachment", entityId: row.documentId, before: snapshot({ ...ref, ...row }) });
  });
}
