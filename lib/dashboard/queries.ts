import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TermRef } from "@/lib/actions/dto";
import { buildActionWhere } from "@/lib/actions/queries";
import { ZActionListParams } from "@/lib/actions/schemas";
import { todayIso, toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { buildOutcomeWhere } from "@/lib/outcomes/queries";
import { ZOutcomeListParams } from "@/lib/outcomes/schemas";
import { assertCan, type Actor } from "@/lib/permissions";
import { listTerms } from "@/lib/vocabularies/queries";
import type { TermDTO } from "@/lib/vocabularies/vocabularies";
import { counterpartCounts, dayCounts, spanOf, sumByType } from "@/lib/day-counts";
import { actionsHref, outcomesHref, type ListFilter } from "./links";
import { addDays, chartWindow, resolvePeriod, ZDashboardParams, type ChartWindow, type DateRange } from "./period";
import {
  ACTION_GROUPS,
  type ActionGroup,
  type CampaignGlance,
  type Counterpart,
  type ChartSeries,
  type Compared,
  type DashboardData,
  type FollowUpList,
  type MyWorkData,
  type TypeCount,
} from "./types";

// Every count below is computed with the list's own where-builder (buildActionWhere /
// buildOutcomeWhere) on a filter object, and the number's link is the same filter object in the
// list's URL. So the dashboard shows what the list shows, with the same visibility rules.

/** "Awaiting response" for longer than this is worth a reminder. */
export const AWAITING_RESPONSE_DAYS = 30;
const LIST_ROWS = 5;
/**
 * My work counts a person's own actions up to this many and then says "more than": someone with
 * tens of thousands of actions needs to know it is many, and the list it links to says how many.
 * An exact count would read every one of them (bench/dashboard.ts: 380 ms for the busiest manager).
 */
const MY_WORK_COUNT_CAP = 1_000;
const AWAITING = "AWAITING_RESPONSE";

type Ctx = { actor: Actor; now: Date };

const actionWhere = ({ actor, now }: Ctx, f: ListFilter) => buildActionWhere(actor, ZActionListParams.parse(f), now);
const outcomeWhere = ({ actor }: Ctx, f: ListFilter) => buildOutcomeWhere(actor, ZOutcomeListParams.parse(f));

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;
const ref = (t: TermDTO): TermRef => ({ code: t.code, labelEn: t.labelEn, labelUk: t.labelUk });

const followUpSelect = {
  id: true,
  title: true,
  date: true,
  datePrecision: true,
  followUpDue: true,
  confidentiality: true,
  statusId: true,
  createdById: true,
} as const satisfies Prisma.ActionSelect;

type FollowUpSpec = { filter: ListFilter; orderBy: Prisma.ActionOrderByWithRelationInput[]; take?: number };

/**
 * Counts, first rows (in the list's order) and list links for several follow-up lists. Rows carry
 * scalar ids only; statuses come from the cached vocabulary and owners from one query for all
 * lists (relation selects would cost a round trip each).
 */
async function followUpLists(ctx: Ctx, specs: FollowUpSpec[], countCap?: number): Promise<FollowUpList[]> {
  const [statuses, found] = await Promise.all([
    listTerms("ACTION_STATUS", true),
    Promise.all(
      specs.map(async ({ filter, orderBy, take = LIST_ROWS }) => {
        const where = actionWhere(ctx, filter);
        const [counted, rows] = await Promise.all([
          db.action.count({ where, ...(countCap ? { take: countCap + 1 } : {}) }),
          db.action.findMany({ where, orderBy, take, select: followUpSelect }),
        ]);
        const countExact = !countCap || counted <= countCap;
        return { count: countExact ? counted : countCap, countExact, rows, href: actionsHref(filter) };
      }),
    ),
  ]);
  const ownerIds = [...new Set(found.flatMap((f) => f.rows.map((r) => r.createdById)))];
  const owners = new Map(
    (ownerIds.length ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u]),
  );
  const statusById = new Map(statuses.map((t) => [t.id, ref(t)]));
  return found.map(({ count, countExact, rows, href }) => ({
    count,
    countExact,
    href,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      date: toIsoDate(r.date),
      datePrecision: r.datePrecision,
      followUpDue: r.followUpDue ? toIsoDate(r.followUpDue) : null,
      status: statusById.get(r.statusId) ?? { code: "", labelEn: "", labelUk: "" },
      confidentiality: r.confidentiality,
      owner: owners.get(r.createdById) ?? { id: r.createdById, name: "" },
    })),
  }));
}

