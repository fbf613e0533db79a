// Integration tests: sign-in failure limits, kept in PostgreSQL, against the real test database.
import { describe, expect, it } from "vitest";
import { signInStep } from "@/lib/auth";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { asText, uniq } from "@/tests/support/fixtures";
import { delayAfter, LIMITS, retryAfterMs, WINDOW_MS } from "./throttle";

const PASSWORD = "a long and unguessable passphrase";
const ip = () => `2001:db8::${uniq("").slice(0, 4)}:${uniq("").slice(0, 4)}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** Failures written as if made at those times (the clock is the database's; nothing sleeps). */
const failuresAt = (scope: "account" | "ip", key: string, times: Date[]) =>
  db.authFailure.createMany({ data: times.map((at) => ({ scope, key, at })) });

describe("[AUTH] brute force: the growing delay", () => {
  it("grows from the sixth failure on an account, doubling, capped at 15 minutes", () => {
    expect([0, 4].map((n) => delayAfter("account", n))).toEqual([0, 0]);
    expect([5, 6, 7, 10].map((n) => delayAfter("account", n))).toEqual([1000, 2000, 4000, 32_000]);
    expect(delayAfter("account", 40)).toBe(15 * 60_000);
    expect(delayAfter("ip", 29)).toBe(0);
  });

  it("five wrong passwords, then the sixth attempt is refused as rate-limited, even with the right password", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    const from = ip();
    for (let i = 0; i < 5; i++) expect(await signInStep({ email: user.email, password: `wrong ${i}` }, { ip: from })).toEqual({ ok: false, error: "invalid" });
    const limited = await signInStep({ email: user.email, password: PASSWORD }, { ip: from });
    expect(limited).toMatchObject({ ok: false, error: "rate_limited" });
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // refused attempts are audited (who was targeted, never the password)
    const rows = await db.auditEvent.findMany({ where: { event: "auth.signin.throttled", after: { path: ["email"], equals: user.email } } });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(asText(rows)).not.toContain(PASSWORD);
  });

  it("an unknown email is limited exactly like a real one (same answers, same wait)", async () => {
    const real = await makeUser(db, { password: PASSWORD });
    const unknown = `nobody-${uniq()}@example.org`;
    const answers: Record<string, unknown[]> = { real: [], unknown: [] };
    for (const [name, email] of [["real", real.email], ["unknown", unknown]] as const) {
      const from = ip();
      for (let i = 0; i < 6; i++) answers[name].push(await signInStep({ email, password: `wrong ${i}` }, { ip: from }));
    }
    expect(answers.unknown.map((a) => (a as { error: string }).error)).toEqual(answers.real.map((a) => (a as { error: string }).error));
    expect(answers.real.at(-1)).toEqual({ ok: false, error: "rate_limited", retryAfterSeconds: 1 });
    expect(answers.unknown.at(-1)).toEqual({ ok: false, error: "rate_limited", retryAfterSeconds: 1 });
  });

  it("rotating the client IP (e.g. a forged X-Forwarded-For) does not bypass the per-account limit", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    for (let i = 0; i < 5; i++) await signInStep({ email: user.email, password: `wrong ${i}` }, { ip: ip() });
    expect(await signInStep({ email: user.email, password: `wrong again` }, { ip: ip() })).toMatchObject({ error: "rate_limited" });
    expect(await signInStep({ email: user.email, password: PASSWORD }, { ip: ip() })).toMatchObject({ error: "rate_limited" });
  });

  it("once an attack stops, the real person signs in: the wait is time-boxed", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    // 40 failures ended 16 minutes ago: the wait (at most 15 minutes) is over
    await failuresAt("account", user.email, Array.from({ length: 40 }, (_, i) => minutesAgo(16 + i)));
    const ok = await signInStep({ email: user.email, password: PASSWORD }, { ip: ip() });
    expect(ok.ok).toBe(true);
    // a full sign-in starts the account afresh
    expect(await db.authFailure.count({ where: { scope: "account", key: user.email } })).toBe(0);
  });

  it("at most 100 failures per account per hour: the 101st waits until the oldest leaves the hour", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    // 100 failures, the last 20 minutes ago (past any delay), the oldest 50 minutes ago
    await failuresAt("account", user.email, Array.from({ length: LIMITS.account.cap }, (_, i) => minutesAgo(20 + (i * 30) / 100)));
    const wait = await retryAfterMs(db, { account: user.email, ip: null });
    expect(wait).toBeGreaterThan(9 * 60_000);
    expect(wait).toBeLessThanOrEqual(WINDOW_MS - 49 * 60_000);
    expect(await signInStep({ email: user.email, password: PASSWORD }, { ip: ip() })).toMatchObject({ error: "rate_limited" });
  });

  it("a per-IP limit refuses only that IP: the account still works from another address", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    const attacker = ip();
    // password spraying from one address: many accounts, a few tries each
    await failuresAt("ip", attacker, Array.from({ length: LIMITS.ip.free + 5 }, () => minutesAgo(0)));
    expect(await signInStep({ email: user.email, password: PASSWORD }, { ip: attacker })).toMatchObject({ error: "rate_limited" });
    expect((await signInStep({ email: user.email, password: PASSWORD }, { ip: ip() })).ok).toBe(true);
  });

  it("limits hold across app instances: the counts live in the database, not in a process", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    await failuresAt("account", user.email, Array.from({ length: 8 }, () => minutesAgo(0)));
    // what another instance wrote is what this one reads
    expect(await retryAfterMs(db, { account: user.email, ip: null })).toBeGreaterThan(7000);
  });

  it("parallel guesses on one account are checked one at a time (no burst past the limit)", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    const from = ip();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signInStep({ email: user.email, password: `wrong ${i}` }, { ip: from })));
    expect(results.filter((r) => !r.ok && r.error === "invalid").length).toBeLessThanOrEqual(6);
    expect(await db.authFailure.count({ where: { scope: "account", key: user.email } })).toBeLessThanOrEqual(6);
  });
});
