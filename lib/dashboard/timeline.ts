// Filters of a campaign's timeline (?kind=outcome&type=outcome:MEMBERSHIP_EXCLUDED&from=…&to=…), applied
// to the timeline the campaign query already built within the reader's visibility. Pure; safe anywhere.
import { z } from "zod";
import type { TermRef } from "@/lib/actions/dto";
import { filterDate } from "@/lib/list-params";

export const TIMELINE_KINDS = ["all", "action", "outcome"] as const;

export const ZTimelineFilter = z.object({
  kind: z.enum(TIMELINE_KINDS).catch("all").default("all"),
  /** "action:CODE" or "outcome:CODE": type codes of the two vocabularies are told apart. */
  type: z
    .string()
    .regex(/^(action|outcome):[A-Z0-9_]{1,64}$/)
    .optional()
    .catch(undefined),
  from: filterDate(),
  to: filterDate(),
});
export type TTimelineFilter = z.output<typeof ZTimelineFilter>;

type Item = { kind: "action" | "outcome"; date: string; type: TermRef };

export const isFiltered = (f: TTimelineFilter) => f.kind !== "all" || !!f.type || !!f.from || !!f.to;

export function filterTimeline<T extends Item>(items: T[], f: TTimelineFilter): T[] {
  return items.filter(
    (i) =>
      (f.kind === "all" || i.kind === f.kind) &&
      (!f.type || `${i.kind}:${i.type.code}` === f.type) &&
      (!f.from || i.date >= f.from) &&
      (!f.to || i.date <= f.to),
  );
}

/** The types that occur in a timeline, actions first, each once, as filter options. */
export function timelineTypes<T extends Item>(items: T[]): { kind: "action" | "outcome"; value: string; type: TermRef }[] {
  const seen = new Map<string, { kind: "action" | "outcome"; value: string; type: TermRef }>();
  for (const i of items) seen.set(`${i.kind}:${i.type.code}`, { kind: i.kind, value: `${i.kind}:${i.type.code}`, type: i.type });
  return [...seen.values()].sort((a, b) => (a.kind === b.kind ? a.type.labelEn.localeCompare(b.type.labelEn) : a.kind === "action" ? -1 : 1));
}
