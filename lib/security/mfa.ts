import "server-only";
import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db, Tx } from "@/lib/db";
import type { RoleName as Role } from "@/lib/permissions-roles";
import { decryptSecret, sha256 } from "./crypto";

// The second factor: TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1 as every authenticator app
// supports) and 10 single-use recovery codes.

export const ISSUER = "Advocacy Tracker";
export const RECOVERY_CODE_COUNT = 10;
/** Roles that must have a second factor (unless the account is a seeded demo account). */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["ADMIN", "AUDITOR"];
export const MFA_REQUIRED_FOR_ALL = "auth.mfaRequiredForAll";

export const newTotpSecret = () => generateSecret();

/** The otpauth:// URI and its QR code as an SVG data URL, made on the server. */
export async function enrolmentQr(secret: string, email: string) {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * Checks a 6-digit code against the encrypted secret, allowing one step of clock drift each way, and
 * never a step at or before `lastStep` (a code, once used, is refused even within its 30 seconds).
 */
export async function verifyTotp(encryptedSecret: string, code: string, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret: decryptSecret(encryptedSecret),
      token,
      epochTolerance: 30,
      ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

// Recovery codes: 10 characters from an alphabet without look-alikes (50 bits), shown as xxxxx-xxxxx.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
export const hashRecoveryCode = (code: string) => sha256(`recovery:${normalizeRecoveryCode(code)}`);

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** Replaces a person's recovery codes; returns the new ones in clear, to show once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

/** Uses up a recovery code; true when it was one of the person's unused codes. */
export async function consumeRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  if (normalizeRecoveryCode(code).length !== 10) return false;
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function mfaRequiredForAll(client: Db | Tx): Promise<boolean> {
  const row = await client.appSetting.findUnique({ where: { key: MFA_REQUIRED_FOR_ALL } });
  return row?.value === true;
}

/** Whether this person must enrol before doing anything else. */
export const mustEnrol = (
  user: { role: Role; mfaExempt: boolean; totpEnabledAt: Date | null },
  requiredForAll: boolean,
) => !user.totpEnabledAt && !user.mfaExempt && (requiredForAll || MFA_REQUIRED_ROLES.includes(user.role));

/** Whether this person may not turn the second factor off. */
export const mfaRequiredFor = (user: { role: Role; mfaExempt: boolean }, requiredForAll: boolean) =>
  !user.mfaExempt && (requiredForAll || MFA_REQUIRED_ROLES.includes(user.role));
