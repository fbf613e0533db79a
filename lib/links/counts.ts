import "server-only";
import { db } from "@/lib/db";
import { linkScope, type Actor } from "@/lib/permissions";

/**
 * How many action–outcome links of each record the actor may see (linkScope), for one page of ids
 * (the list pages; exports name each batch by its range instead, see iterateActions). Prisma's relation `_count` with a where would instead aggregate the whole
 * link table with the visibility rule before joining it to the page: about 2 s at 150,000 links for
 * a staff member (bench/lists.ts), against a few milliseconds for 50 or 2,000 ids.
 */
export async function visibleLinkCounts(actor: Actor, side: "action" | "outcome", ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  if (side === "action") {
    const rows = await db.actionOutcomeLink.groupBy({
      by: ["actionId"],
      where: { AND: [{ actionId: { in: [...ids] } }, linkScope(actor)] },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.actionId, r._count._all]));
  }
  const rows = await db.actionOutcomeLink.groupBy({
    by: ["outcomeId"],
    where: { AND: [{ outcomeId: { in: [...ids] } }, linkScope(actor)] },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.outcomeId, r._count._all]));
}
