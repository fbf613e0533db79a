import { CircleCheck, ListChecks, Target } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { FollowUpCard } from "@/components/dashboard/follow-ups";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { FOLLOW_UP_SOON_DAYS } from "@/lib/actions/schemas";
import { getMyWork } from "@/lib/dashboard/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.myWork"))("title") };
}

export default async function MyWorkPage() {
  const actor = await requirePageActor();
  const [t, tf, format] = await Promise.all([getTranslations("dashboard.myWork"), getTranslations("dashboard.followUps"), getFormatter()]);
  const work = await getMyWork({ actor });
  const now = new Date();
  const allClear = work.overdue.count === 0 && work.soon.count === 0;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(actor, "record.create") && (
              <Button asChild>
                <Link href="/actions/new">{t("newAction")}</Link>
              </Button>
            )}
            <Button asChild variant="outline">
              <Link href="/dashboard">{t("dashboardLink")}</Link>
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        {allClear && (
          <p className="flex items-center gap-2 rounded-lg border border-green-200 bg-success-muted px-4 py-3 text-sm text-success" role="status">
            <CircleCheck aria-hidden className="size-4 shrink-0" />
            {t("allClear", { days: FOLLOW_UP_SOON_DAYS })}
          </p>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <FollowUpCard
            kind="overdue"
            testId="my-overdue"
            title={t("overdue")}
            description={tf("overdueDescription")}
            empty={tf("empty.overdue")}
            list={work.overdue}
            today={work.today}
            showOwner={false}
          />
          <FollowUpCard
            kind="soon"
            testId="my-due-soon"
            title={t("soon", { days: FOLLOW_UP_SOON_DAYS })}
            description={tf("soonDescription")}
            empty={tf("empty.soon", { days: FOLLOW_UP_SOON_DAYS })}
            list={work.soon}
            today={work.today}
            showOwner={false}
          />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <FollowUpCard kind="open" testId="my-open" title={t("open")} empty={t("openEmpty")} list={work.open} today={work.today} showOwner={false} />
          <FollowUpCard
            kind="awaiting"
            testId="my-awaiting"
            title={t("awaiting")}
            empty={t("awaitingEmpty")}
            list={work.awaiting}
            today={work.today}
            showOwner={false}
          />
        </div>
        <Card role="region" aria-labelledby="recent-heading" data-testid="my-recent">
          <CardHeader className="grid-cols-[1fr_auto]">
            <CardTitle id="recent-heading">{t("recent")}</CardTitle>
            <Link href={work.allMineHref} className="col-start-2 row-start-1 text-sm font-medium text-primary hover:underline">
              {t("allMineLink")}
            </Link>
          </CardHeader>
          <CardContent>
            {work.recent.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("recentEmpty")}</p>
            ) : (
              <ul className="divide-y text-sm">
                {work.recent.map((r) => {
                  const Icon = r.kind === "action" ? ListChecks : Target;
                  const when = format.relativeTime(new Date(r.updatedAt), now);
                  return (
                    <li key={`${r.kind}-${r.id}`} className="flex gap-3 py-2 first:pt-0 last:pb-0">
                      <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                      <div className="min-w-0 space-y-0.5">
                        <Link href={`/${r.kind === "action" ? "actions" : "outcomes"}/${r.id}`} className="font-medium break-words hover:underline">
                          {r.title}
                        </Link>
                        <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                          <span>{r.kind === "action" ? t("action") : t("outcome")}</span>
                          <span aria-hidden>·</span>
                          <TermLabel term={r.type} />
                          <span aria-hidden>·</span>
                          <time dateTime={r.updatedAt}>{r.created ? t("created", { when }) : t("updated", { when })}</time>
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
