import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import type { Actor } from "@/lib/permissions";
import { encryptSecret } from "@/lib/security/crypto";
import { enrolmentQr, mfaRequiredFor, mfaRequiredForAll, newTotpSecret, replaceRecoveryCodes, verifyTotp } from "@/lib/security/mfa";
import { passwordPolicyErrors } from "@/lib/security/password-policy";
import { endAllSessions } from "@/lib/security/sessions";
import { lockAccount, recordFailure, retryAfterMs } from "@/lib/security/throttle";
import { ZChangePasswordInput } from "@/lib/users/schemas";

// The signed-in person's own account: password, sessions, second factor. Anyone signed in may change
// only their own; every change is audited. Checks of a current password or a code count against the
// same failure limits as sign-in (a stolen session must not become a password-guessing oracle).

const ZCodeInput = z.strictObject({ code: z.preprocess((v) => (v == null ? "" : v), z.string().trim().min(1, "validation.required").max(40, "validation.tooLong")) });

async function activeUser(tx: Tx, actor: Actor) {
  const user = await tx.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, active: true, passwordHash: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.active) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Refuses while the account is rate-limited (RATE_LIMITED). */
async function assertNotLimited(tx: Tx, actor: Actor, email: string) {
  await lockAccount(tx, email);
  if ((await retryAfterMs(tx, { account: email, ip: actor.ip ?? null })) > 0) throw new AppError("RATE_LIMITED");
}

/**
 * A wrong secret: counted as a failure and audited in its own transaction (the caller's is rolled back
 * by the error), then refused with a field error.
 */
async function wrongSecret(actor: Actor, email: string, event: string, field: string, key: string): Promise<never> {
  await db.$transaction(async (tx) => {
    await recordFailure(tx, { account: email, ip: actor.ip ?? null });
    await recordAudit(tx, { actor, event, entity: "User", entityId: actor.id });
  });
  throw new AppError("VALIDATION", "errors.validation", { [field]: [key] });
}

/**
 * Changes one's own password (the current one is required). Every session ends, this one included:
 * whoever else held one is out, and the person signs in again with the new password.
 */
export async function changeOwnPassword({ actor, input }: { actor: Actor; input: unknown }) {
  const data = parseInput(ZChangePasswordInput, input);
  const check = await db.$transaction(async (tx) => {
    const user = await activeUser(tx, actor);
    await assertNotLimited(tx, actor, user.email);
    return { email: user.email, ok: await verifyPassword(user.passwordHash, data.currentPassword), mfa: !!user.totpEnabledAt };
  });
  if (!check.ok) await wrongSecret(actor, check.email, "user.password_change_failed", "currentPassword", "validation.currentPasswordWrong");
  const errors = passwordPolicyErrors(data.newPassword, { hasSecondFactor: check.mfa });
  if (data.newPassword === data.currentPassword) errors.push("validation.passwordUnchanged");
  if (errors.length) throw new AppError("VALIDATION", "errors.validation", { newPassword: errors });
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await recordAudit(tx, { actor, event: "user.password_changed", entity: "User", entityId: actor.id });
    return { sessionsEnded: await endEverySession(tx, actor, "password_changed") };
  });
}

/** Ends every session of the person, audited. */
async function endEverySession(tx: Tx, actor: Actor, reason: string) {
  const ended = await endAllSessions(tx, actor.id, reason);
  await recordAudit(tx, { actor, event: "auth.sessions.revoked", entity: "User", entityId: actor.id, after: { reason, sessionsEnded: ended } });
  return ended;
}

/** Signs the person out everywhere, this browser included. */
export async function signOutEverywhere({ actor }: { actor: Actor }) {
  return db.$transaction(async (tx) => {
    await activeUser(tx, actor);
    return { sessionsEnded: await endEverySession(tx, actor, "signout_everywhere") };
  });
}

/**
 * Starts (or restarts) enrolment: a new secret, kept encrypted and inactive until confirmed. Returns
 * what the person needs to add it to an authenticator app: the QR code and the key to type.
 */
