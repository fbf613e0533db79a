"use client";

import { BarChart3, Table2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Counted } from "@/lib/dashboard/types";
import { cn } from "@/lib/utils";

export type ChartRow = {
  key: string;
  /** Short label on the axis ("Mar"), long label in the table and tooltip ("March 2026"). */
  label: string;
  longLabel: string;
  total: Counted;
  /** Stacked charts: one count per series key. */
  segments?: Record<string, Counted>;
};

export type ChartSeriesDef = { key: string; label: string; color: string };

type Props = {
  title: string;
  description?: string;
  /** One sentence for screen readers: what the chart shows and its largest value. */
  summary: string;
  rows: ChartRow[];
  /** Stacked series; without it each bar is the row's total. */
  series?: ChartSeriesDef[];
  totalLabel: string;
  caption: string;
  firstColumn: string;
  layout?: "columns" | "bars";
  height?: number;
  empty?: string;
  testId?: string;
};

const SINGLE = "__total";
const PRIMARY = "#4f46e5";

/**
 * A bar chart whose every bar (or segment) opens the list behind it, with the same numbers as a
 * table: read by screen readers while the chart shows, and shown instead of the chart on request
 * (then its links are in the tab order, since the chart's bars are not reachable by keyboard).
 */
export function BarChartCard({
  title,
  description,
  summary,
  rows,
  series,
  totalLabel,
  caption,
  firstColumn,
  layout = "columns",
  height = 260,
  empty,
  testId,
}: Props) {
  const t = useTranslations("dashboard.charts");
  const router = useRouter();
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const headingId = useId();
  const stacked = !!series?.length;
  const defs: ChartSeriesDef[] = stacked ? series! : [{ key: SINGLE, label: totalLabel, color: PRIMARY }];
  const isEmpty = rows.every((r) => r.total.count === 0);

  const data = rows.map((r) => ({
    key: r.key,
    label: r.label,
    longLabel: r.longLabel,
    ...Object.fromEntries(defs.map((s) => [s.key, (s.key === SINGLE ? r.total : r.segments?.[s.key])?.count ?? 0])),
  }));
  const hrefOf = (rowKey: string, seriesKey: string) => {
    const row = rows.find((r) => r.key === rowKey);
    return seriesKey === SINGLE ? row?.total.href : row?.segments?.[seriesKey]?.href;
  };
  const vertical = layout === "bars";

  return (
    <Card data-testid={testId} aria-labelledby={headingId} role="region">
      <CardHeader className="grid-cols-[1fr_auto]">
        <CardTitle id={headingId}>{title}</CardTitle>
        {!isEmpty && (
          <Button
            variant="ghost"
            size="sm"
            className="col-start-2 row-span-2 row-start-1 self-start"
            aria-controls={tableId}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? <BarChart3 aria-hidden /> : <Table2 aria-hidden />}
            {asTable ? t("showChart") : t("showTable")}
          </Button>
        )}
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>
        {isEmpty ? (
          <p className="py-8 text-center text-sm text-muted-foreground">{empty ?? t("empty")}</p>
        ) : (
          <>
            {!asTable && (
              <figure className="m-0">
                <div role="img" aria-label={summary} className="w-full" style={{ height: vertical ? Math.max(120, rows.length * 30 + 40) : height }}>
                  <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
                    <BarChart
                      data={data}
                      layout={vertical ? "vertical" : "horizontal"}
                      accessibilityLayer={false}
                      margin={{ top: 4, right: 8, bottom: 0, left: vertical ? 0 : -16 }}
                      barCategoryGap={vertical ? 6 : "18%"}
                    >
                      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={vertical} horizontal={!vertical} />
                      {vertical ? (
                        <>
                          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} stroke="#94a3b8" />
                          <YAxis type="category" dataKey="label" width={136} tick={<CategoryTick />} stroke="#94a3b8" interval={0} />
                        </>
                      ) : (
                        <>
                          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} stroke="#94a3b8" interval="preserveStartEnd" minTickGap={4} />
                          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} stroke="#94a3b8" width={48} />
                        </>
                      )}
                      <Tooltip
                        cursor={{ fill: "rgba(79, 70, 229, 0.06)" }}
                        labelFormatter={(_, payload) => payload?.[0]?.payload?.longLabel ?? ""}
                        contentStyle={{ borderRadius: 6, borderColor: "#e2e8f0", fontSize: 13 }}
                      />
                      {stacked && <Legend iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />}
                      {defs.map((s) => (
                        <Bar
                          key={s.key}
                          dataKey={s.key}
                          name={s.label}
                          stackId={stacked ? "stack" : undefined}
                          fill={s.color}
                          stroke="#ffffff"
                          strokeWidth={stacked ? 1 : 0}
                          maxBarSize={vertical ? 22 : 48}
                          isAnimationActive={false}
                          style={{ cursor: "pointer" }}
                          onClick={(item) => {
                            const href = hrefOf(String(item.payload?.key), s.key);
                            if (href) router.push(href);
                          }}
                        />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <figcaption className="mt-2 text-xs text-muted-foreground" aria-hidden>
                  {t("clickHint")}
                </figcaption>
              </figure>
            )}
            <div id={tableId} className={cn(!asTable && "sr-only")}>
              <DataTableAlt caption={caption} firstColumn={firstColumn} rows={rows} defs={defs} stacked={stacked} totalLabel={totalLabel} focusable={asTable} />
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** One line per label (the default tick wraps long names onto the next bar). */
function CategoryTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: string } }) {
  return (
    <text x={Number(x ?? 0) - 4} y={Number(y ?? 0)} dy={4} textAnchor="end" fontSize={12} fill="#0f172a">
      {payload?.value ?? ""}
    </text>
  );
}

function DataTableAlt({
  caption,
  firstColumn,
  rows,
  defs,
  stacked,
  totalLabel,
  focusable,
}: {
  caption: string;
  firstColumn: string;
  rows: ChartRow[];
  defs: ChartSeriesDef[];
  stacked: boolean;
  totalLabel: string;
  focusable: boolean;
}) {
  const cell = (c: Counted | undefined, label: string) =>
    c && c.count > 0 ? (
      <Link href={c.href} tabIndex={focusable ? undefined : -1} className="font-medium text-primary tabular-nums hover:underline" aria-label={`${label}: ${c.count}`}>
        {c.count}
      </Link>
    ) : (
      <span className="text-muted-foreground tabular-nums">0</span>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-left text-xs text-muted-foreground">
            <th scope="col" className="py-2 pr-3 font-medium">
              {firstColumn}
            </th>
            {stacked &&
              defs.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-2 text-right font-medium">
                  {s.label}
                </th>
              ))}
            <th scope="col" className="py-2 pl-2 text-right font-medium">
              {totalLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b last:border-0">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal whitespace-nowrap">
                {r.longLabel}
              </th>
              {stacked &&
                defs.map((s) => (
                  <td key={s.key} className="px-2 py-1.5 text-right">
                    {cell(r.segments?.[s.key], `${r.longLabel}, ${s.label}`)}
                  </td>
                ))}
              <td className="py-1.5 pl-2 text-right">{cell(r.total, `${r.longLabel}, ${totalLabel}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
