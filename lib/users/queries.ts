import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/permissions";
import { mfaRequiredForAll } from "@/lib/security/mfa";

/** Active people, for participant and owner pickers. */
export async function listUserOptions({ actor }: { actor: Actor }) {
  assertCan(actor, "user.list");
  const rows = await db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
  return rows.map((u) => ({ value: u.id, label: u.name, hint: u.email }));
}

export async function findUsers({ actor }: { actor: Actor }) {
  assertCan(actor, "user.manage");
  const rows = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      createdAt: true,
      version: true,
      mfaExempt: true,
      totpEnabledAt: true,
    },
  });
  return rows.map(({ totpEnabledAt, ...u }) => ({ ...u, createdAt: u.createdAt.toISOString(), secondFactor: !!totpEnabledAt }));
}
export type UserRow = Awaited<ReturnType<typeof findUsers>>[number];

/** The administrators' setting: must everyone use a second factor? */
export async function getMfaRequiredForAll({ actor }: { actor: Actor }) {
  assertCan(actor, "user.manage");
  return mfaRequiredForAll(db);
}
