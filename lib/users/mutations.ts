import "server-only";
import { changedFields, recordAudit } from "@/lib/audit";
import { claimVersion, takeExpectedVersion } from "@/lib/concurrency";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { hashPassword } from "@/lib/passwords";
import { assertCan, type Actor } from "@/lib/permissions";
import { ZCreateUserInput, ZLocaleInput, ZUpdateUserInput } from "./schemas";

export async function createUser({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "user.manage");
  const data = parseInput(ZCreateUserInput, input);
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
