#!/usr/bin/env node
// `npm start`: database (embedded when DATABASE_URL is unset), migrations, demo data on first start,
// a build if needed, then the server on PORT (default 3000). Ctrl-C stops everything cleanly.
import { spawn } from "node:child_process";
import pg from "pg";
import { ensureAuthSecret } from "./auth-secret.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ensureAppRole, ensureDatabase, loadDotEnv, migrate, seed, startEmbedded, withDatabase } from "./db-utils.mjs";

loadDotEnv();
const port = Number(process.env.PORT ?? 3000);
const url = `http://localhost:${port}`;

let embedded = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbedded();
  process.env.DATABASE_URL = withDatabase(embedded.adminUrl, "app");
  await ensureDatabase(process.env.DATABASE_URL);
} else {
  console.log("[db] using DATABASE_URL");
}
const stopDb = async () => embedded && (await embedded.stop());

try {
  migrate(process.env.DATABASE_URL);
  seed(process.env.DATABASE_URL);
  process.env.APP_DATABASE_URL = await ensureAppRole(process.env.DATABASE_URL);
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= url;
  buildIfNeeded();
} catch (e) {
  console.error("[start] could not prepare the app:", e.message);
  await stopDb();
  process.exit(1);
}

async function hasDemoAccounts() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM \"User\" WHERE email = 'admin@example.org'")).rowCount > 0;
  } finally {
    await client.end();
  }
}

const server = spawn("node", ["scripts/serve.mjs", "-p", String(port)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  detached: true,
});

// Announce the URL once the app answers.
(async () => {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`\n  Advocacy Tracker is running: ${url}\n`);
  if (await hasDemoAccounts().catch(() => false)) {
    console.log("  Demo accounts (password: ombudsman-demo-2024):");
    for (const [email, role] of [
      ["staff@example.org", "staff"],
      ["manager@example.org", "manager"],
      ["auditor@example.org", "auditor"],
      ["admin@example.org", "admin"],
    ])
      console.log(`    ${email.padEnd(24)} ${role}`);
    console.log("");
  }
})();

const forward = (sig) => {
  try {
    process.kill(-server.pid, sig);
  } catch {
    server.kill(sig);
  }
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => forward(sig));
server.on("exit", async (code, signal) => {
  await stopDb();
  process.exit(code ?? (signal ? 0 : 1));
});
