import "server-only";
import { toDbDate, toIsoDate } from "@/lib/dates";
import { db, type Db } from "@/lib/db";
import { can, type Actor } from "@/lib/permissions";
import type { DateRange } from "@/lib/dashboard/period";

/** How many records of one type fall on one day. */
export type DayCount = { typeId: string; day: string; n: number };

/** The rows a `groupBy({ by: ["typeId", "date"], _count })` of a list's where returns. */
type Grouped = { typeId: string; date: Date; _count: { _all: number } }[];

/**
 * The actions (or outcomes) of each type and day in `range` that the actor may see: for every day,
 * what the list filtered to that day would count, without reading the list's rows.
 *
 * Records every reader may see (public and internal) are counted by the database as they are
 * written (RecordDayCount, kept by triggers: migration 20261204000000_dashboard_rollup). Restricted
 * records come from there too for those who may read all of them; for everyone else
 * `visibleRestricted` counts them with the list's own where narrowed to restricted records, so the
 * visibility rule is still the list's (lib/permissions.ts), applied to a small set.
 */
export async function dayCounts(
  actor: Actor,
  entity: "Action" | "Outcome",
  range: DateRange,
  visibleRestricted: (range: DateRange) => Promise<Grouped>,
): Promise<DayCount[]> {
  const everyRestricted = can(actor, "restricted.read");
  const [kept, restricted] = await Promise.all([
    db.recordDayCount.groupBy({
      by: ["typeId", "date"],
      where: { entity, date: { gte: toDbDate(range.from), lte: toDbDate(range.to) }, ...(everyRestricted ? {} : { restricted: false }) },
      _sum: { n: true },
    }),
    everyRestricted ? [] : visibleRestricted(range),
  ]);
  return [
    ...kept.map((r) => ({ typeId: r.typeId, day: toIsoDate(r.date), n: r._sum.n ?? 0 })),
    ...restricted.map((r) => ({ typeId: r.typeId, day: toIsoDate(r.date), n: r._count._all })),
  ].filter((r) => r.n !== 0);
}

/** The counts per type id of the days within `range`. */
export function sumByType(rows: readonly DayCount[], range: DateRange): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.day >= range.from && r.day <= range.to) out.set(r.typeId, (out.get(r.typeId) ?? 0) + r.n);
  return out;
}

/** The smallest range that holds all of `ranges`. */
export const spanOf = (...ranges: DateRange[]): DateRange => ({
  from: ranges.map((r) => r.from).sort()[0]!,
  to: ranges
    .map((r) => r.to)
    .sort()
    .at(-1)!,
});

/** The list parameters that only page or order: they do not change which records a list holds. */
const PAGING = new Set(["page", "size", "sort", "dir", "after", "before"]);

/**
 * Whether a list's parameters filter by nothing but dates and `typeKeys` (type, category), so that
 * `countByDays` can count it. Any other filter, including one added later, makes it false.
 */
export const countableByDays = (params: Record<string, unknown>, typeKeys: readonly string[]) =>
  Object.entries(params).every(([k, v]) => PAGING.has(k) || k === "from" || k === "to" || typeKeys.includes(k) || v === undefined || v === "");

/**
 * How many records a list filtered only by dates and types holds for the actor, from the day counts
 * (exact at any size, without reading the list's rows): what every reader sees from RecordDayCount,
 * plus `visibleRestricted()`, the list's own count narrowed to restricted records, for readers who
 * may not read all of them. `typeIds` null means every type.
 */
export async function countByDays(
  actor: Actor,
  entity: "Action" | "Outcome",
  filter: { from?: string; to?: string; typeIds: string[] | null },
  visibleRestricted: () => Promise<number>,
): Promise<number> {
  const everyRestricted = can(actor, "restricted.read");
  const date = { ...(filter.from ? { gte: toDbDate(filter.from) } : {}), ...(filter.to ? { lte: toDbDate(filter.to) } : {}) };
  const [kept, restricted] = await Promise.all([
    db.recordDayCount.aggregate({
      where: {
        entity,
        ...(filter.from || filter.to ? { date } : {}),
        ...(filter.typeIds ? { typeId: { in: filter.typeIds } } : {}),
        ...(everyRestricted ? {} : { restricted: false }),
      },
      _sum: { n: true },
    }),
    everyRestricted ? 0 : visibleRestricted(),
  ]);
  return (kept._sum.n ?? 0) + restricted;
}

