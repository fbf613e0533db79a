import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { toDbDate, toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { likeTerm, toPage, type Page } from "@/lib/list-params";
import { assertCan, canEditRecord, linkScope, outcomeScope, type Actor } from "@/lib/permissions";
import type { OutcomeDetail, OutcomeListRow } from "./dto";
import { ZOutcomeListParams, type TOutcomeListParams } from "./schemas";

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
