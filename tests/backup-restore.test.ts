// Backup and restore, end to end with the real scripts: a database with the demo records and a
// chained audit trail is backed up with `db:backup`, restored with `db:restore` into a fresh
// database, and every table holds exactly the same rows; the restored trail verifies as intact,
// the app role can read it and still cannot rewrite it. Runs on the test server (PostgreSQL whose
// major version matches Debian's pg_dump); the two databases are this run's own.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureAppRole, ensureDatabase, migrate, seed, withDatabase } from "@/scripts/db-utils.mjs";

const prefix = process.env.TEST_DB_PREFIX ?? "advocacy";
const server = process.env.DATABASE_URL!;
const src = withDatabase(server, `${prefix}_backup_src`) as string;
const dst = withDatabase(server, `${prefix}_backup_dst`) as string;
const dir = mkdtempSync(path.join(tmpdir(), "advocacy-backup-"));
const file = path.join(dir, "test.dump");

/** Runs a script as the owner of `url` (as an operator would: the app role's URL is not set). */
function run(script: string, args: string[], url: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  delete env.APP_DATABASE_URL;
  return spawnSync(
    "node",
    [...(script.endsWith(".ts") ? ["--conditions=react-server", "--import", "tsx"] : []), script, ...args],
    {
      encoding: "utf8",
      env,
    },
  );
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every public table with its row count and a digest of all its rows. */
async function fingerprint(url: string) {
  const tables = await query<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { t } of tables) {
    if (t === "_prisma_migrations") continue; // timings of the migration run, not data
    const [r] = await query<{ rows: number; digest: string }>(
      url,
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS digest FROM "${t}" x`,
    );
    out[t] = r;
  }
  return out;
}

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = withDatabase(server, "postgres");
  for (const db of [`${prefix}_backup_src`, `${prefix}_backup_dst`])
    await query(admin, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
});

describe("[BACKUP] db:backup and db:restore", () => {
  it("a restored database holds every record and an intact audit chain", { timeout: 180_000 }, async () => {
    await ensureDatabase(src, { recreate: true });
    migrate(src, { quiet: true });
    seed(src, { quiet: true });
    // a chain of several events with anchors: each verification appends one and anchors the head
    for (let i = 0; i < 3; i++) expect(run("scripts/audit-verify.ts", [], src).stdout).toMatch(/^intact/);
    const before = await fingerprint(src);
    expect(before.Action.rows).toBeGreaterThan(10);
    expect(before.AuditEvent.rows).toBeGreaterThanOrEqual(3);
    expect(before.AuditAnchor.rows).toBeGreaterThanOrEqual(3);

    const backup = run("scripts/db-backup.mjs", [file], src);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backup of .* written to .*test\.dump \(\d+ bytes\)/);
    expect(backup.stdout).not.toMatch(/postgres:[^@*]+@/); // no password in the output

    await ensureDatabase(dst, { recreate: true });
    const restore = run("scripts/db-restore.mjs", [file], dst);
    expect(restore.status, restore.stderr).toBe(0);
    expect(await fingerprint(dst)).toEqual(before);

    const verify = run("scripts/audit-verify.ts", [], dst);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`^intact, ${before.AuditEvent.rows} events`));

    // the app role reads the restored data and still cannot rewrite the trail
    // (db:restore set the login role up; in this process APP_DATABASE_URL names it, on the test database)
    const appUrl = withDatabase(
      process.env.APP_DATABASE_URL ?? (await ensureAppRole(dst, { quiet: true })),
      `${prefix}_backup_dst`,
    ) as string;
    expect((await query<{ n: number }>(appUrl, 'SELECT count(*)::int AS n FROM "Action"'))[0].n).toBe(before.Action.rows);
    await expect(query(appUrl, "UPDATE \"AuditEvent\" SET event = 'x'")).rejects.toMatchObject({ code: "42501" });
  });

  it("a restore into a database that already has tables is refused and changes nothing", { timeout: 60_000 }, async () => {
    const again = run("scripts/db-restore.mjs", [file], dst);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has \d+ tables\. Restore into an empty database, or pass --clean/);
  });

  it("a backup tool older than the server stops with a clear message", () => {
    const fake = mkdtempSync(path.join(tmpdir(), "advocacy-pgbin-"));
    execFileSync("sh", [
      "-c",
      `printf '#!/bin/sh\\necho "pg_dump (PostgreSQL) 9.6"\\n' > ${fake}/pg_dump && chmod +x ${fake}/pg_dump`,
    ]);
    const res = spawnSync("node", ["scripts/db-backup.mjs", path.join(fake, "x.dump")], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: src, PG_BIN: fake },
    });
    rmSync(fake, { recursive: true, force: true });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/pg_dump 9 cannot work with a PostgreSQL \d+ server/);
  });
});
