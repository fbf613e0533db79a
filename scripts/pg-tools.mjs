// PostgreSQL client tools for backup and restore: which binary, and whether it can talk to the server.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

/** The tool from PG_BIN if set, else the one on PATH (Debian's postgresql-client). */
export const pgTool = (name) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name);

/** A URL without its password, for messages. */
export const redact = (url) => {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
};

/** Runs a tool; its own message (not ours) explains a failure, and the exit code is passed on. */
export function runTool(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "inherit", "inherit"] });
  } catch (e) {
    console.error(`${path.basename(tool)} failed (exit ${e.status ?? "?"}); nothing else was done.`);
    process.exit(e.status || 1);
  }
}

/** Stops with a clear message when the tool's major version is older than the server's. */
export async function assertToolMatchesServer(tool, url) {
  let toolVersion;
  try {
    toolVersion = execFileSync(tool, ["--version"], { encoding: "utf8" });
  } catch {
    console.error(
      `${tool} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client) or set PG_BIN.`,
    );
    process.exit(2);
  }
  const toolMajor = Number(/(\d+)(?:\.\d+)?/.exec(toolVersion)?.[1]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SHOW server_version_num");
  await client.end();
  const serverMajor = Math.floor(Number(rows[0].server_version_num) / 10000);
  if (toolMajor < serverMajor) {
    console.error(
      `${path.basename(tool)} ${toolMajor} cannot work with a PostgreSQL ${serverMajor} server. Install the client tools of version ${serverMajor} ` +
        `(e.g. postgresql-client-${serverMajor}) and point PG_BIN at their bin directory.`,
    );
    process.exit(2);
  }
}
