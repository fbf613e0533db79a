#!/usr/bin/env node
// `npm test`: every test. Unit and integration tests (Vitest) against a real PostgreSQL database,
// then end-to-end tests (Playwright, Chromium) against the built app on its own seeded database.
//   --unit   only Vitest       --e2e   only Playwright      other args go to the runner
// The server: TEST_DATABASE_URL if set, else the local PostgreSQL on 127.0.0.1:5432 if it answers,
// else an embedded PostgreSQL in ./.pgdata-test. The test databases (advocacy_test, advocacy_e2e, or
// TEST_DB_PREFIX_test/_e2e so that two runs on one server do not collide) are recreated every run.
import { spawnSync } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { assertLocal, ensureAppRole, ensureDatabase, migrate, portAnswers, seed, startEmbedded, withDatabase } from "./db-utils.mjs";

const argv = process.argv.slice(2);
const only = argv.includes("--unit") ? "unit" : argv.includes("--e2e") ? "e2e" : "all";
const passThrough = argv.filter((a) => a !== "--unit" && a !== "--e2e");
const prefix = process.env.TEST_DB_PREFIX ?? "advocacy";
if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error("TEST_DB_PREFIX: lower-case letters, digits and _ only");

let embedded = null;
let server = process.env.TEST_DATABASE_URL;
if (!server) {
  if (await portAnswers("127.0.0.1", 5432)) server = "postgresql://postgres@127.0.0.1:5432/postgres";
  else {
    embedded = await startEmbedded({ dir: ".pgdata-test", port: 54330 });
    server = embedded.adminUrl;
  }
}
assertLocal(server);

const run = (cmd, args, env) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

let status = 0;
try {
  if (only !== "e2e") {
    const url = withDatabase(server, `${prefix}_test`);
    await ensureDatabase(url, { recreate: true });
    migrate(url, { quiet: true });
    // lib/ connects as the app role (as in production); DATABASE_URL stays the owner, for tests that
    // must act as the owner or a superuser (e.g. tampering with the audit trail).
    const appUrl = await ensureAppRole(url, { quiet: true });
    status = run("npx", ["vitest", "run", ...(only === "unit" ? passThrough : [])], { DATABASE_URL: url, APP_DATABASE_URL: appUrl });
  }
  if (status === 0 && only !== "unit") {
    const url = withDatabase(server, `${prefix}_e2e`);
    await ensureDatabase(url, { recreate: true });
    migrate(url, { quiet: true });
    seed(url, { quiet: true });
    buildIfNeeded();
    const appUrl = await ensureAppRole(url, { quiet: true });
    status = run("npx", ["playwright", "test", ...(only === "e2e" ? passThrough : [])], { E2E_DATABASE_URL: url, E2E_APP_DATABASE_URL: appUrl });
  }
} finally {
  if (embedded) await embedded.stop();
}
process.exit(status);