const byDue: Prisma.ActionOrderByWithRelationInput[] = [{ followUpDue: "asc" }, { id: "asc" }];
const oldestFirst: Prisma.ActionOrderByWithRelationInput[] = [{ date: "asc" }, { id: "asc" }];

/** Counts grouped by type id → the per-type rows of the period, beside the year before. */
function typeCounts(
  terms: TermDTO[],
  current: Map<string, number>,
  previous: Map<string, number>,
  href: (f: ListFilter) => string,
  period: DateRange,
  before: DateRange,
): TypeCount[] {
  return terms
    .filter((t) => current.has(t.id) || previous.has(t.id))
    .map((t) => ({
      type: ref(t),
      category: t.category,
      count: current.get(t.id) ?? 0,
      href: href({ type: t.code, ...period }),
      previous: { count: previous.get(t.id) ?? 0, href: href({ type: t.code, ...before }) },
    }));
}

type TypeCounts = Map<string, number>;

/**
 * Per-bucket counts by type → chart buckets. Bars stack by category of type (meetings, visits …);
 * each bar and each segment carries its list link (category=…, or type=… for a type without one),
 * with the bucket's own dates as from/to.
 */
function series(window: ChartWindow, perBucket: TypeCounts[], terms: TermDTO[], href: (f: ListFilter) => string, stacked = true): ChartSeries {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const keyOf = (t: TermDTO) => (t.category ? t.category : `type:${t.code}`);
  const filterOf = (t: TermDTO): ListFilter => (t.category ? { category: t.category } : { type: t.code });
  const seen = new Set<string>();
  const buckets = window.buckets.map((b, i) => {
    const segments = new Map<string, number>();
    let total = 0;
    for (const [typeId, n] of perBucket[i] ?? []) {
      total += n;
      const term = byId.get(typeId);
      if (!term) continue;
      seen.add(keyOf(term));
      segments.set(keyOf(term), (segments.get(keyOf(term)) ?? 0) + n);
    }
    return { ...b, total, segments };
  });
  const seriesTerms = new Map<string, TermDTO>();
  for (const t of terms) if (seen.has(keyOf(t)) && !seriesTerms.has(keyOf(t))) seriesTerms.set(keyOf(t), t);
  return {
    unit: window.unit,
    series: stacked ? [...seriesTerms].map(([key, t]) => ({ key, category: t.category, type: t.category ? null : ref(t) })) : [],
    buckets: buckets.map((b) => ({
      key: b.key,
      from: b.from,
      to: b.to,
      total: { count: b.total, href: href({ from: b.from, to: b.to }) },
      segments: Object.fromEntries(
        [...(stacked ? b.segments : [])].map(([key, n]) => [key, { count: n, href: href({ ...filterOf(seriesTerms.get(key)!), from: b.from, to: b.to }) }]),
      ),
    })),
  };
}

/**
 * Top-level campaigns that are not closed, with their sub-goals' progress. (Counts of their actions
 * are on each campaign's page: counting them here for a period costs a join over every action.)
 */
async function campaignGlances(): Promise<CampaignGlance[]> {
  const campaigns = await db.campaign.findMany({
    where: { deletedAt: null, parentId: null, status: { code: { not: "CLOSED" } } },
    orderBy: [{ status: { sortOrder: "asc" } }, { priority: "desc" }, { title: "asc" }],
    take: 8,
    select: {
      id: true,
      title: true,
      priority: true,
      status: termRef,
      owner: { select: { id: true, name: true } },
      children: {
        where: { deletedAt: null },
        orderBy: { title: "asc" },
        select: { id: true, title: true, status: termRef, targetOrg: { select: { name: true, acronym: true } } },
      },
    },
  });
  return campaigns.map((c) => ({
    id: c.id,
    title: c.title,
    status: c.status,
    priority: c.priority,
    owner: c.owner,
    subGoals: c.children.map((k) => ({
      id: k.id,
      title: k.title,
      label: k.targetOrg?.acronym ?? k.targetOrg?.name ?? k.title,
      status: k.status,
      achieved: k.status.code === "ACHIEVED",
    })),
  }));
}

