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
import { actionsHref, outcomesHref, type ListFilter } from "./links";
import { addDays, bucketKeyOf, chartWindow, resolvePeriod, ZDashboardParams, type ChartWindow, type DateRange } from "./period";
import {
  ACTION_GROUPS,
  type ActionGroup,
  type CampaignGlance,
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
  status: termRef,
  createdBy: { select: { id: true, name: true } },
  participants: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
} as const satisfies Prisma.ActionSelect;

/** A count, the first rows in the list's order, and the link to the whole list. */
async function followUpList(ctx: Ctx, filter: ListFilter, orderBy: Prisma.ActionOrderByWithRelationInput[], take = LIST_ROWS): Promise<FollowUpList> {
  const where = actionWhere(ctx, filter);
  const [count, rows] = await Promise.all([
    db.action.count({ where }),
    db.action.findMany({ where, orderBy, take, select: followUpSelect }),
  ]);
  return {
    count,
    href: actionsHref(filter),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      date: toIsoDate(r.date),
      datePrecision: r.datePrecision,
      followUpDue: r.followUpDue ? toIsoDate(r.followUpDue) : null,
      status: r.status,
      confidentiality: r.confidentiality,
      owner: r.createdBy,
      participants: r.participants.map((p) => p.user),
    })),
  };
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

const countMap = <K extends string>(rows: ({ _count: { _all: number } } & Record<K, string>)[], key: K) =>
  new Map(rows.map((r) => [r[key], r._count._all]));

/**
 * Rows grouped by (type, day) → chart buckets. Bars stack by category of type (meetings, visits …);
 * each bar and each segment carries its list link (category=…, or type=… for a type without one).
 */
function series(
  window: ChartWindow,
  rows: { typeId?: string; date: Date; _count: { _all: number } }[],
  terms: TermDTO[],
  href: (f: ListFilter) => string,
): ChartSeries {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const keyOf = (t: TermDTO) => (t.category ? t.category : `type:${t.code}`);
  const filterOf = (t: TermDTO): ListFilter => (t.category ? { category: t.category } : { type: t.code });
  const buckets = window.buckets.map((b) => ({ ...b, n: 0, segments: new Map<string, number>() }));
  const index = new Map(buckets.map((b) => [b.key, b]));
  const seen = new Set<string>();
  for (const r of rows) {
    const bucket = index.get(bucketKeyOf(window.unit, toIsoDate(r.date)));
    if (!bucket) continue;
    bucket.n += r._count._all;
    const term = r.typeId ? byId.get(r.typeId) : undefined;
    if (!term) continue;
    seen.add(keyOf(term));
    bucket.segments.set(keyOf(term), (bucket.segments.get(keyOf(term)) ?? 0) + r._count._all);
  }
  const seriesTerms = new Map<string, TermDTO>();
  for (const t of terms) if (seen.has(keyOf(t)) && !seriesTerms.has(keyOf(t))) seriesTerms.set(keyOf(t), t);
  return {
    unit: window.unit,
    series: [...seriesTerms].map(([key, t]) => ({ key, category: t.category, type: t.category ? null : ref(t) })),
    buckets: buckets.map((b) => ({
      key: b.key,
      from: b.from,
      to: b.to,
      total: { count: b.n, href: href({ from: b.from, to: b.to }) },
      segments: Object.fromEntries(
        [...b.segments].map(([key, n]) => [key, { count: n, href: href({ ...filterOf(seriesTerms.get(key)!), from: b.from, to: b.to }) }]),
      ),
    })),
  };
}

