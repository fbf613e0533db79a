#!/usr/bin/env node
// `npm run db:restore FILE [-- --clean]`: restores a backup of `npm run db:backup` into DATABASE_URL
// in one transaction (all or nothing). The target must be an empty database (create it first),
// unless --clean is given, which drops what the backup holds before restoring it. Afterwards the
// app's login role is set up as after a migration; run `npm run audit:verify` to check the trail.
import { existsSync } from "node:fs";
import pg from "pg";
import { ensureAppRole } from "./db-utils.mjs";
import { assertToolMatchesServer, pgTool, redact, runTool } from "./pg-tools.mjs";

const args = process.argv.slice(2);
const clean = args.includes("--clean");
const file = args.find((a) => !a.startsWith("--"));
const url = process.env.DATABASE_URL;
if (!file || !existsSync(file)) {
  console.error("usage: npm run db:restore FILE [-- --clean]   (FILE: a backup written by npm run db:backup)");
  process.exit(2);
}
if (!url) {
  console.error("db:restore: DATABASE_URL is not set.");
  process.exit(2);
}

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
  if (rows[0].n > 0 && !clean) {
    console.error(
      `db:restore: ${redact(url)} already has ${rows[0].n} tables. Restore into an empty database, or pass --clean to replace them.`,
    );
    process.exit(1);
  }
  // the app's group role is cluster-wide: a fresh server needs it before the grants are restored
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_rw') THEN CREATE ROLE app_rw NOLOGIN; END IF;
  END $$`);
} finally {
  await client.end();
}

await assertToolMatchesServer(pgTool("pg_restore"), url);
const t0 = Date.now();
runTool(pgTool("pg_restore"), [
  "--no-owner",
  "--exit-on-error",
  "--single-transaction",
  ...(clean ? ["--clean", "--if-exists"] : []),
  "--dbname",
  url,
  file,
]);
await ensureAppRole(url, { quiet: true });
console.log(`restored ${file} into ${redact(url)} in ${Date.now() - t0} ms; check the audit trail with npm run audit:verify`);
