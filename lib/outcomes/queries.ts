import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { toDbDate, toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { clampBatchSize, seekAfter, seekBatches, seekThrough, type SeekKey, type SeekRange } from "@/lib/exports/keyset";
import { organizationsById, termsById } from "@/lib/exports/lookups";
import { toPage, type Page } from "@/lib/list-params";
import { assertCan, canEditRecord, linkScope, outcomeScope, type Actor } from "@/lib/permissions";
import { textSearch } from "@/lib/search/query";
import type { OutcomeDetail, OutcomeListRow } from "./dto";
import { OUTCOME_SORT_KEYS, ZOutcomeListParams, type TOutcomeListParams } from "./schemas";

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;
const orgRef = { select: { id: true, name: true, nameUk: true, acronym: true } } as const;

/** The one where-builder for the outcomes list, its count and exports. */
export function buildOutcomeWhere(actor: Actor, p: TOutcomeListParams): Prisma.OutcomeWhereInput {
  const and: Prisma.OutcomeWhereInput[] = [outcomeScope(actor)];
  if (p.type) and.push({ type: { code: p.type } });
  if (p.verification) and.push({ verification: { code: p.verification } });
  if (p.org) and.push({ OR: [{ decidingBodyId: p.org }, { subjectId: p.org }] });
  if (p.campaign) and.push({ campaigns: { some: { campaignId: p.campaign } } });
  if (p.from) and.push({ date: { gte: toDbDate(p.from) } });
  if (p.to) and.push({ date: { lte: toDbDate(p.to) } });
  if (p.needsTranslation) and.push({ needsTranslation: true });
  // Every word, in any inflected form or in the other alphabet (lib/search), in the title, summary,
  // their translations, the source, or the name of the deciding body or subject (kept on the row by
  // a trigger, so that each branch has its trigram index and PostgreSQL can combine them).
  if (p.q)
    and.push(
      ...textSearch<Prisma.OutcomeWhereInput>(p.q, (cs) =>
        cs.flatMap((c) => [
          { title: c },
          { titleTranslation: c },
          { summary: c },
          { summaryTranslation: c },
          { sourceCitation: c },
          { organizationNames: c },
        ]),
      ),
    );
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
  originalLanguage: true,
  titleTranslation: true,
  needsTranslation: true,
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

/** Up to this many matches, a search's page is read through the matching ids (see findActions). */
const NARROW_SEARCH = 2_000;

export async function findOutcomes({ actor, params }: { actor: Actor; params: unknown }): Promise<Page<OutcomeListRow>> {
  assertCan(actor, "record.read");
  const p = ZOutcomeListParams.parse(params ?? {});
  const where = buildOutcomeWhere(actor, p);
  const pageOf = (w: Prisma.OutcomeWhereInput) =>
    db.outcome.findMany({
      where: w,
      orderBy: orderBy(p),
      skip: (p.page - 1) * p.size,
      take: p.size,
      select: { ...listSelect, _count: { select: { links: { where: linkScope(actor) } } } },
    });
  // A search is counted first (the trigram indexes answer that). PostgreSQL takes a search's words
  // for independent and, expecting many matches, may walk the whole date index for a page of rows
  // that hardly exist; a narrow search therefore pages through its matching ids instead.
  const searchPage = async (w: Prisma.OutcomeWhereInput) => {
    const total = await db.outcome.count({ where: w });
    if (total === 0) return [0, []] as const;
    if (total > NARROW_SEARCH) return [total, await pageOf(w)] as const;
    const ids = (await db.outcome.findMany({ where: w, select: { id: true } })).map((r) => r.id);
    return [total, await pageOf({ id: { in: ids } })] as const;
  };
  const [total, rows] = p.q ? await searchPage(where) : await Promise.all([db.outcome.count({ where }), pageOf(where)]);
  return toPage(
    rows.map((r) => toListRow(r, r._count.links)),
    total,
    p.page,
    p.size,
  );
}

// The keyset of each sort key: the same order as orderBy(), as a "rows after this one" filter.
type SeekRow = { id: string; date: Date; title: string; updatedAt: Date; typeOrder: number; verificationOrder: number };
const SEEK: Record<(typeof OUTCOME_SORT_KEYS)[number], SeekKey<SeekRow, Prisma.OutcomeWhereInput>> = {
  date: { value: (r) => r.date, where: (f) => ({ date: f as Prisma.DateTimeFilter }) },
  title: { value: (r) => r.title, where: (f) => ({ title: f as Prisma.StringFilter }) },
  type: { value: (r) => r.typeOrder, where: (f) => ({ type: { sortOrder: f as Prisma.IntFilter } }) },
  verification: { value: (r) => r.verificationOrder, where: (f) => ({ verification: { sortOrder: f as Prisma.IntFilter } }) },
  updatedAt: { value: (r) => r.updatedAt, where: (f) => ({ updatedAt: f as Prisma.DateTimeFilter }) },
};

/**
 * Every outcome of the list (all pages) in batches: the same params, where-builder, scope and order
 * as findOutcomes, the same rows, read with keyset pagination so that memory stays flat for any
 * number of rows. Each batch is one query on Outcome (scalars only) plus the links counted under
 * linkScope for its ids; Prisma's `_count` would aggregate the whole link table for every batch.
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
  // The list's own select, its relations read through lookups (see lib/exports/lookups.ts).
  const { type: _type, verification: _verification, decidingBody: _decidingBody, subject: _subject, ...scalars } = listSelect;
  const select = {
    ...scalars,
    updatedAt: true,
    typeId: true,
    verificationId: true,
    decidingBodyId: true,
    subjectId: true,
  } as const satisfies Prisma.OutcomeSelect;
  const term = await termsById(listSelect.type.select);
  const orgs = organizationsById(listSelect.decidingBody.select);
  const hydrate = async (
    rows: Prisma.OutcomeGetPayload<{ select: typeof select }>[],
    range: SeekRange,
  ): Promise<OutcomeListRow[]> => {
    // The batch's outcomes by their range in the list, not by id (see iterateActions).
    const batch: Prisma.OutcomeWhereInput = {
      AND: [where, ...(range.after ? [seekAfter(key, p.dir, range.after)] : []), seekThrough(key, p.dir, range.through)],
    };
    const [links] = await Promise.all([
      db.actionOutcomeLink.groupBy({
        by: ["outcomeId"],
        where: { AND: [{ outcome: batch }, linkScope(actor)] },
        _count: { _all: true },
      }),
      orgs.load(rows.flatMap((r) => [r.decidingBodyId, r.subjectId].filter((id): id is string => !!id))),
    ]);
    const linkCount = new Map(links.map((l) => [l.outcomeId, l._count._all]));
    return rows.map(({ updatedAt: _u, typeId, verificationId, decidingBodyId, subjectId, ...r }) =>
      toListRow(
        {
          ...r,
          type: term.get(typeId),
          verification: term.get(verificationId),
          decidingBody: decidingBodyId ? orgs.get(decidingBodyId) : null,
          subject: subjectId ? orgs.get(subjectId) : null,
        },
        linkCount.get(r.id) ?? 0,
      ),
    );
  };
  yield* seekBatches(
    (cursor) =>
      db.outcome.findMany({
        where: cursor ? { AND: [where, seekAfter(key, p.dir, cursor)] } : where,
        orderBy: orderBy(p),
        take,
        select,
      }),
    (r) => ({
      value: key.value({ ...r, typeOrder: term.order(r.typeId), verificationOrder: term.order(r.verificationId) }),
      id: r.id,
    }),
    take,
    hydrate,
  );
}

export async function getOutcome({ actor, id }: { actor: Actor; id: string }): Promise<OutcomeDetail> {
  assertCan(actor, "record.read");
  const o = await db.outcome.findFirst({
    where: { AND: [{ id }, outcomeScope(actor)] },
    select: {
      ...listSelect,
      summary: true,
      summaryTranslation: true,
      sourceCitation: true,
      sourceUrl: true,
      createdAt: true,
      updatedAt: true,
      createdById: true,
      createdBy: { select: { id: true, name: true } },
      campaigns: { select: { campaign: { select: { id: true, title: true, titleUk: true, deletedAt: true } } } },
      links: {
        where: linkScope(actor),
        orderBy: [{ action: { date: "asc" } }, { id: "asc" }],
        select: {
          id: true,
          evidenceNote: true,
          contribution: termRef,
          action: {
            select: {
              id: true,
              title: true,
              titleTranslation: true,
              originalLanguage: true,
              date: true,
              datePrecision: true,
              type: termRef,
              status: termRef,
            },
          },
        },
      },
    },
  });
  if (!o) throw new AppError("NOT_FOUND");
  return {
    ...toListRow(o, o.links.length),
    summary: o.summary,
    summaryTranslation: o.summaryTranslation,
    sourceCitation: o.sourceCitation,
    sourceUrl: o.sourceUrl,
    campaigns: o.campaigns
      .filter((c) => !c.campaign.deletedAt)
      .map(({ campaign: { id, title, titleUk } }) => ({ id, title, titleUk })),
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
  if (!o.canEdit) throw forbidden(actor, "record.edit", { entity: "Outcome", id: o.id });
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
      originalLanguage: o.originalLanguage ?? "en",
      titleTranslation: o.titleTranslation ?? "",
      summaryTranslation: o.summaryTranslation ?? "",
      needsTranslation: o.needsTranslation ?? false,
    },
  };
}

/** Outcomes an actor may link from an action page: a short search by title. */
export async function searchOutcomesForLink({ actor, q }: { actor: Actor; q: string }) {
  assertCan(actor, "record.read");
  const rows = await db.outcome.findMany({
    where: {
      AND: [
        outcomeScope(actor),
        ...textSearch<Prisma.OutcomeWhereInput>(q.slice(0, 200), (cs) =>
          cs.flatMap((c) => [{ title: c }, { titleTranslation: c }]),
        ),
      ],
    },
    orderBy: [{ date: "desc" }, { id: "asc" }],
    take: 20,
    select: { id: true, title: true, date: true },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, date: toIsoDate(r.date) }));
}
