import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

// Exports read rows by the thousand. Loading a batch's terms and organizations through Prisma's
// nested selects costs one query with thousands of parameters per relation and batch; these
// lookups read the (small) vocabulary once and each organization once per export instead. They
// return exactly the fields of the list's own select, so rows come out as the list's rows. An
// action's page also takes its terms (its own, its links' and their outcomes') from one termsById.

type Selected<S> = { [K in keyof S as S[K] extends true ? K : never]: unknown };

/** The fields of `row` that `select` asks for (select values are `true` for scalars). */
function project<S extends Record<string, unknown>>(row: Record<string, unknown>, select: S): Selected<S> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(select)) if (select[key] === true) out[key] = row[key];
  return out as Selected<S>;
}

/** Every term by id (a few dozen rows), read once per export: as `select` shapes it, and its sort order. */
export async function termsById<S extends Prisma.TermSelect>(select: S) {
  type Term = Prisma.TermGetPayload<{ select: S }>;
  const wide: Prisma.TermSelect = { ...select, id: true, sortOrder: true };
  const terms = (await db.term.findMany({ select: wide })) as unknown as (Record<string, unknown> & {
    id: string;
    sortOrder: number;
  })[];
  const byId = new Map(terms.map((t) => [t.id, { ref: project(t, select) as unknown as Term, order: t.sortOrder }]));
  const find = (id: string) => {
    const term = byId.get(id);
    if (!term) throw new Error(`Unknown term ${id}`);
    return term;
  };
  return { get: (id: string) => find(id).ref, order: (id: string) => find(id).order };
}

/** Organizations by id, as `select` shapes them, read the first time a batch mentions them. */
export function organizationsById<S extends Prisma.OrganizationSelect>(select: S) {
  type Org = Prisma.OrganizationGetPayload<{ select: S }>;
  const known = new Map<string, Org>();
  const wide: Prisma.OrganizationSelect = { ...select, id: true };
  return {
    async load(ids: Iterable<string>): Promise<void> {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      if (!missing.length) return;
      const rows = (await db.organization.findMany({ where: { id: { in: missing } }, select: wide })) as unknown as (Record<
        string,
        unknown
      > & {
        id: string;
      })[];
      for (const o of rows) known.set(o.id, project(o, select) as unknown as Org);
    },
    get(id: string): Org {
      const org = known.get(id);
      if (!org) throw new Error(`Organization ${id} was not loaded`);
      return org;
    },
  };
}
