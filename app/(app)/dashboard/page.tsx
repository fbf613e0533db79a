import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { CampaignsCard } from "@/components/dashboard/campaign-glance";
import { ActionsPerMonthChart, CounterpartsChart, OutcomesPerQuarterChart } from "@/components/dashboard/charts";
import { CopyButton } from "@/components/dashboard/copy-button";
import { FollowUpCard } from "@/components/dashboard/follow-ups";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { StatCard } from "@/components/dashboard/stat-card";
import { TypeTable } from "@/components/dashboard/type-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { getDashboard, getDashboardCounterparts } from "@/lib/dashboard/queries";
import type { Actor } from "@/lib/permissions";
import { ACTION_GROUPS } from "@/lib/dashboard/types";
import { FOLLOW_UP_SOON_DAYS } from "@/lib/actions/schemas";
import { flattenSearchParams } from "@/lib/list-params";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const params = flattenSearchParams(await searchParams);
  const data = await getDashboard({ actor, params });
  const { period, groups } = data;
  const day = (iso: string) => format.dateTime(utc(iso), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  const reportLine = t("report.line", {
    meetings: groups.meeting.count,
    visits: groups.visit.count,
    // A custom period that is exactly one calendar year reads like last year's: "in 2024".
    when: period.preset === "custom" && period.from.endsWith("-01-01") && period.to === `${period.from.slice(0, 4)}-12-31` ? "lastYear" : period.preset,
    year: period.from.slice(0, 4),
    from: day(period.from),
    to: day(period.to),
  });
  const reportMore = t("report.more", { submissions: groups.submission.count, appeals: groups.appeal.count, outcomes: data.outcomes.count });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="outline">
            <Link href="/my-work">{t("myWorkLink")}</Link>
          </Button>
        }
      />
      <PeriodPicker period={period} />

      <div className="space-y-6">
        <section aria-labelledby="report-heading" className="rounded-lg border border-indigo-200 bg-info-muted px-4 py-3" data-testid="report-line">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1">
              <h2 id="report-heading" className="text-xs font-semibold tracking-wide text-info uppercase">
                {t("report.title")}
              </h2>
              <p className="text-base font-medium text-foreground">{reportLine}</p>
              <p className="text-sm text-muted-foreground">{reportMore}</p>
            </div>
            <CopyButton text={`${reportLine} ${reportMore}`} />
          </div>
        </section>

        <section aria-labelledby="stats-heading">
          <h2 id="stats-heading" className="sr-only">
            {t("stats.title")}
          </h2>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
            <StatCard label={t("stats.actions")} value={data.actions} testId="stat-actions" />
            {ACTION_GROUPS.map((g) => (
              <StatCard key={g} label={t(`stats.${g}`)} value={groups[g]} testId={`stat-${g}`} />
            ))}
            <StatCard label={t("stats.outcomes")} value={data.outcomes} testId="stat-outcomes" />
          </div>
        </section>

        <ActionsPerMonthChart data={data.actionsPerMonth} />

        <section aria-labelledby="attention-heading" className="space-y-3">
          <h2 id="attention-heading" className="text-lg font-semibold">
            {t("followUps.title")}
          </h2>
          <div className="grid gap-4 lg:grid-cols-3">
            <FollowUpCard
              kind="overdue"
              testId="overdue"
              title={t("followUps.overdue")}
              description={t("followUps.overdueDescription")}
              empty={t("followUps.empty.overdue")}
              list={data.followUps.overdue}
              today={data.today}
              headingLevel="h3"
            />
            <FollowUpCard
              kind="soon"
              testId="due-soon"
              title={t("followUps.soon", { days: FOLLOW_UP_SOON_DAYS })}
              description={t("followUps.soonDescription")}
              empty={t("followUps.empty.soon", { days: FOLLOW_UP_SOON_DAYS })}
              list={data.followUps.soon}
              today={data.today}
              headingLevel="h3"
            />
            <FollowUpCard
              kind="awaiting"
              testId="awaiting"
              title={t("followUps.awaiting", { days: data.followUps.awaiting.days })}
              description={t("followUps.awaitingDescription", { days: data.followUps.awaiting.days })}
              empty={t("followUps.empty.awaiting")}
              list={data.followUps.awaiting}
              today={data.today}
              headingLevel="h3"
            />
          </div>
        </section>

        <CampaignsCard campaigns={data.campaigns} />

        <div className="grid gap-6 lg:grid-cols-2">
          <OutcomesPerQuarterChart data={data.outcomesPerQuarter} />
          <Suspense key={JSON.stringify(params)} fallback={<CounterpartsLoading />}>
            <Counterparts actor={actor} params={params} />
          </Suspense>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <TypeTable title={t("byType.actionsTitle")} rows={data.actionsByType} testId="actions-by-type" />
          <TypeTable title={t("byType.outcomesTitle")} rows={data.outcomesByType} testId="outcomes-by-type" />
        </div>
      </div>
    </>
  );
}

/** Streamed in after the rest of the page: the slowest part of the dashboard on large databases. */
async function Counterparts({ actor, params }: { actor: Actor; params: Record<string, string | undefined> }) {
  return <CounterpartsChart data={await getDashboardCounterparts({ actor, params })} />;
}

async function CounterpartsLoading() {
  const [t, tc] = await Promise.all([getTranslations("dashboard.charts.counterparts"), getTranslations("common.buttons")]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        <Spinner label={tc("loading")} />
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-5" style={{ width: `${90 - i * 12}%` }} />
        ))}
      </CardContent>
    </Card>
  );
}
