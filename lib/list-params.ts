// The URL is the only state of a list: page, size, sort, direction, search and filters. Each area
// declares its sort keys; anything unknown falls back to the defaults instead of failing.
// Safe to import from client components.
import { z } from "zod";
import { isValidIsoDate } from "./validation";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PAGE_SIZE = PAGE_SIZES[PAGE_SIZES.length - 1];

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const listParamsSchema = <K extends readonly [string, ...string[]]>(
  sortKeys: K,
  defaults: { sort: K[number]; dir: "asc" | "desc" },
) =>
  z.object({
    q: z.string().trim().max(200).catch("").default(""),
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
    // A size above the largest is clamped to it (?size=1000000 reads 100 rows, not a million);
    // anything else off the list is the default.
    size: z.coerce
      .number()
      .int()
      .catch(25)
      .transform((n) => ((PAGE_SIZES as readonly number[]).includes(n) ? n : n > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : 25))
      .default(25),
    sort: z.enum(sortKeys).catch(defaults.sort).default(defaults.sort),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir).default(defaults.dir),
    /** Keyset paging (lib/list-cursor.ts): the page after / before this row. Opaque; a bad one means the first page. */
    after: z.string().max(1000).optional().catch(undefined),
    before: z.string().max(1000).optional().catch(undefined),
  });

/**
 * A search term for Prisma's `contains`, which hands % and _ to (I)LIKE as wildcards: escaped, a
 * search for "100%" or "REF_1" finds those characters rather than everything.
 */
export const likeTerm = (q: string) => q.replace(/[\\%_]/g, "\\$&");

/** An optional filter value; invalid values are ignored, not errors. */
export const filterString = () =>
  z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

export const filterDate = () =>
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && isValidIsoDate(v) ? v : undefined));

/** Next's searchParams → the first value of each key. */
export const flattenSearchParams = (sp: SearchParams | URLSearchParams): Record<string, string | undefined> => {
  if (sp instanceof URLSearchParams) return Object.fromEntries(sp.entries());
  return Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, first(v)]));
};

export type Page<T> = { rows: T[]; total: number; page: number; size: number; pageCount: number };

export const toPage = <T>(rows: T[], total: number, page: number, size: number): Page<T> => ({
  rows,
  total,
  page,
  size,
  pageCount: Math.max(1, Math.ceil(total / size)),
});
