import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrgRef, TermRef } from "@/lib/actions/dto";
import { toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clampBatchSize, seekAfter, seekBatches, type SeekKey } from "@/lib/exports/keyset";
import { toPage, type Page } from "@/lib/list-params";
import { textSearch } from "@/lib/search/query";
import { orgLabel, orgShort } from "@/lib/names";
import { actionScope, assertCan, can, outcomeScope, type Actor } from "@/lib/permissions";
import { ORGANIZATION_SORT_KEYS, ZOrganizationListParams, type TOrganizationListParams } from "./schemas";

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;

export type OrganizationListRow = OrgRef & {
  nameUk: string | null;
  kind: TermRef;
  parent: OrgRef | null;
  country: string | null;
  childCount: number;
};

export function buildOrganizationWhere(p: TOrganizationListParams): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [{ deletedAt: null }];
  if (p.kind) and.push({ kind: { code: p.kind } });
  if (p.parent) and.push({ parentId: p.parent });
  if (p.q) {
    // every word in any form and either alphabet ("Лубінця", "Lubinets"), as in the actions list
    and.push(
      ...textSearch<Prisma.OrganizationWhereInput>(p.q, (cs) =>
        cs.flatMap((c) => [{ name: c }, { nameUk: c }, { acronym: c }, { country: c }]),
      ),
    );
  }
  return { AND: and };
}

const orderBy = (p: TOrganizationListParams): Prisma.OrganizationOrderByWithRelationInput[] => [
  {
    name: { name: p.dir },
    acronym: { acronym: { sort: p.dir, nulls: "last" as const } },
    kind: { kind: { sortOrder: p.dir } },
    updatedAt: { updatedAt: p.dir },
  }[p.sort] as Prisma.OrganizationOrderByWithRelationInput,
  { id: p.dir },
];

const listSelect = {
  id: true,
  name: true,
  nameUk: true,
  acronym: true,
  country: true,
  kind: termRef,
  parent: { select: { id: true, name: true, nameUk: true, acronym: true } },
  _count: { select: { children: { where: { deletedAt: null } } } },
} as const satisfies Prisma.OrganizationSelect;

export async function findOrganizations({ actor, params }: { actor: Actor; params: unknown }): Promise<Page<OrganizationListRow>> {
  assertCan(actor, "reference.read");
  const p = ZOrganizationListParams.parse(params ?? {});
  const where = buildOrganizationWhere(p);
  const [total, rows] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({ where, orderBy: orderBy(p), skip: (p.page - 1) * p.size, take: p.size, select: listSelect }),
  ]);
  return toPage(
    rows.map(({ _count, ...o }) => ({ ...o, childCount: _count.children })),
    total,
    p.page,
    p.size,
  );
}

// The keyset of each sort key: the same order as orderBy(), as a "rows after this one" filter.
type SeekRow = { id: string; name: string; acronym: string | null; updatedAt: Date; kind: { sortOrder: number } };
const SEEK: Record<(typeof ORGANIZATION_SORT_KEYS)[number], SeekKey<SeekRow, Prisma.OrganizationWhereInput>> = {
  name: { value: (r) => r.name, where: (f) => ({ name: f as Prisma.StringFilter }) },
  acronym: { value: (r) => r.acronym, where: (f) => ({ acronym: f as Prisma.StringNullableFilter | null }), nullsLast: true },
  kind: { value: (r) => r.kind.sortOrder, where: (f) => ({ kind: { sortOrder: f as Prisma.IntFilter } }) },
  updatedAt: { value: (r) => r.updatedAt, where: (f) => ({ updatedAt: f as Prisma.DateTimeFilter }) },
};

/**
 * Every organization of the list (all pages) in batches: the same params, where-builder and order
 * as findOrganizations, read with keyset pagination so that memory stays flat for any number of rows.
 */
export async function* iterateOrganizations({
  actor,
  params,
  batchSize,
}: {
  actor: Actor;
  params: unknown;
  batchSize?: number;
}): AsyncGenerator<OrganizationListRow[], void, undefined> {
  assertCan(actor, "reference.read");
  const p = ZOrganizationListParams.parse(params ?? {});
  const where = buildOrganizationWhere(p);
  const key = SEEK[p.sort];
  const take = clampBatchSize(batchSize);
  const select = { ...listSelect, updatedAt: true, kind: { select: { ...termRef.select, sortOrder: true } } } as const satisfies Prisma.OrganizationSelect;
  const batches = seekBatches(
    (cursor) =>
      db.organization.findMany({ where: cursor ? { AND: [where, seekAfter(key, p.dir, cursor)] } : where, orderBy: orderBy(p), take, select }),
    (r) => ({ value: key.value(r), id: r.id }),
    take,
  );
  for await (const rows of batches) {
    yield rows.map(({ _count, updatedAt: _u, kind: { sortOrder: _s, ...kind }, ...o }) => ({ ...o, kind, childCount: _count.children }));
  }
}

export async function getOrganization({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "reference.read");
  const o = await db.organization.findFirst({
    where: { id, deletedAt: null },
    select: {
      ...listSelect,
      website: true,
      notes: true,
      createdAt: true,
      updatedAt: true,
      version: true,
      children: { where: { deletedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, nameUk: true, acronym: true } },
    },
  });
  if (!o) throw new AppError("NOT_FOUND");
  const [actions, outcomes] = await Promise.all([
    db.action.findMany({
      where: { AND: [actionScope(actor), { organizations: { some: { organizationId: id } } }] },
      orderBy: [{ date: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, title: true, date: true, datePrecision: true, type: termRef, status: termRef },
    }),
    db.outcome.findMany({
      where: { AND: [outcomeScope(actor), { OR: [{ subjectId: id }, { decidingBodyId: id }] }] },
      orderBy: [{ date: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, title: true, date: true, datePrecision: true, type: termRef, subjectId: true, statusBefore: true, statusAfter: true },
    }),
  ]);
  const { _count, ...rest } = o;
  return {
    ...rest,
    childCount: _count.children,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
    actions: actions.map((a) => ({ ...a, date: toIsoDate(a.date) })),
    outcomes: outcomes.map((x) => ({ ...x, date: toIsoDate(x.date), asSubject: x.subjectId === id })),
    canEdit: can(actor, "reference.write"),
  };
}
export type OrganizationDetail = Awaited<ReturnType<typeof getOrganization>>;

/** Every live organization for pickers, labelled "Acronym – Name" in the reader's language, sorted by label. */
export async function listOrganizationOptions({ actor, locale = "en" }: { actor: Actor; locale?: string }) {
  assertCan(actor, "reference.read");
  const rows = await db.organization.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, nameUk: true, acronym: true, parent: { select: { acronym: true, name: true, nameUk: true } } },
  });
  return rows
    .map((o) => ({
      value: o.id,
      label: orgLabel(o, locale),
      hint: o.parent ? orgShort(o.parent, locale) : undefined,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
