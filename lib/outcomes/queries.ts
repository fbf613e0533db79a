import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { toDbDate, toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { clampBatchSize, seekAfter, seekBatches, type SeekKey } from "@/lib/exports/keyset";
import { organizationsById, termsById } from "@/lib/exports/lookups";
import { flip, keysetPage, type CursorPage } from "@/lib/list-cursor";
import { visibleLinkCounts } from "@/lib/links/counts";
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

/** The list's order; `reverse` walks it backwards (for the page before a cursor). */
function orderBy(p: TOutcomeListParams, reverse = false): Prisma.OutcomeOrderByWithRelationInput[] {
  const dir = reverse ? flip(p.dir) : p.dir;
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

/** The list's select plus what the cursor of a row needs (its sort values). */
const pageSelect = {
  ...listSelect,
  updatedAt: true,
  type: { select: { ...termRef.select, sortOrder: true } },
  verification: { select: { ...termRef.select, sortOrder: true } },
} as const satisfies Prisma.OutcomeSelect;

/** One page of the outcomes list, paged by cursor like findActions (see there and lib/list-cursor.ts). */
export async function findOutcomes({ actor, params }: { actor: Actor; params: unknown }): Promise<CursorPage<OutcomeListRow>> {
  assertCan(actor, "record.read");
  const p = ZOutcomeListParams.parse(params ?? {});
  const key = SEEK[p.sort];
  const page = await keysetPage({
    params: p,
    key,
    where: buildOutcomeWhere(actor, p),
    findRows: ({ where, reverse, skip, take }) =>
      db.outcome.findMany({
        where,
        orderBy: orderBy(p, reverse),
        skip,
        take,
        select: pageSelect,
      }),
    count: (where, cap) => db.outcome.count({ where, take: cap }),
    matchingIds: async (where) => {
      const ids = (await db.outcome.findMany({ where, select: { id: true } })).map((r) => r.id);
      return { id: { in: ids } };
    },
    sortValue: (r) => key.value({ ...r, typeOrder: r.type.sortOrder, verificationOrder: r.verification.sortOrder }),
  });
  const linkCount = await visibleLinkCounts(
    actor,
    "outcome",
    page.rows.map((r) => r.id),
  );
  return {
    ...page,
    rows: page.rows.map(
      ({ updatedAt: _u, type: { sortOrder: _t, ...type }, verification: { sortOrder: _v, ...verification }, ...r }) =>
        toListRow({ ...r, type, verification }, linkCount.get(r.id) ?? 0),
    ),
  };
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
 * number of rows. Each batch is one query on Outcome (scalars only) plus its visible links, by the
 * batch's ids (see iterateActions).
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
  const hydrate = async (rows: Prisma.OutcomeGetPayload<{ select: typeof select }>[]): Promise<OutcomeListRow[]> => {
    const [linkCount] = await Promise.all([
      visibleLinkCounts(
        actor,
        "outcome",
        rows.map((r) => r.id),
      ),
      orgs.load(rows.flatMap((r) => [r.decidingBodyId, r.subjectId].filter((id): id is string => !!id))),
    ]);
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
      version: true,
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
    version: o.version,
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
      // the version this edit starts from (lib/concurrency.ts)
      expectedVersion: o.version,
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
