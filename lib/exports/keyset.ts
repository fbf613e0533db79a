// Keyset ("seek") pagination for exports: each batch starts strictly after the last row of the
// previous one in the list's own order (sort value, then id). Unlike OFFSET, every batch costs the
// same however deep the export is, and a row edited meanwhile is never exported twice.
// Pure (no database): lib/<area>/queries.ts describe their sort keys with it.

export type SortDir = "asc" | "desc";

/** The last row of a batch, as far as the order is concerned. */
export type SeekCursor = { value: string | number | Date | null; id: string };

/**
 * How a list's sort key filters. `where(filter)` puts a Prisma scalar filter on the sorted field,
 * e.g. `(f) => ({ date: f })` or `(f) => ({ type: { sortOrder: f } })`; `where(null)` must select
 * the rows whose value is null (only asked when `nullsLast`). `value` reads the field from a row.
 */
export type SeekKey<Row, Where> = {
  value: (row: Row) => SeekCursor["value"];
  where: (filter: Record<string, unknown> | null) => Where;
  /** The list orders nulls last (`{ sort, nulls: "last" }`) in both directions. */
  nullsLast?: boolean;
};

/**
 * The rows after `cursor` in the order [key dir, id dir]. The redundant bound (value ≥ v, or ≤ v)
 * lets PostgreSQL start an index scan at the cursor instead of filtering from the top.
 */
export function seekAfter<Row, Where>(key: SeekKey<Row, Where>, dir: SortDir, cursor: SeekCursor): Where {
  const strict = dir === "asc" ? "gt" : "lt";
  const bound = dir === "asc" ? "gte" : "lte";
  const idAfter = { id: { [strict]: cursor.id } };
  // Inside the trailing block of nulls only the id still orders the rows.
  if (cursor.value === null) return { AND: [key.where(null), idAfter] } as Where;
  const v = cursor.value;
  const seek = {
    AND: [key.where({ [bound]: v }), { OR: [key.where({ [strict]: v }), { AND: [key.where({ equals: v }), idAfter] }] }],
  };
  return (key.nullsLast ? { OR: [seek, key.where(null)] } : seek) as Where;
}

/**
 * Batches of a list in its order, fetched with keyset pagination, each completed by `hydrate` (the
 * batch's related rows, read by its ids). The next batch is requested as soon as the current one
 * arrives, and hydrated as soon as it arrives in turn, so the database works on batch n+1 while
 * batch n is hydrated and written; at most two batches are in memory. Stops when a batch comes back
 * short.
 */
export async function* seekBatches<Row, Out = Row>(
  fetch: (cursor: SeekCursor | null) => Promise<Row[]>,
  cursorOf: (row: Row) => SeekCursor,
  batchSize: number,
  hydrate: (rows: Row[]) => Promise<Out[]> = async (rows) => rows as unknown as Out[],
): AsyncGenerator<Out[], void, undefined> {
  const load = (cursor: SeekCursor | null) => {
    const rows = fetch(cursor);
    const out = rows.then((r) => (r.length ? hydrate(r) : []));
    // If the caller stops early, a failure of a prefetch must not surface as an unhandled rejection.
    out.catch(() => undefined);
    return { rows, out };
  };
  let next: ReturnType<typeof load> | null = load(null);
  while (next) {
    const rows: Row[] = await next.rows;
    const following = rows.length === batchSize ? load(cursorOf(rows[rows.length - 1])) : null;
    const out = await next.out;
    if (out.length) yield out;
    next = following;
  }
}

/** A batch size within sane bounds (tests use tiny batches to cross many batch boundaries). */
export const clampBatchSize = (n: number | undefined, fallback = 2000) =>
  Math.min(10_000, Math.max(1, Math.floor(n ?? fallback)));
