// What a job's last result says, as a message key of the "jobs" catalogue and its values. Shared by
// the jobs page (server) and its "Run now" button (client): no server-only imports here.

/** A job's name as a message key: "reminders.scan" → "remindersScan" (a dot would nest the key). */
export const jobKey = (name: string) => name.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

export type JobResultMessage = { key: string; values: Record<string, string | number> };

export function jobResultMessage(name: string, result: Record<string, unknown> | null, error: string | null): JobResultMessage | null {
  // an unexpected failure keeps only its log reference (lib/jobs/runner.ts)
  if (error?.startsWith("ref:")) return { key: "results.unexpected", values: { ref: error.slice(4) } };
  if (error) return { key: "results.error", values: { error } };
  if (!result) return null;
  if (name === "reminders.email" && result.smtp === false) return { key: "results.noSmtp", values: {} };
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(result)) if (typeof v === "number" || typeof v === "string") values[k] = v;
  return { key: `results.${jobKey(name)}`, values };
}
