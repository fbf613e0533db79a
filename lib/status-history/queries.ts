import "server-only";
import type { OrgRef } from "@/lib/actions/dto";
import { toIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { assertCan, linkScope, outcomeScope, type Actor } from "@/lib/permissions";
import { deriveTracks, STANDING_CATEGORIES, type StandingOutcome, type StatusTrack } from "./derive";

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;
const orgRef = { id: true, name: true, acronym: true } as const;
// Organization trees are shallow (UN → Special Procedures → a mandate); four levels reach the top.
const ancestry = { select: { ...orgRef, parent: { select: { ...orgRef, parent: { select: { ...orgRef, parent: { select: orgRef } } } } } } } as const;

type OrgWithParents = OrgRef & { parent?: OrgWithParents | null };
const pathOf = (o: OrgWithParents | null): OrgRef[] => {
  const out: OrgRef[] = [];
  for (let n: OrgWithParents | null | undefined = o; n; n = n.parent) out.push({ id: n.id, name: n.name, acronym: n.acronym });
  return out;
};

/**
 * The status history of one organization as the subject of outcomes: one track per kind of
 * standing and network, built only from outcomes (and links) the actor may see.
 */
export async function getStatusHistory({ actor, organizationId }: { actor: Actor; organizationId: string }): Promise<StatusTrack[]> {
  assertCan(actor, "record.read");
  const rows = await db.outcome.findMany({
    where: {
      AND: [
        outcomeScope(actor),
        { subjectId: organizationId },
        { OR: [{ type: { category: { in: [...STANDING_CATEGORIES] } } }, { statusBefore: { not: null } }, { statusAfter: { not: null } }] },
      ],
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      date: true,
      datePrecision: true,
      statusBefore: true,
      statusAfter: true,
      type: { select: { code: true, labelEn: true, labelUk: true, category: true } },
      verification: termRef,
      subject: { select: orgRef },
      decidingBody: ancestry,
      links: {
        where: linkScope(actor),
        orderBy: [{ action: { date: "asc" } }, { id: "asc" }],
        select: { contribution: termRef, action: { select: { id: true, title: true, date: true, datePrecision: true } } },
      },
    },
  });
  const outcomes: StandingOutcome[] = rows.flatMap((o) =>
    o.subject
      ? [
          {
            id: o.id,
            title: o.title,
            date: toIsoDate(o.date),
            datePrecision: o.datePrecision,
            type: { code: o.type.code, labelEn: o.type.labelEn, labelUk: o.type.labelUk },
            category: o.type.category,
            verification: o.verification,
            statusBefore: o.statusBefore,
            statusAfter: o.statusAfter,
            subject: o.subject,
            decidingBodyPath: pathOf(o.decidingBody),
            actions: o.links.map((l) => ({ ...l.action, date: toIsoDate(l.action.date), contribution: l.contribution })),
          },
        ]
      : [],
  );
  return deriveTracks(outcomes);
}
