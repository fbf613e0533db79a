import "server-only";
import { db } from "@/lib/db";
import { actionScope, outcomeScope, type Actor } from "@/lib/permissions";

/**
 * How many action–outcome links of each record the actor may see (linkScope), for one list page or
 * one export batch of records. The ids must be rows of a list, so already in the actor's scope:
 * only the scope of each link's other end is asked.
 *
 * Two short queries instead of one: the batch's links from the link table's index (a probe per id,
 * no read of the records themselves), then which of the few other ends the actor may see, by their
 * ids under outcomeScope or actionScope. Prisma's relation `_count` with a where would aggregate
 * the whole link table with the visibility rule before joining it to the page: about 2 s at 150,000
 * links for a staff member (bench/lists.ts). A groupBy by the batch's range read its 2,000 actions
 * again (17 ms of database time a batch, against 7 + 4 ms now; bench/export-csv.ts).
 */
export async function visibleLinkCounts(
  actor: Actor,
  side: "action" | "outcome",
  ids: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!ids.length) return counts;
  const links =
    side === "action"
      ? await db.$queryRaw<{ self: string; other: string }[]>`
          SELECT l."actionId" AS self, l."outcomeId" AS other
            FROM unnest(${ids}::text[]) AS ids(id) JOIN "ActionOutcomeLink" l ON l."actionId" = ids.id`
      : await db.$queryRaw<{ self: string; other: string }[]>`
          SELECT l."outcomeId" AS self, l."actionId" AS other
            FROM unnest(${ids}::text[]) AS ids(id) JOIN "ActionOutcomeLink" l ON l."outcomeId" = ids.id`;
  if (!links.length) return counts;
  const others = [...new Set(links.map((l) => l.other))];
  const visible = new Set(
    (side === "action"
      ? await db.outcome.findMany({ where: { AND: [{ id: { in: others } }, outcomeScope(actor)] }, select: { id: true } })
      : await db.action.findMany({ where: { AND: [{ id: { in: others } }, actionScope(actor)] }, select: { id: true } })
    ).map((r) => r.id),
  );
  for (const l of links) if (visible.has(l.other)) counts.set(l.self, (counts.get(l.self) ?? 0) + 1);
  return counts;
}
