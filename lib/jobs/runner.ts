import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Db } from "@/lib/db";
import { logUnexpected } from "@/lib/errors";

// Background jobs on PostgreSQL. Each job has one JobRun row: when it is due next, and who holds it
// now. An instance runs a job only after claiming that row with one conditional UPDATE (due, and no
// live claim), so however many app instances tick, each run happens once; the claim lapses after
// `leaseMs` if the instance dies mid-run, and the schedule survives restarts because it lives in the
// database. Jobs are written to be safe to repeat (their writes are keyed), so a run that is retried
// after a crash does no harm.

export type JobResult = Record<string, Prisma.InputJsonValue | null>;

export type JobDefinition = {
  name: string;
  /** how often the job runs */
  everyMs: number;
  /** how long a claim holds if the instance that made it stops answering */
  leaseMs: number;
  run: (ctx: { now: Date; client: Db }) => Promise<JobResult>;
};

/**
 * A failure a job expects and explains in words an administrator can act on (e.g. the SMTP server
 * refused). Any other error is logged with a reference, and only the reference is kept on the row:
 * no database error text reaches the jobs page.
 */
export class JobFailure extends Error {}

/** The `lastError` of an unexpected failure: its log reference. */
export const UNEXPECTED_PREFIX = "ref:";

export type JobOutcome = { name: string; ran: false } | { name: string; ran: true; result?: JobResult; error?: string };

/** This process, as it signs its claims. */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

// JobRun's timestamps are UTC without a zone, as Prisma writes them.
const NOW = "(now() AT TIME ZONE 'UTC')";

/**
 * Claims the job if it is due (or at once with `force`) and nobody holds a live claim. True when this
 * worker may run it now.
 */
export async function claimJob(client: Db, job: Pick<JobDefinition, "name" | "leaseMs">, worker: string, force = false) {
  await client.$executeRawUnsafe(
    `INSERT INTO "JobRun" ("name", "nextRunAt") VALUES ($1, ${NOW}) ON CONFLICT ("name") DO NOTHING`,
    job.name,
  );
  const claimed = await client.$queryRawUnsafe<{ name: string }[]>(
    `UPDATE "JobRun"
        SET "lockedBy" = $2, "lockedUntil" = ${NOW} + make_interval(secs => $3::float8 / 1000), "lastStartedAt" = ${NOW}
      WHERE "name" = $1
        AND ($4::boolean OR "nextRunAt" <= ${NOW})
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${NOW})
      RETURNING "name"`,
    job.name,
    worker,
    job.leaseMs,
    force,
  );
  return claimed.length === 1;
}

/** Releases a claim this worker holds, records what the run did, and schedules the next run. */
async function finishJob(client: Db, job: JobDefinition, worker: string, outcome: { result?: JobResult; error?: string }) {
  await client.$executeRawUnsafe(
    `UPDATE "JobRun"
        SET "lockedBy" = NULL, "lockedUntil" = NULL, "lastFinishedAt" = ${NOW}, "runs" = "runs" + 1,
            "lastResult" = $3::jsonb, "lastError" = $4,
            "nextRunAt" = ${NOW} + make_interval(secs => $5::float8 / 1000)
      WHERE "name" = $1 AND "lockedBy" = $2`,
    job.name,
    worker,
    outcome.result ? JSON.stringify(outcome.result) : null,
    outcome.error ?? null,
    // after a failure, try again sooner than the usual interval, but not in a tight loop
    outcome.error ? Math.min(job.everyMs, 60_000) : job.everyMs,
  );
}

/**
 * Runs the job here if this worker can claim it; otherwise does nothing (another instance runs it,
 * or it is not due). A failing job is recorded on its row (the message only, for the jobs page) and
 * retried later; it never throws into the caller's timer.
 */
export async function runJob(
  job: JobDefinition,
  { client = db, worker = WORKER_ID, force = false, now }: { client?: Db; worker?: string; force?: boolean; now?: Date } = {},
): Promise<JobOutcome> {
  if (!(await claimJob(client, job, worker, force))) return { name: job.name, ran: false };
  try {
    const result = await job.run({ now: now ?? new Date(), client });
    await finishJob(client, job, worker, { result });
    return { name: job.name, ran: true, result };
  } catch (e) {
    const error =
      e instanceof JobFailure ? e.message.slice(0, 500) : `${UNEXPECTED_PREFIX}${logUnexpected(e, `job ${job.name}`)}`;
    if (e instanceof JobFailure) console.error(`[jobs] ${job.name}: ${e.message}`);
    await finishJob(client, job, worker, { error }).catch(() => undefined);
    return { name: job.name, ran: true, error };
  }
}
