// Integration tests: user administration against the real test database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { toFormState } from "@/lib/server-action";
import { asText, auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { createUser, updateUser } from "./mutations";
import { findUsers, listUserOptions } from "./queries";

const PASSWORD = "correct horse battery staple 2024";
const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `officer-${uniq()}@ombudsman.gov.ua`,
  name: "International cooperation officer",
  role: "STAFF",
  password: PASSWORD,
  ...overrides,
});
const storedHash = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

describe("[USERS] create", () => {
  it("an administrator creates a user: argon2id hash stored, audit row without the password", async () => {
    const admin = await makeActor("ADMIN");
    const input = newUser({ email: `New.Officer-${uniq()}@Ombudsman.gov.ua` });
    const { id } = await createUser({ actor: admin, input });

    const hash = await storedHash(id);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain(PASSWORD);
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: input.email.toLowerCase(), role: "STAFF", active: true });
    expect(user).not.toHaveProperty("passwordHash");

    const rows = await auditRowsFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "user.created", actorId: admin.id, actorRole: "ADMIN", before: null });
    expect(rows[0].after).toEqual({ email: input.email.toLowerCase(), name: input.name, role: "STAFF", active: true });
    const serialized = asText(rows[0]);
    expect(serialized).not.toContain(PASSWORD);
    expect(serialized).not.toContain("argon2");
  });

  it("refuses an email already taken, whatever its case (fieldErrors.email)", async () => {
    const admin = await makeActor("ADMIN");
    const existing = await makeUser(db);
    const err = await expectAppError(
      createUser({ actor: admin, input: newUser({ email: existing.email.toUpperCase() }) }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ email: ["validation.emailTaken"] });
  });

  it("refuses a password shorter than 15 characters, and writes nothing", async () => {
    const admin = await makeActor("ADMIN");
    const input = newUser({ password: "Ombudsman2024!" });
    const err = await expectAppError(createUser({ actor: admin, input }), "VALIDATION");
    expect(err.fieldErrors).toEqual({ password: ["validation.passwordTooShort"] });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("refuses mass assignment (e.g. an active flag or a ready-made hash)", async () => {
    const admin = await makeActor("ADMIN");
    const err = await expectAppError(
      createUser({ actor: admin, input: { ...newUser(), passwordHash: "$argon2id$forged" } }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ _form: ["validation.invalid"] });
  });

  it.each(["STAFF", "MANAGER", "AUDITOR"] as const)("%s cannot manage users (FORBIDDEN)", async (role) => {
    const actor = await makeActor(role);
    const other = await makeUser(db);
    const input = newUser({ role: "ADMIN" });
    await expectAppError(createUser({ actor, input }), "FORBIDDEN");
    await expectAppError(
      updateUser({ actor, id: other.id, input: { name: other.name, role: "ADMIN", active: true } }),
      "FORBIDDEN",
    );
    await expectAppError(
      updateUser({ actor, id: actor.id, input: { name: actor.name, role: "ADMIN", active: true } }),
      "FORBIDDEN",
    );
    await expectAppError(findUsers({ actor }), "FORBIDDEN");
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe(role);
  });
});

