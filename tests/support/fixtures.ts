// Shared helpers for the integration tests: actors built from factory users, unique tokens for
// searches, audit-row lookups and assertions on AppError. Every helper makes or reads only the
// calling test's own rows.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { makeUser, type MadeUser, type UserOverrides } from "@/prisma/factories";

/** A short unique token, e.g. to search for exactly one test's rows. */
export const uniq = (prefix = "t") => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;

/** The Actor the domain functions receive, built from a made user. */
export const actorOf = (u: Pick<MadeUser, "id" | "email" | "name" | "role">): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

/** A fresh user with the role, as an Actor (plus the made user). */
export async function makeActor(role: Role, overrides: UserOverrides = {}): Promise<Actor & { user: MadeUser }> {
  const user = await makeUser(db, { ...overrides, role });
  return { ...actorOf(user), user };
}

/** One actor of each role. */
export async function makeActors() {
  const [staff, otherStaff, manager, auditor, admin] = await Promise.all([
    makeActor("STAFF"),
    makeActor("STAFF"),
    makeActor("MANAGER"),
    makeActor("AUDITOR"),
    makeActor("ADMIN"),
  ]);
  return { staff, otherStaff, manager, auditor, admin };
}

/** The audit rows about one record, oldest first. */
export const auditRowsFor = (entityId: string, event?: string) =>
  db.auditEvent.findMany({ where: { entityId, ...(event ? { event } : {}) }, orderBy: { id: "asc" } });

/** Awaits a promise that must reject with an AppError of the given code; returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode, key?: string): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected an AppError ${code}, but nothing was thrown`).toBeDefined();
  expect(caught).toBeInstanceOf(AppError);
  const err = caught as AppError;
  expect({ code: err.code, key: key ?? err.key }).toEqual({ code, key: key ?? err.key });
  if (key) expect(err.key).toBe(key);
  return err;
}

/** Runs a synchronous function that must throw an AppError VALIDATION; returns its field errors. */
export function fieldErrorsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("VALIDATION");
    return (e as AppError).fieldErrors ?? {};
  }
  throw new Error("expected a VALIDATION error, but nothing was thrown");
}

/** Everything a row holds, as text (audit ids are BigInt), to assert what it must never contain. */
export const asText = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
