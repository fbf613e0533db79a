// The dashboard's period (this month, quarter, year, last year or custom dates), the same period a
// year before, and the buckets of its charts. Pure date arithmetic on "YYYY-MM-DD" strings (UTC), so
// server, browser and tests agree. Safe to import from client components.
import { z } from "zod";
import { filterDate } from "@/lib/list-params";

export const PERIOD_PRESETS = ["month", "quarter", "year", "lastYear", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The dashboard's URL state: ?period=quarter, or ?period=custom&from=2024-01-01&to=2024-12-31. */
export const ZDashboardParams = z.object({
  period: z.enum(PERIOD_PRESETS).catch("year").default("year"),
  from: filterDate(),
  to: filterDate(),
});
export type TDashboardParams = z.output<typeof ZDashboardParams>;

export type DateRange = { from: string; to: string };

export type Period = DateRange & {
  preset: PeriodPreset;
  /** The same days a year before (29 February becomes 28 February). */
  previous: DateRange;
  /** The period ends today: "so far". */
  toDate: boolean;
};

// ---------------------------------------------------------------------------------------------------
// Calendar helpers

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (date: string) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))] as const;

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date n days later (or earlier, for negative n). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The same day n months later; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

export const addYears = (date: string, n: number) => addMonths(date, 12 * n);

export const startOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
export const endOfMonth = (date: string) => {
  const [y, m] = parts(date);
  return iso(y, m, daysInMonth(y, m));
};
export const quarterOf = (date: string) => Math.floor((parts(date)[1] - 1) / 3) + 1;
export const startOfQuarter = (date: string) => iso(parts(date)[0], (quarterOf(date) - 1) * 3 + 1, 1);
export const endOfQuarter = (date: string) => endOfMonth(addMonths(startOfQuarter(date), 2));
export const startOfYear = (date: string) => `${date.slice(0, 4)}-01-01`;
export const endOfYear = (date: string) => `${date.slice(0, 4)}-12-31`;

/** Whole months from the month of `from` to the month of `to`, both included. */
export const monthSpan = (from: string, to: string) => {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return (ty - fy) * 12 + (tm - fm) + 1;
};

// ---------------------------------------------------------------------------------------------------
// The period

/** The period the URL asks for, relative to `today`. Invalid or missing custom dates fall back sensibly. */
export function resolvePeriod(params: Partial<TDashboardParams>, today: string): Period {
  const preset = params.period ?? "year";
  let range: DateRange;
  let toDate = true;
  switch (preset) {
    case "month":
      range = { from: startOfMonth(today), to: today };
      break;
    case "quarter":
      range = { from: startOfQuarter(today), to: today };
      break;
    case "lastYear": {
      const lastYear = addYears(today, -1);
      range = { from: startOfYear(lastYear), to: endOfYear(lastYear) };
      toDate = false;
      break;
    }
    case "custom": {
      let from = params.from;
      let to = params.to;
      if (!from && !to) return resolvePeriod({ period: "year" }, today);
      to ??= today;
      from ??= startOfYear(to);
      if (from > to) [from, to] = [to, from];
      range = { from, to };
      toDate = to === today;
      break;
    }
    default:
      range = { from: startOfYear(today), to: today };
  }
  return { preset, ...range, previous: { from: addYears(range.from, -1), to: addYears(range.to, -1) }, toDate };
}

// ---------------------------------------------------------------------------------------------------
// Chart buckets

export type BucketUnit = "month" | "quarter" | "year";
export type Bucket = DateRange & { key: string; unit: BucketUnit };

const startOf = (unit: BucketUnit, date: string) =>
  unit === "month" ? startOfMonth(date) : unit === "quarter" ? startOfQuarter(date) : startOfYear(date);
const endOf = (unit: BucketUnit, date: string) =>
  unit === "month" ? endOfMonth(date) : unit === "quarter" ? endOfQuarter(date) : endOfYear(date);
const step = (unit: BucketUnit) => (unit === "month" ? 1 : unit === "quarter" ? 3 : 12);
const keyOf = (unit: BucketUnit, date: string) =>
  unit === "month" ? date.slice(0, 7) : unit === "quarter" ? `${date.slice(0, 4)}-Q${quarterOf(date)}` : date.slice(0, 4);

/** Consecutive buckets covering [from, to]; the first and last are cut to the range. */
export function bucketsOf(range: DateRange, unit: BucketUnit): Bucket[] {
  const out: Bucket[] = [];
  for (let start = startOf(unit, range.from); start <= range.to; start = addMonths(start, step(unit))) {
    out.push({
      key: keyOf(unit, start),
      unit,
      from: start < range.from ? range.from : start,
      to: endOf(unit, start) > range.to ? range.to : endOf(unit, start),
    });
  }
  return out;
}

export type ChartWindow = DateRange & { unit: BucketUnit; buckets: Bucket[] };

/**
 * What a chart of the period shows: the period itself when it is long enough, else the `min` units
 * ending with it (a month alone says little; the eleven before it give it context). Very long
 * periods switch to coarser buckets so that a chart never has more than `max` bars.
 */
export function chartWindow(period: DateRange, unit: "month" | "quarter", { min, max }: { min: number; max: number }): ChartWindow {
  const months = step(unit);
  const spanUnits = Math.ceil(monthSpan(period.from, period.to) / months);
  let from = period.from;
  let chosen: BucketUnit = unit;
  if (spanUnits < min) from = addMonths(startOf(unit, period.to), -(min - 1) * months);
  else if (spanUnits > max) chosen = unit === "month" && spanUnits <= max * 3 ? "quarter" : "year";
  const range = { from, to: period.to };
  return { ...range, unit: chosen, buckets: bucketsOf(range, chosen) };
}

/** The bucket a date falls in (by key), for counting rows grouped by day. */
export const bucketKeyOf = (unit: BucketUnit, date: string) => keyOf(unit, date);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
