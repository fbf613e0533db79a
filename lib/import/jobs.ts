import "server-only";
// Imports in the background (issue 8): a 50,000-row file takes longer than a request should, so
// POST /api/import/run stores a job and answers at once; the import runs in this Node process and
// writes its progress to the job, which the wizard polls. The import itself stays ONE transaction
// (runImport): a job that stops midway (the process died, its heartbeat went stale) saved nothing.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError, logUnexpected, toAppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { assertCan, type Actor } from "@/lib/permissions";
import { checkImportFile, runImport, type ImportFile, type ImportResult } from "./mutations";
import { ZImportRequest, type ImportKind, type TImportRequest } from "./schemas";

export const IMPORT_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** How often a running job says it is alive, and after how long without a sign it counts as dead. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;

export type ImportJobDTO = {
  id: string;
  status: ImportJobStatus;
  /** records written so far, of total (0 until the rows are checked) */
  done: number;
  total: number;
  fileName: string;
  kind: ImportKind;
  result?: ImportResult;
  /** a catalogue key and its values, when the job failed */
  errorKey?: string;
  errorValues?: Record<string, string>;
};

/** Stores the job and starts the import without waiting for it; returns the job's id. */
export async function startImportJob({
  actor,
  file,
  input,
}: {
  actor: Actor;
  file: ImportFile;
  input: unknown;
}): Promise<{ jobId: string }> {
  assertCan(actor, "import.run");
  const req = parseInput(ZImportRequest, input);
  // a wrong file fails the request itself, not a job the person then has to poll
  checkImportFile(file);
  const job = await db.importJob.create({
    data: {
      ownerId: actor.id,
      fileName: file.name.slice(0, 300),
      fileBytes: new Uint8Array(file.bytes),
      request: req as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  void runJob(job.id, actor, file, req);
  return { jobId: job.id };
}

/** The job, to its owner only: anyone else's looks missing. A running job gone silent reads as failed. */
export async function getImportJob({ actor, id }: { actor: Actor; id: string }): Promise<ImportJobDTO> {
  assertCan(actor, "import.run");
  const job = await db.importJob.findFirst({
    where: { id: String(id), ownerId: actor.id },
    omit: { fileBytes: true },
  });
  if (!job) throw new AppError("NOT_FOUND");
  const dto: ImportJobDTO = {
    id: job.id,
    status: job.status as ImportJobStatus,
    done: job.done,
    total: job.total,
    fileName: job.fileName,
    kind: (job.request as { kind?: ImportKind } | null)?.kind === "outcome" ? "outcome" : "action",
    ...(job.result ? { result: job.result as unknown as ImportResult } : {}),
    ...(job.errorKey ? { errorKey: job.errorKey } : {}),
    ...(job.errorValues ? { errorValues: job.errorValues as Record<string, string> } : {}),
  };
  const unfinished = job.status === "queued" || job.status === "running";
  if (unfinished && Date.now() - job.heartbeatAt.getTime() > STALE_AFTER_MS)
    return { ...dto, status: "failed", errorKey: "import.errors.interrupted", errorValues: undefined };
  return dto;
}

async function runJob(jobId: string, actor: Actor, file: ImportFile, req: TImportRequest) {
  const progress = progressWriter(jobId);
  const beat = setInterval(() => {
    db.importJob
      .update({ where: { id: jobId }, data: { heartbeatAt: new Date() } })
      .catch((e) => logUnexpected(e, `import job ${jobId}: heartbeat`));
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    let result: ImportResult;
    try {
      await db.importJob.update({ where: { id: jobId }, data: { status: "running", heartbeatAt: new Date() } });
      result = await runImport({ actor, file, input: req, onProgress: progress.report });
    } catch (e) {
      await progress.settled();
      const { key, values } = failureOf(e, jobId);
      await finish(jobId, { status: "failed", errorKey: key, errorValues: values });
      return;
    }
    await progress.settled();
    await finish(jobId, {
      status: "done",
      done: result.created + result.updated,
      total: result.created + result.updated,
      result: result as unknown as Prisma.InputJsonValue,
    });
  } catch (e) {
    // the job row could not be written (the database went away): its heartbeat goes stale and the
    // owner reads "interrupted"
    logUnexpected(e, `import job ${jobId}: recording its end`);
  } finally {
    clearInterval(beat);
  }
}

const finish = (jobId: string, data: Prisma.ImportJobUpdateInput) =>
  db.importJob.update({
    where: { id: jobId },
    // the file is not needed once the import is over (it was committed whole, or not at all)
    data: { ...data, fileBytes: null, finishedAt: new Date(), heartbeatAt: new Date() },
  });

/** What the owner reads: an expected error's own key, else a generic one with a log reference. */
function failureOf(error: unknown, jobId: string): { key: string; values?: Record<string, string> } {
  const expected = toAppError(error);
  if (expected) return { key: expected.key, values: expected.values };
  return { key: "import.errors.failed", values: { ref: logUnexpected(error, `import job ${jobId}`) } };
}

/**
 * runImport reports progress inside its transaction, synchronously: write it through the plain
 * client (another connection, so the owner sees it before the commit), one write at a time, always
 * the latest figures.
 */
function progressWriter(jobId: string) {
  let latest: { done: number; total: number } | null = null;
  let inFlight: Promise<void> | null = null;
  const write = () => {
    if (inFlight || !latest) return;
    const data = latest;
    latest = null;
    inFlight = db.importJob
      .update({ where: { id: jobId }, data: { ...data, heartbeatAt: new Date() } })
      .then(
        () => undefined,
        (e) => void logUnexpected(e, `import job ${jobId}: progress`),
      )
      .finally(() => {
        inFlight = null;
        write();
      });
  };
  return {
    report: (done: number, total: number) => {
      latest = { done, total };
      write();
    },
    settled: async () => {
      latest = null;
      while (inFlight) await inFlight;
    },
  };
}
