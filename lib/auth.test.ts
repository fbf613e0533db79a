// Integration tests: sign-in against the real test database, and what the audit trail keeps of it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { asText, uniq } from "@/tests/support/fixtures";
import { signInStep } from "./auth";

const PASSWORD = "a long and unguessable passphrase";

/** Signs in with a unique user agent, so the audit rows of this one attempt can be found. */
async function attempt(raw: unknown) {
  const userAgent = `vitest ${uniq()}`;
  // a fresh documentation-range address per attempt: these tests are not about the per-IP limit
  const ip = `2001:db8::${uniq("").slice(0, 4)}:${uniq("").slice(0, 4)}`;
  const step = await signInStep(raw, { ip, userAgent });
  const audit = await db.auditEvent.findMany({ where: { userAgent } });
  const result = step.ok ? (({ sid: _sid, sv: _sv, ...u }) => u)(step.user) : null;
  return { result, audit, step, ip };
}

describe("[AUTH] sign-in", () => {
  it("signs in with the right password, case-insensitive email; audits auth.signin.succeeded", async () => {
    const user = await makeUser(db, { password: PASSWORD, role: "MANAGER" });
    const { result, audit, ip } = await attempt({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD });

    expect(result).toEqual({ id: user.id, email: user.email, name: user.name, role: "MANAGER" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      event: "auth.signin.succeeded",
      entity: "User",
      entityId: user.id,
      actorId: user.id,
      actorRole: "MANAGER",
      ip,
      after: null,
    });
    expect(asText(audit)).not.toContain(PASSWORD);
  });

  it("refuses a wrong password and audits auth.signin.failed with the attempted email, never the password", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    const wrong = `wrong-${uniq()}-password`;
    const { result, audit } = await attempt({ email: user.email, password: wrong });

    expect(result).toBeNull();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      event: "auth.signin.failed",
      actorId: null,
      entityId: user.id,
      after: { email: user.email },
    });
    expect(asText(audit)).not.toContain(wrong);
  });

  it("refuses an unknown email with the same answer, and audits it", async () => {
    const email = `nobody-${uniq()}@example.org`;
    const secret = `guess-${uniq()}`;
    const { result, audit } = await attempt({ email, password: secret });
    expect(result).toBeNull();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ event: "auth.signin.failed", actorId: null, entityId: null, after: { email } });
    expect(asText(audit)).not.toContain(secret);
  });

  it("refuses a deactivated user even with the right password, and audits the failure", async () => {
    const user = await makeUser(db, { password: PASSWORD, active: false });
    const { result, audit } = await attempt({ email: user.email, password: PASSWORD });
    expect(result).toBeNull();
    expect(audit.map((a) => a.event)).toEqual(["auth.signin.failed"]);
    expect(asText(audit)).not.toContain(PASSWORD);
  });

  it("returns nothing for malformed credentials (no email, an object instead of a password)", async () => {
    expect((await attempt({ email: "not an email", password: PASSWORD })).result).toBeNull();
    expect((await attempt({ email: "a@example.org", password: { $ne: "" } })).result).toBeNull();
    expect((await attempt(null)).result).toBeNull();
  });

  it("never hands the password hash back", async () => {
    const user = await makeUser(db, { password: PASSWORD });
    const { result } = await attempt({ email: user.email, password: PASSWORD });
    expect(Object.keys(result ?? {}).sort()).toEqual(["email", "id", "name", "role"]);
  });
});
