// Benchmark of the actions CSV export (lib/exports: the same function /api/exports/actions.csv streams)
// on a large database, beside PostgreSQL's own COPY of the same rows and columns.
//
//   npx tsx --conditions=react-server bench/export-csv.ts [--url …] [--actions 1000000] [--outcomes 100000]
//                                                         [--batch 2000] [--runs 2] [--fresh] [--prepare-only]
//
// --conditions=react-server lets lib/ modules that import "server-only" load outside Next.
// The database (exp_bench on 127.0.0.1:5432 unless --url says otherwise) is created and migrated
// when missing and filled once by bench/generate.ts; later runs reuse it (--fresh rebuilds).
// Prints, per run: rows, bytes, seconds and rows/s of COPY (via psql, to a pipe read by this
// process) and of the export (the stream read to the end in this process), and this process's RSS
// growth during the export (sampled every 10 ms, and the kernel's peak RSS). Targets: the export at
// least half of COPY's rate, RSS growth under 150 MB.
import { spawn } from "node:child_process";
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

const url = arg("url") ?? "postgresql://postgres@127.0.0.1:5432/exp_bench";
const actions = num("actions", DEFAULTS.actions);
const outcomes = num("outcomes", DEFAULTS.outcomes);
const seed = num("seed", DEFAULTS.seed);
const batchSize = num("batch", 2000);
const runs = num("runs", 2);
const BASE_URL = "http://localhost:3000";

const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host))
  throw new Error(`Refusing to fill a non-local database (${host})`);

