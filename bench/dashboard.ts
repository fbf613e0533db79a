// Benchmark of the dashboard's server-side data function (getDashboard, the one /dashboard calls)
// and of "My work" (getMyWork) on a large database: 1,000,000 actions by default.
//
//   npx tsx --conditions=react-server bench/dashboard.ts [--url …] [--actions 1000000] [--outcomes 100000]
//                                                        [--runs 30] [--fresh] [--trace] [--only <label part>]
//
// --conditions=react-server lets lib/ modules that import "server-only" load outside Next.
// The database (advocacy_bench on 127.0.0.1:5432 unless --url says otherwise) is created and
// migrated when missing and filled once by bench/generate.ts; later runs reuse it (--fresh rebuilds).
// Prints p50/p95/p99 per actor and period. Target: p95 under 300 ms.
// The schema is exactly what prisma/migrations makes (indexes left by older versions of this script
// are dropped); --trace prints the slowest statements of one call per case, --only runs the cases
// whose label contains the text.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureDatabase, migrate } from "../scripts/db-utils.mjs";
import { DEFAULTS, generateVolume } from "./generate";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const num = (name: string, fallback: number) => (arg(name) ? Number(arg(name)!.replace(/_/g, "")) : fallback);

const url = arg("url") ?? "postgresql://postgres@127.0.0.1:5432/advocacy_bench";
const actions = num("actions", DEFAULTS.actions);
const outcomes = num("outcomes", DEFAULTS.outcomes);
const runs = num("runs", 30);
const warmup = num("warmup", 3);
const seed = num("seed", DEFAULTS.seed);
// The data ends with this year, so that "this year" and "this quarter" have work in them.
const until = arg("until") ?? `${new Date().getUTCFullYear()}-12-31`;

const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to fill a non-local database (${host})`);

async function prepareSchema() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const database = new URL(url).pathname.slice(1);
    const existing = (await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'bench\\_%' OR indexname LIKE 'dash\\_%'`)).rows;
    for (const { indexname } of existing) await client.query(`DROP INDEX IF EXISTS "${indexname}"`);
    await client.query(`ALTER DATABASE "${database}" RESET jit`);
    // Index-only scans need the visibility map; autovacuum keeps it in a live database.
    await client.query(`VACUUM ANALYZE "Action", "Outcome", "ActionParticipant", "ActionOrganization", "ActionOutcomeLink", "RecordDayCount"`);
    console.log("Schema as migrated.");
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;

async function prepare() {
  await ensureDatabase(url, { recreate: args.includes("--fresh") });
  migrate(url, { quiet: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const prefix = `bv${seed}a`;
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Action" WHERE id LIKE $1`, [`${prefix}%`]);
    const have = Number(rows[0]!.n);
    if (have === actions) {
      console.log(`Reusing ${url}: ${have.toLocaleString("en")} generated actions (seed ${seed}).`);
      return;
    }
    if (have > 0) {
      console.log(`${url} holds ${have.toLocaleString("en")} generated actions, not ${actions.toLocaleString("en")}: rebuilding it.`);
      await client.end();
      await ensureDatabase(url, { recreate: true });
      migrate(url, { quiet: true });
    }
  } finally {
    await client.end().catch(() => {});
  }
  await generateVolume({ url, actions, outcomes, seed, until });
}

async function main() {
  await prepare();
  await prepareSchema();
  // Only now: lib/db reads DATABASE_URL when it is first imported.
  process.env.DATABASE_URL = url;
  const trace = args.includes("--trace");
  const queries: { sql: string; params: string; ms: number }[] = [];
  if (trace) {
    // lib/db reuses a client it finds on globalThis: give it one that reports every query's time.
    const { PrismaClient } = await import("../generated/prisma/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url }),
      omit: { user: { passwordHash: true } },
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", (e) => queries.push({ sql: e.query, params: e.params, ms: Number(e.duration) }));
    (globalThis as { advocacyDb?: unknown }).advocacyDb = client;
  }
  const { db } = await import("../lib/db");
  const { getDashboard, getDashboardCounterparts, getMyWork } = await import("../lib/dashboard/queries");
  type Actor = Parameters<typeof getDashboard>[0]["actor"];

  const user = async (id: string): Promise<Actor> => {
    const u = await db.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true, role: true } });
    return u;
  };
  // u1–u4 are managers; u7 is the busiest staff member, u60 one of the least busy (generate.ts).
  const manager = await user(`bv${seed}u1`);
  const busyStaff = await user(`bv${seed}u7`);
  const quietStaff = await user(`bv${seed}u${DEFAULTS.users}`);
  const sizes = await Promise.all([db.action.count(), db.outcome.count(), db.actionOutcomeLink.count(), db.actionOrganization.count()]);
  console.log(
    `\nData: ${sizes[0].toLocaleString("en")} actions, ${sizes[1].toLocaleString("en")} outcomes, ${sizes[2].toLocaleString("en")} links, ` +
      `${sizes[3].toLocaleString("en")} action–body rows. ${runs} timed runs after ${warmup} warm-up runs each.\n`,
  );

  const cases: [label: string, fn: () => Promise<unknown>][] = [];
  for (const [who, actor] of [
    ["manager", manager],
    ["staff (busy)", busyStaff],
    ["staff (quiet)", quietStaff],
  ] as const) {
    for (const period of ["year", "quarter", "month", "lastYear"]) cases.push([`dashboard ${who.padEnd(13)} ${period}`, () => getDashboard({ actor, params: { period } })]);
  }
  // The counterparts chart, streamed into the page after the rest (its own function).
  for (const [who, actor] of [
    ["manager", manager],
    ["staff (busy)", busyStaff],
  ] as const) {
    for (const period of ["year", "month"]) cases.push([`bodies    ${who.padEnd(13)} ${period}`, () => getDashboardCounterparts({ actor, params: { period } })]);
  }
  cases.push([`my work   staff (busy)`, () => getMyWork({ actor: busyStaff })]);
  cases.push([`my work   staff (quiet)`, () => getMyWork({ actor: quietStaff })]);
  cases.push([`my work   manager`, () => getMyWork({ actor: manager })]);

  const results: { label: string; p50: number; p95: number; p99: number; max: number }[] = [];
  const only = arg("only");
  for (const [label, fn] of cases) {
    if (only && !label.includes(only)) continue;
    for (let i = 0; i < warmup; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    if (trace) {
      queries.length = 0;
      await fn();
      console.log(`\n${label}: the slowest queries of one run`);
      for (const q of [...queries].sort((a, b) => b.ms - a.ms).slice(0, 6)) console.log(`  ${String(q.ms).padStart(5)} ms  ${q.sql.slice(0, 400)}\n           params ${q.params.slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    const r = { label, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.at(-1)! };
    results.push(r);
    console.log(`${label.padEnd(40)} p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   max ${ms(r.max)}`);
  }
  const worst = Math.max(...results.map((r) => r.p95));
  console.log(`\nWorst p95: ${worst.toFixed(0)} ms (target < 300 ms): ${worst < 300 ? "OK" : "OVER TARGET"}`);
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
