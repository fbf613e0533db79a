// Integration tests: evidence files against the real test database and a temporary storage folder.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { db } from "@/lib/db";
import { makeAction, makeOutcome } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, makeActors, uniq } from "@/tests/support/fixtures";

const storageDir = mkdtempSync(path.join(os.tmpdir(), "evid-attachments-"));
process.env.ATTACHMENTS_DIR = storageDir;
const { deleteAttachment, listAttachments, openAttachment, uploadAttachment } = await import("./attachments");

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));
beforeEach(() => {
  delete process.env.ATTACHMENT_MAX_MB;
});

const pdf = (note = uniq()) => Buffer.from(`%PDF-1.4\n% ${note}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, "latin1");
const streamOf = (buf: Buffer, chunk = 4096) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < buf.length; i += chunk) c.enqueue(new Uint8Array(buf.subarray(i, i + chunk)));
      c.close();
    },
  });
const sha = (buf: Buffer) => createHash("sha256").update(buf).digest("hex");
const storedFiles = () => readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

type Up = { actor: Awaited<ReturnType<typeof makeActor>>; recordId: string; file?: Buffer; fileName?: string; recordType?: string; more?: Record<string, unknown>; length?: number | null };
const upload = ({ actor, recordId, file = pdf(), fileName = "letter.pdf", recordType = "action", more = {}, length }: Up) =>
  uploadAttachment({
    actor,
    input: { recordType, recordId, fileName, sourceType: "OFFICIAL_LETTER", ...more },
    body: streamOf(file),
    contentLength: length === undefined ? file.length : length,
  });

describe("[ATTACHMENTS] upload", () => {
  it("staff attaches a letter to their action: stored under a generated name with its hash, size and type, audited", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const file = pdf();
    const created = await upload({ actor: staff, recordId: action.id, fileName: "Лист до МКЧХ.pdf" });
    expect(created).toMatchObject({ version: 1, fileName: "Лист до МКЧХ.pdf", mimeType: "application/pdf", size: file.length, inline: true });
    expect(created.sha256).toMatch(/^[0-9a-f]{64}$/);

    const row = await db.attachment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(row.storageKey).not.toContain("pdf");
    const audit = await auditRowsFor(created.id, "attachment.uploaded");
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ actionId: action.id, fileName: "Лист до МКЧХ.pdf", sha256: created.sha256, size: created.size });
    expect(JSON.stringify(audit[0].after)).not.toContain(row.storageKey);
  });

  it("refuses a file over the limit by its Content-Length, before reading a byte, with both sizes in the message", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: () => void pulled++ });
    const err = await expectAppError(
      uploadAttachment({
        actor: staff,
        input: { recordType: "action", recordId: action.id, fileName: "big.pdf", sourceType: "SCA_REPORT" },
        body,
        contentLength: 31 * 1024 * 1024,
      }),
      "VALIDATION",
      "attachments.errors.tooLarge",
    );
    expect(err.values).toEqual({ size: "31", limit: "25" });
    expect(pulled).toBeLessThanOrEqual(1); // a ReadableStream pulls once on its own; nothing was read
  });

  it("stops reading a body that grows past the limit without a Content-Length, and keeps nothing", async () => {
    process.env.ATTACHMENT_MAX_MB = "0.01"; // ~10 KB
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const before = storedFiles();
    const big = Buffer.concat([pdf(), Buffer.alloc(50_000, 0x20)]);
    await expectAppError(upload({ actor: staff, recordId: action.id, file: big, length: null }), "VALIDATION", "attachments.errors.tooLargeStream");
    expect(storedFiles()).toBe(before);
    expect(await db.attachment.count({ where: { actionId: action.id } })).toBe(0);
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith("advocacy-upload-"))).toHaveLength(0);
  });

  it("refuses a spoofed file: an executable named .pdf, and a PDF named .png", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(300, 1)]);
    const err = await expectAppError(upload({ actor: staff, recordId: action.id, file: exe, fileName: "report.pdf" }), "VALIDATION", "attachments.errors.mismatch.pdf");
    expect(err.values).toEqual({ ext: "pdf" });
    await expectAppError(upload({ actor: staff, recordId: action.id, fileName: "photo.png" }), "VALIDATION", "attachments.errors.mismatch.png");
    await expectAppError(upload({ actor: staff, recordId: action.id, fileName: "page.html" }), "VALIDATION", "attachments.errors.typeNotAllowed");
    await expectAppError(upload({ actor: staff, recordId: action.id, fileName: "../../etc/x.pdf" }), "VALIDATION");
    expect(await db.attachment.count({ where: { actionId: action.id } })).toBe(0);
  });

  it("only those who may edit the record attach files; outsiders of a restricted record get 404", async () => {
    const { staff, otherStaff, auditor } = await makeActors();
    const open = await makeAction(db, { createdById: staff.id, confidentiality: "INTERNAL" });
    const restricted = await makeAction(db, { createdById: staff.id, confidentiality: "RESTRICTED" });
    await expectAppError(upload({ actor: otherStaff, recordId: open.id }), "FORBIDDEN");
    await expectAppError(upload({ actor: auditor, recordId: open.id }), "FORBIDDEN");
    await expectAppError(upload({ actor: otherStaff, recordId: restricted.id }), "NOT_FOUND");
  });
});

describe("[ATTACHMENTS] visibility and download", () => {
  it("another's restricted attachment is absent (404) for staff who can see the record; its author, managers and auditors get it", async () => {
    const { staff, otherStaff, manager, auditor } = await makeActors();
    const action = await makeAction(db, { createdById: staff.id, confidentiality: "INTERNAL" });
    const file = pdf();
    const secret = await upload({ actor: staff, recordId: action.id, file, fileName: "witness.pdf", more: { confidentiality: "RESTRICTED", sourceType: "OTHER" } });
    const shared = await upload({ actor: staff, recordId: action.id, fileName: "letter.pdf", more: { confidentiality: "INTERNAL" } });

    const seen = await listAttachments({ actor: otherStaff, recordType: "action", recordId: action.id });
    expect(seen.map((d) => d.latest.id)).toEqual([shared.id]);
    await expectAppError(openAttachment({ actor: otherStaff, id: secret.id }), "NOT_FOUND");
    await expectAppError(deleteAttachment({ actor: otherStaff, id: secret.id }), "NOT_FOUND");
    // nor does the history name the file
    const history = await getRecordHistory({ actor: otherStaff, entity: "Action", entityId: action.id });
    expect(JSON.stringify(history)).not.toContain("witness.pdf");
    expect(JSON.stringify(history)).toContain("letter.pdf");

    for (const reader of [staff, manager, auditor]) {
      const got = await openAttachment({ actor: reader, id: secret.id });
      const body = Buffer.from(await text(got.stream), "latin1");
      expect(sha(body)).toBe(sha(file));
    }
  });

  it("an attachment of a restricted record is 404 for those outside the record, whatever its own level", async () => {
    const { staff, otherStaff } = await makeActors();
    const outcome = await makeOutcome(db, { createdById: staff.id, confidentiality: "RESTRICTED" });
    const pub = await upload({ actor: staff, recordType: "outcome", recordId: outcome.id, more: { confidentiality: "PUBLIC" } });
    await expectAppError(openAttachment({ actor: otherStaff, id: pub.id }), "NOT_FOUND");
    await expectAppError(listAttachments({ actor: otherStaff, recordType: "outcome", recordId: outcome.id }), "NOT_FOUND");
  });

  it("every download is audited and appears in the record's History; inline only for previewable types", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const a = await upload({ actor: staff, recordId: action.id });
    const csv = await upload({ actor: staff, recordId: action.id, file: Buffer.from("Дата,Назва\n2024-10-01,Лист\n"), fileName: "log.csv" });
    const got = await openAttachment({ actor: staff, id: a.id, inline: true });
    got.stream.destroy();
    expect(got.inline).toBe(true);
    const asCsv = await openAttachment({ actor: staff, id: csv.id, inline: true });
    asCsv.stream.destroy();
    expect(asCsv).toMatchObject({ inline: false, mimeType: "text/csv; charset=utf-8" });
    expect(await auditRowsFor(a.id, "attachment.viewed")).toHaveLength(1);
    expect(await auditRowsFor(csv.id, "attachment.downloaded")).toHaveLength(1);
    const history = await getRecordHistory({ actor: staff, entity: "Action", entityId: action.id });
    expect(history.entries.map((e) => e.event)).toEqual(
      expect.arrayContaining(["attachment.uploaded", "attachment.viewed", "attachment.downloaded"]),
    );
    expect(history.entries.find((e) => e.event === "attachment.downloaded")?.file).toEqual({ name: "log.csv", version: 1 });
  });
});

describe("[ATTACHMENTS] versions and deletion", () => {
  it("a new version keeps the old one, file and row; deletion is soft, audited, and hides every version", async () => {
    const { staff, manager } = await makeActors();
    const action = await makeAction(db, { createdById: staff.id });
    const v1file = pdf("first draft");
    const v2file = pdf("signed");
    const v1 = await upload({ actor: staff, recordId: action.id, file: v1file, fileName: "submission.pdf" });
    const v2 = await upload({ actor: manager, recordId: action.id, file: v2file, fileName: "submission-signed.pdf", more: { documentId: v1.id } });
    expect(v2.version).toBe(2);

    const [doc] = await listAttachments({ actor: staff, recordType: "action", recordId: action.id });
    expect(doc.latest).toMatchObject({ id: v2.id, version: 2, fileName: "submission-signed.pdf", uploadedBy: { id: manager.id } });
    expect(doc.older.map((o) => o.id)).toEqual([v1.id]);
    const old = await openAttachment({ actor: staff, id: v1.id });
    expect(sha(Buffer.from(await text(old.stream), "latin1"))).toBe(sha(v1file));
    expect(await auditRowsFor(v2.id, "attachment.versioned")).toHaveLength(1);

    // a version of a document on another record is not found
    const other = await makeAction(db, { createdById: staff.id });
    await expectAppError(upload({ actor: staff, recordId: other.id, more: { documentId: v1.id } }), "NOT_FOUND");

    await deleteAttachment({ actor: staff, id: v2.id });
    expect(await listAttachments({ actor: staff, recordType: "action", recordId: action.id })).toEqual([]);
    await expectAppError(openAttachment({ actor: manager, id: v1.id }), "NOT_FOUND");
    const rows = await db.attachment.findMany({ where: { documentId: v1.id } });
    expect(rows.every((r) => r.deletedAt && r.deletedById === staff.id)).toBe(true);
    expect(await auditRowsFor(v1.id, "attachment.deleted")).toHaveLength(1);
    const history = await getRecordHistory({ actor: staff, entity: "Action", entityId: action.id });
    expect(history.entries[0]).toMatchObject({ event: "attachment.deleted", file: { name: "submission-signed.pdf", version: 2 } });
  });
});
