"use server";

// Next.js server action of the jobs page: a thin wrapper over lib/jobs.
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { runJobNow } from "@/lib/jobs/mutations";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";

export type RunJobState = FormState & { result?: Record<string, unknown> | null; error?: string | null };

export async function runJobNowAction(name: string, _: RunJobState): Promise<RunJobState> {
  let outcome;
  try {
    outcome = await runJobNow({ actor: await requireActor(), input: { name } });
  } catch (e) {
    return toFormState(e, {}, "runJobNow");
  }
  revalidatePath("/admin/jobs");
  const ran = outcome.ran ? outcome : null;
  return { ok: !ran?.error, submission: Date.now(), result: (ran?.result as Record<string, unknown>) ?? null, error: ran?.error ?? null };
}
