import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { todayIso, toIsoDate, toIsoDateOrNull, toDbDate } from "@/lib/dates";
import { db, readRows } from "@/lib/db";
import { countableByDays, countByDays } from "@/lib/day-counts";
import { AppError, forbidden } from "@/lib/errors";
import { clampBatchSize, seekAfter, seekBatches, type SeekKey } from "@/lib/exports/keyset";
import { organizationsById, termsById } from "@/lib/exports/lookups";
import { flip, keysetPage, type CursorPage } from "@/lib/list-cursor";
import { visibleLinkCounts } from "@/lib/links/counts";
import { actionScope, assertCan, canEditRecord, outcomeScopeSql, ownRestrictedActions, type Actor } from "@/lib/permissions";
import { textSearch } from "@/lib/search/query";
import type { ActionDetail, ActionListRow, LinkedOutcome, TermRef } from "./dto";
import { listTerms } from "@/lib/vocabularies/queries";
import { CLOSED_ACTION_STATUS } from "@/lib/vocabularies/vocabularies";
import { FOLLOW_UP_SOON_DAYS, ZActionListParams, type ActionSortKey, type TActionListParams } from "./schemas";

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;

/** The one where-builder for the list, its count, the dashboard's counts and the exports. `now` fixes "today" for follow-ups. */
export function buildActionWhere(actor: Actor, p: TActionListParams, now = new Date()): Prisma.ActionWhereInput {
  const and: Prisma.ActionWhereInput[] = [actionScope(actor)];
  if (p.type) and.push({ type: { code: p.type } });
  if (p.status) and.push({ status: { code: p.status } });
  if (p.org) and.push({ organizations: { some: { organizationId: p.org } } });
  if (p.campaign) and.push({ campaigns: { some: { campaignId: p.campaign } } });
  if (p.from) and.push({ date: { gte: toDbDate(p.from) } });
  if (p.to) and.push({ date: { lte: toDbDate(p.to) } });
  if (p.category) and.push({ type: { category: p.category } });
  if (p.followUp) {
    const today = toDbDate(todayIso(now));
    const due =
      p.followUp === "overdue"
        ? { lt: today }
        : { gte: today, lte: new Date(today.getTime() + FOLLOW_UP_SOON_DAYS * 86_400_000) };
    and.push({ followUpDue: due, status: { code: { not: CLOSED_ACTION_STATUS } } });
  }
  if (p.open) and.push({ status: { code: { not: CLOSED_ACTION_STATUS } } });
  // author or participant: "people" is kept by the database (migration 20261204040000_action_people)
  if (p.mine) and.push({ people: { has: actor.id } });
  if (p.needsTranslation) and.push({ needsTranslation: true });
  // Every word, in any inflected form or in the other alphabet (lib/search), in the title, summary,
  // their translations, the reference number or a counterpart's name (kept on the row by a trigger,
  // so that each branch has its trigram index and PostgreSQL can combine them).
  if (p.q)
    and.push(
      ...textSearch<Prisma.ActionWhereInput>(p.q, (cs) =>
        cs.flatMap((c) => [
          { title: c },
          { titleTranslation: c },
          { summary: c },
          { summaryTranslation: c },
          { referenceNumber: c },
          { counterpartNames: c },
        ]),
      ),
    );
  return { AND: and };
}

/** The list's order; `reverse` walks it backwards (for the page before a cursor), nulls then first. */
function orderBy(p: TActionListParams, reverse = false): Prisma.ActionOrderByWithRelationInput[] {
  const dir = reverse ? flip(p.dir) : p.dir;
  const primary: Prisma.ActionOrderByWithRelationInput = {
    date: { date: dir },
    title: { title: dir },
    type: { type: { sortOrder: dir } },
    status: { status: { sortOrder: dir } },
    followUpDue: { followUpDue: { sort: dir, nulls: reverse ? ("first" as const) : ("last" as const) } },
    updatedAt: { updatedAt: dir },
  }[p.sort];
  return [primary, { id: dir }];
}

const listSelect = {
  id: true,
  title: true,
  date: true,
  datePrecision: true,
  followUpDue: true,
  referenceNumber: true,
  confidentiality: true,
  originalLanguage: true,
  titleTranslation: true,
  needsTranslation: true,
  type: termRef,
  status: termRef,
  // the counterparts' ids, kept on the action by the database (migration action_counterpart_ids);
  // their names come from one read of the organizations (lib/exports/lookups.ts)
  counterpartIds: true,
} as const satisfies Prisma.ActionSelect;

const counterpartSelect = { id: true, name: true, nameUk: true, acronym: true } as const satisfies Prisma.OrganizationSelect;

type ListRow = Prisma.ActionGetPayload<{ select: typeof listSelect }>;

