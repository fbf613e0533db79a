// next-auth signs sessions with NEXTAUTH_SECRET. When none is configured, generate one once and keep
// it in a git-ignored file, so sessions survive restarts on this machine.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const FILE = ".auth-secret";

export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  if (!existsSync(FILE)) writeFileSync(FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(FILE, "utf8").trim();
}
