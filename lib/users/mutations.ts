import "server-only";
import { changedFields, recordAudit } from "@/lib/audit";
import { claimVersion, takeExpectedVersion } from "@/lib/concurrency";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { hashPassword } from "@/lib/passwords";
import { assertCan, type Actor } from "@/lib/permissions";
import { MFA_REQUIRED_FOR_ALL } from "@/lib/security/mfa";
import { passwordPolicyErrors } from "@/lib/security/password-policy";
import { endAllSessions } from "@/lib/security/sessions";
import { ZCreateUserInput, ZLocaleInput, ZSetPasswordInput, ZUpdateUserInput } from "./schemas";
import { z } from "zod";

export async function createUser({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "user.manage");
  const data = parseInput(ZCreateUserInput, input);
  assertPasswordPolicy(data.password, false);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.count({ where: { email: data.email } }))
      throw new AppError("VALIDATION", "errors.validation", { email: ["validation.emailTaken"] });
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash },
      select: { id: true },
    });
    const after = { email: data.email, name: data.name, role: data.role, active: true };
    await recordAudit(tx, { actor, event: "user.created", entity: "User", entityId: user.id, after });
    return user;
  });
}

export async function updateUser({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "user.manage");
  const { expectedVersion, fields } = takeExpectedVersion(input);
  const data = parseInput(ZUpdateUserInput, fields);
  // An admin cannot lock themselves out (and with that, possibly everyone).
  if (id === actor.id && (data.role !== "ADMIN" || !data.active))
    throw new AppError("VALIDATION", "errors.validation", { role: ["validation.cannotDemoteSelf"] });
  return db.$transaction(async (tx) => {
    const readCurrent = async () => {
      const current = await tx.user.findUnique({ where: { id }, select: { name: true, role: true, active: true } });
      if (!current) throw new AppError("NOT_FOUND");
      return current;
    };
    const current = await readCurrent();
    const diff = changedFields(current, data);
    if (!diff) return { id };
    await claimVersion(tx, "user", id, expectedVersion, { mine: data, current: readCurrent });
    await tx.user.update({ where: { id }, data });
    const event = current.role !== data.role ? "user.role_changed" : "user.updated";
    await recordAudit(tx, { actor, event, entity: "User", entityId: id, ...diff });
    // A demoted or deactivated person's very next request is refused: every session ends.
    const reason = current.role !== data.role ? "role_changed" : current.active && !data.active ? "deactivated" : null;
    if (reason) await revokeSessions(tx, actor, id, reason);
    return { id };
  });
}

/**
 * The signed-in person's own interface language, remembered for every later sign-in and device. Anyone
 * may change their own (no permission beyond being signed in and active); audited when it changes.
 */
export async function updateOwnLocale({ actor, input }: { actor: Actor; input: unknown }): Promise<{ locale: string; changed: boolean }> {
  const { locale } = parseInput(ZLocaleInput, input);
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: actor.id }, select: { locale: true, active: true } });
    if (!current?.active) throw new AppError("UNAUTHENTICATED");
    if (current.locale === locale) return { locale, changed: false };
    await tx.user.update({ where: { id: actor.id }, data: { locale } });
    await recordAudit(tx, {
      actor,
      event: "user.locale_changed",
      entity: "User",
      entityId: actor.id,
      before: { locale: current.locale },
      after: { locale },
    });
    return { locale, changed: true };
  });
}

/** New password field errors (common password; 15 characters without a second factor) as a VALIDATION error. */
function assertPasswordPolicy(password: string, hasSecondFactor: boolean, field = "password") {
  const errors = passwordPolicyErrors(password, { hasSecondFactor });
  if (errors.length) throw new AppError("VALIDATION", "errors.validation", { [field]: errors });
}

/** Ends every session of a person and audits it (auth.sessions.revoked, with the reason). */
async function revokeSessions(tx: Tx, actor: Actor, userId: string, reason: string) {
  const ended = await endAllSessions(tx, userId, reason);
  await recordAudit(tx, { actor, event: "auth.sessions.revoked", entity: "User", entityId: userId, after: { reason, sessionsEnded: ended } });
  return ended;
}

/** An administrator ends all of someone's sessions (a lost laptop, a suspicion). */
export async function endUserSessions({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("NOT_FOUND");
    return { sessionsEnded: await revokeSessions(tx, actor, id, "admin") };
  });
}

/** An administrator sets someone's password; their sessions end. */
export async function setUserPassword({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "user.manage");
  const { password } = parseInput(ZSetPasswordInput, input);
  assertPasswordPolicy(password, false);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("NOT_FOUND");
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await recordAudit(tx, { actor, event: "user.password_set", entity: "User", entityId: id });
    await revokeSessions(tx, actor, id, "password_set");
    return { id };
  });
}

const ZMfaForAllInput = z.strictObject({ required: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()) });

/** Whether everyone (not only administrators and auditors) must use a second factor. */
export async function setMfaRequiredForAll({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "user.manage");
  const { required } = parseInput(ZMfaForAllInput, input);
  return db.$transaction(async (tx) => {
    const current = (await tx.appSetting.findUnique({ where: { key: MFA_REQUIRED_FOR_ALL } }))?.value === true;
    if (current === required) return { required, changed: false };
    await tx.appSetting.upsert({ where: { key: MFA_REQUIRED_FOR_ALL }, create: { key: MFA_REQUIRED_FOR_ALL, value: required }, update: { value: required } });
    await recordAudit(tx, { actor, event: "setting.changed", entity: "AppSetting", entityId: MFA_REQUIRED_FOR_ALL, before: { value: current }, after: { value: required } });
    return { required, changed: true };
  });
}
