import "server-only";
import { z } from "zod";
import { db, type Tx } from "./db";
import { AppError } from "./errors";
import type { Actor } from "./permissions";

// Idempotent creates. Each create form carries a key made when the form was rendered (a hidden
// field; JSON clients send an Idempotency-Key header). The create's transaction makes the record,
// then inserts the key (primary key) naming it, then writes its audit row (last: the audit chain's
// lock is held until commit, lib/audit.ts). A double submit or a retry of the same form inserts the
// same key: it waits for the first transaction, fails on the primary key, rolls back what it made,
// and answers with the record the first one made. One record, whatever the clicks.

/** The form field (and JSON property) with the key. */
export const IDEMPOTENCY_FIELD = "idempotencyKey";

const ZKey = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/);

/** Splits the idempotency key off the submitted fields; a malformed one is refused. */
export function takeIdempotencyKey(input: unknown): { key: string | undefined; fields: unknown } {
  if (!input || typeof input !== "object" || Array.isArray(input) || !(IDEMPOTENCY_FIELD in input))
    return { key: undefined, fields: input };
  const { [IDEMPOTENCY_FIELD]: raw, ...fields } = input as Record<string, unknown>;
  if (raw === undefined || raw === "") return { key: undefined, fields };
  const parsed = ZKey.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "security.badIdempotencyKey");
  return { key: parsed.data, fields };
}

/**
 * Runs a create in a transaction at most once per key. The create calls `noteRecord` with the new
 * record's id before its audit row. Without a key (trusted callers: seed, tests) it is a plain
 * transaction. A key already used by someone else or for another kind of record is a conflict, and
 * reveals nothing of what it made.
 */
export async function createOnce<T extends { id: string }>(
  { actor, scope, key }: { actor: Actor; scope: string; key: string | undefined },
  create: (tx: Tx, noteRecord: (recordId: string) => Promise<void>) => Promise<T>,
): Promise<{ id: string }> {
  if (!key) return db.$transaction((tx) => create(tx, async () => {}));
  try {
    return await db.$transaction(async (tx) => {
      let noted = false;
      const record = await create(tx, async (recordId) => {
        await tx.idempotencyKey.create({ data: { key, actorId: actor.id, scope, recordId } });
        noted = true;
      });
      if (!noted) throw new Error(`createOnce(${scope}): the create did not note its record`);
      return record;
    });
  } catch (error) {
    // Our transaction rolled back, so a row under the key can only be another submit's.
    const first = await db.idempotencyKey.findUnique({ where: { key } });
    if (!first) throw error;
    if (first.actorId !== actor.id || first.scope !== scope || !first.recordId)
      throw new AppError("CONFLICT", "security.idempotencyReused");
    return { id: first.recordId };
  }
}
