// Builds the app when there is no build yet or a source file is newer than it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "i18n", "messages", "public", "next.config.js", "package-lock.json", "prisma/schema.prisma", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), s.mtimeMs);
}

export function buildIfNeeded({ force = false } = {}) {
  const marker = ".next/BUILD_ID";
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map(newestMtime));
  if (!force && built && built >= changed) {
    console.log("[build] the existing build is up to date");
    return;
  }
  console.log("[build] building the app (about a minute)…");
  const t0 = Date.now();
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`[build] done in ${Math.round((Date.now() - t0) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded({ force: process.argv.includes("--force") });