describe("[USERS] update", () => {
  it("a role change is audited as user.role_changed with the old and new role", async () => {
    const admin = await makeActor("ADMIN");
    const user = await makeUser(db, { role: "STAFF" });
    await updateUser({ actor: admin, id: user.id, input: { name: user.name, role: "MANAGER", active: true } });
    const [row] = await auditRowsFor(user.id, "user.role_changed");
    expect(row).toMatchObject({ actorId: admin.id, before: { role: "STAFF" }, after: { role: "MANAGER" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("MANAGER");
  });

  it("deactivation without a role change is audited as user.updated; an unchanged save writes nothing", async () => {
    const admin = await makeActor("ADMIN");
    const user = await makeUser(db);
    await updateUser({ actor: admin, id: user.id, input: { name: user.name, role: "STAFF", active: true } });
    await updateUser({ actor: admin, id: user.id, input: { name: user.name, role: "STAFF", active: "" } });
    const rows = await auditRowsFor(user.id);
    // deactivation also ends every session of the person
    expect(rows.map((r) => r.event)).toEqual(["user.updated", "auth.sessions.revoked"]);
    expect(rows[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect((await listUserOptions({ actor: admin })).some((o) => o.value === user.id)).toBe(false);
  });

  it("an administrator cannot demote or deactivate themselves", async () => {
    const admin = await makeActor("ADMIN");
    const demote = await expectAppError(
      updateUser({ actor: admin, id: admin.id, input: { name: admin.name, role: "STAFF", active: true } }),
      "VALIDATION",
    );
    expect(demote.fieldErrors).toEqual({ role: ["validation.cannotDemoteSelf"] });
    await expectAppError(
      updateUser({ actor: admin, id: admin.id, input: { name: admin.name, role: "ADMIN", active: false } }),
      "VALIDATION",
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });
    // renaming oneself is fine
    await updateUser({ actor: admin, id: admin.id, input: { name: "Renamed admin", role: "ADMIN", active: true } });
    expect((await auditRowsFor(admin.id, "user.updated"))[0]).toMatchObject({ after: { name: "Renamed admin" } });
  });

  it("another administrator may demote an administrator", async () => {
    const [admin, other] = await Promise.all([makeActor("ADMIN"), makeActor("ADMIN")]);
    await updateUser({ actor: admin, id: other.id, input: { name: other.name, role: "AUDITOR", active: true } });
    expect((await auditRowsFor(other.id, "user.role_changed"))[0]).toMatchObject({
      before: { role: "ADMIN" },
      after: { role: "AUDITOR" },
    });
  });

  it("two administrators edit the same user from the same version: the second gets a conflict naming the fields with both values, nothing is overwritten", async () => {
    const [first, second] = await Promise.all([makeActor("ADMIN"), makeActor("ADMIN")]);
    const user = await makeUser(db, { role: "STAFF" });
    const { version } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { version: true } });

    // the first administrator promotes the person
    await updateUser({
      actor: first,
      id: user.id,
      input: { name: user.name, role: "MANAGER", active: true, expectedVersion: String(version) },
    });
    // the second, from the same version, deactivates them (the row still says Staff)
    const err = await expectAppError(
      updateUser({
        actor: second,
        id: user.id,
        input: { name: user.name, role: "STAFF", active: "", expectedVersion: String(version) },
      }),
      "CONFLICT",
      "security.versionConflict",
    );
    const conflict = err.details?.conflict as { version: number; fields: { field: string; theirs: unknown; mine: unknown }[] };
    expect(conflict.version).toBe(version + 1);
    // the row form gets it as every record form does: FormState.conflict, next to the message
    expect(await toFormState(err)).toMatchObject({ ok: false, messageKey: "security.versionConflict", conflict });
    expect(conflict.fields).toEqual([
      { field: "role", theirs: "MANAGER", mine: "STAFF" },
      { field: "active", theirs: true, mine: false },
    ]);
    // the first save stands (the role change ended the person's sessions); the second wrote nothing
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "MANAGER",
      active: true,
      version: version + 1,
    });
    expect((await auditRowsFor(user.id)).map((r) => [r.event, r.actorId])).toEqual([
      ["user.role_changed", first.id],
      ["auth.sessions.revoked", first.id],
    ]);

    // the informed merge: their role, my deactivation, from the version the conflict named
    await updateUser({
      actor: second,
      id: user.id,
      input: { name: user.name, role: "MANAGER", active: "", expectedVersion: String(conflict.version) },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "MANAGER", active: false });
  });

  it("updating an unknown user answers NOT_FOUND", async () => {
    const admin = await makeActor("ADMIN");
    await expectAppError(
      updateUser({ actor: admin, id: "no-such-user", input: { name: "x", role: "STAFF", active: true } }),
      "NOT_FOUND",
    );
  });

  it("the user list never carries password hashes", async () => {
    const admin = await makeActor("ADMIN");
    const rows = await findUsers({ actor: admin });
    const me = rows.find((r) => r.id === admin.id);
    expect(me).toMatchObject({ email: admin.email, role: "ADMIN", active: true });
    expect(JSON.stringify(rows)).not.toContain("$argon2");
  });
});