/** Everything /dashboard shows for the period in `params` (?period=…&from=…&to=…), as the actor may see it. */
export async function getDashboard({ actor, params, now = new Date() }: { actor: Actor; params: unknown; now?: Date }): Promise<DashboardData> {
  assertCan(actor, "record.read");
  const ctx: Ctx = { actor, now };
  const today = todayIso(now);
  const period = resolvePeriod(ZDashboardParams.parse(params ?? {}), today);
  const cur: DateRange = { from: period.from, to: period.to };
  const prev = period.previous;
  const months = chartWindow(period, "month", { min: 12, max: 36 });
  const quarters = chartWindow(period, "quarter", { min: 8, max: 20 });
  const count = { _count: { _all: true } } as const;
  // Counts by type and day over everything shown (chart buckets, the period, the year before),
  // summed per range here: each sum is exactly the list with that range as from/to (day-counts.ts).
  const restricted = { confidentiality: "RESTRICTED" } as const;
  const actionDays = dayCounts(actor, "Action", spanOf(months, prev, cur), async (range) => {
    const rows = await db.action.groupBy({ by: ["typeId", "date"], where: { AND: [actionWhere(ctx, range), restricted] }, ...count });
    return rows;
  });
  const outcomeDays = dayCounts(actor, "Outcome", spanOf(quarters, prev, cur), async (range) => {
    const rows = await db.outcome.groupBy({ by: ["typeId", "date"], where: { AND: [outcomeWhere(ctx, range), restricted] }, ...count });
    return rows;
  });
  const actionCounts = async (range: DateRange): Promise<TypeCounts> => sumByType(await actionDays, range);
  const outcomeCounts = async (range: DateRange): Promise<TypeCounts> => sumByType(await outcomeDays, range);

  const [actionTypes, outcomeTypes, aBuckets, oBuckets, aCur, aPrev, oCur, oPrev, campaigns, [overdue, soon, awaiting]] =
    await Promise.all([
      listTerms("ACTION_TYPE", true),
      listTerms("OUTCOME_TYPE", true),
      Promise.all(months.buckets.map(actionCounts)),
      Promise.all(quarters.buckets.map(outcomeCounts)),
      actionCounts(cur),
      actionCounts(prev),
      outcomeCounts(cur),
      outcomeCounts(prev),
      campaignGlances(),
      followUpLists(ctx, [
        { filter: { followUp: "overdue", sort: "followUpDue", dir: "asc" }, orderBy: byDue },
        { filter: { followUp: "soon", sort: "followUpDue", dir: "asc" }, orderBy: byDue },
        { filter: { status: AWAITING, to: addDays(today, -AWAITING_RESPONSE_DAYS), sort: "date", dir: "asc" }, orderBy: oldestFirst },
      ]),
    ]);

  const actionsByType = typeCounts(actionTypes, aCur, aPrev, actionsHref, cur, prev);
  const outcomesByType = typeCounts(outcomeTypes, oCur, oPrev, outcomesHref, cur, prev);
  const sum = (rows: TypeCount[], pick: (r: TypeCount) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const compared = (rows: TypeCount[], href: (f: ListFilter) => string, extra: ListFilter = {}): Compared => ({
    count: sum(rows, (r) => r.count),
    href: href({ ...extra, ...cur }),
    previous: { count: sum(rows, (r) => r.previous.count), href: href({ ...extra, ...prev }) },
  });
  const groups = Object.fromEntries(
    ACTION_GROUPS.map((g) => [g, compared(actionsByType.filter((r) => r.category === g), actionsHref, { category: g })]),
  ) as Record<ActionGroup, Compared>;

  return {
    today,
    period,
    actions: compared(actionsByType, actionsHref),
    outcomes: compared(outcomesByType, outcomesHref),
    groups,
    actionsByType,
    outcomesByType,
    actionsPerMonth: series(months, aBuckets, actionTypes, actionsHref),
    // Not stacked: the outcomes list has no filter by kind of outcome.
    outcomesPerQuarter: series(quarters, oBuckets, outcomeTypes, outcomesHref, false),
    campaigns,
    followUps: { overdue, soon, awaiting: { ...awaiting, days: AWAITING_RESPONSE_DAYS } },
  };
}

/**
 * The ten bodies named as counterparts most often in the period, each linking to its actions.
 * Its own function (the page streams it in after the rest). Counted from the counterpart day counts
 * (lib/day-counts.ts): the same numbers as the actions list filtered by each body and the period.
 */
export async function getDashboardCounterparts({
  actor,
  params,
  now = new Date(),
}: {
  actor: Actor;
  params: unknown;
  now?: Date;
}): Promise<Counterpart[]> {
  assertCan(actor, "record.read");
  const period = resolvePeriod(ZDashboardParams.parse(params ?? {}), todayIso(now));
  const cur: DateRange = { from: period.from, to: period.to };
  const restricted = async () => {
    const rows = await db.actionOrganization.groupBy({
      by: ["organizationId"],
      where: { action: { AND: [actionWhere({ actor, now }, cur), { confidentiality: "RESTRICTED" }] } },
      _count: { _all: true },
    });
    return rows;
  };
  const counts = await counterpartCounts(actor, cur, restricted);
  const top = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 10);
  const orgs = await db.organization.findMany({ where: { id: { in: top.map(([id]) => id) } }, select: { id: true, name: true, acronym: true } });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return top.flatMap(([id, count]) => {
    const org = byId.get(id);
    return org ? [{ org, count, href: actionsHref({ org: org.id, ...cur }) }] : [];
  });
}

