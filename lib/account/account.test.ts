// Integration tests: one's own password and second factor, and signing in with it, against the real database.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { signInStep } from "@/lib/auth";
import { db } from "@/lib/db";
import { resolveSession } from "@/lib/security/sessions";
import { createUser, setMfaRequiredForAll, setUserPassword } from "@/lib/users/mutations";
import { asText, auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { changeOwnPassword, confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes, startTotpEnrolment } from "./mutations";
import { getAccountSecurity } from "./queries";

const PASSWORD = "a long and unguessable passphrase";
const ip = () => `2001:db8::${uniq("").slice(0, 4)}:${uniq("").slice(0, 4)}`;
const meta = () => ({ ip: ip(), userAgent: "vitest" });
/** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
const codeFor = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** A person with a confirmed second factor: their secret (as the app holds it) and recovery codes. */
async function enrolled(role: "STAFF" | "ADMIN" = "STAFF") {
  const me = await makeActor(role, { password: PASSWORD });
  const { manualKey, qrDataUrl } = await startTotpEnrolment({ actor: me });
  const secret = manualKey.replace(/\s+/g, "");
  const { recoveryCodes } = await confirmTotpEnrolment({ actor: me, input: { code: await codeFor(secret, -1) } });
  return { me, secret, recoveryCodes, qrDataUrl };
}

async function challengeFor(email: string) {
  const r = await signInStep({ email, password: PASSWORD }, meta());
  expect(r).toMatchObject({ ok: false, error: "code_required" });
  return (r as { challenge: string }).challenge;
}

describe("[AUTH] passwords", () => {
  it("a common password is refused, whatever its case or spacing, when an admin sets one", async () => {
    const admin = await makeActor("ADMIN");
    const err = await expectAppError(
      createUser({ actor: admin, input: { email: `c-${uniq()}@example.org`, name: "C", role: "STAFF", password: "123456789987654321" } }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ password: ["validation.passwordCommon"] });
    const other = await makeActor("STAFF");
    const e2 = await expectAppError(setUserPassword({ actor: admin, id: other.id, input: { password: "1QAZ2WSX3EDC4RFV" } }), "VALIDATION");
    expect(e2.fieldErrors).toEqual({ password: ["validation.passwordCommon"] });
  });

  it("Unicode is allowed and compared in NFC; 128 characters are accepted, no truncation", async () => {
    const admin = await makeActor("ADMIN");
    const composed = "Київ — це серце України, é".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    const email = `u-${uniq()}@example.org`;
    await createUser({ actor: admin, input: { email, name: "U", role: "STAFF", password: decomposed } });
    expect((await signInStep({ email, password: composed }, meta())).ok).toBe(true);

    // argon2id hashes all 128 characters: changing the last one fails the sign-in
    const long = "x".repeat(100) + "the very end 1234567890abcd";
    expect([...long].length).toBe(127);
    const email2 = `l-${uniq()}@example.org`;
    await createUser({ actor: admin, input: { email: email2, name: "L", role: "STAFF", password: long + "Z" } });
    expect((await signInStep({ email: email2, password: long + "Y" }, meta())).ok).toBe(false);
    expect((await signInStep({ email: email2, password: long + "Z" }, meta())).ok).toBe(true);
  });

  it("changing one's password needs the current one (a wrong one counts as a failure) and 15 characters without a second factor", async () => {
    const me = await makeActor("STAFF", { password: PASSWORD });
    const wrong = await expectAppError(changeOwnPassword({ actor: me, input: { currentPassword: "not it", newPassword: "another fine passphrase" } }), "VALIDATION");
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["validation.currentPasswordWrong"] });
    expect(await db.authFailure.count({ where: { scope: "account", key: me.email } })).toBe(1);
    expect(await auditRowsFor(me.id, "user.password_change_failed")).toHaveLength(1);

    const short = await expectAppError(changeOwnPassword({ actor: me, input: { currentPassword: PASSWORD, newPassword: "eight+chars" } }), "VALIDATION");
    expect(short.fieldErrors).toEqual({ newPassword: ["validation.passwordTooShort"] });
    const common = await expectAppError(changeOwnPassword({ actor: me, input: { currentPassword: PASSWORD, newPassword: "qazwsxedcrfvtgb" } }), "VALIDATION");
    expect(common.fieldErrors).toEqual({ newPassword: ["validation.passwordCommon"] });
    const mass = await expectAppError(changeOwnPassword({ actor: me, input: { currentPassword: PASSWORD, newPassword: "x".repeat(20), role: "ADMIN" } }), "VALIDATION");
    expect(mass.fieldErrors).toEqual({ _form: ["validation.invalid"] });
  });

  it("with a second factor, 8 characters are enough", async () => {
    const { me } = await enrolled();
    await changeOwnPassword({ actor: me, input: { currentPassword: PASSWORD, newPassword: "tr0mb0ne-z" } });
    const audit = await auditRowsFor(me.id, "user.password_changed");
    expect(audit).toHaveLength(1);
    expect(asText(audit)).not.toContain("tr0mb0ne-z");
  });
});

