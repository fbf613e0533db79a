// Lists, search, a record page and writes at national scale, through the running app, beside the
// same SQL run directly on PostgreSQL (the physical limit). Scenarios of issue 6:
//   1. actions list: filter + sort + first page of 50     2. the same list past row 500,000 (cursor)
//   3. text search, Ukrainian and English                  4. an action with 200 links (detail)
//   5. creating an action (+ audit row), 20 writers        6. the list's total (capped count)
//
//   npm run bench:lists -- [--url postgresql://postgres@127.0.0.1:5432/perf_bench] [--port 3206]
//                          [--runs 40] [--warmup 5] [--writes 10] [--pace 1000] [--skip-build] [--only 4,5]
//
// --only runs some scenarios (ids as in the table; "browser" for the browser side) and prints them
// without writing bench/results.
//
// The database must be migrated and filled by bench/generate.ts (see bench/README.md). The app is
// built (scripts/build-if-needed.mjs), started with `next start` on --port as the app role, and
// signed in as a staff member (bv42u7, the busiest; staff see restricted records only where they
// take part, the expensive visibility rule).
//
// "App" = wall time of one HTTP request to the JSON route that calls the same lib function as the
// page (GET /api/actions → findActions, GET /api/actions/:id → getAction, POST /api/actions →
// createAction), measured by this process on 127.0.0.1: session check, zod, Prisma, JSON. The HTML
// page of scenario 1 and 4 is also timed (React rendering on top) for reference.
// "SQL" = the statements that lib function sent (captured from Prisma's query events, in-process,
// with the same actor and params), replayed one after another with `pg` on one connection; for
// scenario 5, the minimal transaction by hand (advisory lock, last hash, INSERT action, INSERT audit).
// Requests run one at a time (except scenario 5), so the figures are latencies, not throughput.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import pg from "pg";
import { canonicalAroundId, chainHash } from "../lib/audit-hash";
import { encodeCursor } from "../lib/list-cursor";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { ensureAppRole } from "../scripts/db-utils.mjs";
import { installCapturingClient, type CapturedQuery } from "../tests/support/capture-sql";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const num = (name: string, fallback: number) => (arg(name) ? Number(arg(name)) : fallback);
const url = arg("url") ?? "postgresql://postgres@127.0.0.1:5432/perf_bench";
const port = num("port", Number(process.env.PORT ?? 3206));
const runs = num("runs", 40);
const warmup = num("warmup", 5);
const writesPerWriter = num("writes", 10);
const WRITERS = 20;
const only = arg("only")?.split(",");
// Scenario 5p: how often each writer creates an action.
const PACE_MS = num("pace", 1000);
const runs_ = (id: string) => !only || only.includes(id);
const base = `http://127.0.0.1:${port}`;
const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`Refusing a non-local database (${host})`);

const PASSWORD = "ombudsman-demo-2024";
const PREFIX = "bv42";
const STAFF_EMAIL = `${PREFIX}-user-7@example.org`;
const DETAIL_ID = `${PREFIX}a777`;

type Stats = { p50: number; p95: number; p99: number; n: number };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const stats = (xs: number[]): Stats => ({ p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), n: xs.length });
const load = () => loadavg()[0].toFixed(1);

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

// --- the app -------------------------------------------------------------------------------------

async function startApp(appUrl: string): Promise<ChildProcess> {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      APP_DATABASE_URL: appUrl,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-use",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stderr?.on("data", (d) => process.stderr.write(`[app] ${d}`));
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start");
}

/** Signs in through next-auth's credentials callback; returns the Cookie header. */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

// --- the database --------------------------------------------------------------------------------

/** An action with 200 links (scenario 4): made once, idempotent. */
async function ensureDetail(sql: pg.Client, outcomes: number) {
  await sql.query(
    `INSERT INTO "ActionOutcomeLink" (id, "actionId", "outcomeId", "contributionId", "evidenceNote", "createdById", "createdAt")
     SELECT 'bench200_' || i, $1, '${PREFIX}x' || (1 + (i * 37) % $2), (SELECT id FROM "Term" WHERE vocabulary = 'CONTRIBUTION' AND code = 'CONTRIBUTORY'),
            'Лист-відповідь №' || i, '${PREFIX}u7', now()
     FROM generate_series(1, 200) i ON CONFLICT DO NOTHING`,
    [DETAIL_ID, Math.max(200, outcomes)],
  );
  await sql.query(`UPDATE "Action" SET confidentiality = 'INTERNAL', "deletedAt" = NULL WHERE id = $1`, [DETAIL_ID]);
  await sql.query(
    `UPDATE "Outcome" SET "deletedAt" = NULL, confidentiality = 'INTERNAL' WHERE id IN (SELECT "outcomeId" FROM "ActionOutcomeLink" WHERE id LIKE 'bench200\\_%')`,
  );
}

