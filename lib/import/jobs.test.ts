// Integration tests: imports in the background (lib/import/jobs.ts) against the real test database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { getImportJob, startImportJob, STALE_AFTER_MS, type ImportJobDTO } from "./jobs";
import { undoImport } from "./mutations";

const HEADERS = "Title;Date;Type;Status";
const MAPPING = { title: "Title", date: "Date", type: "Type", status: "Status" };
const csv = (lines: string[]) => ({
  name: "big-log.csv",
  bytes: new TextEncoder().encode([HEADERS, ...lines].join("\n")),
});

async function untilOver(read: () => Promise<ImportJobDTO>, seen: ImportJobDTO[] = []): Promise<ImportJobDTO> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await read();
    seen.push(job);
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.status} after 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("[IMPORT] background jobs", () => {
  it("imports a few thousand rows in the background with progress; only the owner sees the job; undo still works", async () => {
    const manager = await makeActor("MANAGER");
    const other = await makeActor("MANAGER");
    const staff = await makeActor("STAFF");
    const t = uniq();
    const lines = Array.from({ length: 3500 }, (_, i) => `Job row ${i} ${t};2023-05-14;LETTER_APPEAL;SENT`);

    const { jobId } = await startImportJob({ actor: manager, file: csv(lines), input: { kind: "action", mapping: MAPPING } });
    // the request does not wait for the import
    const first = await getImportJob({ actor: manager, id: jobId });
    expect(["queued", "running"]).toContain(first.status);
    await expectAppError(getImportJob({ actor: other, id: jobId }), "NOT_FOUND");
    await expectAppError(getImportJob({ actor: staff, id: jobId }), "FORBIDDEN");

    const seen: ImportJobDTO[] = [];
    const job = await untilOver(() => getImportJob({ actor: manager, id: jobId }), seen);
    expect(job).toMatchObject({ status: "done", done: 3500, total: 3500, result: { created: 3500, skipped: 0 } });
    expect(job.done).toBe(job.total);
    // progress only ever goes up
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(await db.action.count({ where: { title: { endsWith: ` ${t}` }, importBatchId: job.result!.batchId } })).toBe(3500);
    // the file is dropped once the job is over
    expect((await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).fileBytes).toBeNull();

    await undoImport({ actor: manager, batchId: job.result!.batchId });
    expect(await db.action.count({ where: { importBatchId: job.result!.batchId, deletedAt: null } })).toBe(0);
  });

  it("a file with errors fails the job with the catalogue key and its count, and writes nothing", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const { jobId } = await startImportJob({
      actor: manager,
      file: csv([`Good ${t};2023;LETTER_APPEAL;SENT`, `Bad ${t};not a date;LETTER_APPEAL;SENT`]),
      input: { kind: "action", mapping: MAPPING },
    });
    const job = await untilOver(() => getImportJob({ actor: manager, id: jobId }));
    expect(job).toMatchObject({ status: "failed", errorKey: "import.errors.hasErrors", errorValues: { count: "1" } });
    expect(job.result).toBeUndefined();
    expect(await db.action.count({ where: { title: { endsWith: ` ${t}` } } })).toBe(0);
  });

  it("refuses staff and a wrong file before any job is stored", async () => {
    const staff = await makeActor("STAFF");
    const manager = await makeActor("MANAGER");
    const input = { kind: "action", mapping: MAPPING };
    await expectAppError(startImportJob({ actor: staff, file: csv([]), input }), "FORBIDDEN");
    await expectAppError(
      startImportJob({ actor: manager, file: { name: "log.pdf", bytes: new Uint8Array(3) }, input }),
      "VALIDATION",
      "import.errors.fileType",
    );
    expect(await db.importJob.count({ where: { ownerId: { in: [staff.id, manager.id] } } })).toBe(0);
  });

  it("a running job whose heartbeat went stale (the process died) reads as failed: nothing was saved", async () => {
    const manager = await makeActor("MANAGER");
    const job = await db.importJob.create({
      data: {
        ownerId: manager.id,
        status: "running",
        total: 50_000,
        done: 12_000,
        fileName: "big.csv",
        request: { kind: "action", mapping: MAPPING },
        heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 5_000),
      },
    });
    expect(await getImportJob({ actor: manager, id: job.id })).toMatchObject({
      status: "failed",
      errorKey: "import.errors.interrupted",
      done: 12_000,
      total: 50_000,
    });
    // a fresh heartbeat: still running
    await db.importJob.update({ where: { id: job.id }, data: { heartbeatAt: new Date() } });
    expect((await getImportJob({ actor: manager, id: job.id })).status).toBe("running");
  });
});
