// The status history of a third party, derived from outcomes: each outcome with a subject, a kind of
// standing (its type's category) and a status before/after is one change on one track, e.g. the
// Russian Ombudsman institution's GANHRI accreditation (A → none, October 2024) or its ENNHRI
// membership (member → excluded, 11 April 2023). Pure functions: no database, safe anywhere.
import type { DatePrecision, OrgRef, TermRef } from "@/lib/actions/dto";
import { addDays, addMonths, endOfMonth, endOfYear, startOfMonth, startOfYear, type DateRange } from "@/lib/dashboard/period";

/**
 * Kinds of standing (OUTCOME_TYPE categories) that always form a track, with how a track is split:
 * by the network whose decision it is (GANHRI, ENNHRI, IOI, AOM), or one track per subject.
 * Outcomes of other categories join a track only when they record a status change.
 */
export const STANDING_CATEGORIES = ["accreditation", "membership", "treaty", "standing"] as const;

/** Categories whose track is per network (the deciding body's top-level organization). */
const PER_NETWORK = new Set(["accreditation", "membership", "standing"]);

/** Verification of a claim that another outcome replaced: it no longer changes the status. */
export const SUPERSEDED = "SUPERSEDED";

export type LinkedActionRef = {
  id: string;
  title: string;
  date: string;
  datePrecision: DatePrecision;
  contribution: TermRef;
};

/** An outcome as the derivation needs it (the query adds the deciding body's ancestry). */
export type StandingOutcome = {
  id: string;
  title: string;
  date: string;
  datePrecision: DatePrecision;
  type: TermRef;
  category: string | null;
  verification: TermRef;
  statusBefore: string | null;
  statusAfter: string | null;
  subject: OrgRef;
  /** The deciding body and its parents, nearest first (the top-level organization is last). */
  decidingBodyPath: OrgRef[];
  actions: LinkedActionRef[];
};

export type TrackEntry = StandingOutcome & {
  /** The days on which the change may have happened, given the date's precision. */
  window: DateRange;
  /** Changes the status (has a before or after); otherwise a milestone on the track. */
  isChange: boolean;
  /** The recorded "before" differs from the previous change's "after". */
  mismatch: boolean;
  /** Superseded claims stay visible but no longer count. */
  superseded: boolean;
};

export type StatusTrack = {
  key: string;
  subject: OrgRef;
  category: string;
  /** The network or body the standing is in; null when the track is one per subject (treaties). */
  body: OrgRef | null;
  entries: TrackEntry[];
};

export type StatusAnswer =
  | { kind: "unknown" }
  /** `since`: the change that set it; null when the status is the one recorded before the first change. */
  | { kind: "known"; status: string | null; since: TrackEntry | null; firstChange: TrackEntry | null }
  /** The date falls inside an imprecise change: it was `before` or already `after`. */
  | { kind: "uncertain"; before: string | null; after: string | null; change: TrackEntry };

/**
 * The days a recorded date may stand for: the day itself, its month, its year, or (estimated) its
 * month give or take one.
 */
export function dateWindow(date: string, precision: DatePrecision): DateRange {
  switch (precision) {
    case "DAY":
      return { from: date, to: date };
    case "MONTH":
      return { from: startOfMonth(date), to: endOfMonth(date) };
    case "YEAR":
      return { from: startOfYear(date), to: endOfYear(date) };
    case "ESTIMATED":
      return { from: startOfMonth(addMonths(startOfMonth(date), -1)), to: endOfMonth(addMonths(startOfMonth(date), 1)) };
  }
}

/** The body a track is about: the top-level organization of the deciding body (ENNHRI for its General Assembly). */
export function trackBody(category: string, subject: OrgRef, decidingBodyPath: OrgRef[]): OrgRef | null {
  if (!PER_NETWORK.has(category)) {
    // Treaties: one track per subject (the outcome does not say which treaty). Other kinds: the deciding body itself.
    if (category === "treaty") return null;
    const body = decidingBodyPath[0];
    return body && body.id !== subject.id ? body : null;
  }
  const top = decidingBodyPath[decidingBodyPath.length - 1];
  return top && top.id !== subject.id ? top : null;
}

const isStanding = (category: string | null) => !!category && (STANDING_CATEGORIES as readonly string[]).includes(category);

