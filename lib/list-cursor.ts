// Keyset ("cursor") paging for the lists: the URL names the row a page starts after (`?after=`) or
// ends before (`?before=`), by its sort value and id, instead of a page number. PostgreSQL then
// starts an index scan at that row, so page 20,000 costs what page 1 costs (OFFSET reads and throws
// away every row before the page). The order and the "rows after" filter are lib/exports/keyset.ts,
// shared with the exports; this module adds the opaque cursor, the backward direction and the total.
// Pure (no database).
import { Prisma } from "@/generated/prisma/client";
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

/**
 * A text search is counted up to this many matches. A common word (say "військовополонених", in a
 * third of a national office's records) would otherwise be checked against six text columns in
 * 10,001 rows just to print "10,000+": 150 ms of the search's 165 ms at 1,000,000 actions
 * (bench/lists.ts). Beyond this many matches a person narrows the search, as the list says.
 */
export const SEARCH_COUNT_CAP = 2_000;

/** The capped count (see COUNT_CAP) from a count of at most cap + 1 rows. */
export const cappedTotal = (counted: number, cap = COUNT_CAP) => ({ total: Math.min(counted, cap), totalExact: counted <= cap });

/** Up to this many matches a search pages through its matching ids (see keysetPage). */
export const NARROW_SEARCH = SEARCH_COUNT_CAP;

type PageParams = { sort: string; dir: SortDir; after?: string; before?: string; page: number; size: number; q?: string };

/**
 * One page of a keyset-paged list and its capped total, for any model: the caller gives the list's
 * filter, its sort key and three queries (a page of rows, a capped count, the ids matching a
 * filter); this decides which rows to ask for. `?after=` and `?before=` seek from a cursor,
 * `?page=` still pages by OFFSET. Rows come back in the list's order, with the cursors of the pages
 * either side.
 */
export async function keysetPage<Row extends { id: string }, Where>({
  params: p,
  key,
  where,
  findRows,
  count,
  matchingIds,
  sortValue,
}: {
  params: PageParams;
  key: SeekKey<never, Where>;
  where: Where;
  /** Rows of `where` in the list's order (reversed when `reverse`), after `skip`, at most `take`. */
  findRows: (args: { where: Where; reverse: boolean; skip: number; take: number }) => Promise<Row[]>;
  /** The number of rows of `where`, counting at most `cap`. */
  count: (where: Where, cap: number) => Promise<number>;
  /** The filter that selects exactly the ids matching `where` (read once, for a narrow search). */
  matchingIds: (where: Where) => Promise<Where>;
  sortValue: (row: Row) => SeekCursor["value"];
}): Promise<CursorPage<Row>> {
  const after = decodeCursor(p.after, p.sort, p.dir);
  const before = after ? null : decodeCursor(p.before, p.sort, p.dir);
  const offset = after || before ? 0 : (p.page - 1) * p.size;
  const and = (w: Where, seek: Where) => ({ AND: [w, seek] }) as Where;
  // One page and whether there is more: size + 1 rows in the direction of travel.
  const pageOf = async (w: Where) => {
    if (before) {
      const back = await findRows({ where: and(w, seekBefore(key, p.dir, before)), reverse: true, skip: 0, take: p.size + 1 });
      // Fewer than a page before the cursor: that is the start of the list, shown as the first page.
      if (back.length > p.size) return { rows: back.slice(0, p.size).reverse(), hasPrev: true, hasNext: true };
    }
    const rows = await findRows({
      where: after ? and(w, seekAfter(key, p.dir, after)) : w,
      reverse: false,
      skip: after ? 0 : offset,
      take: p.size + 1,
    });
    return { rows: rows.slice(0, p.size), hasPrev: Boolean(after) || offset > 0, hasNext: rows.length > p.size };
  };
  const cap = p.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const capped = (w: Where) => count(w, cap + 1);
  // A search is counted first (the trigram indexes answer that). PostgreSQL takes a search's words
  // for independent and, expecting many matches, may walk the whole date index for a page of rows
  // that hardly exist; a narrow search therefore pages through its matching ids instead.
  const searchPage = async (w: Where) => {
    const counted = await capped(w);
    if (counted === 0) return [0, { rows: [] as Row[], hasPrev: false, hasNext: false }] as const;
    if (counted > NARROW_SEARCH) return [counted, await pageOf(w)] as const;
    return [counted, await pageOf(await matchingIds(w))] as const;
  };
  let counted: number;
  let found: Awaited<ReturnType<typeof pageOf>>;
  try {
    [counted, found] = p.q ? await searchPage(where) : await Promise.all([capped(where), pageOf(where)]);
  } catch (e) {
    // A forged cursor whose value has another type than the sorted field (a text or a number for a
    // date) is refused by Prisma's own validation, before any SQL is sent. Like any malformed
    // cursor it means the first page, not an unexpected error (500) an attacker could repeat at will.
    if (!(after || before) || !(e instanceof Prisma.PrismaClientValidationError)) throw e;
    return keysetPage({
      params: { ...p, after: undefined, before: undefined },
      key,
      where,
      findRows,
      count,
      matchingIds,
      sortValue,
    });
  }
  const cursorOf = (r: Row) => encodeCursor(p.sort, p.dir, { value: sortValue(r), id: r.id });
  const { total, totalExact } = cappedTotal(counted, cap);
  const rows = found.rows;
  return {
    rows,
    total,
    totalExact,
    size: p.size,
    next: found.hasNext && rows.length ? cursorOf(rows[rows.length - 1]) : null,
    prev: found.hasPrev && rows.length ? cursorOf(rows[0]) : null,
    page: after || before ? 1 : p.page,
    pageCount: Math.max(1, Math.ceil(total / p.size)),
  };
}