type ListScalars = Omit<ListRow, "type" | "status" | "counterpartIds">;
type Related = {
  type: TermRef;
  status: TermRef;
  organizations: Prisma.OrganizationGetPayload<{ select: typeof counterpartSelect }>[];
};

/**
 * A list row from the action's own fields and its related ones, passed apart: the export builds a
 * million of these, and spreading a row into a new object to add its relations cost it more than
 * reading the rows (bench/export-csv.ts).
 */
const toListRow = (a: ListScalars, rel: Related, linkCount: number): ActionListRow => ({
  id: a.id,
  title: a.title,
  type: rel.type,
  status: rel.status,
  date: toIsoDate(a.date),
  datePrecision: a.datePrecision,
  followUpDue: toIsoDateOrNull(a.followUpDue),
  referenceNumber: a.referenceNumber,
  confidentiality: a.confidentiality,
  originalLanguage: a.originalLanguage,
  titleTranslation: a.titleTranslation,
  needsTranslation: a.needsTranslation,
  organizations: rel.organizations,
  linkCount,
});

/** The ids of the action types a list's type or category filter names (null: every type). */
async function actionTypeIds(p: TActionListParams): Promise<string[] | null> {
  if (!p.type && !p.category) return null;
  const terms = await listTerms("ACTION_TYPE", true);
  return terms.filter((t) => (!p.type || t.code === p.type) && (!p.category || t.category === p.category)).map((t) => t.id);
}

/** The list's select plus what the cursor of a row needs (its sort values). */
const pageSelect = {
  ...listSelect,
  updatedAt: true,
  type: { select: { ...termRef.select, sortOrder: true } },
  status: { select: { ...termRef.select, sortOrder: true } },
} as const satisfies Prisma.ActionSelect;

/**
 * One page of the actions an actor may see, filtered, searched and sorted as the URL says, paged by
 * cursor (`after` / `before`, see lib/list-cursor.ts) so that a deep page costs what the first does.
 * `page` (OFFSET) still works for callers that page by number; the list pages use cursors. The total
 * is exact up to COUNT_CAP and "more than" beyond.
 */
export async function findActions({ actor, params }: { actor: Actor; params: unknown }): Promise<CursorPage<ActionListRow>> {
  assertCan(actor, "record.read");
  const p = ZActionListParams.parse(params ?? {});
  const key = SEEK[p.sort];
  const page = await keysetPage({
    params: p,
    key,
    where: buildActionWhere(actor, p),
    findRows: ({ where, reverse, skip, take }) =>
      db.action.findMany({
        where,
        orderBy: orderBy(p, reverse),
        skip,
        take,
        select: pageSelect,
      }),
    count: async (where, cap) => {
      // Prisma's capped count orders by id, so it reads every match: cheap when matches are dense
      // (no filter, or dates only), 0.5 s for one type since 2016 at 1,000,000 actions. A list
      // filtered by type (or category) and dates only is counted from the day counts instead.
      if (!(p.type || p.category) || !countableByDays(p, ["type", "category"])) return db.action.count({ where, take: cap });
      const counted = await countByDays(actor, "Action", { from: p.from, to: p.to, typeIds: await actionTypeIds(p) }, () =>
        // only called for readers who may not read every restricted action: theirs, by the people index
        db.action.count({ where: { AND: [where, ownRestrictedActions(actor)] } }),
      );
      return Math.min(counted, cap);
    },
    matchingIds: async (where) => {
      const ids = (await db.action.findMany({ where, select: { id: true } })).map((r) => r.id);
      return { id: { in: ids } };
    },
    sortValue: (r) => key.value({ ...r, typeOrder: r.type.sortOrder, statusOrder: r.status.sortOrder }),
  });
  const orgs = organizationsById(counterpartSelect);
  const [linkCount] = await Promise.all([
    visibleLinkCounts(
      actor,
      "action",
      page.rows.map((r) => r.id),
    ),
    orgs.load(page.rows.flatMap((r) => r.counterpartIds)),
  ]);
  return {
    ...page,
    rows: page.rows.map(({ type: { sortOrder: _t, ...type }, status: { sortOrder: _s, ...status }, ...r }) =>
      toListRow(r, { type, status, organizations: r.counterpartIds.map(orgs.get) }, linkCount.get(r.id) ?? 0),
    ),
  };
}