export async function startTotpEnrolment({ actor }: { actor: Actor }) {
  const secret = newTotpSecret();
  await db.$transaction(async (tx) => {
    const user = await activeUser(tx, actor);
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "errors.mfaAlreadyEnabled");
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: encryptSecret(secret), totpLastStep: null } });
  });
  const { qrDataUrl } = await enrolmentQr(secret, actor.email);
  return { qrDataUrl, manualKey: secret.replace(/(.{4})/g, "$1 ").trim() };
}

/** Confirms enrolment with a first code; returns the recovery codes, shown this once. */
export async function confirmTotpEnrolment({ actor, input }: { actor: Actor; input: unknown }) {
  const { code } = parseInput(ZCodeInput, input);
  const user = await db.$transaction(async (tx) => {
    const u = await activeUser(tx, actor);
    await assertNotLimited(tx, actor, u.email);
    return u;
  });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "errors.mfaAlreadyEnabled");
  if (!user.totpSecret) throw new AppError("CONFLICT", "errors.mfaNotStarted");
  const step = await verifyTotp(user.totpSecret, code, user.totpLastStep);
  if (step == null) await wrongSecret(actor, user.email, "auth.mfa.enrol_failed", "code", "validation.codeWrong");
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.id, totpEnabledAt: null }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    if (count !== 1) throw new AppError("CONFLICT", "errors.mfaAlreadyEnabled");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, { actor, event: "auth.mfa.enrolled", entity: "User", entityId: actor.id, after: { method: "totp", recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

/** Checks a current code (TOTP only) for disabling and regenerating. */
async function requireCode(actor: Actor, input: unknown, event: string) {
  const { code } = parseInput(ZCodeInput, input);
  const user = await db.$transaction(async (tx) => {
    const u = await activeUser(tx, actor);
    await assertNotLimited(tx, actor, u.email);
    return u;
  });
  if (!user.totpEnabledAt || !user.totpSecret) throw new AppError("CONFLICT", "errors.mfaNotEnabled");
  const step = await verifyTotp(user.totpSecret, code, user.totpLastStep);
  if (step == null) await wrongSecret(actor, user.email, event, "code", "validation.codeWrong");
  return step!;
}

/** Turns the second factor off (a current code required). Refused where it is required. */
export async function disableTotp({ actor, input }: { actor: Actor; input: unknown }) {
  const me = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { role: true, mfaExempt: true } });
  if (mfaRequiredFor(me, await mfaRequiredForAll(db))) throw new AppError("FORBIDDEN", "errors.mfaRequired");
  const step = await requireCode(actor, input, "auth.mfa.disable_failed");
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, { actor, event: "auth.mfa.disabled", entity: "User", entityId: actor.id });
    return { disabled: true };
  });
}

/** New recovery codes (a current code required); the old ones stop working. */
export async function regenerateRecoveryCodes({ actor, input }: { actor: Actor; input: unknown }) {
  const step = await requireCode(actor, input, "auth.mfa.recovery_failed");
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpLastStep: step } });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, { actor, event: "auth.mfa.recovery_codes_regenerated", entity: "User", entityId: actor.id, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

const ZEmailReminders = z.strictObject({
  emailReminders: z.enum(["IMMEDIATE", "DIGEST", "OFF"], { error: "validation.invalid" }),
});

/** One's own choice of reminder emails: each at once, a daily digest, or none (issue 8). Audited. */
export async function setEmailReminders({ actor, input }: { actor: Actor; input: unknown }) {
  const { emailReminders } = parseInput(ZEmailReminders, input);
  await db.$transaction(async (tx) => {
    const user = await activeUser(tx, actor);
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailReminders: true } });
    if (before.emailReminders === emailReminders) return;
    await tx.user.update({ where: { id: user.id }, data: { emailReminders } });
    await recordAudit(tx, { actor, event: "user.reminders_changed", entity: "User", entityId: actor.id, before, after: { emailReminders } });
  });
  return { emailReminders };
}
