import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { todayIso, toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { actionScope, assertCan, outcomeScope, type Actor } from "@/lib/permissions";
import { deadlinesFor, type Deadline } from "./rules";

export type FollowUpSuggestion = Deadline & {
  /** The deadline has passed: shown for the record, no follow-up offered. */
  passed: boolean;
  /** What the suggested follow-up action starts with. */
  organizationIds: string[];
  campaignIds: string[];
};

const orgRef = { id: true, acronym: true, kind: { select: { code: true } } } as const;
const withParents = {
  select: { ...orgRef, parent: { select: { ...orgRef, parent: { select: { ...orgRef, parent: { select: orgRef } } } } } },
} as const satisfies Prisma.OrganizationDefaultArgs;

type OrgNode = { id: string; acronym: string | null; kind: { code: string }; parent?: OrgNode | null };
const bodyOf = (o: OrgNode) => {
  const acronyms: string[] = [];
  for (let n: OrgNode | null | undefined = o; n; n = n.parent) if (n.acronym) acronyms.push(n.acronym);
  return { kind: o.kind.code, acronyms };
};

/**
 * The follow-up deadlines an outcome or action implies under lib/deadlines/rules.ts, for a record
 * the actor may see (out of scope: none, as if it did not exist).
 */
export async function getFollowUpSuggestions({
  actor,
  source,
  id,
  now = new Date(),
}: {
  actor: Actor;
  source: "outcome" | "action";
  id: string;
  now?: Date;
}): Promise<FollowUpSuggestion[]> {
  assertCan(actor, "record.read");
  const today = todayIso(now);
  const suggest = (deadlines: Deadline[], organizationIds: string[], campaignIds: string[]) =>
    deadlines.map((d) => ({ ...d, passed: d.due < today, organizationIds: [...new Set(organizationIds)], campaignIds }));

  if (source === "outcome") {
    const o = await db.outcome.findFirst({
      where: { AND: [{ id }, outcomeScope(actor)] },
      select: {
        title: true,
        summary: true,
        date: true,
        datePrecision: true,
        type: { select: { code: true } },
        decidingBody: withParents,
        subjectId: true,
        campaigns: { where: { campaign: { deletedAt: null } }, select: { campaignId: true } },
      },
    });
    if (!o) return [];
    const deadlines = deadlinesFor({
      source,
      typeCode: o.type.code,
      date: toIsoDate(o.date),
      datePrecision: o.datePrecision,
      title: o.title,
      summary: o.summary,
      bodies: o.decidingBody ? [bodyOf(o.decidingBody)] : [],
    });
    const orgs = o.decidingBody ? [o.decidingBody.id] : o.subjectId ? [o.subjectId] : [];
    return suggest(deadlines, orgs, o.campaigns.map((c) => c.campaignId));
  }

  const a = await db.action.findFirst({
    where: { AND: [{ id }, actionScope(actor)] },
    select: {
      title: true,
      summary: true,
      date: true,
      datePrecision: true,
      type: { select: { code: true } },
      organizations: { select: { organization: withParents } },
      campaigns: { where: { campaign: { deletedAt: null } }, select: { campaignId: true } },
    },
  });
  if (!a) return [];
  const deadlines = deadlinesFor({
    source,
    typeCode: a.type.code,
    date: toIsoDate(a.date),
    datePrecision: a.datePrecision,
    title: a.title,
    summary: a.summary,
    bodies: a.organizations.map((o) => bodyOf(o.organization)),
  });
  return suggest(
    deadlines,
    a.organizations.map((o) => o.organization.id),
    a.campaigns.map((c) => c.campaignId),
  );
}