// The keyset of each sort key: the same order as orderBy(), as a "rows after this one" filter.
type SeekRow = {
  id: string;
  date: Date;
  title: string;
  updatedAt: Date;
  followUpDue: Date | null;
  typeOrder: number;
  statusOrder: number;
};
const SEEK: Record<ActionSortKey, SeekKey<SeekRow, Prisma.ActionWhereInput>> = {
  date: { value: (r) => r.date, where: (f) => ({ date: f as Prisma.DateTimeFilter }) },
  title: { value: (r) => r.title, where: (f) => ({ title: f as Prisma.StringFilter }) },
  type: { value: (r) => r.typeOrder, where: (f) => ({ type: { sortOrder: f as Prisma.IntFilter } }) },
  status: { value: (r) => r.statusOrder, where: (f) => ({ status: { sortOrder: f as Prisma.IntFilter } }) },
  followUpDue: {
    value: (r) => r.followUpDue,
    where: (f) => ({ followUpDue: f as Prisma.DateTimeNullableFilter | null }),
    nullsLast: true,
  },
  updatedAt: { value: (r) => r.updatedAt, where: (f) => ({ updatedAt: f as Prisma.DateTimeFilter }) },
};

/**
 * Every action of the list (all pages) in batches: the same params, where-builder, scope and order as
 * findActions, the same rows, read with keyset pagination so that memory stays flat for any number
 * of rows. Each batch is one query on Action (its fields and its counterparts' ids) plus its visible
 * outcome links, by the batch's ids passed as one array parameter (lib/links/counts.ts); the
 * counterparts' names are read once per export. Prisma's nested selects would send the 2,000 ids as
 * 2,000 parameters per relation, and its `_count` would aggregate the whole link table for every
 * batch (bench/export-csv.ts: 12,000 rows/s against 26,000).
 */
export async function* iterateActions({
  actor,
  params,
  batchSize,
}: {
  actor: Actor;
  params: unknown;
  batchSize?: number;
}): AsyncGenerator<ActionListRow[], void, undefined> {
  assertCan(actor, "record.read");
  const p = ZActionListParams.parse(params ?? {});
  const where = buildActionWhere(actor, p);
  const key = SEEK[p.sort];
  const take = clampBatchSize(batchSize);
  // The list's own select, its relations read through lookups (see lib/exports/lookups.ts).
  const { type: _type, status: _status, ...scalars } = listSelect;
  const select = { ...scalars, updatedAt: true, typeId: true, statusId: true } as const satisfies Prisma.ActionSelect;
  const term = await termsById(listSelect.type.select);
  const orgs = organizationsById(counterpartSelect);
  const hydrate = async (rows: Prisma.ActionGetPayload<{ select: typeof select }>[]): Promise<ActionListRow[]> => {
    const [linkCount] = await Promise.all([
      visibleLinkCounts(
        actor,
        "action",
        rows.map((r) => r.id),
      ),
      orgs.load(rows.flatMap((r) => r.counterpartIds)),
    ]);
    return rows.map((r) =>
      toListRow(
        r,
        { type: term.get(r.typeId), status: term.get(r.statusId), organizations: r.counterpartIds.map(orgs.get) },
        linkCount.get(r.id) ?? 0,
      ),
    );
  };
  yield* seekBatches(
    (cursor) =>
      db.action.findMany({
        where: cursor ? { AND: [where, seekAfter(key, p.dir, cursor)] } : where,
        orderBy: orderBy(p),
        take,
        select,
      }),
    (r) => ({ value: key.value({ ...r, typeOrder: term.order(r.typeId), statusOrder: term.order(r.statusId) }), id: r.id }),
    take,
    hydrate,
  );
}

/** An action's link with its outcome's fields (the date as YYYY-MM-DD), as getAction's plain query returns it. */
type LinkedRow = Omit<LinkedOutcome["outcome"], "type"> & {
  linkId: string;
  evidenceNote: string | null;
  contributionId: string;
  typeId: string;
};

