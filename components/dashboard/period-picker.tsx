import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PERIOD_PRESETS, type Period } from "@/lib/dashboard/period";
import { cn } from "@/lib/utils";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "1 Jan – 22 Nov 2026" */
export function useRange() {
  const format = useFormatter();
  return (from: string, to: string) =>
    format.dateTimeRange(utc(from), utc(to), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * The period as links (one per preset) and a custom from–to form: plain GET requests, so the choice
 * lives in the URL, works without JavaScript and can be bookmarked or shared.
 */
export function PeriodPicker({ period, path = "/dashboard" }: { period: Period; path?: string }) {
  const t = useTranslations("dashboard.period");
  const range = useRange();
  return (
    <section aria-labelledby="period-heading" className="mb-6 space-y-3 rounded-lg border bg-card p-4 shadow-xs">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div className="space-y-2">
          <h2 id="period-heading" className="text-sm font-medium">
            {t("label")}
          </h2>
          <ul className="flex flex-wrap gap-1.5">
            {PERIOD_PRESETS.filter((p) => p !== "custom").map((p) => {
              const current = period.preset === p;
              return (
                <li key={p}>
                  <Link
                    href={`${path}?period=${p}`}
                    aria-current={current ? "true" : undefined}
                    className={cn(
                      "inline-flex h-8 items-center rounded-md border px-3 text-[13px] font-medium transition-colors",
                      current ? "border-primary bg-primary text-primary-foreground" : "border-slate-300 bg-background hover:bg-accent",
                    )}
                  >
                    {t(`presets.${p}`)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
        <form action={path} method="get" className="flex flex-wrap items-end gap-2" aria-label={t("custom")}>
          <input type="hidden" name="period" value="custom" />
          <div className="grid gap-1.5">
            <label htmlFor="period-from" className="text-sm font-medium">
              {t("from")}
            </label>
            <Input id="period-from" name="from" type="date" required defaultValue={period.preset === "custom" ? period.from : ""} className="h-8 w-40" />
          </div>
          <div className="grid gap-1.5">
            <label htmlFor="period-to" className="text-sm font-medium">
              {t("to")}
            </label>
            <Input id="period-to" name="to" type="date" required defaultValue={period.preset === "custom" ? period.to : ""} className="h-8 w-40" />
          </div>
          <Button type="submit" size="sm" variant={period.preset === "custom" ? "default" : "outline"}>
            {t("apply")}
          </Button>
        </form>
      </div>
      <p className="text-sm text-muted-foreground" data-testid="period-range">
        <span className="font-medium text-foreground">
          {t("showing", { range: range(period.from, period.to) })}
          {period.toDate && period.preset !== "custom" ? ` (${t("soFar")})` : ""}
        </span>
        , {t("comparedWith", { range: range(period.previous.from, period.previous.to) })}
      </p>
    </section>
  );
}
