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

/** sha256(previous hash + canonical JSON of the row), hex. The first row has no previous hash. */
export function chainHash(prevHash: string | null, row: HashedAuditRow): string {
  const body = canonicalJson({
    id: String(row.id),
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    actorId: row.actorId,
    actorRole: row.actorRole,
    event: row.event,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
  });
  return createHash("sha256")
    .update(prevHash ?? "")
    .update(body)
    .digest("hex");
}
