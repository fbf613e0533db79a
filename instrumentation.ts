// Runs once when a Next.js server instance starts: bounds the heap's growth (lib/heap.ts) and begins
// the background jobs (lib/jobs) in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { limitHeapGrowth } = await import("./lib/heap");
  limitHeapGrowth();
  if (process.env.JOBS !== "off") {
    const { startJobs } = await import("./lib/jobs/scheduler");
    startJobs();
  }
}
