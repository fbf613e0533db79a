import { AlarmClock, CalendarClock, Hourglass } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { RecordDate } from "@/components/records/record-date";
import { TermLabel } from "@/components/records/term-label";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { daysBetween } from "@/lib/dashboard/period";
import type { FollowUpList } from "@/lib/dashboard/types";
import { cn } from "@/lib/utils";

export type FollowUpKind = "overdue" | "soon" | "awaiting" | "open";

const ICONS = { overdue: AlarmClock, soon: CalendarClock, awaiting: Hourglass, open: CalendarClock } as const;

type Props = {
  kind: FollowUpKind;
  title: string;
  description?: string;
  empty: string;
  list: FollowUpList;
  today: string;
  /** Show whose action it is (the dashboard); "My work" leaves it out. */
  showOwner?: boolean;
  testId?: string;
  /** Under a section heading the card titles are one level down. */
  headingLevel?: "h2" | "h3";
};

/** A count with the first few actions behind it, each with its due date and owner, and a link to all. */
export function FollowUpCard({ kind, title, description, empty, list, today, showOwner = true, testId, headingLevel = "h2" }: Props) {
  const t = useTranslations("dashboard.followUps");
  const Icon = ICONS[kind];
  const headingId = `follow-ups-${kind}`;
  const more = list.countExact === false;
  const tone = kind === "overdue" && list.count > 0 ? "text-destructive" : kind === "soon" && list.count > 0 ? "text-warning" : "text-muted-foreground";
  return (
    <Card className="gap-3" data-testid={testId} role="region" aria-labelledby={headingId}>
      <CardHeader className="grid-cols-[1fr_auto]">
        <CardTitle as={headingLevel} id={headingId} className="flex items-center gap-2">
          <Icon aria-hidden className={cn("size-4 shrink-0", tone)} />
          {title}
        </CardTitle>
        <Link
          href={list.href}
          className={cn("col-start-2 row-span-2 row-start-1 rounded-sm text-2xl leading-none font-semibold tabular-nums hover:underline", tone)}
          aria-label={t(more ? "viewAllSrMore" : "viewAllSr", { count: list.count, list: title })}
        >
          {more ? t("countMore", { count: list.count }) : list.count}
        </Link>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="space-y-3">
        {list.rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="divide-y text-sm">
            {list.rows.map((r) => {
              const due = r.followUpDue;
              const days = due ? daysBetween(today, due) : null;
              return (
                <li key={r.id} className="space-y-0.5 py-2 first:pt-0 last:pb-0">
                  <Link href={`/actions/${r.id}`} className="font-medium break-words hover:underline">
                    {r.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
                    {kind === "open" && (
                      <>
                        <TermLabel term={r.status} badge />
                        <RecordDate date={r.date} precision={r.datePrecision} />
                      </>
                    )}
                    {kind === "open" && due && days != null && <span aria-hidden>·</span>}
                    {kind === "awaiting" ? (
                      <span>
                        {t.rich("sentOn", { date: () => <RecordDate date={r.date} precision={r.datePrecision} /> })}
                      </span>
                    ) : due && days != null ? (
                      <>
                        <span className={cn(days < 0 && "font-medium text-destructive", days >= 0 && days <= 3 && "font-medium text-warning")}>
                          {days < 0 ? t("overdueBy", { days: -days }) : t("dueIn", { days })}
                        </span>
                        <span aria-hidden>·</span>
                        <span>{t.rich("due", { date: () => <RecordDate date={due} /> })}</span>
                      </>
                    ) : null}
                    {r.confidentiality === "RESTRICTED" && <ConfidentialityBadge value={r.confidentiality} />}
                  </div>
                  {showOwner && (
                    <p className="text-xs text-muted-foreground">
                      {t("owner", { name: r.owner.name })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {list.count > list.rows.length && (
          <Link href={list.href} className="inline-block text-sm font-medium text-primary hover:underline">
            {t(more ? "viewAllMore" : "viewAll", { count: list.count })}
            <span className="sr-only">: {title}</span>
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