/**
 * How many actions in `range` name each body as a counterpart, for the actor: what the actions list
 * filtered by that body and range would count. From CounterpartDayCount (kept by triggers:
 * migration 20261204030000_counterpart_day_counts), plus, for readers who may not read every
 * restricted record, `visibleRestricted`, the list's own where narrowed to restricted actions.
 */
export async function counterpartCounts(
  actor: Actor,
  range: DateRange,
  visibleRestricted: () => Promise<{ organizationId: string; _count: { _all: number } }[]>,
): Promise<Map<string, number>> {
  const everyRestricted = can(actor, "restricted.read");
  const [kept, restricted] = await Promise.all([
    db.counterpartDayCount.groupBy({
      by: ["organizationId"],
      where: { date: { gte: toDbDate(range.from), lte: toDbDate(range.to) }, ...(everyRestricted ? {} : { restricted: false }) },
      _sum: { n: true },
    }),
    everyRestricted ? [] : visibleRestricted(),
  ]);
  const out = new Map<string, number>();
  for (const r of kept) out.set(r.organizationId, (out.get(r.organizationId) ?? 0) + (r._sum.n ?? 0));
  for (const r of restricted) out.set(r.organizationId, (out.get(r.organizationId) ?? 0) + r._count._all);
  for (const [id, n] of out) if (n <= 0) out.delete(id);
  return out;
}

/**
 * Moves the day counts' writer shards into shard 0 (migration 20261205010000_day_count_shards):
 * writers add to their connection's shard (1–16) so that they don't queue on one row; this keeps
 * the number of rows readers sum about what it would be with one row per key. It skips rows a writer
 * holds (they move next time) and alone writes shard 0, so it never waits for a writer. Each table
 * in one statement: the counts leave their shards and arrive in shard 0 in the same transaction, so
 * a reader sees one or the other, never both or neither. Rows that net to zero are removed.
 */
export async function foldDayCountShards(client: Db): Promise<{ folded: number }> {
  const [records, counterparts] = await client.$transaction([
    client.$executeRaw`
      WITH moved AS (
        DELETE FROM "RecordDayCount" WHERE ctid = ANY(ARRAY(
          SELECT ctid FROM "RecordDayCount" WHERE "shard" <> 0 FOR UPDATE SKIP LOCKED
        )) RETURNING "entity", "date", "typeId", "restricted", "n"
      )
      INSERT INTO "RecordDayCount" AS c ("entity", "date", "typeId", "restricted", "shard", "n")
      SELECT "entity", "date", "typeId", "restricted", 0, sum("n")::int FROM moved GROUP BY 1, 2, 3, 4
      ON CONFLICT ("entity", "date", "typeId", "restricted", "shard") DO UPDATE SET "n" = c."n" + EXCLUDED."n"`,
    client.$executeRaw`
      WITH moved AS (
        DELETE FROM "CounterpartDayCount" WHERE ctid = ANY(ARRAY(
          SELECT ctid FROM "CounterpartDayCount" WHERE "shard" <> 0 FOR UPDATE SKIP LOCKED
        )) RETURNING "date", "organizationId", "restricted", "n"
      )
      INSERT INTO "CounterpartDayCount" AS c ("date", "organizationId", "restricted", "shard", "n")
      SELECT "date", "organizationId", "restricted", 0, sum("n")::int FROM moved GROUP BY 1, 2, 3
      ON CONFLICT ("date", "organizationId", "restricted", "shard") DO UPDATE SET "n" = c."n" + EXCLUDED."n"`,
    client.$executeRaw`DELETE FROM "RecordDayCount" WHERE "shard" = 0 AND "n" = 0`,
    client.$executeRaw`DELETE FROM "CounterpartDayCount" WHERE "shard" = 0 AND "n" = 0`,
  ]);
  return { folded: records + counterparts };
}
