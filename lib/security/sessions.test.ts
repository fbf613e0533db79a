// Integration tests: sessions are short-lived and revocable, checked against the database on every request.
import { describe, expect, it } from "vitest";
import { signInStep } from "@/lib/auth";
import { changeOwnPassword, signOutEverywhere } from "@/lib/account/mutations";
import { db } from "@/lib/db";
import { endUserSessions, setUserPassword, updateUser } from "@/lib/users/mutations";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { authConfig } from "./config";
import { resolveSession, sessionVerdict, type SessionClaims } from "./sessions";

const PASSWORD = "a long and unguessable passphrase";
const ip = () => `2001:db8::${uniq("").slice(0, 4)}:${uniq("").slice(0, 4)}`;

/** Signs in with the password; returns the claims the session token would carry. */
async function signIn(email: string, password = PASSWORD): Promise<SessionClaims> {
  const r = await signInStep({ email, password }, { ip: ip(), userAgent: "vitest" });
  if (!r.ok) throw new Error(`sign-in failed: ${JSON.stringify(r)}`);
  return { userId: r.user.id, sid: r.user.sid, sv: r.user.sv };
}

const later = (ms: number) => new Date(Date.now() + ms);

describe("[AUTH] sessions: timeouts", () => {
  it("a session is valid right after sign-in and records activity", async () => {
    const { user } = await makeActor("STAFF", { password: PASSWORD });
    const claims = await signIn(user.email);
    expect(await resolveSession(claims)).toMatchObject({ id: user.id, sid: claims.sid, enrolmentRequired: false });
    const seen = async () => (await db.authSession.findUniqueOrThrow({ where: { id: claims.sid } })).lastSeenAt.getTime();
    const first = await seen();
    // activity is written at most once a minute: a request 30 s later writes nothing, one 2 minutes later does
    await resolveSession(claims, later(30_000));
    expect(await seen()).toBe(first);
    const twoMinutes = later(120_000);
    await resolveSession(claims, twoMinutes);
    expect(await seen()).toBe(twoMinutes.getTime());
  });

  it("ends after 30 minutes without a request (idle), however young", async () => {
    const { user } = await makeActor("STAFF", { password: PASSWORD });
    const claims = await signIn(user.email);
    expect(authConfig.idleMs).toBe(30 * 60_000);
    expect(await resolveSession(claims, later(29 * 60_000))).not.toBeNull();
    // the request at +29 min counted as activity: +58 min is 29 minutes idle
    expect(await resolveSession(claims, later(58 * 60_000))).not.toBeNull();
    expect(await resolveSession(claims, later(58 * 60_000 + 31 * 60_000))).toBeNull();
    const row = await db.authSession.findUniqueOrThrow({ where: { id: claims.sid } });
    expect(row.endReason).toBe("idle");
    // and stays ended
    expect(await resolveSession(claims, later(59 * 60_000))).toBeNull();
  });

  it("ends 12 hours after sign-in however active (absolute)", () => {
    const created = new Date("2026-01-01T08:00:00Z");
    const verdict = (hours: number) =>
      sessionVerdict({ sv: 0 }, { sessionVersion: 0, active: true }, { createdAt: created, lastSeenAt: new Date(created.getTime() + hours * 3_600_000 - 60_000), endedAt: null }, new Date(created.getTime() + hours * 3_600_000));
    expect(verdict(11.9)).toBe("ok");
    expect(verdict(12)).toBe("expired");
    expect(authConfig.absoluteMs).toBe(12 * 3_600_000);
  });
});