/** A staff member's own work: their follow-ups, open actions and what they touched last. */
export async function getMyWork({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<MyWorkData> {
  assertCan(actor, "record.read");
  const ctx: Ctx = { actor, now };
  const mine = { mine: "1" } as const;
  const [[overdue, soon, awaiting, open], recentActions, recentOutcomes] = await Promise.all([
    followUpLists(ctx, [
      { filter: { ...mine, followUp: "overdue", sort: "followUpDue", dir: "asc" }, orderBy: byDue, take: 10 },
      { filter: { ...mine, followUp: "soon", sort: "followUpDue", dir: "asc" }, orderBy: byDue, take: 10 },
      { filter: { ...mine, status: AWAITING, sort: "date", dir: "asc" }, orderBy: oldestFirst },
      { filter: { ...mine, open: "1", sort: "date", dir: "desc" }, orderBy: [{ date: "desc" }, { id: "desc" }], take: 8 },
    ], MY_WORK_COUNT_CAP),
    db.action.findMany({
      where: actionWhere(ctx, mine),
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 8,
      select: { id: true, title: true, updatedAt: true, createdAt: true, type: termRef },
    }),
    db.outcome.findMany({
      where: { AND: [outcomeWhere(ctx, {}), { createdById: actor.id }] },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 8,
      select: { id: true, title: true, updatedAt: true, createdAt: true, type: termRef },
    }),
  ]);
  const recent = [
    ...recentActions.map((r) => ({ ...r, kind: "action" as const })),
    ...recentOutcomes.map((r) => ({ ...r, kind: "outcome" as const })),
  ]
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, 8)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      type: r.type,
      updatedAt: r.updatedAt.toISOString(),
      created: r.updatedAt.getTime() - r.createdAt.getTime() < 1000,
    }));
  return {
    today: todayIso(now),
    overdue,
    soon,
    awaiting,
    open,
    recent,
    allMineHref: actionsHref({ ...mine, sort: "updatedAt", dir: "desc" }),
  };
}
