import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { toDbDate, toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clampBatchSize, seekAfter, seekBatches, type SeekKey } from "@/lib/exports/keyset";
import { likeTerm, toPage, type Page } from "@/lib/list-params";
import { assertCan, canEditRecord, linkScope, outcomeScope, type Actor } from "@/lib/permissions";
import type { OutcomeDetail, OutcomeListRow } from "./dto";
import { OUTCOME_SORT_KEYS, ZOutcomeListParams, type TOutcomeListParams } from "./schemas";

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;
const orgRef = { select: { id: true, name: true, acronym: true } } as const;

/** The one where-builder for the outcomes list, its count and exports. */
export function buildOutcomeWhere(actor: Actor, p: TOutcomeListParams): Prisma.OutcomeWhereInput {
  const and: Prisma.OutcomeWhereInput[] = [outcomeScope(actor)];
  if (p.type) and.push({ type: { code: p.type } });
  if (p.verification) and.push({ verification: { code: p.verification } });
  if (p.org) and.push({ OR: [{ decidingBodyId: p.org }, { subjectId: p.org }] });
  if (p.campaign) and.push({ campaigns: { some: { campaignId: p.campaign } } });
  if (p.from) and.push({ date: { gte: toDbDate(p.from) } });
  if (p.to) and.push({ date: { lte: toDbDate(p.to) } });
  if (p.q) {
    const contains = { contains: likeTerm(p.q), mode: "insensitive" } as const;
    const org = { OR: [{ name: contains }, { acronym: contains }, { nameUk: contains }] };
    and.push({
      OR: [{ title: contains }, { summary: contains }, { sourceCitation: contains }, { decidingBody: org }, { subject: org }],
    });
  }
  return { AND: and };
}

function orderBy(p: TOutcomeListParams): Prisma.OutcomeOrderByWithRelationInput[] {
  const dir = p.dir;
  const primary: Prisma.OutcomeOrderByWithRelationInput = {
    date: { date: dir },
    title: { title: dir },
    type: { type: { sortOrder: dir } },
    verification: { verification: { sortOrder: dir } },
    updatedAt: { updatedAt: dir },
  }[p.sort];
  return [primary, { id: dir }];
}

const listSelect = {
  id: true,
  title: true,
  date: true,
  datePrecision: true,
  statusBefore: true,
  statusAfter: true,
  confidentiality: true,
  type: termRef,
  verification: termRef,
  decidingBody: orgRef,
  subject: orgRef,
} as const satisfies Prisma.OutcomeSelect;

type ListRow = Prisma.OutcomeGetPayload<{ select: typeof listSelect }>;

const toListRow = (o: ListRow, linkCount: number): OutcomeListRow => ({
  ...o,
  date: toIsoDate(o.date),
  linkCount,
});

export async function findOutcomes({ actor, params }: { actor: Actor; params: unknown }): Promise<Page<OutcomeListRow>> {
  assertCan(actor, "record.read");
  const p = ZOutcomeListParams.parse(params ?? {});
  const where = buildOutcomeWhere(actor, p);
  const [total, rows] = await Promise.all([
    db.outcome.count({ where }),
    db.outcome.findMany({
      where,
      orderBy: orderBy(p),
      skip: (p.page - 1) * p.size,
      take: p.size,
      select: { ...listSelect, _count: { select: { links: { where: linkScope(actor) } } } },
    }),
  ]);
  return toPage(
    rows.map((r) => toListRow(r, r._count.links)),
    total,
    p.page,
    p.size,
  );
}

// The keyset of each sort key: the same order as orderBy(), as a "rows after this one" filter.
type SeekRow = { id: string; date: Date; title: string; updatedAt: Date; type: { sortOrder: number }; verification: { sortOrder: number } };
const SEEK: Record<(typeof OUTCOME_SORT_KEYS)[number], SeekKey<SeekRow, Prisma.OutcomeWhereInput>> = {
  date: { value: (r) => r.date, where: (f) => ({ date: f as Prisma.DateTimeFilter }) },
  title: { value: (r) => r.title, where: (f) => ({ title: f as Prisma.StringFilter }) },
  type: { value: (r) => r.type.sortOrder, where: (f) => ({ type: { sortOrder: f as Prisma.IntFilter } }) },
  verification: { value: (r) => r.verification.sortOrder, where: (f) => ({ verification: { sortOrder: f as Prisma.IntFilter } }) },
  updatedAt: { value: (r) => r.updatedAt, where: (f) => ({ updatedAt: f as Prisma.DateTimeFilter }) },
};

