import { CommentThread } from "@/components/comments/comment-thread";
import { listComments, listMentionableUsers } from "@/lib/comments/queries";
import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { PriorityBadge } from "@/components/campaigns/campaigns-table";
import { CampaignTimeline } from "@/components/campaigns/campaign-timeline";
import { SubGoalProgress } from "@/components/dashboard/campaign-glance";
import { TimelineFilters } from "@/components/dashboard/timeline-filters";
import { PdfDownloadButton } from "@/components/exports/pdf-download-button";
import { RecordHistory } from "@/components/history/record-history";
import { DetailList } from "@/components/records/detail-list";
import { RecordDate } from "@/components/records/record-date";
import { SavedNotice } from "@/components/records/saved-notice";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { getCampaign } from "@/lib/campaigns/queries";
import { filterTimeline, isFiltered, timelineTypes, ZTimelineFilter } from "@/lib/dashboard/timeline";
import { flattenSearchParams } from "@/lib/list-params";
import { termLabel } from "@/lib/vocabularies/vocabularies";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { campaignTitle, orgLabel, orgShort } from "@/lib/names";
import { orNotFound } from "@/lib/not-found";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => {
  const actor = await requirePageActor();
  return { actor, campaign: await orNotFound(getCampaign({ actor, id })) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await load((await params).id);
  return { title: campaignTitle(campaign, await getLocale()) };
}

const ACHIEVED = "ACHIEVED";

export default async function CampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = flattenSearchParams(await searchParams);
  const saved = sp.saved;
  const { actor, campaign } = await load(id);
  const locale = await getLocale();
  const timelineFilter = ZTimelineFilter.parse(sp);
  const shownTimeline = filterTimeline(campaign.timeline, timelineFilter);
  const typeOptions = timelineTypes(campaign.timeline).map((o) => ({ kind: o.kind, value: o.value, label: termLabel(o.type, locale) }));
  const [t, tc] = await Promise.all([getTranslations("campaigns"), getTranslations("common")]);
  const history = await getRecordHistory({ actor, entity: "Campaign", entityId: campaign.id });

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={campaignTitle(campaign, locale)}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/campaigns" },
              ...(campaign.parent ? [{ label: campaignTitle(campaign.parent, locale), href: `/campaigns/${campaign.parent.id}` }] : []),
              { label: campaignTitle(campaign, locale) },
            ]}
          />
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TermLabel term={campaign.status} badge />
            <PriorityBadge priority={campaign.priority} label={t("priorityLabel", { priority: t(`priority.${campaign.priority}`) })} />
            {campaign.parent && (
              <span>
                {t("subGoalOf")}{" "}
                <Link href={`/campaigns/${campaign.parent.id}`} className="underline-offset-4 hover:underline">
                  {campaignTitle(campaign.parent, locale)}
                </Link>
              </span>
            )}
          </span>
        }
        actions={
          campaign.canEdit || can(actor, "export.run") ? (
            <>
              {can(actor, "export.run") && <PdfDownloadButton kind="campaigns" id={campaign.id} />}
              {campaign.canEdit && (
                <Button asChild variant="outline">
                  <Link href={`/campaigns/${campaign.id}/edit`}>{t("edit")}</Link>
                </Button>
              )}
            </>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              items={[
                { label: t("fields.goal"), value: campaign.goal ? <span className="whitespace-pre-line">{campaign.goal}</span> : null },
                // the title in the language the heading does not show
                locale === "uk"
                  ? { label: t("fields.titleEn"), value: campaign.titleUk ? <span lang="en">{campaign.title}</span> : null, hideEmpty: true }
                  : { label: t("fields.titleUk"), value: campaign.titleUk ? <span lang="uk">{campaign.titleUk}</span> : null, hideEmpty: true },
                { label: t("fields.status"), value: <TermLabel term={campaign.status} /> },
                { label: t("fields.priority"), value: t(`priority.${campaign.priority}`) },
                { label: t("fields.owner"), value: campaign.owner?.name ?? null },
                {
                  label: t("fields.targetOrg"),
                  value: campaign.targetOrg ? (
                    <Link href={`/organizations/${campaign.targetOrg.id}`} className="hover:underline">
                      {orgLabel(campaign.targetOrg, locale)}
                    </Link>
                  ) : null,
                },
                {
                  label: t("fields.parent"),
                  value: campaign.parent ? (
                    <Link href={`/campaigns/${campaign.parent.id}`} className="hover:underline">
                      {campaignTitle(campaign.parent, locale)}
                    </Link>
                  ) : null,
                  hideEmpty: true,
                },
                { label: t("fields.startDate"), value: campaign.startDate ? <RecordDate date={campaign.startDate} /> : null },
                { label: t("fields.endDate"), value: campaign.endDate ? <RecordDate date={campaign.endDate} /> : null },
              ]}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle>{t("subGoals.title")}</CardTitle>
            {campaign.canEdit && (
              <Button asChild variant="outline" size="sm">
                <Link href={`/campaigns/new?parent=${campaign.id}`}>{t("subGoals.add")}</Link>
              </Button>
            )}
          </CardHeader>
          <CardContent className="space-y-4">
            {campaign.children.length > 0 && (
              <SubGoalProgress
                subGoals={campaign.children.map((c) => ({
                  id: c.id,
                  title: campaignTitle(c, locale),
                  label: c.targetOrg ? orgShort(c.targetOrg, locale) : campaignTitle(c, locale),
                  status: c.status,
                  achieved: c.status.code === ACHIEVED,
                }))}
              />
            )}
            {campaign.children.length ? (
              <ul className="divide-y" data-testid="sub-goals">
                {campaign.children.map((child) => (
                  <li key={child.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2.5 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <Link href={`/campaigns/${child.id}`} className="font-medium break-words hover:underline">
                        {campaignTitle(child, locale)}
                      </Link>
                      {child.targetOrg && (
                        <div className="text-xs text-muted-foreground">{orgShort(child.targetOrg, locale)}</div>
                      )}
                    </div>
                    <span className="flex shrink-0 items-center gap-1">
                      {child.status.code === ACHIEVED && <CircleCheck aria-hidden className="size-4 text-success" />}
                      <TermLabel term={child.status} badge />
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t("subGoals.empty")}</p>
            )}
          </CardContent>
        </Card>

        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle id="campaign-timeline">{t("timeline.title")}</CardTitle>
            <CardDescription>
              {t("timeline.description")}{" "}
              {campaign.timeline.length > 0 && t("timeline.counts", { actions: campaign.actionCount, outcomes: campaign.outcomeCount })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {campaign.timeline.length > 0 && (
              <TimelineFilters
                actionTypes={typeOptions.filter((o) => o.kind === "action")}
                outcomeTypes={typeOptions.filter((o) => o.kind === "outcome")}
                shown={shownTimeline.length}
                total={campaign.timeline.length}
              />
            )}
            <CampaignTimeline items={shownTimeline} labelledBy="campaign-timeline" filtered={isFiltered(timelineFilter)} />
          </CardContent>
        </Card>
      </div>
      <CommentThread
        className="mt-6"
        recordType="Campaign"
        recordId={campaign.id}
        comments={await listComments({ actor: actor, input: { recordType: "Campaign", recordId: campaign.id } })}
        people={await listMentionableUsers({ actor: actor })}
        canWrite={can(actor, "comment.write")}
      />
      <RecordHistory history={history} className="mt-6" />
    </>
  );
}