/** Groups outcomes into tracks per (subject, kind of standing, network), each in date order. */
export function deriveTracks(outcomes: StandingOutcome[]): StatusTrack[] {
  const tracks = new Map<string, StatusTrack>();
  const sorted = [...outcomes].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const o of sorted) {
    const hasChange = !!(o.statusBefore || o.statusAfter);
    if (!isStanding(o.category) && !hasChange) continue;
    const category = o.category ?? "other";
    const body = trackBody(category, o.subject, o.decidingBodyPath);
    const key = `${o.subject.id}:${category}:${body?.id ?? "-"}`;
    let track = tracks.get(key);
    if (!track) tracks.set(key, (track = { key, subject: o.subject, category, body, entries: [] }));
    track.entries.push({
      ...o,
      window: dateWindow(o.date, o.datePrecision),
      isChange: hasChange,
      mismatch: false,
      superseded: o.verification.code === SUPERSEDED,
    });
  }
  for (const track of tracks.values()) {
    let previousAfter: string | null | undefined;
    for (const e of track.entries) {
      if (!e.isChange || e.superseded) continue;
      e.mismatch = previousAfter !== undefined && e.statusBefore != null && !sameStatus(e.statusBefore, previousAfter);
      previousAfter = e.statusAfter;
    }
  }
  const order = (c: string) => {
    const i = (STANDING_CATEGORIES as readonly string[]).indexOf(c);
    return i < 0 ? STANDING_CATEGORIES.length : i;
  };
  return [...tracks.values()]
    .filter((t) => t.entries.some((e) => e.isChange && !e.superseded))
    .sort((a, b) => order(a.category) - order(b.category) || (a.body?.acronym ?? a.body?.name ?? "").localeCompare(b.body?.acronym ?? b.body?.name ?? ""));
}

const sameStatus = (a: string | null, b: string | null) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/** The changes that count, in date order. */
export const changesOf = (track: StatusTrack) => track.entries.filter((e) => e.isChange && !e.superseded);

/**
 * The status on a day (at its end): the "after" of the last change certainly made by then; when
 * the day lies inside an imprecise change's window (a month-only date), both possibilities.
 */
export function statusOn(track: StatusTrack, date: string): StatusAnswer {
  const changes = changesOf(track);
  const first = changes[0] ?? null;
  if (!first) return { kind: "unknown" };
  let last: TrackEntry | null = null;
  for (const c of changes) {
    if (c.window.from > date) break;
    if (date < c.window.to) {
      return { kind: "uncertain", before: c.statusBefore ?? last?.statusAfter ?? null, after: c.statusAfter, change: c };
    }
    last = c;
  }
  if (last) return { kind: "known", status: last.statusAfter, since: last, firstChange: first };
  return first.statusBefore ? { kind: "known", status: first.statusBefore, since: null, firstChange: first } : { kind: "unknown" };
}

export type TrackSegment = DateRange & {
  /** The status throughout the segment; for an uncertain one, the status after it. */
  status: string | null;
  /** An imprecise change: somewhere in here the status went from `before` to `status`. */
  uncertain: boolean;
  before: string | null;
};

/**
 * The track as consecutive segments from `start` to `end` (for drawing): the status before the first
 * change, then after each change, with each imprecise change's window as an "uncertain" segment.
 */
export function segmentsOf(track: StatusTrack, start: string, end: string): TrackSegment[] {
  const out: TrackSegment[] = [];
  const changes = changesOf(track);
  let cursor = start;
  let status = changes[0]?.statusBefore ?? null;
  const push = (to: string, segment: Omit<TrackSegment, "from" | "to">) => {
    if (to < cursor) return;
    out.push({ from: cursor, to, ...segment });
    cursor = addDays(to, 1);
  };
  for (const c of changes) {
    if (c.window.from > end) break;
    const from = c.window.from < cursor ? cursor : c.window.from;
    if (from > cursor) push(addDays(from, -1), { status, uncertain: false, before: null });
    if (c.window.to > c.window.from) {
      push(c.window.to > end ? end : c.window.to, { status: c.statusAfter, uncertain: true, before: c.statusBefore ?? status });
    }
    status = c.statusAfter;
  }
  if (cursor <= end) out.push({ from: cursor, to: end, status, uncertain: false, before: null });
  return out;
}
