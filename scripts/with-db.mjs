#!/usr/bin/env node
// Usage: node scripts/with-db.mjs <command> [args...]
// Runs the command with DATABASE_URL set: the configured one (environment or .env), or else an
// embedded PostgreSQL with its data in ./.pgdata (migrated first), stopped when the command exits.
import { spawn } from "node:child_process";
import { ensureDatabase, loadDotEnv, migrate, startEmbedded, withDatabase } from "./db-utils.mjs";

loadDotEnv();
const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: node scripts/with-db.mjs <command> [args...]");
  process.exit(2);
}

let embedded = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbedded();
  process.env.DATABASE_URL = withDatabase(embedded.adminUrl, "app");
  await ensureDatabase(process.env.DATABASE_URL);
  migrate(process.env.DATABASE_URL);
}

// Own process group, so a signal reaches grandchildren too (e.g. npx → next → next-server).
const child = spawn(cmd, args, { stdio: "inherit", env: process.env, detached: true });
const forward = (sig) => {
  try {
    process.kill(-child.pid, sig);
  } catch {
    child.kill(sig);
  }
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => forward(sig));
child.on("exit", async (code, signal) => {
  if (embedded) await embedded.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
