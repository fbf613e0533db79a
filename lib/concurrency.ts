import "server-only";
import { z } from "zod";
import type { Tx } from "./db";
import { AppError } from "./errors";

// Optimistic concurrency for every editable record. An edit form carries the version it was opened
// at; the update claims the row with `UPDATE … SET version = version + 1 WHERE id AND version`, in
// the edit's transaction. If someone saved in between, nothing is written and the person gets a
// CONFLICT listing each field where the saved record and their input differ (theirs, mine), so they
// can merge field by field or reload. The version is never part of a record's data schema: a
// client cannot set it (mass assignment), only name the one it started from.

/** The tables with a version column. Names come only from this map, never from input. */
const VERSIONED_TABLES = {
  action: '"Action"',
  outcome: '"Outcome"',
  campaign: '"Campaign"',
  organization: '"Organization"',
  user: '"User"',
} as const;
export type VersionedRecord = keyof typeof VERSIONED_TABLES;

/** The form field (and JSON property) that carries the version an edit started from. */
export const VERSION_FIELD = "expectedVersion";

// a number or a string of digits: an array or an object (`{"$gt":0}`) is refused, not coerced
const ZExpectedVersion = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/)])
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647));

/**
 * Splits the version an edit started from off the submitted fields (the record's strict schema never
 * sees it). Every form and the JSON API send it; a malformed one is refused. Trusted callers without
 * a form (scripts, tests) may leave it out and edit the latest version; the version is bumped anyway,
 * so a form opened before still notices.
 */
export function takeExpectedVersion(input: unknown): { expectedVersion: number | undefined; fields: unknown } {
  if (!input || typeof input !== "object" || Array.isArray(input) || !(VERSION_FIELD in input))
    return { expectedVersion: undefined, fields: input };
  const { [VERSION_FIELD]: raw, ...fields } = input as Record<string, unknown>;
  const parsed = ZExpectedVersion.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "security.versionMissing");
  return { expectedVersion: parsed.data, fields };
}

export type ConflictField = { field: string; theirs: unknown; mine: unknown };
export type EditConflict = { version: number; fields: ConflictField[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields where the saved record and the person's input differ. */
export function conflictingFields(theirs: Record<string, unknown>, mine: Record<string, unknown>): ConflictField[] {
  return Object.keys({ ...theirs, ...mine })
    .filter((field) => !same(theirs[field], mine[field]))
    .map((field) => ({ field, theirs: theirs[field] ?? null, mine: mine[field] ?? null }));
}

/**
 * Claims the record for this edit: bumps its version if it is still `expected` (any version when
 * undefined). When it is not,
 * throws CONFLICT with the current version and the differing fields (`current()` reads the saved
 * record as the same snapshot as `mine`). Call it inside the edit's transaction, after the scope
 * and permission checks (a conflict must not reveal a record the person may not edit).
 */
export async function claimVersion(
  tx: Tx,
  record: VersionedRecord,
  id: string,
  expected: number | undefined,
  conflict: { mine: Record<string, unknown>; current: () => Promise<Record<string, unknown>> },
): Promise<number> {
  const table = VERSIONED_TABLES[record];
  const rows =
    expected === undefined
      ? await tx.$queryRawUnsafe<{ version: number }[]>(
          `UPDATE ${table} SET "version" = "version" + 1 WHERE "id" = $1 RETURNING "version"`,
          id,
        )
      : await tx.$queryRawUnsafe<{ version: number }[]>(
          `UPDATE ${table} SET "version" = "version" + 1 WHERE "id" = $1 AND "version" = $2 RETURNING "version"`,
          id,
          expected,
        );
  if (rows.length === 1) return rows[0].version;
  const current = await tx.$queryRawUnsafe<{ version: number }[]>(`SELECT "version" FROM ${table} WHERE "id" = $1`, id);
  if (!current.length) throw new AppError("NOT_FOUND");
  const details: EditConflict = {
    version: current[0].version,
    fields: conflictingFields(await conflict.current(), conflict.mine),
  };
  throw new AppError("CONFLICT", "security.versionConflict", undefined, { details: { conflict: details } });
}