describe("[AUTH] second factor (TOTP)", () => {
  it("enrolment: a QR code and a key, confirmed by a code; 10 recovery codes shown once, stored hashed; the secret encrypted", async () => {
    const { me, secret, recoveryCodes, qrDataUrl } = await enrolled();
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrDataUrl.split(",")[1], "base64").toString()).toContain("<svg");
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const row = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: me.id } });
    expect(stored).toHaveLength(10);
    for (const c of recoveryCodes) expect(asText(stored)).not.toContain(c);
    expect((await auditRowsFor(me.id, "auth.mfa.enrolled"))[0]).toMatchObject({ actorId: me.id, after: { method: "totp", recoveryCodes: 10 } });
    expect(asText(await auditRowsFor(me.id))).not.toContain(secret);
    expect(await getAccountSecurity({ actor: me })).toMatchObject({ secondFactor: true, recoveryCodesLeft: 10, required: false });
  });

  it("a wrong confirmation code enrols nothing and counts as a failure", async () => {
    const me = await makeActor("STAFF", { password: PASSWORD });
    await startTotpEnrolment({ actor: me });
    const err = await expectAppError(confirmTotpEnrolment({ actor: me, input: { code: "000000" } }), "VALIDATION");
    expect(err.fieldErrors).toEqual({ code: ["validation.codeWrong"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).totpEnabledAt).toBeNull();
    expect(await db.authFailure.count({ where: { scope: "account", key: me.email } })).toBe(1);
  });

  it("sign-in asks for the code after the password; the right code signs in, a wrong one is refused and counted", async () => {
    const { me, secret } = await enrolled();
    const challenge = await challengeFor(me.email);
    // no session yet: only a challenge
    expect(await db.authSession.count({ where: { userId: me.id } })).toBe(0);

    expect(await signInStep({ challenge, code: "123456" }, meta())).toEqual({ ok: false, error: "invalid" });
    expect(await db.authFailure.count({ where: { scope: "account", key: me.email } })).toBe(1);
    expect(await auditRowsFor(me.id, "auth.mfa.failed")).toHaveLength(1);

    const ok = await signInStep({ challenge, code: await codeFor(secret, 1) }, meta());
    expect(ok.ok).toBe(true);
    expect((await auditRowsFor(me.id, "auth.signin.succeeded")).at(-1)).toMatchObject({ after: { secondFactor: "totp" } });
    // the challenge is used up
    expect(await signInStep({ challenge, code: await codeFor(secret, 1) }, meta())).toEqual({ ok: false, error: "invalid" });
  });

  it("a code already used is refused (replay within its 30 seconds)", async () => {
    const { me, secret } = await enrolled();
    const code = await codeFor(secret, 0);
    expect((await signInStep({ challenge: await challengeFor(me.email), code }, meta())).ok).toBe(true);
    expect(await signInStep({ challenge: await challengeFor(me.email), code }, meta())).toEqual({ ok: false, error: "invalid" });
  });

  it("a recovery code signs in once; used again it is refused", async () => {
    const { me, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3];
    const first = await signInStep({ challenge: await challengeFor(me.email), code: code.toUpperCase() }, meta());
    expect(first.ok).toBe(true);
    expect((await auditRowsFor(me.id, "auth.signin.succeeded")).at(-1)).toMatchObject({ after: { secondFactor: "recovery_code" } });
    expect(await signInStep({ challenge: await challengeFor(me.email), code }, meta())).toEqual({ ok: false, error: "invalid" });
    expect(await getAccountSecurity({ actor: me })).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("wrong codes hit the brute-force limit like wrong passwords", async () => {
    const { me, secret } = await enrolled();
    const challenge = await challengeFor(me.email);
    for (let i = 0; i < 5; i++) await signInStep({ challenge, code: String(100000 + i) }, meta());
    expect(await signInStep({ challenge, code: await codeFor(secret, 1) }, meta())).toMatchObject({ ok: false, error: "rate_limited" });
  });

  it("an expired or forged challenge gets the generic answer", async () => {
    const { me, secret } = await enrolled();
    const challenge = await challengeFor(me.email);
    await db.authChallenge.update({ where: { id: challenge }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await signInStep({ challenge, code: await codeFor(secret) }, meta())).toEqual({ ok: false, error: "invalid" });
    expect(await signInStep({ challenge: "x".repeat(43), code: await codeFor(secret) }, meta())).toEqual({ ok: false, error: "invalid" });
  });

  it("disabling needs a current code and is audited; regenerating replaces the recovery codes", async () => {
    const { me, secret, recoveryCodes } = await enrolled();
    await expectAppError(regenerateRecoveryCodes({ actor: me, input: { code: "999999" } }), "VALIDATION");
    // enrolment used the previous step; each later code must be of a later step
    const used = await codeFor(secret, 0);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ actor: me, input: { code: used } });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect(await signInStep({ challenge: await challengeFor(me.email), code: recoveryCodes[0] }, meta())).toEqual({ ok: false, error: "invalid" });
    expect(await auditRowsFor(me.id, "auth.mfa.recovery_codes_regenerated")).toHaveLength(1);

    await expectAppError(disableTotp({ actor: me, input: { code: "" } }), "VALIDATION");
    await expectAppError(disableTotp({ actor: me, input: { code: used } }), "VALIDATION"); // used already
    await disableTotp({ actor: me, input: { code: await codeFor(secret, 1) } });
    expect(await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { totpSecret: true, totpEnabledAt: true } })).toEqual({ totpSecret: null, totpEnabledAt: null });
    expect(await auditRowsFor(me.id, "auth.mfa.disabled")).toHaveLength(1);
    expect((await signInStep({ email: me.email, password: PASSWORD }, meta())).ok).toBe(true);
  });

  it("required for administrators and auditors: without one they must enrol before anything else, and cannot turn it off", async () => {
    const admin = await makeActor("ADMIN", { password: PASSWORD });
    const r = await signInStep({ email: admin.email, password: PASSWORD }, meta());
    if (!r.ok) throw new Error("expected a session");
    expect(await resolveSession({ userId: admin.id, sid: r.user.sid, sv: r.user.sv })).toMatchObject({ enrolmentRequired: true });
    // the seeded demo accounts are exempt
    const demo = await makeActor("AUDITOR", { password: PASSWORD, mfaExempt: true });
    const d = await signInStep({ email: demo.email, password: PASSWORD }, meta());
    if (!d.ok) throw new Error("expected a session");
    expect(await resolveSession({ userId: demo.id, sid: d.user.sid, sv: d.user.sv })).toMatchObject({ enrolmentRequired: false });

    const { me, secret } = await enrolled("ADMIN");
    await expectAppError(disableTotp({ actor: me, input: { code: await codeFor(secret, 1) } }), "FORBIDDEN");
  });

  it("an administrator can require it for everyone (a setting in the database, audited); staff cannot", async () => {
    const admin = await makeActor("ADMIN");
    const staff = await makeActor("STAFF", { password: PASSWORD });
    await expectAppError(setMfaRequiredForAll({ actor: staff, input: { required: true } }), "FORBIDDEN");
    try {
      expect(await setMfaRequiredForAll({ actor: admin, input: { required: "on" } })).toEqual({ required: true, changed: true });
      const r = await signInStep({ email: staff.email, password: PASSWORD }, meta());
      if (!r.ok) throw new Error("expected a session");
      expect(await resolveSession({ userId: staff.id, sid: r.user.sid, sv: r.user.sv })).toMatchObject({ enrolmentRequired: true });
      const [row] = await db.auditEvent.findMany({ where: { event: "setting.changed", actorId: admin.id } });
      expect(row).toMatchObject({ entityId: "auth.mfaRequiredForAll", before: { value: false }, after: { value: true } });
    } finally {
      await setMfaRequiredForAll({ actor: admin, input: { required: false } });
    }
  });
});
