import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { canonicalAroundId } from "./audit-hash";
import type { Tx } from "./db";
import type { Actor } from "./permissions";

type Json = Prisma.InputJsonValue;
type Snapshot = Record<string, unknown>;

export type AuditInput = {
  /** null for events without a signed-in person (e.g. a failed sign-in). */
  actor: Actor | null;
  /** dotted verb, e.g. "action.created", "link.deleted", "auth.signin.failed" */
  event: string;
  entity: string;
  entityId?: string | null;
  before?: Snapshot | null;
  after?: Snapshot | null;
  /** for events without an actor */
  ip?: string | null;
  userAgent?: string | null;
};

/** A snapshot as the JSON text the database stores, and as the value that text reads back as (what the hash covers). */
function jsonOf(value: Snapshot | null | undefined): { text: string | null; value: Json | null } {
  if (value == null) return { text: null, value: null };
  const text = JSON.stringify(value);
  return { text, value: JSON.parse(text) as Json };
}

/**
 * Writes one audit row with the transaction client of the change it describes, as the next link
 * of the hash chain, in one round trip: the database function `audit_append` takes a
 * transaction-scoped advisory lock (so the chain never forks; released when the change commits or
 * rolls back), reads the last hash, draws the id and inserts the row with its hash. The lock is
 * held until commit, so callers write their audit rows last in the transaction.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const before = jsonOf(input.before);
  const after = jsonOf(input.after);
  const row = {
    at: new Date().toISOString(),
    actorId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    event: input.event,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: before.value,
    after: after.value,
    ip: input.actor?.ip ?? input.ip ?? null,
    userAgent: input.actor?.userAgent ?? input.userAgent ?? null,
  };
  const { head, tail } = canonicalAroundId(row);
  await tx.$queryRaw`SELECT audit_append(${row.at}, ${row.actorId}, ${row.actorRole}, ${row.event}, ${row.entity},
    ${row.entityId}, ${before.text}::jsonb, ${after.text}::jsonb, ${row.ip}, ${row.userAgent}, ${head}, ${tail})`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that changed, as two snapshots holding only those fields (field-level history). */
export function changedFields(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } | null {
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[key], after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
