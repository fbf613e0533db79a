"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { OrgRef } from "@/lib/actions/dto";
import type { Bucket } from "@/lib/dashboard/period";
import type { ChartSeries, Counted } from "@/lib/dashboard/types";
import { termLabel } from "@/lib/vocabularies/vocabularies";
import { BarChartCard, type ChartRow } from "./bar-chart-card";

// One colour per kind of action, each at least 3:1 against white (WCAG 1.4.11), told apart in the
// legend and, for anyone who cannot tell colours apart, in the table alternative.
const CATEGORY_COLORS: Record<string, string> = {
  meeting: "#4f46e5",
  visit: "#0d9488",
  submission: "#b45309",
  appeal: "#be123c",
  statement: "#0369a1",
  other: "#64748b",
};
const FALLBACK_COLORS = ["#7c3aed", "#15803d", "#c2410c", "#475569"];

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function useLabels() {
  const t = useTranslations("dashboard.charts");
  const format = useFormatter();
  const day = (iso: string) => format.dateTime(utc(iso), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  /** `multiYear`: the axis spans more than one year, so month labels carry theirs ("Jan 23"). */
  const bucket = (b: Pick<Bucket, "key" | "from" | "unit">, multiYear = false) => {
    if (b.unit === "month")
      return {
        label: format.dateTime(utc(b.from), { month: "short", ...(multiYear ? { year: "2-digit" } : {}), timeZone: "UTC" }),
        longLabel: format.dateTime(utc(b.from), { month: "long", year: "numeric", timeZone: "UTC" }),
      };
    if (b.unit === "quarter") {
      const label = t("quarter", { quarter: Number(b.key.slice(-1)), year: b.key.slice(0, 4) });
      return { label, longLabel: label };
    }
    return { label: b.key, longLabel: b.key };
  };
  return { day, bucket };
}

const peakOf = (rows: ChartRow[]) => rows.reduce((best, r) => (r.total.count > best.total.count ? r : best), rows[0]!);

/** Actions per month (or quarter, year for long periods), stacked by kind of action. */
export function ActionsPerMonthChart({ data }: { data: ChartSeries }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const { day, bucket } = useLabels();
  const multiYear = (data.buckets[0]?.from ?? "").slice(0, 4) !== (data.buckets.at(-1)?.from ?? "").slice(0, 4);
  const rows: ChartRow[] = data.buckets.map((b) => ({ key: b.key, ...bucket({ ...b, unit: data.unit }, multiYear), total: b.total, segments: b.segments }));
  let fallback = 0;
  const series = data.series.map((s) => ({
    key: s.key,
    label: s.type ? termLabel(s.type, locale) : t.has(`categories.${s.category}` as "categories.other") ? t(`categories.${s.category}` as "categories.other") : s.category!,
    color: (s.category && CATEGORY_COLORS[s.category]) || FALLBACK_COLORS[fallback++ % FALLBACK_COLORS.length]!,
  }));
  const from = day(data.buckets[0]?.from ?? "");
  const to = day(data.buckets.at(-1)?.to ?? "");
  const total = rows.reduce((n, r) => n + r.total.count, 0);
  const peak = rows.length ? peakOf(rows) : null;
  return (
    <BarChartCard
      testId="chart-actions"
      title={t(data.unit === "month" ? "charts.actionsPerMonth.title" : data.unit === "quarter" ? "charts.actionsPerMonth.titleQuarter" : "charts.actionsPerMonth.titleYear")}
      description={t("charts.actionsPerMonth.description", { from, to })}
      summary={
        total && peak
          ? t("charts.actionsPerMonth.summary", { from, to, total, peak: peak.longLabel, peakCount: peak.total.count })
          : t("charts.actionsPerMonth.summaryEmpty", { from, to })
      }
      rows={rows}
      series={series}
      totalLabel={t("charts.total")}
      caption={t("charts.actionsPerMonth.caption", { unit: data.unit })}
      firstColumn={t("charts.actionsPerMonth.period")}
      height={280}
    />
  );
}

/** Outcomes per quarter (per year for long periods). */
export function OutcomesPerQuarterChart({ data }: { data: ChartSeries }) {
  const t = useTranslations("dashboard.charts");
  const { day, bucket } = useLabels();
  const rows: ChartRow[] = data.buckets.map((b) => ({ key: b.key, ...bucket({ ...b, unit: data.unit }), total: b.total }));
  const from = day(data.buckets[0]?.from ?? "");
  const to = day(data.buckets.at(-1)?.to ?? "");
  const total = rows.reduce((n, r) => n + r.total.count, 0);
  const peak = rows.length ? peakOf(rows) : null;
  return (
    <BarChartCard
      testId="chart-outcomes"
      title={t(data.unit === "quarter" ? "outcomesPerQuarter.title" : "outcomesPerQuarter.titleYear")}
      description={t("outcomesPerQuarter.description", { from, to })}
      summary={
        total && peak
          ? t("outcomesPerQuarter.summary", { from, to, total, peak: peak.longLabel, peakCount: peak.total.count })
          : t("outcomesPerQuarter.summaryEmpty", { from, to })
      }
      rows={rows}
      totalLabel={t("outcomesPerQuarter.count")}
      caption={t("outcomesPerQuarter.caption", { unit: data.unit })}
      firstColumn={t("outcomesPerQuarter.period")}
    />
  );
}

/** The bodies the office dealt with most in the period. */
export function CounterpartsChart({ data }: { data: (Counted & { org: OrgRef })[] }) {
  const t = useTranslations("dashboard.charts.counterparts");
  const short = (o: OrgRef) => o.acronym ?? (o.name.length > 16 ? `${o.name.slice(0, 15).trimEnd()}…` : o.name);
  const rows: ChartRow[] = data.map((c) => ({
    key: c.org.id,
    label: short(c.org),
    longLabel: c.org.acronym ? `${c.org.acronym} – ${c.org.name}` : c.org.name,
    total: { count: c.count, href: c.href },
  }));
  return (
    <BarChartCard
      testId="chart-counterparts"
      title={t("title")}
      description={t("description")}
      summary={t("summary", { list: rows.map((r) => `${r.longLabel}: ${r.total.count}`).join("; ") })}
      rows={rows}
      totalLabel={t("count")}
      caption={t("caption")}
      firstColumn={t("body")}
      layout="bars"
      empty={t("empty")}
    />
  );
}