/** Top-level campaigns that are not closed, with sub-goal progress and the period's numbers. */
async function campaignGlances(ctx: Ctx, period: DateRange): Promise<CampaignGlance[]> {
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
  if (!campaigns.length) return [];
  const ids = campaigns.map((c) => c.id);
  const [actions, outcomes] = await Promise.all([
    db.actionCampaign.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids }, action: actionWhere(ctx, period) }, _count: { _all: true } }),
    db.outcomeCampaign.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids }, outcome: outcomeWhere(ctx, period) }, _count: { _all: true } }),
  ]);
  const a = countMap(actions, "campaignId");
  const o = countMap(outcomes, "campaignId");
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
    actions: { count: a.get(c.id) ?? 0, href: actionsHref({ campaign: c.id, ...period }) },
    outcomes: { count: o.get(c.id) ?? 0, href: outcomesHref({ campaign: c.id, ...period }) },
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

  const [actionTypes, outcomeTypes, aCur, aPrev, oCur, oPrev, aDaily, oDaily, counterpartRows, campaigns, overdue, soon, awaiting] =
    await Promise.all([
      listTerms("ACTION_TYPE", true),
      listTerms("OUTCOME_TYPE", true),
      db.action.groupBy({ by: ["typeId"], where: actionWhere(ctx, cur), ...count }),
      db.action.groupBy({ by: ["typeId"], where: actionWhere(ctx, prev), ...count }),
      db.outcome.groupBy({ by: ["typeId"], where: outcomeWhere(ctx, cur), ...count }),
      db.outcome.groupBy({ by: ["typeId"], where: outcomeWhere(ctx, prev), ...count }),
      db.action.groupBy({ by: ["typeId", "date"], where: actionWhere(ctx, { from: months.from, to: months.to }), ...count }),
      db.outcome.groupBy({ by: ["date"], where: outcomeWhere(ctx, { from: quarters.from, to: quarters.to }), ...count }),
      db.actionOrganization.groupBy({
        by: ["organizationId"],
        where: { action: actionWhere(ctx, cur) },
        ...count,
        orderBy: [{ _count: { organizationId: "desc" } }, { organizationId: "asc" }],
        take: 10,
      }),
      campaignGlances(ctx, cur),
      followUpList(ctx, { followUp: "overdue", sort: "followUpDue", dir: "asc" }, byDue),
      followUpList(ctx, { followUp: "soon", sort: "followUpDue", dir: "asc" }, byDue),
      followUpList(ctx, { status: AWAITING, to: addDays(today, -AWAITING_RESPONSE_DAYS), sort: "date", dir: "asc" }, oldestFirst),
    ]);

  const orgs = await db.organization.findMany({
    where: { id: { in: counterpartRows.map((r) => r.organizationId) } },
    select: { id: true, name: true, acronym: true },
  });
  const orgById = new Map(orgs.map((o) => [o.id, o]));

  const actionsByType = typeCounts(actionTypes, countMap(aCur, "typeId"), countMap(aPrev, "typeId"), actionsHref, cur, prev);
  const outcomesByType = typeCounts(outcomeTypes, countMap(oCur, "typeId"), countMap(oPrev, "typeId"), outcomesHref, cur, prev);
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
    actionsPerMonth: series(months, aDaily, actionTypes, actionsHref),
    outcomesPerQuarter: series(quarters, oDaily, outcomeTypes, outcomesHref),
    counterparts: counterpartRows.flatMap((r) => {
      const org = orgById.get(r.organizationId);
      return org ? [{ org, count: r._count._all, href: actionsHref({ org: org.id, ...cur }) }] : [];
    }),
    campaigns,
    followUps: { overdue, soon, awaiting: { ...awaiting, days: AWAITING_RESPONSE_DAYS } },
  };
}

/** A staff member's own work: their follow-ups, open actions and what they touched last. */
export async function getMyWork({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<MyWorkData> {
  assertCan(actor, "record.read");
  const ctx: Ctx = { actor, now };
  const mine = { mine: "1" } as const;
  const [overdue, soon, awaiting, open, allMine, recentActions, recentOutcomes] = await Promise.all([
    followUpList(ctx, { ...mine, followUp: "overdue", sort: "followUpDue", dir: "asc" }, byDue, 10),
    followUpList(ctx, { ...mine, followUp: "soon", sort: "followUpDue", dir: "asc" }, byDue, 10),
    followUpList(ctx, { ...mine, status: AWAITING, sort: "date", dir: "asc" }, oldestFirst),
    followUpList(ctx, { ...mine, open: "1", sort: "date", dir: "desc" }, [{ date: "desc" }, { id: "desc" }], 8),
    db.action.count({ where: actionWhere(ctx, mine) }),
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
    allMine: { count: allMine, href: actionsHref({ ...mine, sort: "updatedAt", dir: "desc" }) },
  };
}
