import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { chainHash } from "./audit-hash";
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

const toJson = (value: Snapshot | null | undefined): Json | undefined =>
  value == null ? undefined : (JSON.parse(JSON.stringify(value)) as Json);

/** Serializes writers of the audit chain (any constant shared by all writers). */
export const AUDIT_CHAIN_LOCK = 727_001;

/**
 * Writes one audit row with the transaction client of the change it describes, as the next link
 * of the hash chain. A transaction-scoped advisory lock serializes writers so that the chain never
 * forks; it is released when the change commits or rolls back.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const [{ id }] = await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id`;
  const row = {
    id,
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    event: input.event,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: toJson(input.before) ?? null,
    after: toJson(input.after) ?? null,
    ip: input.actor?.ip ?? input.ip ?? null,
    userAgent: input.actor?.userAgent ?? input.userAgent ?? null,
  };
  const prevHash = last?.hash ?? null;
  await tx.auditEvent.create({
    data: {
      ...row,
      before: row.before ?? undefined,
      after: row.after ?? undefined,
      prevHash,
      hash: chainHash(prevHash, row),
    },
  });
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
