import "server-only";
import { CLOSED_ACTION_STATUS } from "@/lib/vocabularies/vocabularies";
import type { Db } from "@/lib/db";
import { reminderWindow, REMINDER_RULES } from "./rules";

/**
 * Reminds the people of each open action whose follow-up is due soon or overdue (rules.ts): its
 * author and its participants, if their account is active. One INSERT, keyed by reminderDedupeKey
 * (same format, built in SQL), so the scan can run as often as it likes and still remind each
 * person once per action, kind and follow-up date.
 *
 * Visibility: the recipients are exactly the people actionScope (lib/permissions.ts) always lets see
 * the action, restricted or not; the notifications menu and the emails check it again when shown.
 */
export async function scanFollowUps(client: Db, now: Date, rules = REMINDER_RULES): Promise<{ notified: number }> {
  const w = reminderWindow(now, rules);
  const rows = await client.$queryRaw<{ n: bigint }[]>`
    WITH due AS (
      SELECT a."id", a."createdById", a."followUpDue"::text AS due,
             CASE WHEN a."followUpDue" < ${w.today}::date THEN 'OVERDUE' ELSE 'FOLLOW_UP_DUE' END AS kind
        FROM "Action" a
        JOIN "Term" s ON s."id" = a."statusId"
       WHERE a."deletedAt" IS NULL
         AND a."followUpDue" BETWEEN ${w.overdueSince}::date AND ${w.dueSoonUntil}::date
         AND s."code" <> ${CLOSED_ACTION_STATUS}
    ), recipients AS (
      SELECT "id", due, kind, "createdById" AS "userId" FROM due
      UNION
      SELECT d."id", d.due, d.kind, p."userId" FROM due d JOIN "ActionParticipant" p ON p."actionId" = d."id"
    ), inserted AS (
      INSERT INTO "Notification" ("id", "userId", "kind", "recordType", "recordId", "dedupeKey")
      SELECT gen_random_uuid()::text, r."userId", r.kind, 'Action', r."id", r.kind || ':' || r."id" || ':' || r.due || ':' || r."userId"
        FROM recipients r
        JOIN "User" u ON u."id" = r."userId" AND u."active"
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS n FROM inserted`;
  return { notified: Number(rows[0]?.n ?? 0) };
}