async function replay(sql: pg.Client, queries: CapturedQuery[]) {
  for (const q of queries) await sql.query(q.sql, q.params);
}

// --- scenario 5 ------------------------------------------------------------------------------------

/** The chain from `fromId` on: each row's prevHash is the hash before it and its hash is right. */
async function checkChainFrom(sql: pg.Client, fromId: string): Promise<{ rows: number; breaks: number }> {
  const { rows } = await sql.query(
    `SELECT id::text, at, "actorId", "actorRole"::text, event, entity, "entityId", before, after, ip, "userAgent", "prevHash", hash
     FROM "AuditEvent" WHERE id >= $1 ORDER BY id`,
    [fromId],
  );
  let breaks = 0;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.prevHash !== rows[i - 1].hash) breaks++;
    else if (chainHash(r.prevHash, { ...r, at: (r.at as Date).toISOString() }) !== r.hash) breaks++;
  }
  return { rows: rows.length - 1, breaks };
}

/**
 * The browser side: the JavaScript the actions list loads on a first visit (sum of the script
 * resources: bytes over the wire, and unpacked), and the time from choosing a filter to the updated
 * table (INP-like: the input, the server render, React's commit; measured from Node around the
 * interaction until the table is no longer busy and shows the filtered rows).
 */
async function browserSide(cookie: string) {
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((c) => {
        const i = c.indexOf("=");
        return { name: c.slice(0, i), value: c.slice(i + 1), domain: "127.0.0.1", path: "/" };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${base}/actions`, { waitUntil: "networkidle" });
    // window.performance: a bare `performance` here would be this module's import after compilation.
    const js = await page.evaluate(() =>
      window.performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
        .reduce(
          (a, e) => ({
            wire: a.wire + (e as PerformanceResourceTiming).encodedBodySize,
            raw: a.raw + (e as PerformanceResourceTiming).decodedBodySize,
            files: a.files + 1,
          }),
          { wire: 0, raw: 0, files: 0 },
        ),
    );
    const times: number[] = [];
    const select = page.getByLabel("Type", { exact: true });
    for (const [i, code] of [
      "LETTER_APPEAL",
      "DIPLOMATIC_MEETING",
      "FOREIGN_VISIT",
      "LETTER_APPEAL",
      "DIPLOMATIC_MEETING",
      "FOREIGN_VISIT",
      "LETTER_APPEAL",
    ].entries()) {
      const t = performance.now();
      await select.selectOption(code);
      await page.waitForURL(new RegExp(`type=${code}`));
      await page
        .locator("[aria-busy=true]")
        .first()
        .waitFor({ state: "detached", timeout: 30_000 })
        .catch(() => undefined);
      await page.waitForFunction(() => document.querySelectorAll("[aria-busy=true]").length === 0);
      if (i > 0) times.push(performance.now() - t); // the first one also loads code on demand
    }
    return { js, filter: stats(times) };
  } finally {
    await browser.close();
  }
}

async function main() {
  const t0 = Date.now();
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  await sql.query("SET TIME ZONE 'UTC'");
  const size = (
    await sql.query(`SELECT (SELECT count(*) FROM "Action")::int AS a, (SELECT count(*) FROM "Outcome")::int AS o,
                                        (SELECT count(*) FROM "AuditEvent")::int AS e, (SELECT count(*) FROM "ActionOutcomeLink")::int AS l`)
  ).rows[0];
  if (size.a < 1000) throw new Error(`perf data missing in ${url}: run bench/generate.ts first (see bench/README.md)`);
  console.log(
    `Data: ${size.a.toLocaleString("en")} actions, ${size.o.toLocaleString("en")} outcomes, ${size.l.toLocaleString("en")} links, ${size.e.toLocaleString("en")} audit events. Load ${load()}.`,
  );
  await ensureDetail(sql, size.o);

  // The actor and the captured SQL of every read scenario (same lib functions, in this process).
  const capture = installCapturingClient(url);
  const { findActions, getAction } = await import("../lib/actions/queries");
  const staff = (await sql.query(`SELECT id, email, name, role::text FROM "User" WHERE email = $1`, [STAFF_EMAIL])).rows[0];
  if (!staff) throw new Error(`no ${STAFF_EMAIL}`);
  const listParams = { from: "2016-01-01", sort: "date", dir: "desc", size: "50" };
  // Row 500,000 (or the middle of a smaller database).
  const deepAt = Math.min(500_000, Math.floor(size.a / 2));
  // The cursor at row 500,000 of that list (as the staff member sees it).
  const deepRow = (
    await sql.query(
      `SELECT date, id FROM "Action" a WHERE "deletedAt" IS NULL AND date >= '2016-01-01'
         AND (confidentiality <> 'RESTRICTED' OR "createdById" = $1 OR EXISTS (SELECT 1 FROM "ActionParticipant" p WHERE p."actionId" = a.id AND p."userId" = $1))
       ORDER BY date DESC, id DESC OFFSET $2 LIMIT 1`,
      [staff.id, deepAt - 1],
    )
  ).rows[0];
  const deep = encodeCursor("date", "desc", { value: deepRow.date, id: deepRow.id });
  const scenarios: { id: string; label: string; path: string; call: () => Promise<unknown> }[] = [
    {
      id: "1",
      label: "list: since 2016, by date, first 50",
      path: `/api/actions?${new URLSearchParams(listParams)}`,
      call: () => findActions({ actor: staff, params: listParams }),
    },
    {
      id: "1b",
      label: "list: type = letter, by date, first 50",
      path: `/api/actions?${new URLSearchParams({ type: "LETTER_APPEAL", sort: "date", dir: "desc", size: "50" })}`,
      call: () => findActions({ actor: staff, params: { type: "LETTER_APPEAL", sort: "date", dir: "desc", size: "50" } }),
    },
    {
      id: "2",
      label: `list: same as 1, after row ${deepAt.toLocaleString("en")}`,
      path: `/api/actions?${new URLSearchParams({ ...listParams, after: deep })}`,
      call: () => findActions({ actor: staff, params: { ...listParams, after: deep } }),
    },
    {
      id: "3uk",
      label: "search: військовополонених",
      path: `/api/actions?${new URLSearchParams({ q: "військовополонених", size: "50" })}`,
      call: () => findActions({ actor: staff, params: { q: "військовополонених", size: "50" } }),
    },
    {
      id: "3en",
      label: "search: ombudsman",
      path: `/api/actions?${new URLSearchParams({ q: "ombudsman", size: "50" })}`,
      call: () => findActions({ actor: staff, params: { q: "ombudsman", size: "50" } }),
    },
    {
      id: "4",
      label: "detail: action with 200 links",
      path: `/api/actions/${DETAIL_ID}`,
      call: () => getAction({ actor: staff, id: DETAIL_ID }),
    },
    {
      id: "6",
      label: "list + total, no filter (count to 10,001)",
      path: `/api/actions?size=25`,
      call: () => findActions({ actor: staff, params: { size: "25" } }),
    },
  ].filter((s) => runs_(s.id));
  const captured = new Map<string, CapturedQuery[]>();
  for (const s of scenarios) captured.set(s.id, (await capture.capture(s.call)).queries);
  await capture.client.$disconnect();

  // Baselines first (the app is not running yet).
  const baseline = new Map<string, Stats>();
  for (const s of scenarios) {
    baseline.set(s.id, stats(await timed(runs, () => replay(sql, captured.get(s.id)!))));
    console.log(
      `  SQL ${s.id.padEnd(4)} ${captured.get(s.id)!.length} statements, p95 ${baseline.get(s.id)!.p95.toFixed(1)} ms (load ${load()})`,
    );
  }

  if (!args.includes("--skip-build")) buildIfNeeded();
  const appUrl = await ensureAppRole(url, { quiet: true });
  const app = await startApp(appUrl);
  const rows: string[][] = [];
  let chainLine = "";
  let browserLine = "";
  try {
    const cookie = await signIn(STAFF_EMAIL);
    const get = async (path: string) => {
      const res = await fetch(base + path, { headers: { cookie } });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    const row = (id: string, label: string, app: Stats, base?: Stats, loadNow = load()) => {
      const ratio = base ? (app.p95 / base.p95).toFixed(2) : "–";
      const target = base ? Math.min(2 * base.p95 + 20, 150) : null;
      rows.push([
        id,
        label,
        ...[app.p50, app.p95, app.p99].map((x) => x.toFixed(1)),
        ...(base ? [base.p50, base.p95, base.p99].map((x) => x.toFixed(1)) : ["–", "–", "–"]),
        ratio,
        target ? `${target.toFixed(0)} ${app.p95 <= target ? "ok" : "OVER"}` : "–",
        loadNow,
      ]);
      console.log(rows.at(-1)!.join(" | "));
    };
    const appStats = new Map<string, Stats>();
    for (const s of scenarios) {
      const st = stats(await timed(runs, () => get(s.path)));
      appStats.set(s.id, st);
      row(s.id, s.label, st, baseline.get(s.id));
    }
    if (runs_("1p"))
      row(
        "1p",
        "list page HTML (/actions?since 2016)",
        stats(await timed(Math.ceil(runs / 2), () => get(`/actions?${new URLSearchParams(listParams)}`))),
      );
    if (runs_("4p"))
      row("4p", "detail page HTML (/actions/:id)", stats(await timed(Math.ceil(runs / 2), () => get(`/actions/${DETAIL_ID}`))));

    if (runs_("browser")) {
      const browser = await browserSide(cookie);
      browserLine = `Browser: /actions first load ${browser.js.files} scripts, ${(browser.js.wire / 1024).toFixed(0)} KiB over the wire (${(browser.js.raw / 1024).toFixed(0)} KiB unpacked); filter change → updated table p50 ${browser.filter.p50.toFixed(0)} ms, max ${browser.filter.p99.toFixed(0)} ms over ${browser.filter.n} changes (load ${load()}).`;
      console.log(browserLine);
    }

    if (runs_("5")) {
      // Scenario 5: 20 writers, each creating `writes` actions one after another.
      const terms = (
        await sql.query(
          `SELECT code, vocabulary::text FROM "Term" WHERE (vocabulary = 'ACTION_TYPE' AND code = 'LETTER_APPEAL') OR (vocabulary = 'ACTION_STATUS' AND code = 'SENT')`,
        )
      ).rows;
      if (terms.length < 2) throw new Error("vocabulary missing");
      const headBefore = (await sql.query(`SELECT max(id)::text AS id FROM "AuditEvent"`)).rows[0].id as string;
      const cookies = await Promise.all(Array.from({ length: WRITERS }, () => signIn(STAFF_EMAIL)));
      const headAfterSignIn = (await sql.query(`SELECT max(id)::text AS id FROM "AuditEvent"`)).rows[0].id as string;
      let failures = 0;
      // Each writer creates `writesPerWriter` actions. Closed loop (pace 0): the next as soon as the
      // last is answered, so 20 requests are always in flight and the figure is mostly queueing for
      // the CPU. Paced: writer w starts at w × pace / 20 and sends one every `pace` ms (or late, when
      // the last answer came later): WRITERS × 1000 / pace creates per second in all.
      const writeAll = async (pace: number) => {
        const times: number[] = [];
        const t0 = performance.now();
        await Promise.all(
          cookies.map(async (c, w) => {
            for (let i = 0; i < writesPerWriter; i++) {
              const due = t0 + ((w / WRITERS) * pace + i * pace);
              if (pace) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
              const t = performance.now();
              const res = await fetch(`${base}/api/actions`, {
                method: "POST",
                headers: { cookie: c, "content-type": "application/json", origin: base },
                body: JSON.stringify({
                  title: `Bench letter ${w}-${i} ${Date.now()}`,
                  type: "LETTER_APPEAL",
                  date: "2026-11-30",
                  status: "SENT",
                  confidentiality: "INTERNAL",
                }),
              });
              await res.arrayBuffer();
              if (res.status !== 201) failures++;
              times.push(performance.now() - t);
            }
          }),
        );
        return stats(times);
      };
      await writeAll(0); // warm-up: the first writes of a fresh process compile the create's code paths
      const w = await writeAll(0);
      const paced = await writeAll(PACE_MS);
      // Baseline: the same work by hand, 20 connections at once, closed loop: the action's INSERT and
      // the chain's append function (as lib/audit.ts calls it), then COMMIT.
      const clients = await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query("SET TIME ZONE 'UTC'");
          return c;
        }),
      );
      const sqlTimes: number[] = [];
      await Promise.all(
        clients.map(async (c, w) => {
          for (let i = 0; i < writesPerWriter; i++) {
            const t = performance.now();
            const id = `benchw_${Date.now()}_${w}_${i}`;
            await c.query("BEGIN");
            await c.query(
              `INSERT INTO "Action" (id, title, "typeId", date, "statusId", confidentiality, "createdById", "createdAt", "updatedAt")
             VALUES ($1, $2, (SELECT id FROM "Term" WHERE vocabulary = 'ACTION_TYPE' AND code = 'LETTER_APPEAL'), '2026-11-30',
                     (SELECT id FROM "Term" WHERE vocabulary = 'ACTION_STATUS' AND code = 'SENT'), 'INTERNAL', $3, now(), now())`,
              [id, `Bench SQL letter ${w}-${i}`, staff.id],
            );
            const row = {
              at: new Date().toISOString(),
              actorId: staff.id,
              actorRole: "STAFF",
              event: "action.created",
              entity: "Action",
              entityId: id,
              before: null,
              after: { title: `Bench SQL letter ${w}-${i}` },
              ip: null,
              userAgent: null,
            };
            const { head, tail } = canonicalAroundId(row);
            await c.query(`SELECT audit_append($1, $2, $3, $4, $5, $6, NULL, $7::jsonb, NULL, NULL, $8, $9)`, [
              row.at,
              row.actorId,
              row.actorRole,
              row.event,
              row.entity,
              row.entityId,
              JSON.stringify(row.after),
              head,
              tail,
            ]);
            await c.query("COMMIT");
            sqlTimes.push(performance.now() - t);
          }
        }),
      );
      await Promise.all(clients.map((c) => c.end()));
      const chain = await checkChainFrom(sql, headAfterSignIn);
      const wb = stats(sqlTimes);
      rows.push([
        "5",
        `create action + audit, ${WRITERS} writers × ${writesPerWriter}`,
        ...[w.p50, w.p95, w.p99].map((x) => x.toFixed(1)),
        ...[wb.p50, wb.p95, wb.p99].map((x) => x.toFixed(1)),
        (w.p95 / wb.p95).toFixed(2),
        `100 ${w.p95 < 100 ? "ok" : "OVER"}`,
        load(),
      ]);
      console.log(rows.at(-1)!.join(" | "));
      rows.push([
        "5p",
        `the same, paced: ${WRITERS} writers × 1 every ${PACE_MS / 1000} s (${((WRITERS * 1000) / PACE_MS).toFixed(0)}/s)`,
        ...[paced.p50, paced.p95, paced.p99].map((x) => x.toFixed(1)),
        "–",
        "–",
        "–",
        "–",
        `100 ${paced.p95 < 100 ? "ok" : "OVER"}`,
        load(),
      ]);
      chainLine = `Scenario 5: ${failures} failed requests; audit chain checked over the ${chain.rows} events written since the writers signed in (from id ${headAfterSignIn}, after ${headBefore}): ${chain.breaks} breaks.`;
      console.log(rows.at(-1)!.join(" | "));
      console.log(chainLine);
    }
    const s1 = appStats.get("1");
    const s2 = appStats.get("2");
    if (s1 && s2) chainLine += `\nScenario 2 / scenario 1 (p95): ${(s2.p95 / s1.p95).toFixed(2)} (target ≤ 1.3).`;
  } finally {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {}
    await sql.end();
  }

  const header = [
    "#",
    "scenario",
    "app p50",
    "app p95",
    "app p99",
    "SQL p50",
    "SQL p95",
    "SQL p99",
    "p95 ratio",
    "target p95 (ms)",
    "load",
  ];
  const table = [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
  const when = new Date().toISOString();
  const md = `# bench/lists.ts — ${when}

Data: ${size.a.toLocaleString("en")} actions, ${size.o.toLocaleString("en")} outcomes, ${size.l.toLocaleString("en")} links, ${size.e.toLocaleString("en")} audit events (bench/generate.ts, seed 42).
Runs: ${runs} per scenario after ${warmup} warm-up requests, one at a time, as staff member ${STAFF_EMAIL}. Times in ms.
Machine: 2 cores shared with other work; "load" is the 1-minute load average when the row finished.
"app" = one HTTP request to the JSON route (same lib function as the page); "SQL" = the statements
that function sent, replayed one after another with pg (scenario 5: the minimal transaction by hand,
20 connections). Target for 1–4 and 6: p95 ≤ 2 × SQL p95 + 20 and < 150; scenario 5: p95 < 100.
Scenario 5 runs closed loop (each writer sends its next create when the last is answered: 20 always in
flight, so its time is mostly waiting for the CPU); 5p paces the same writers (one create each per
--pace ms, staggered).
Total time ${((Date.now() - t0) / 1000).toFixed(0)} s.

${table}

${chainLine}

${browserLine}
`;
  console.log(`\n${table}\n\n${chainLine}\n${browserLine}`);
  if (only) return;
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${when.slice(0, 10)}.md`;
  writeFileSync(file, md);
  console.log(`\nWritten to ${file}`);
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
