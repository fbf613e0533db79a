import "server-only";
import type { Db, Tx } from "@/lib/db";
import { db as appDb } from "@/lib/db";
import { authConfig } from "./config";
import { mfaRequiredForAll, mustEnrol } from "./mfa";

// Sessions: the token (a JWT in an HttpOnly cookie) names an AuthSession row and carries the user's
// session version at sign-in. lib/session.ts checks both on every request, so ending a session
// (sign-out), all of a person's sessions (a bumped version), or a timeout takes effect at once.

export type SessionClaims = { userId: string; sid: string; sv: number };
export type SessionRow = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

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

/** Records activity; at most once a minute per session, to keep reads cheap. */
export async function touchSession(db: Db, sid: string, now = new Date()) {
  await db.authSession.updateMany({
    where: { id: sid, endedAt: null, lastSeenAt: { lt: new Date(now.getTime() - 60_000) } },
    data: { lastSeenAt: now },
  });
}

/** Ends one session (sign-out, timeout). Returns whether it was still open. */
export async function endSession(client: Db | Tx, sid: string, reason: string): Promise<boolean> {
  const { count } = await client.authSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return count > 0;
}

/**
 * Ends every session of a person: the version goes up, so even a token whose row were somehow kept is
 * refused. Returns how many open sessions were ended.
 */
export async function endAllSessions(tx: Tx, userId: string, reason: string): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const { count } = await tx.authSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return count;
}

/**
 * The user a session token's claims stand for, when the session is still valid: its row is open, the
 * person's session version matches the token's, the person is active, and neither timeout has passed.
 * Records activity; ends a timed-out row. Null otherwise.
 */
export async function resolveSession(claims: SessionClaims, now = new Date()) {
  const user = await appDb.user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      sessionVersion: true,
      mfaExempt: true,
      totpEnabledAt: true,
      authSessions: { where: { id: claims.sid }, select: { createdAt: true, lastSeenAt: true, endedAt: true } },
    },
  });
  if (!user) return null;
  const row = user.authSessions[0] ?? null;
  const verdict = sessionVerdict(claims, user, row, now);
  if (verdict !== "ok") {
    if (row && !row.endedAt && (verdict === "idle" || verdict === "expired")) await endSession(appDb, claims.sid, verdict);
    return null;
  }
  await touchSession(appDb, claims.sid, now);
  const { authSessions: _rows, ...rest } = user;
  return { ...rest, sid: claims.sid, enrolmentRequired: mustEnrol(user, await mfaRequiredForAll(appDb)) };
}
