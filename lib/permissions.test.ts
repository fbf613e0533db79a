import { describe, expect, it } from "vitest";
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  actionScope,
  assertCan,
  assertCanEditRecord,
  can,
  canEditRecord,
  linkScope,
  outcomeScope,
  type Actor,
  type Permission,
  type Role,
} from "./permissions";
import { AppError } from "./errors";

// The expected matrix, written out by hand: changing ROLE_PERMISSIONS must change this table too,
// so that every widening or narrowing of a role is a visible, reviewed decision.
//                                  STAFF  MANAGER AUDITOR ADMIN
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  "record.read": /*             */ [true, true, true, true],
  "record.create": /*           */ [true, true, false, false],
  "record.edit.own": /*         */ [true, true, false, false],
  "record.edit.any": /*         */ [false, true, false, false],
  "restricted.read": /*         */ [false, true, true, false],
  "reference.read": /*          */ [true, true, true, true],
  "reference.write": /*         */ [false, true, false, false],
  "export.run": /*              */ [false, true, true, false],
  "audit.read": /*              */ [false, false, true, false],
  "user.list": /*               */ [true, true, true, true],
  "user.manage": /*             */ [false, false, false, true],
  "comment.write": /*           */ [true, true, false, false],
  "comment.delete.any": /*      */ [false, true, false, false],
  "import.run": /*              */ [false, true, false, false],
  "jobs.manage": /*             */ [false, false, false, true],
};
const ROLE_ORDER: Role[] = ["STAFF", "MANAGER", "AUDITOR", "ADMIN"];

const actor = (role: Role, id = `u-${role}`): Actor => ({ id, email: `${id}@example.org`, name: id, role });

describe("ROLE_PERMISSIONS", () => {
  it("knows exactly the four roles of the office", () => {
    expect([...ROLES].sort()).toEqual([...ROLE_ORDER].sort());
  });

  it("has exactly the permissions of the expected matrix (no permission added or removed silently)", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([permission, row]) =>
    ROLE_ORDER.map((role, i) => ({ role, permission: permission as Permission, allowed: row[i] })),
  );

  it.each(cases)("$role may $permission: $allowed", ({ role, permission, allowed }) => {
    expect(can(actor(role), permission)).toBe(allowed);
    if (allowed) expect(() => assertCan(actor(role), permission)).not.toThrow();
    else expect(() => assertCan(actor(role), permission)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("lists no role outside the known roles", () => {
    for (const roles of Object.values(ROLE_PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });

  it("grants nothing to a missing actor (signed out)", () => {
    for (const p of PERMISSIONS) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
    }
  });

  it("grants nothing to an unknown role smuggled in", () => {
    for (const p of PERMISSIONS) expect(can({ role: "SUPERUSER" as Role }, p)).toBe(false);
  });
});

describe("canEditRecord", () => {
  const record = { createdById: "author", participantIds: ["participant"] };

  it("lets staff edit a record they created", () => {
    expect(canEditRecord(actor("STAFF", "author"), record)).toBe(true);
  });

  it("lets staff edit a record they take part in", () => {
    expect(canEditRecord(actor("STAFF", "participant"), record)).toBe(true);
  });

  it("refuses staff another person's record", () => {
    expect(canEditRecord(actor("STAFF", "stranger"), record)).toBe(false);
    expect(canEditRecord(actor("STAFF", "stranger"), { createdById: "author" })).toBe(false);
    expect(() => assertCanEditRecord(actor("STAFF", "stranger"), record)).toThrow(AppError);
  });

  it("lets a manager edit anyone's record", () => {
    expect(canEditRecord(actor("MANAGER", "boss"), record)).toBe(true);
    expect(canEditRecord(actor("MANAGER", "boss"), { createdById: "author" })).toBe(true);
  });

  it("never lets an auditor edit, not even a record they created or take part in", () => {
    expect(canEditRecord(actor("AUDITOR", "author"), record)).toBe(false);
    expect(canEditRecord(actor("AUDITOR", "participant"), record)).toBe(false);
    expect(canEditRecord(actor("AUDITOR", "x"), record)).toBe(false);
  });

  it("never lets an administrator edit work records (they manage people, not cases)", () => {
    expect(canEditRecord(actor("ADMIN", "author"), record)).toBe(false);
  });
});

describe("scopes", () => {
  it("shows managers and auditors every live record, restricted or not", () => {
    for (const role of ["MANAGER", "AUDITOR"] as const) {
      expect(actionScope(actor(role))).toEqual({ deletedAt: null });
      expect(outcomeScope(actor(role))).toEqual({ deletedAt: null });
    }
  });

  it("limits staff and admins to unrestricted records, their own and those they take part in", () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      const a = actor(role, "me");
      const scope = actionScope(a);
      expect(scope.deletedAt).toBeNull();
      expect(JSON.stringify(scope)).toContain('"me"');
      expect(JSON.stringify(scope)).toContain("RESTRICTED");
      expect(JSON.stringify(outcomeScope(a))).toContain('"me"');
    }
  });

  it("requires both ends of a link to be in scope", () => {
    const a = actor("STAFF", "me");
    expect(linkScope(a)).toEqual({ action: actionScope(a), outcome: outcomeScope(a) });
  });
});
