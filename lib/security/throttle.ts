import "server-only";
import type { Db, Tx } from "@/lib/db";

// Sign-in failure limits, per account (the normalized email, whether or not such an account exists,
// so that an unknown email is limited exactly like a real one) and per client IP. Kept in PostgreSQL:
// every app instance sees the same counts, and a restart forgets nothing.
//
// - A growing delay: after FREE failures in the last hour, the next attempt must wait 2^(n-FREE)
//   seconds after the last failure, at most MAX_DELAY. A wait ends on its own: once an attack stops,
//   the real person can sign in again after at most MAX_DELAY (or, past CAP failures, when the oldest
//   failure leaves the hour window).
// - A cap: at most CAP failures per hour.
// - Per-IP limits refuse only that IP: an attacker's address cannot lock the account for others.
// Attempts refused by a limit do not count as failures (they never reached the password check).

export const WINDOW_MS = 60 * 60_000;

export const LIMITS = {
  account: { free: 5, maxDelayMs: 15 * 60_000, cap: 100 },
  ip: { free: 30, maxDelayMs: 15 * 60_000, cap: 300 },
} as const;
export type Scope = keyof typeof LIMITS;

/** How long to wait after the last failure when there were `failures` in the window. */
export function delayAfter(scope: Scope, failures: number): number {
  const { free, maxDelayMs } = LIMITS[scope];
  if (failures < free) return 0;
  return Math.min(maxDelayMs, 1000 * 2 ** (failures - free));
}

type Row = { scope: string; key: string; failures: bigint; last: Date | null; oldest: Date | null };

/** Milliseconds until an attempt for these keys is allowed (0: now). */
export async function retryAfterMs(client: Db | Tx, keys: { account: string; ip: string | null }, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const rows = await client.$queryRaw<Row[]>`
    SELECT "scope", "key", count(*) AS failures, max("at") AS last, min("at") AS oldest
    FROM "AuthFailure"
    WHERE "at" > ${since} AND (("scope" = 'account' AND "key" = ${keys.account}) OR ("scope" = 'ip' AND "key" = ${keys.ip ?? ""}))
    GROUP BY "scope", "key"`;
  let wait = 0;
  for (const r of rows) {
    const scope = r.scope as Scope;
    const n = Number(r.failures);
    const untilDelay = (r.last?.getTime() ?? 0) + delayAfter(scope, n) - now.getTime();
    const untilCap = n >= LIMITS[scope].cap ? (r.oldest?.getTime() ?? 0) + WINDOW_MS - now.getTime() : 0;
    wait = Math.max(wait, untilDelay, untilCap);
  }
  return Math.max(0, wait);
}

/** Counts one failed step against the account and the IP. */
export async function recordFailure(client: Db | Tx, keys: { account: string; ip: string | null }, now = new Date()) {
  await client.authFailure.createMany({
    data: [
      { scope: "account", key: keys.account, at: now },
      ...(keys.ip ? [{ scope: "ip", key: keys.ip, at: now }] : []),
    ],
  });
}

/** After a full sign-in the account starts afresh (its IP's count stays). Old rows are pruned. */
export async function clearAccountFailures(client: Db | Tx, account: string, now = new Date()) {
  await client.authFailure.deleteMany({ where: { scope: "account", key: account } });
  await client.authFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - 2 * WINDOW_MS) } } });
}

/** A per-account advisory lock, so that parallel attempts on one account are checked one at a time. */
export const lockAccount = (tx: Tx, account: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(727002, hashtext(${account}))`;
