import "server-only";
import type { Db, Tx } from "@/lib/db";
import { JobFailure } from "@/lib/jobs/runner";
import type { Mailer } from "@/lib/mail";
import { byRecordType, recordHref, visibleRecords } from "@/lib/notifications/queries";
import type { NotificationKind } from "@/lib/notifications/queries";
import type { Actor } from "@/lib/permissions";
import { composeDigest, composeReminder, type ReminderItem } from "./compose";
import { digestDue, emailCutoff, officeClock, REMINDER_RULES } from "./rules";

// Emails the notifications people have not read yet: each one at once, or one digest a day, as each
// person chose on /account (User.emailReminders). A notification is settled by setting emailedAt,
// in the same transaction that claimed it (FOR UPDATE SKIP LOCKED), right after its email was
// accepted by the SMTP server: a second worker skips what the first holds, and a failure leaves the
// rest for the next run. A notification about a record the person may no longer see is settled
// without an email; a restricted record's title is never put in an email.

type Pending = { id: string; userId: string; kind: NotificationKind; recordType: string; recordId: string; actorName: string | null };
type Recipient = Actor & { locale: string };

const BATCH = 25;
/** the most notifications one digest lists (the rest wait for the next one) */
const DIGEST_MAX = 100;
const MAX_BATCHES = 20;
const TX = { timeout: 60_000, maxWait: 10_000 };

const pendingWhere = (cutoff: Date) => `
  n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" >= '${cutoff.toISOString()}'::timestamp
  AND (n."commentId" IS NULL OR EXISTS (SELECT 1 FROM "Comment" c WHERE c."id" = n."commentId" AND c."deletedAt" IS NULL))`;

async function recipients(tx: Tx, ids: string[]): Promise<Map<string, Recipient>> {
  const users = await tx.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
  return new Map(users.map((u) => [u.id, u]));
}

/** The items of one person's notifications that they may still see, in their order. */
async function itemsFor(tx: Tx, user: Recipient, rows: Pending[], appUrl: string): Promise<Map<string, ReminderItem>> {
  const visible = await visibleRecords(tx, user, byRecordType(rows));
  const items = new Map<string, ReminderItem>();
  for (const n of rows) {
    const record = visible.get(n.recordId);
    if (!record) continue;
    items.set(n.id, {
      kind: n.kind,
      title: record.restricted ? null : record.title,
      actorName: n.actorName,
      url: `${appUrl}${recordHref(n.recordType, n.recordId)}`,
    });
  }
  return items;
}

const settle = (tx: Tx, ids: string[], now: Date) =>
  ids.length ? tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: now } }) : null;

async function claimPending(tx: Tx, cutoff: Date, extra: string, params: unknown[], limit: number): Promise<Pending[]> {
  return tx.$queryRawUnsafe<Pending[]>(
    `SELECT n."id", n."userId", n."kind", n."recordType", n."recordId", a."name" AS "actorName"
       FROM "Notification" n
       JOIN "User" u ON u."id" = n."userId" AND u."active"
       LEFT JOIN "User" a ON a."id" = n."actorId"
      WHERE ${pendingWhere(cutoff)} ${extra}
      ORDER BY n."createdAt", n."id"
      LIMIT ${Math.trunc(limit)}
      FOR UPDATE OF n SKIP LOCKED`,
    ...params,
  );
}

/** One email per notification, for those who chose "immediately". */
async function sendImmediate(client: Db, now: Date, mailer: Mailer, appUrl: string, rules = REMINDER_RULES) {
  let sent = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { claimed, error } = await client.$transaction(async (tx) => {
      const rows = await claimPending(tx, emailCutoff(now, rules), `AND u."emailReminders" = 'IMMEDIATE'`, [], BATCH);
      const people = await recipients(tx, [...new Set(rows.map((r) => r.userId))]);
      const done: string[] = [];
      try {
        for (const user of people.values()) {
          const mine = rows.filter((r) => r.userId === user.id);
          const items = await itemsFor(tx, user, mine, appUrl);
          for (const n of mine) {
            const item = items.get(n.id);
            if (item) {
              await mailer.send({ to: user.email, ...composeReminder({ locale: user.locale, name: user.name, item, accountUrl: `${appUrl}/account` }) });
              sent++;
            }
            done.push(n.id);
          }
        }
        return { claimed: rows.length, error: null };
      } catch (e) {
        return { claimed: 0, error: e instanceof Error ? e.message : "send failed" };
      } finally {
        await settle(tx, done, now);
      }
    }, TX);
    if (error) throw new JobFailure(`SMTP: ${error} (${sent} sent before)`);
    if (claimed < BATCH) break;
  }
  return sent;
}

/** One digest a day for those who chose it, at or after the digest hour, office time. */
async function sendDigests(client: Db, now: Date, mailer: Mailer, appUrl: string, rules = REMINDER_RULES) {
  const today = officeClock(now, rules.timeZone).date;
  if (!digestDue(now, null, rules)) return 0;
  const cutoff = emailCutoff(now, rules);
  let sent = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { claimed, error } = await client.$transaction(async (tx) => {
      const users = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT u."id" FROM "User" u
          WHERE u."active" AND u."emailReminders" = 'DIGEST' AND (u."digestSentOn" IS NULL OR u."digestSentOn" < $1::date)
            AND EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u."id" AND ${pendingWhere(cutoff)})
          ORDER BY u."id" LIMIT ${BATCH}
          FOR UPDATE OF u SKIP LOCKED`,
        today,
      );
      const people = await recipients(tx, users.map((u) => u.id));
      try {
        for (const user of people.values()) {
          const rows = await claimPending(tx, cutoff, `AND n."userId" = $1`, [user.id], DIGEST_MAX);
          const items = [...(await itemsFor(tx, user, rows, appUrl)).values()];
          if (items.length) {
            await mailer.send({ to: user.email, ...composeDigest({ locale: user.locale, name: user.name, items, accountUrl: `${appUrl}/account` }) });
            sent++;
          }
          await settle(tx, rows.map((r) => r.id), now);
          await tx.user.update({ where: { id: user.id }, data: { digestSentOn: new Date(`${today}T00:00:00Z`) } });
        }
        return { claimed: users.length, error: null };
      } catch (e) {
        return { claimed: 0, error: e instanceof Error ? e.message : "send failed" };
      }
    }, TX);
    if (error) throw new JobFailure(`SMTP: ${error} (${sent} digests sent before)`);
    if (claimed < BATCH) break;
  }
  return sent;
}

/** The email job: does nothing without SMTP (reminders stay in the app). */
export async function sendReminderEmails(client: Db, now: Date, mailer: Mailer | null, appUrl: string, rules = REMINDER_RULES) {
  if (!mailer) return { emails: 0, digests: 0, smtp: false };
  const base = appUrl.replace(/\/+$/, "");
  const emails = await sendImmediate(client, now, mailer, base, rules);
  const digests = await sendDigests(client, now, mailer, base, rules);
  return { emails, digests, smtp: true };
}
