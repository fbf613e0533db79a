#!/usr/bin/env node
// `npm run db:backup [FILE]`: a consistent snapshot of the database (DATABASE_URL, the owner's
// connection) in pg_dump's custom format: every record, the audit trail with its hash chain and
// anchors, the grants of the app role. Without FILE it writes backups/advocacy-<db>-<UTC time>.dump.
// pg_dump must be at least the server's major version (Debian's postgresql-client-N; PG_BIN names
// another directory of PostgreSQL binaries): a mismatch stops with a clear message, not a broken file.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { assertToolMatchesServer, pgTool, redact, runTool } from "./pg-tools.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("db:backup: DATABASE_URL is not set (npm run db:backup sets it for the embedded database).");
  process.exit(2);
}
const dbName = decodeURIComponent(new URL(url).pathname.slice(1)) || "db";
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, "")
  .replace(/\.\d+Z$/, "Z");
const file = path.resolve(process.argv[2] ?? path.join("backups", `advocacy-${dbName}-${stamp}.dump`));
mkdirSync(path.dirname(file), { recursive: true });

await assertToolMatchesServer(pgTool("pg_dump"), url);
const t0 = Date.now();
// --no-owner: a restore works as whichever owner runs it; grants to app_rw are kept.
runTool(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", file, "--dbname", url]);
console.log(`backup of ${redact(url)} written to ${file} (${statSync(file).size} bytes) in ${Date.now() - t0} ms`);
