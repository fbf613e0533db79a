import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DatePrecision, TermRef } from "@/lib/actions/dto";
import { toIsoDate, toIsoDateOrNull } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clampBatchSize, seekAfter, seekBatches, type SeekKey } from "@/lib/exports/keyset";
import { toPage, type Page } from "@/lib/list-params";
import { textSearch } from "@/lib/search/query";
import { campaignTitle } from "@/lib/names";
import { actionScope, assertCan, can, linkScope, outcomeScope, type Actor } from "@/lib/permissions";
import { CAMPAIGN_SORT_KEYS, PRIORITIES, ZCampaignListParams, type TCampaignListParams } from "./schemas";

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;

export type CampaignListRow = {
  id: string;
  title: string;
  titleUk: string | null;
  status: TermRef;
  priority: "LOW" | "MEDIUM" | "HIGH";
  owner: { id: string; name: string } | null;
  targetOrg: { id: string; name: string; nameUk?: string | null; acronym: string | null } | null;
  parent: { id: string; title: string; titleUk?: string | null } | null;
  actionCount: number;
  outcomeCount: number;
  updatedAt: string;
};

export function buildCampaignWhere(p: TCampaignListParams): Prisma.CampaignWhereInput {
  const and: Prisma.CampaignWhereInput[] = [{ deletedAt: null }];
  if (p.status) and.push({ status: { code: p.status } });
  if (p.priority === "LOW" || p.priority === "MEDIUM" || p.priority === "HIGH") and.push({ priority: p.priority });
  if (p.q) {
    // every word in any form and either alphabet, as in the actions list
    and.push(...textSearch<Prisma.CampaignWhereInput>(p.q, (cs) => cs.flatMap((c) => [{ title: c }, { titleUk: c }, { goal: c }])));
  }
  return { AND: and };
}

const orderBy = (p: TCampaignListParams): Prisma.CampaignOrderByWithRelationInput[] => [
  {
    title: { title: p.dir },
    status: { status: { sortOrder: p.dir } },
    priority: { priority: p.dir },
    updatedAt: { updatedAt: p.dir },
  }[p.sort] as Prisma.CampaignOrderByWithRelationInput,
  { id: p.dir },
];

const listSelect = (actor: Actor) =>
  ({
    id: true,
    title: true,
    titleUk: true,
    priority: true,
    status: termRef,
    owner: { select: { id: true, name: true } },
    targetOrg: { select: { id: true, name: true, nameUk: true, acronym: true } },
    parent: { select: { id: true, title: true, titleUk: true } },
    updatedAt: true,
    _count: {
      select: {
        actions: { where: { action: actionScope(actor) } },
        outcomes: { where: { outcome: outcomeScope(actor) } },
      },
    },
  }) as const satisfies Prisma.CampaignSelect;

export async function findCampaigns({ actor, params }: { actor: Actor; params: unknown }): Promise<Page<CampaignListRow>> {
  assertCan(actor, "reference.read");
  const p = ZCampaignListParams.parse(params ?? {});
  const where = buildCampaignWhere(p);
  const [total, rows] = await Promise.all([
    db.campaign.count({ where }),
    db.campaign.findMany({ where, orderBy: orderBy(p), skip: (p.page - 1) * p.size, take: p.size, select: listSelect(actor) }),
  ]);
  return toPage(
    rows.map(({ _count, ...c }) => ({
      ...c,
      actionCount: _count.actions,
      outcomeCount: _count.outcomes,
      updatedAt: c.updatedAt.toISOString(),
    })),
    total,
    p.page,
    p.size,
  );
}

// The keyset of each sort key: the same order as orderBy(), as a "rows after this one" filter.
type SeekRow = { id: string; title: string; priority: string; updatedAt: Date; status: { sortOrder: number } };
const SEEK: Record<(typeof CAMPAIGN_SORT_KEYS)[number], SeekKey<SeekRow, Prisma.CampaignWhereInput>> = {
  title: { value: (r) => r.title, where: (f) => ({ title: f as Prisma.StringFilter }) },
  status: { value: (r) => r.status.sortOrder, where: (f) => ({ status: { sortOrder: f as Prisma.IntFilter } }) },
  priority: { value: (r) => r.priority, where: (f) => ({ priority: { in: prioritiesWhere(f) } }) },
  updatedAt: { value: (r) => r.updatedAt, where: (f) => ({ updatedAt: f as Prisma.DateTimeFilter }) },
};

// PostgreSQL orders an enum by its declaration (PRIORITIES: LOW < MEDIUM < HIGH); Prisma's enum
// filters have no gt/lt, so a comparison becomes the list of values on that side.
function prioritiesWhere(f: Record<string, unknown> | null): (typeof PRIORITIES)[number][] {
  const [op, v] = Object.entries(f ?? {})[0] ?? [];
  const i = PRIORITIES.indexOf(v as (typeof PRIORITIES)[number]);
  const keep = (j: number) => ({ gt: j > i, gte: j >= i, lt: j < i, lte: j <= i, equals: j === i })[op as "gt"] ?? false;
  return PRIORITIES.filter((_, j) => keep(j));
}

/**
 * Every campaign of the list (all pages) in batches: the same params, where-builder and order as
 * findCampaigns, read with keyset pagination so that memory stays flat for any number of rows.
 */