describe("[AUTH] sessions: revocation through the session version", () => {
  it("a deactivated user's very next request is refused, and the revocation is audited", async () => {
    const admin = await makeActor("ADMIN");
    const { user } = await makeActor("STAFF", { password: PASSWORD });
    const claims = await signIn(user.email);
    await updateUser({ actor: admin, id: user.id, input: { name: user.name, role: "STAFF", active: false } });
    expect(await resolveSession(claims)).toBeNull();
    const [row] = await auditRowsFor(user.id, "auth.sessions.revoked");
    expect(row).toMatchObject({ actorId: admin.id, after: { reason: "deactivated", sessionsEnded: 1 } });
  });

  it("a demoted user's old session is refused (role change bumps the version)", async () => {
    const admin = await makeActor("ADMIN");
    const { user } = await makeActor("MANAGER", { password: PASSWORD });
    const claims = await signIn(user.email);
    await updateUser({ actor: admin, id: user.id, input: { name: user.name, role: "STAFF", active: true } });
    expect(await resolveSession(claims)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(claims.sv + 1);
    // a rename alone keeps the session
    const fresh = await signIn(user.email);
    await updateUser({ actor: admin, id: user.id, input: { name: "Renamed", role: "STAFF", active: true } });
    expect(await resolveSession(fresh)).not.toBeNull();
  });

  it("an administrator ends all of someone's sessions; staff cannot", async () => {
    const admin = await makeActor("ADMIN");
    const staff = await makeActor("STAFF");
    const { user } = await makeActor("AUDITOR", { password: PASSWORD, mfaExempt: true });
    const [a, b] = [await signIn(user.email), await signIn(user.email)];
    await expectAppError(endUserSessions({ actor: staff, id: user.id }), "FORBIDDEN");
    expect(await resolveSession(a)).not.toBeNull();
    expect(await endUserSessions({ actor: admin, id: user.id })).toEqual({ sessionsEnded: 2 });
    expect(await resolveSession(a)).toBeNull();
    expect(await resolveSession(b)).toBeNull();
    expect((await auditRowsFor(user.id, "auth.sessions.revoked"))[0]).toMatchObject({ actorId: admin.id, after: { reason: "admin" } });
    await expectAppError(endUserSessions({ actor: admin, id: "no-such-user" }), "NOT_FOUND");
  });

  it("sign out everywhere ends every session of the person, audited", async () => {
    const me = await makeActor("STAFF", { password: PASSWORD });
    const [a, b] = [await signIn(me.email), await signIn(me.email)];
    expect(await signOutEverywhere({ actor: me })).toEqual({ sessionsEnded: 2 });
    expect(await resolveSession(a)).toBeNull();
    expect(await resolveSession(b)).toBeNull();
    expect((await auditRowsFor(me.id, "auth.sessions.revoked"))[0]).toMatchObject({ actorId: me.id, after: { reason: "signout_everywhere" } });
  });

  it("a password change ends every session (this one too) and the new password is the one that works", async () => {
    const me = await makeActor("STAFF", { password: PASSWORD });
    const [here, elsewhere] = [await signIn(me.email), await signIn(me.email)];
    const newPassword = "a brand new passphrase for 2027";
    expect(await changeOwnPassword({ actor: me, input: { currentPassword: PASSWORD, newPassword } })).toEqual({ sessionsEnded: 2 });
    expect(await resolveSession(elsewhere)).toBeNull();
    expect(await resolveSession(here)).toBeNull();
    expect(await auditRowsFor(me.id, "user.password_changed")).toHaveLength(1);
    expect((await auditRowsFor(me.id, "auth.sessions.revoked"))[0]).toMatchObject({ after: { reason: "password_changed" } });
    await expect(signIn(me.email)).rejects.toThrow();
    await signIn(me.email, newPassword);
  });

  it("an administrator setting a password ends the person's sessions", async () => {
    const admin = await makeActor("ADMIN");
    const { user } = await makeActor("STAFF", { password: PASSWORD });
    const claims = await signIn(user.email);
    await setUserPassword({ actor: admin, id: user.id, input: { password: "a reset passphrase from the admin" } });
    expect(await resolveSession(claims)).toBeNull();
    expect((await auditRowsFor(user.id)).map((r) => r.event)).toEqual(expect.arrayContaining(["user.password_set", "auth.sessions.revoked"]));
  });
});