const seekTerm = { select: { ...termRef.select, sortOrder: true } } as const;
const stripSort = ({ code, labelEn, labelUk }: { code: string; labelEn: string; labelUk: string }) => ({ code, labelEn, labelUk });

/**
 * Every outcome of the list (all pages) in batches: the same params, where-builder, scope and order as
 * findOutcomes, read with keyset pagination so that memory stays flat for any number of rows.
 */
export async function* iterateOutcomes({
  actor,
  params,
  batchSize,
}: {
  actor: Actor;
  params: unknown;
  batchSize?: number;
}): AsyncGenerator<OutcomeListRow[], void, undefined> {
  assertCan(actor, "record.read");
  const p = ZOutcomeListParams.parse(params ?? {});
  const where = buildOutcomeWhere(actor, p);
  const key = SEEK[p.sort];
  const take = clampBatchSize(batchSize);
  const select = {
    ...listSelect,
    updatedAt: true,
    type: seekTerm,
    verification: seekTerm,
    _count: { select: { links: { where: linkScope(actor) } } },
  } as const satisfies Prisma.OutcomeSelect;
  const batches = seekBatches(
    (cursor) =>
      db.outcome.findMany({
        where: cursor ? { AND: [where, seekAfter(key, p.dir, cursor)] } : where,
        orderBy: orderBy(p),
        take,
        select,
      }),
    (r) => ({ value: key.value(r), id: r.id }),
    take,
  );
  for await (const rows of batches) {
    yield rows.map(({ _count, updatedAt: _u, ...r }) =>
      toListRow({ ...r, type: stripSort(r.type), verification: stripSort(r.verification) }, _count.links),
    );
  }
}

export async function getOutcome({ actor, id }: { actor: Actor; id: string }): Promise<OutcomeDetail> {
  assertCan(actor, "record.read");
  const o = await db.outcome.findFirst({
    where: { AND: [{ id }, outcomeScope(actor)] },
    select: {
      ...listSelect,
      summary: true,
      sourceCitation: true,
      sourceUrl: true,
      createdAt: true,
      updatedAt: true,
      createdById: true,
      createdBy: { select: { id: true, name: true } },
      campaigns: { select: { campaign: { select: { id: true, title: true, deletedAt: true } } } },
      links: {
        where: linkScope(actor),
        orderBy: [{ action: { date: "asc" } }, { id: "asc" }],
        select: {
          id: true,
          evidenceNote: true,
          contribution: termRef,
          action: { select: { id: true, title: true, date: true, datePrecision: true, type: termRef, status: termRef } },
        },
      },
    },
  });
  if (!o) throw new AppError("NOT_FOUND");
  return {
    ...toListRow(o, o.links.length),
    summary: o.summary,
    sourceCitation: o.sourceCitation,
    sourceUrl: o.sourceUrl,
    campaigns: o.campaigns.filter((c) => !c.campaign.deletedAt).map(({ campaign: { id, title } }) => ({ id, title })),
    createdBy: o.createdBy,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    links: o.links.map((l) => ({
      linkId: l.id,
      contribution: l.contribution,
      evidenceNote: l.evidenceNote,
      action: { ...l.action, date: toIsoDate(l.action.date) },
    })),
    canEdit: canEditRecord(actor, { createdById: o.createdById }),
  };
}

export async function getOutcomeForEdit({ actor, id }: { actor: Actor; id: string }) {
  const o = await getOutcome({ actor, id });
  if (!o.canEdit) throw new AppError("FORBIDDEN");
  return {
    id: o.id,
    values: {
      title: o.title,
      type: o.type.code,
      date: o.date,
      datePrecision: o.datePrecision,
      decidingBodyId: o.decidingBody?.id ?? "",
      subjectId: o.subject?.id ?? "",
      statusBefore: o.statusBefore ?? "",
      statusAfter: o.statusAfter ?? "",
      sourceCitation: o.sourceCitation ?? "",
      sourceUrl: o.sourceUrl ?? "",
      verification: o.verification.code,
      summary: o.summary ?? "",
      campaignIds: o.campaigns.map((c) => c.id),
      confidentiality: o.confidentiality,
    },
  };
}

/** Outcomes an actor may link from an action page: a short search by title. */
export async function searchOutcomesForLink({ actor, q }: { actor: Actor; q: string }) {
  assertCan(actor, "record.read");
  const rows = await db.outcome.findMany({
    where: { AND: [outcomeScope(actor), q ? { title: { contains: likeTerm(q.slice(0, 200)), mode: "insensitive" } } : {}] },
    orderBy: [{ date: "desc" }, { id: "asc" }],
    take: 20,
    select: { id: true, title: true, date: true },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, date: toIsoDate(r.date) }));
}
