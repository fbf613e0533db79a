import "server-only";
import type { Role } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { db as appDb } from "@/lib/db";
import { authConfig } from "./config";
import { MFA_REQUIRED_FOR_ALL, mustEnrol } from "./mfa";

// Sessions: the token (a JWT in an HttpOnly cookie) names an AuthSession row and carries the user's
// session version at sign-in. lib/session.ts checks both on every request, so ending a session
// (sign-out), all of a person's sessions (a bumped version), or a timeout takes effect at once.

export type SessionClaims = { userId: string; sid: string; sv: number };
export type SessionRow = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

type SessionQueryRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  locale: string;
  sessionVersion: number;
  mfaExempt: boolean;
  totpEnabledAt: Date | null;
  createdAt: Date | null;
  lastSeenAt: Date | null;
  endedAt: Date | null;
  mfaForAll: unknown;
};

export type SessionVerdict = "ok" | "ended" | "revoked" | "idle" | "expired";

/** Why a session is no longer valid, or "ok". Pure: the caller loaded the rows. */
export function sessionVerdict(
  claims: Pick<SessionClaims, "sv">,
  user: { sessionVersion: number; active: boolean },
  session: SessionRow | null,
  now = new Date(),
  config = authConfig,
): SessionVerdict {
  if (!user.active || user.sessionVersion !== claims.sv) return "revoked";
  if (!session || session.endedAt) return "ended";
  if (now.getTime() - session.createdAt.getTime() >= config.absoluteMs) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= config.idleMs) return "idle";
  return "ok";
}

export async function createAuthSession(tx: Tx, data: { userId: string; ip?: string | null; userAgent?: string | null }) {
  const row = await tx.authSession.create({
    data: { userId: data.userId, ip: data.ip ?? null, userAgent: data.userAgent?.slice(0, 500) ?? null },
    select: { id: true },
  });
  return row.id;
}

const TOUCH_EVERY_MS = 60_000;

/** Records activity; at most once a minute per session, to keep reads cheap. */
export async function touchSession(db: Db, sid: string, now = new Date()) {
  await db.authSession.updateMany({
    where: { id: sid, endedAt: null, lastSeenAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) } },
    data: { lastSeenAt: now },
  });
}

/** Ends one session (sign-out, timeout). Returns whether it was still open. */
export async function endSession(client: Db | Tx, sid: string, reason: string): Promise<boolean> {
  const { count } = await client.authSession.updateMany({
    where: { id: sid, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count > 0;
}

/**
 * Ends every session of a person: the version goes up, so even a token whose row were somehow kept is
 * refused. Returns how many open sessions were ended.
 */
export async function endAllSessions(tx: Tx, userId: string, reason: string): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const { count } = await tx.authSession.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count;
}

/**
 * The user a session token's claims stand for, when the session is still valid: its row is open, the
 * person's session version matches the token's, the person is active, and neither timeout has passed.
 * Records activity; ends a timed-out row. Null otherwise.
 */
export async function resolveSession(claims: SessionClaims, now = new Date()) {
  // One query on every request: the person, this session's row and the office-wide MFA setting.
  // Through Prisma's nested select it was three, and each query costs the app more than the database.
  const [found] = await appDb.$queryRaw<SessionQueryRow[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."active", u."locale", u."sessionVersion",
           u."mfaExempt", u."totpEnabledAt", s."createdAt", s."lastSeenAt", s."endedAt",
           (SELECT a."value" FROM "AppSetting" a WHERE a."key" = ${MFA_REQUIRED_FOR_ALL}) AS "mfaForAll"
      FROM "User" u LEFT JOIN "AuthSession" s ON s."id" = ${claims.sid} AND s."userId" = u."id"
     WHERE u."id" = ${claims.userId}`;
  if (!found) return null;
  const { createdAt, lastSeenAt, endedAt, mfaForAll, ...user } = found;
  const row: SessionRow | null = createdAt && lastSeenAt ? { createdAt, lastSeenAt, endedAt } : null;
  const requiredForAll = mfaForAll === true;
  const verdict = sessionVerdict(claims, user, row, now);
  if (verdict !== "ok") {
    if (row && !row.endedAt && (verdict === "idle" || verdict === "expired")) await endSession(appDb, claims.sid, verdict);
    return null;
  }
  // touchSession's own condition, checked here first: most requests need no write at all
  if (row && now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchSession(appDb, claims.sid, now);
  return { ...user, sid: claims.sid, enrolmentRequired: mustEnrol(user, requiredForAll) };
}
