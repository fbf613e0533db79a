import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

// Encryption at rest for second-factor secrets: AES-256-GCM with a key from MFA_ENCRYPTION_KEY
// (32 bytes, base64 or base64url), else one generated once into the git-ignored ./.mfa-key (as
// ./.auth-secret is for sessions). A database dump alone then does not reveal anyone's TOTP secret.
const KEY_FILE = ".mfa-key";
let key: Buffer | undefined;

function encryptionKey(): Buffer {
  if (key) return key;
  let raw = process.env.MFA_ENCRYPTION_KEY;
  if (!raw) {
    if (!existsSync(KEY_FILE)) writeFileSync(KEY_FILE, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    raw = readFileSync(KEY_FILE, "utf8").trim();
  }
  const k = Buffer.from(raw, raw.includes("+") || raw.includes("/") ? "base64" : "base64url");
  if (k.length !== 32) throw new Error("MFA_ENCRYPTION_KEY must be 32 bytes (base64)");
  return (key = k);
}

/** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string): string {
  const [v, iv, tag, data] = stored.split(".");
  if (v !== "v1" || !iv || !tag || !data) throw new Error("unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A random token for URLs and challenges. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");
