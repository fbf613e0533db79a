import v8 from "node:v8";

// V8 lets its old generation grow to as much as 4× what survived the last full collection before it
// collects again. An export turns a million rows into short-lived objects, and those that live
// across a database round trip reach the old generation: the server grew by 180 MB during a CSV
// export of 1,000,000 actions, of which 40 MB was live (bench/export-csv.ts, `--trace-gc`). With a
// factor of 2.5 it grew by 106–123 MB in the same time (runs alternated with runs without it).
// Set once at start-up, by the server (instrumentation.ts) and by the benchmarks that measure what
// the server does.
export const HEAP_GROWING_PERCENT = 150;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
