import "server-only";
import { db } from "@/lib/db";
import { mailConfigured } from "@/lib/mail";
import { assertCan, type Actor } from "@/lib/permissions";
import { JOBS, type JobName } from "./registry";

export type JobRow = {
  name: JobName;
  everyMinutes: number;
  /** a run holds the job right now */
  running: boolean;
  nextRunAt: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastResult: Record<string, unknown> | null;
  lastError: string | null;
  runs: number;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Every job with its schedule and its last run (administrators). */
export async function listJobs({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<{ jobs: JobRow[]; smtp: boolean }> {
  assertCan(actor, "jobs.manage");
  const rows = await db.jobRun.findMany({ where: { name: { in: JOBS.map((j) => j.name) } } });
  const byName = new Map(rows.map((r) => [r.name, r]));
  return {
    smtp: mailConfigured(),
    jobs: JOBS.map((job) => {
      const r = byName.get(job.name);
      return {
        name: job.name,
        everyMinutes: Math.round(job.everyMs / 60_000),
        running: !!r?.lockedUntil && r.lockedUntil > now,
        nextRunAt: iso(r?.nextRunAt),
        lastStartedAt: iso(r?.lastStartedAt),
        lastFinishedAt: iso(r?.lastFinishedAt),
        lastResult: (r?.lastResult as Record<string, unknown> | null) ?? null,
        lastError: r?.lastError ?? null,
        runs: r?.runs ?? 0,
      };
    }),
  };
}
