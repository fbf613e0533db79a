// Runs once when a Next.js server instance starts: begins the background jobs (lib/jobs) in the
// Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.JOBS !== "off") {
    const { startJobs } = await import("./lib/jobs/scheduler");
    startJobs();
  }
}
