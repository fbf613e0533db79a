import "server-only";
import { db } from "@/lib/db";
import { mailConfigured } from "@/lib/mail";
import type { Actor } from "@/lib/permissions";
import { mfaRequiredFor, mfaRequiredForAll } from "@/lib/security/mfa";

/** What /account shows about the person's own security. */
export async function getAccountSecurity({ actor }: { actor: Actor }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      totpEnabledAt: true,
      mfaExempt: true,
      passwordChangedAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  const me = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { role: true, mfaExempt: true } });
  return {
    required: mfaRequiredFor(me, await mfaRequiredForAll(db)),
    secondFactor: !!user.totpEnabledAt,
    mfaExempt: user.mfaExempt,
    recoveryCodesLeft: user._count.recoveryCodes,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}

/** How the person gets reminders by email (issue 8), and whether this server can send email at all. */
export async function getReminderSettings({ actor }: { actor: Actor }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { emailReminders: true } });
  return { emailReminders: user.emailReminders, smtp: mailConfigured() };
}
