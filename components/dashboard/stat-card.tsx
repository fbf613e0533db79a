import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { Compared } from "@/lib/dashboard/types";
import { cn } from "@/lib/utils";

/** A number for the period, linking to its list, with the same period a year before beside it. */
export function StatCard({ label, value, testId }: { label: string; value: Compared; testId?: string }) {
  const t = useTranslations("dashboard.stats");
  const format = useFormatter();
  const { count, previous } = value;
  const direction = count > previous.count ? "up" : count < previous.count ? "down" : "same";
  const percent = previous.count > 0 ? format.number(Math.abs(count - previous.count) / previous.count, { style: "percent", maximumFractionDigits: 0 }) : null;
  const Icon = direction === "up" ? ArrowUpRight : direction === "down" ? ArrowDownRight : ArrowRight;
  return (
    <div className="flex flex-col gap-1 rounded-lg border bg-card px-4 py-3 shadow-xs" data-testid={testId}>
      <span className="text-sm font-medium text-muted-foreground">{label}</span>
      <Link
        href={value.href}
        className="w-fit rounded-sm text-3xl leading-tight font-semibold tracking-tight tabular-nums hover:text-primary hover:underline"
        aria-label={t("openList", { label, count })}
      >
        {format.number(count)}
      </Link>
      <span className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground">
        <Link href={previous.href} className="hover:text-foreground hover:underline">
          {previous.count === 0 ? t("new") : t("previous", { count: previous.count })}
        </Link>
        {previous.count > 0 && (
          <span className={cn("inline-flex items-center gap-0.5", direction === "up" && "text-success", direction === "down" && "text-warning")}>
            <Icon aria-hidden className="size-3.5" />
            {t("change", { direction, percent: percent ?? "" })}
          </span>
        )}
      </span>
    </div>
  );
}
