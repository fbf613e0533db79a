import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { assertCan, type Actor } from "@/lib/permissions";
import { JOB_NAMES, jobNamed, type JobName } from "./registry";
import { runJob, type JobOutcome } from "./runner";

const ZRunJob = z.strictObject({ name: z.enum(JOB_NAMES as [JobName, ...JobName[]], { error: "validation.invalid" }) });

/**
 * Runs a job now, here, whatever its schedule (administrators), e.g. after fixing the SMTP settings.
 * Refused while another run holds the job. The request is audited before the run.
 */
export async function runJobNow({ actor, input }: { actor: Actor; input: unknown }): Promise<JobOutcome> {
  assertCan(actor, "jobs.manage");
  const { name } = parseInput(ZRunJob, input);
  await db.$transaction((tx) => recordAudit(tx, { actor, event: "job.run", entity: "JobRun", entityId: name }));
  const outcome = await runJob(jobNamed(name)!, { force: true });
  if (!outcome.ran) throw new AppError("CONFLICT", "jobs.busy");
  return outcome;
}
