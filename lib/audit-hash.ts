// The hash chain's arithmetic, shared by the writer (lib/audit.ts) and the verifier
// (lib/audit-log/chain.ts). Pure: no database.
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, dates as ISO strings and bigints as strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  return Object.fromEntries(
    Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => [k, normalize((value as Record<string, unknown>)[k])]),
  );
}

/** The fields of an audit row that its hash covers (everything but the hashes themselves). */
export type HashedAuditRow = {
  id: bigint | number | string;
  at: Date | string;
  actorId: string | null;
  actorRole: string | null;
  event: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
};

/**
 * The canonical JSON of a row split around its id: `${head}"id":"<id>",${tail}` is exactly
 * canonicalJson of the row. The id sits between "event" and "ip" in sorted key order, and the
 * database function that appends to the chain (migration 20261205000000_audit_append) draws the id
 * under the chain's lock and puts it in between, so the writer's hash and the verifier's agree.
 */
export function canonicalAroundId(row: Omit<HashedAuditRow, "id">): { head: string; tail: string } {
  const before = canonicalJson({
    actorId: row.actorId,
    actorRole: row.actorRole,
    after: row.after ?? null,
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    before: row.before ?? null,
    entity: row.entity,
    entityId: row.entityId,
    event: row.event,
  });
  const after = canonicalJson({ ip: row.ip, userAgent: row.userAgent });
  return { head: `${before.slice(0, -1)},`, tail: `,${after.slice(1)}` };
}

/** sha256(previous hash + canonical JSON of the row), hex. The first row has no previous hash. */
export function chainHash(prevHash: string | null, row: HashedAuditRow): string {
  const { head, tail } = canonicalAroundId(row);
  return createHash("sha256")
    .update(prevHash ?? "")
    .update(`${head}"id":${JSON.stringify(String(row.id))}${tail}`)
    .digest("hex");
}