export async function* iterateCampaigns({
  actor,
  params,
  batchSize,
}: {
  actor: Actor;
  params: unknown;
  batchSize?: number;
}): AsyncGenerator<CampaignListRow[], void, undefined> {
  assertCan(actor, "reference.read");
  const p = ZCampaignListParams.parse(params ?? {});
  const where = buildCampaignWhere(p);
  const key = SEEK[p.sort];
  const take = clampBatchSize(batchSize);
  const base = listSelect(actor);
  const select = { ...base, status: { select: { ...termRef.select, sortOrder: true } } } as const satisfies Prisma.CampaignSelect;
  const batches = seekBatches(
    (cursor) =>
      db.campaign.findMany({ where: cursor ? { AND: [where, seekAfter(key, p.dir, cursor)] } : where, orderBy: orderBy(p), take, select }),
    (r) => ({ value: key.value(r), id: r.id }),
    take,
  );
  for await (const rows of batches) {
    yield rows.map(({ _count, status: { sortOrder: _s, ...status }, ...c }) => ({
      ...c,
      status,
      actionCount: _count.actions,
      outcomeCount: _count.outcomes,
      updatedAt: c.updatedAt.toISOString(),
    }));
  }
}

export type CampaignTimelineItem =
  | { kind: "action"; id: string; title: string; date: string; datePrecision: DatePrecision; type: TermRef; status: TermRef }
  | {
      kind: "outcome";
      id: string;
      title: string;
      date: string;
      datePrecision: DatePrecision;
      type: TermRef;
      verification: TermRef;
      links: { actionId: string; actionTitle: string; contribution: TermRef }[];
    };

/** A campaign with its sub-goals and, in date order, the actions and outcomes of it and its sub-goals. */
export async function getCampaign({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "reference.read");
  const c = await db.campaign.findFirst({
    where: { id, deletedAt: null },
    select: {
      ...listSelect(actor),
      goal: true,
      startDate: true,
      endDate: true,
      createdAt: true,
      updatedAt: true,
      children: {
        where: { deletedAt: null },
        orderBy: { title: "asc" },
        select: {
          id: true,
          title: true,
          titleUk: true,
          status: termRef,
          targetOrg: { select: { id: true, name: true, nameUk: true, acronym: true } },
        },
      },
    },
  });
  if (!c) throw new AppError("NOT_FOUND");
  const campaignIds = [id, ...c.children.map((k) => k.id)];
  const [actions, outcomes] = await Promise.all([
    db.action.findMany({
      where: { AND: [actionScope(actor), { campaigns: { some: { campaignId: { in: campaignIds } } } }] },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      take: 500,
      select: { id: true, title: true, date: true, datePrecision: true, type: termRef, status: termRef },
    }),
    db.outcome.findMany({
      where: { AND: [outcomeScope(actor), { campaigns: { some: { campaignId: { in: campaignIds } } } }] },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      take: 500,
      select: {
        id: true,
        title: true,
        date: true,
        datePrecision: true,
        type: termRef,
        verification: termRef,
        links: {
          where: linkScope(actor),
          orderBy: { action: { date: "asc" } },
          select: { contribution: termRef, action: { select: { id: true, title: true } } },
        },
      },
    }),
  ]);
  const timeline: CampaignTimelineItem[] = [
    ...actions.map((a) => ({ kind: "action" as const, ...a, date: toIsoDate(a.date) })),
    ...outcomes.map((o) => ({
      kind: "outcome" as const,
      ...o,
      date: toIsoDate(o.date),
      links: o.links.map((l) => ({ actionId: l.action.id, actionTitle: l.action.title, contribution: l.contribution })),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === "action" ? -1 : 1));
  const { _count, ...rest } = c;
  return {
    ...rest,
    actionCount: actions.length,
    outcomeCount: outcomes.length,
    startDate: toIsoDateOrNull(c.startDate),
    endDate: toIsoDateOrNull(c.endDate),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    timeline,
    canEdit: can(actor, "reference.write"),
  };
}
export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;

export async function getCampaignForEdit({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "reference.write");
  const c = await db.campaign.findFirst({ where: { id, deletedAt: null }, include: { status: { select: { code: true } } } });
  if (!c) throw new AppError("NOT_FOUND");
  return {
    id: c.id,
    values: {
      // the version this edit starts from (lib/concurrency.ts)
      expectedVersion: c.version,
      title: c.title,
      titleUk: c.titleUk ?? "",
      goal: c.goal ?? "",
      status: c.status.code,
      priority: c.priority,
      ownerId: c.ownerId ?? "",
      targetOrgId: c.targetOrgId ?? "",
      parentId: c.parentId ?? "",
      startDate: toIsoDateOrNull(c.startDate) ?? "",
      endDate: toIsoDateOrNull(c.endDate) ?? "",
    },
  };
}

/** Every live campaign for pickers, titled in the reader's language, sorted by that title. */
export async function listCampaignOptions({ actor, locale = "en" }: { actor: Actor; locale?: string }) {
  assertCan(actor, "reference.read");
  const rows = await db.campaign.findMany({
    where: { deletedAt: null },
    orderBy: { title: "asc" },
    select: { id: true, title: true, titleUk: true, parent: { select: { title: true, titleUk: true } } },
  });
  return rows
    .map((c) => ({ value: c.id, label: campaignTitle(c, locale), hint: c.parent ? campaignTitle(c.parent, locale) : undefined }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
