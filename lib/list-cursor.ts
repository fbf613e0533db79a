// Keyset ("cursor") paging for the lists: the URL names the row a page starts after (`?after=`) or
// ends before (`?before=`), by its sort value and id, instead of a page number. PostgreSQL then
// starts an index scan at that row, so page 20,000 costs what page 1 costs (OFFSET reads and throws
// away every row before the page). The order and the "rows after" filter are lib/exports/keyset.ts,
// shared with the exports; this module adds the opaque cursor, the backward direction and the total.
// Pure (no database).
import { seekAfter, type SeekCursor, type SeekKey, type SortDir } from "@/lib/exports/keyset";

/**
 * A cursor as it travels in the URL: base64url of JSON [sort, dir, value, id]. Dates carry a "d:"
 * prefix so that they come back as dates. The sort and direction are part of it so that a cursor
 * from another order is ignored (first page) instead of misread.
 */
export function encodeCursor(sort: string, dir: SortDir, c: SeekCursor): string {
  const v = c.value instanceof Date ? `d:${c.value.toISOString()}` : c.value;
  return Buffer.from(JSON.stringify([sort, dir, v, c.id]), "utf8").toString("base64url");
}

/** The cursor, or null when it is missing, malformed or made for another order. */
export function decodeCursor(raw: string | undefined, sort: string, dir: SortDir): SeekCursor | null {
  if (!raw || raw.length > 1000) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [s, d, v, id] = parsed as unknown[];
    if (s !== sort || d !== dir || typeof id !== "string" || !id) return null;
    if (v === null || typeof v === "number") return { value: v, id };
    if (typeof v !== "string") return null;
    if (v.startsWith("d:")) {
      const date = new Date(v.slice(2));
      return Number.isNaN(date.getTime()) ? null : { value: date, id };
    }
    return { value: v, id };
  } catch {
    return null;
  }
}

export const flip = (dir: SortDir): SortDir => (dir === "asc" ? "desc" : "asc");

/**
 * The rows before `cursor` in the order [key dir (nulls last when the key says so), id dir]: the
 * rows after it in the reversed order, where nulls come first.
 */
export function seekBefore<Row, Where>(key: SeekKey<Row, Where>, dir: SortDir, cursor: SeekCursor): Where {
  if (!key.nullsLast) return seekAfter({ ...key, nullsLast: false }, flip(dir), cursor);
  const strict = dir === "asc" ? "lt" : "gt";
  // In the trailing nulls: every row with a value, and the nulls before the cursor's id.
  if (cursor.value === null)
    return { OR: [key.where({ not: null }), { AND: [key.where(null), { id: { [strict]: cursor.id } }] }] } as Where;
  return seekAfter({ ...key, nullsLast: false }, flip(dir), cursor);
}

/** Counted up to this many rows; beyond, the list says "10,000+" (counting a million rows exactly costs seconds). */
export const COUNT_CAP = 10_000;

/** A page of a keyset-paged list. `total` is exact when `totalExact`, else a lower bound ("10,000+"). */
export type CursorPage<T> = {
  rows: T[];
  total: number;
  totalExact: boolean;
  size: number;
  /** Cursor of the next page (after the last row), null on the last page. */
  next: string | null;
  /** Cursor of the previous page (before the first row), null on the first page. */
  prev: string | null;
  /** Kept for callers that still page by number (`?page=`): 1 when paging by cursor. */
  page: number;
  pageCount: number;
};

/** The capped count (see COUNT_CAP) from a count of at most COUNT_CAP + 1 rows. */
export const cappedTotal = (counted: number) => ({ total: Math.min(counted, COUNT_CAP), totalExact: counted <= COUNT_CAP });