async function prepare() {
  await ensureDatabase(url, { recreate: args.includes("--fresh") });
  migrate(url, { quiet: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Action" WHERE id LIKE $1`, [`bv${seed}a%`]);
    const have = Number(rows[0]!.n);
    if (have === actions) {
      console.log(`Reusing ${url}: ${have.toLocaleString("en")} generated actions (seed ${seed}).`);
      return;
    }
    if (have > 0) {
      console.log(
        `${url} holds ${have.toLocaleString("en")} generated actions, not ${actions.toLocaleString("en")}: rebuilding it.`,
      );
      await client.end();
      await ensureDatabase(url, { recreate: true });
      migrate(url, { quiet: true });
    }
  } finally {
    await client.end().catch(() => {});
  }
  await generateVolume({ url, actions, outcomes, seed, log: (line) => console.log(`  ${line}`) });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("VACUUM ANALYZE");
  await c.end();
}

// The export's rows and columns for an auditor with the list's default params (sort by date, newest
// first): the same scope (deleted rows out), labels, counterpart list, outcome count and URL.
const COPY_QUERY = `
  SELECT a.title, a."referenceNumber", ty."labelEn", a.date, a."datePrecision", st."labelEn",
    (SELECT string_agg(coalesce(o.acronym, o.name), '; ')
       FROM "ActionOrganization" ao JOIN "Organization" o ON o.id = ao."organizationId"
      WHERE ao."actionId" = a.id),
    a."followUpDue",
    (SELECT count(*) FROM "ActionOutcomeLink" l JOIN "Outcome" oc ON oc.id = l."outcomeId"
      WHERE l."actionId" = a.id AND oc."deletedAt" IS NULL),
    a.confidentiality,
    '${BASE_URL}/actions/' || a.id
  FROM "Action" a JOIN "Term" ty ON ty.id = a."typeId" JOIN "Term" st ON st.id = a."statusId"
  WHERE a."deletedAt" IS NULL
  ORDER BY a.date DESC, a.id DESC`;

type Result = { rows: number; bytes: number; seconds: number };

/** COPY (…) TO STDOUT through psql; this process reads the pipe to the end. */
function copyRun(): Promise<Result> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const psql = spawn("psql", [
      url,
      "-X",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-c",
      `COPY (${COPY_QUERY}) TO STDOUT WITH (FORMAT csv, HEADER)`,
    ]);
    let bytes = 0;
    let newlines = 0;
    psql.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    });
    let stderr = "";
    psql.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    psql.on("error", reject);
    psql.on("close", (code) => {
      if (code !== 0) return reject(new Error(`psql failed (${code}): ${stderr}`));
      // Newlines include the header and any inside quoted fields (the generator writes none).
      resolve({ rows: newlines - 1, bytes, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const rate = (r: Result) => Math.round(r.rows / r.seconds);
const line = (label: string, r: Result) =>
  `${label.padEnd(28)} ${r.rows.toLocaleString("en").padStart(10)} rows  ${mb(r.bytes).padStart(9)}  ${r.seconds.toFixed(2).padStart(6)} s  ${rate(r).toLocaleString("en").padStart(8)} rows/s`;

async function main() {
  await prepare();
  if (args.includes("--prepare-only")) return;
  process.env.DATABASE_URL = url;
  const [{ exportList }, { db }, { limitHeapGrowth, HEAP_GROWING_PERCENT }] = await Promise.all([
    import("@/lib/exports/lists"),
    import("@/lib/db"),
    import("@/lib/heap"),
  ]);
  // The heap grows as the server's does (instrumentation.ts).
  limitHeapGrowth();

  // The export runs as an auditor (sees restricted rows too, like COPY's query).
  let auditor = await db.user.findFirst({
    where: { role: "AUDITOR", active: true },
    select: { id: true, email: true, name: true, role: true },
  });
  auditor ??= await db.user.create({
    data: { email: "bench-auditor@example.org", name: "Bench Auditor", role: "AUDITOR", passwordHash: "-" },
    select: { id: true, email: true, name: true, role: true },
  });
  const total = await db.action.count({ where: { deletedAt: null } });
  console.log(
    `${total.toLocaleString("en")} actions to export (deletedAt null), batches of ${batchSize}; Node ${process.version}, heap growing ${HEAP_GROWING_PERCENT}% as the server's`,
  );

  async function exportRun(): Promise<Result & { rssGrowth: number; maxRssGrowth: number }> {
    if (global.gc) global.gc();
    const baseline = process.memoryUsage().rss;
    const maxRssBefore = process.resourceUsage().maxRSS * 1024;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const file = exportList({
      actor: auditor!,
      list: "actions",
      format: "csv",
      params: {},
      baseUrl: BASE_URL,
      locale: "en",
      batchSize,
    });
    const reader = file.stream.getReader();
    let bytes = 0;
    let newlines = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const maxRssAfter = process.resourceUsage().maxRSS * 1024;
    return {
      rows: newlines - 1,
      bytes,
      seconds,
      rssGrowth: peak - baseline,
      maxRssGrowth: Math.max(0, maxRssAfter - Math.max(maxRssBefore, baseline)),
    };
  }

  // Warm the caches (PostgreSQL's and the JIT's) with one COPY, then alternate.
  console.log(line("COPY warm-up", await copyRun()));
  const copies: Result[] = [];
  const exports: Awaited<ReturnType<typeof exportRun>>[] = [];
  for (let i = 1; i <= runs; i++) {
    const c = await copyRun();
    copies.push(c);
    console.log(line(`COPY run ${i}`, c));
    const e = await exportRun();
    exports.push(e);
    console.log(
      `${line(`export (lib) run ${i}`, e)}  RSS +${mb(e.rssGrowth)} (sampled peak), +${mb(e.maxRssGrowth)} (kernel peak)`,
    );
  }
  const bestCopy = Math.max(...copies.map(rate));
  const bestExport = Math.max(...exports.map(rate));
  const worstRss = Math.max(...exports.map((e) => Math.max(e.rssGrowth, e.maxRssGrowth)));
  const ratio = bestExport / bestCopy;
  console.log("");
  console.log(
    `best COPY ${bestCopy.toLocaleString("en")} rows/s, best export ${bestExport.toLocaleString("en")} rows/s: ${(ratio * 100).toFixed(0)}% of COPY (target ≥ 50%)`,
  );
  console.log(`largest RSS growth during an export: ${mb(worstRss)} (target < 150 MB)`);
  if (exports.some((e) => e.rows !== total))
    console.log(`WARNING: an export wrote ${exports.map((e) => e.rows).join("/")} rows, expected ${total}`);
  await db.$disconnect();
  process.exitCode = ratio >= 0.5 && worstRss < 150 * 2 ** 20 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