/** One action with everything its page shows; absent or out of scope → NOT_FOUND. */
export async function getAction({ actor, id }: { actor: Actor; id: string }): Promise<ActionDetail> {
  assertCan(actor, "record.read");
  // The action and its relations in parallel, each relation in one query (its rows by a condition
  // on the join table) and the terms from one read of the vocabulary: Prisma loads a nested select
  // level by level, a query per level, and each query costs the app more than the database
  // (bench/lists.ts scenario 4: 14 queries before, 6 now). Nothing is returned unless the action
  // itself is in the actor's scope; the links carry the scope of their other end.
  const { type: _type, status: _status, counterpartIds: _counterpartIds, ...scalars } = listSelect;
  const ofThisAction = { some: { actionId: id } };
  const [found, term, organizations, campaigns, people, links] = await Promise.all([
    db.action.findFirst({
      where: { AND: [{ id }, actionScope(actor)] },
      select: {
        ...scalars,
        typeId: true,
        statusId: true,
        summary: true,
        summaryTranslation: true,
        responseSummary: true,
        responseDate: true,
        createdAt: true,
        updatedAt: true,
        version: true,
        createdById: true,
      },
    }),
    termsById(termRef.select),
    db.organization.findMany({
      where: { actionLinks: ofThisAction },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: counterpartSelect,
    }),
    db.campaign.findMany({
      where: { actions: ofThisAction, deletedAt: null },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { id: true, title: true, titleUk: true },
    }),
    // The author and the participants in one plain query (lib/db.ts readRows): as a nested select,
    // the author cost a second query, and Prisma's compiling a query costs the app more than the
    // database's answering it (bench/lists.ts scenario 4). Names need no scope beyond the action's.
    readRows<{ id: string; name: string; author: boolean; participant: boolean }>(Prisma.sql`
      SELECT u."id", u."name", u."id" = a."createdById" AS "author",
             EXISTS (SELECT 1 FROM "ActionParticipant" p WHERE p."actionId" = a."id" AND p."userId" = u."id") AS "participant"
        FROM "Action" a
        JOIN "User" u ON u."id" = a."createdById"
                      OR u."id" IN (SELECT p."userId" FROM "ActionParticipant" p WHERE p."actionId" = a."id")
       WHERE a."id" = ${id}
       ORDER BY u."name", u."id"`),
    // The links with their outcomes, those the reader may see (the SQL form of outcomeScope): the
    // action's own scope decides above whether anything is shown. As a nested select, Prisma named
    // every outcome as a parameter of a second query: 6.5 ms of the app's CPU for 200 links.
    readRows<LinkedRow>(Prisma.sql`
      SELECT l."id" AS "linkId", l."evidenceNote", l."contributionId", o."id", o."title", o."titleTranslation",
             o."originalLanguage", to_char(o."date", 'YYYY-MM-DD') AS "date", o."datePrecision"::text AS "datePrecision",
             o."typeId"
        FROM "ActionOutcomeLink" l JOIN "Outcome" o ON o."id" = l."outcomeId"
       WHERE l."actionId" = ${id} AND ${outcomeScopeSql(actor, "o")}
       ORDER BY o."date" DESC, l."id"`),
  ]);
  const participants = people.filter((p) => p.participant).map(({ id, name }) => ({ id, name }));
  const author = people.find((p) => p.author);
  if (!found || !author) throw new AppError("NOT_FOUND");
  const participantIds = participants.map((p) => p.id);
  return {
    ...toListRow(found, { type: term.get(found.typeId), status: term.get(found.statusId), organizations }, links.length),
    summary: found.summary,
    summaryTranslation: found.summaryTranslation,
    responseSummary: found.responseSummary,
    responseDate: toIsoDateOrNull(found.responseDate),
    campaigns,
    participants,
    createdBy: { id: author.id, name: author.name },
    createdAt: found.createdAt.toISOString(),
    updatedAt: found.updatedAt.toISOString(),
    version: found.version,
    links: links.map(({ linkId, evidenceNote, contributionId, typeId, date, ...outcome }) => ({
      linkId,
      contribution: term.get(contributionId),
      evidenceNote,
      outcome: { ...outcome, date, type: term.get(typeId) },
    })),
    canEdit: canEditRecord(actor, { createdById: found.createdById, participantIds }),
  };
}

/** The action as its edit form needs it (codes and ids, not labels). */
export async function getActionForEdit({ actor, id }: { actor: Actor; id: string }) {
  const a = await getAction({ actor, id });
  if (!a.canEdit) throw forbidden(actor, "record.edit", { entity: "Action", id: a.id });
  return {
    id: a.id,
    values: {
      // the version this edit starts from (lib/concurrency.ts)
      expectedVersion: a.version,
      title: a.title,
      type: a.type.code,
      date: a.date,
      datePrecision: a.datePrecision,
      status: a.status.code,
      organizationIds: a.organizations.map((o) => o.id),
      campaignIds: a.campaigns.map((c) => c.id),
      participantIds: a.participants.map((p) => p.id),
      referenceNumber: a.referenceNumber ?? "",
      summary: a.summary ?? "",
      responseSummary: a.responseSummary ?? "",
      responseDate: a.responseDate ?? "",
      followUpDue: a.followUpDue ?? "",
      confidentiality: a.confidentiality,
      originalLanguage: a.originalLanguage ?? "en",
      titleTranslation: a.titleTranslation ?? "",
      summaryTranslation: a.summaryTranslation ?? "",
      needsTranslation: a.needsTranslation ?? false,
    },
  };
}

/** Actions an actor may link from an outcome page: a short search by title. */
export async function searchActionsForLink({ actor, q }: { actor: Actor; q: string }) {
  assertCan(actor, "record.read");
  const rows = await db.action.findMany({
    where: {
      AND: [
        actionScope(actor),
        ...textSearch<Prisma.ActionWhereInput>(q.slice(0, 200), (cs) =>
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
