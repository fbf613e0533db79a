import "server-only";
import { JOBS } from "./registry";
import { runJob } from "./runner";

// Each app instance ticks every TICK_MS and runs the jobs it can claim (runner.ts): the database
// decides which instance runs what, so starting two instances runs each job once. JOBS=off turns
// the ticking off (the test servers do, and run jobs on demand from /admin/jobs instead).

const TICK_MS = 30_000;
const state = globalThis as unknown as { advocacyJobs?: NodeJS.Timeout };

export function startJobs() {
  if (state.advocacyJobs || process.env.JOBS === "off") return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run is not overtaken by the next tick of the same instance
    running = true;
    try {
      for (const job of JOBS) await runJob(job);
    } catch (e) {
      // the database is unreachable: try again at the next tick
      console.error("[jobs] tick failed:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  state.advocacyJobs = setInterval(tick, TICK_MS);
  state.advocacyJobs.unref();
  setTimeout(tick, 5_000).unref();
}
