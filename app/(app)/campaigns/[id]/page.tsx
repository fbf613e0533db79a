import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { PriorityBadge } from "@/components/campaigns/campaigns-table";
import { CampaignTimeline } from "@/components/campaigns/campaign-timeline";
import { DetailList } from "@/components/records/detail-list";
import { RecordDate } from "@/components/records/record-date";
import { SavedNotice } from "@/components/records/saved-notice";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { getCampaign } from "@/lib/campaigns/queries";
import { orNotFound } from "@/lib/not-found";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => {
  const actor = await requirePageActor();
  return { actor, campaign: await orNotFound(getCampaign({ actor, id })) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await load((await params).id);
  return { title: campaign.title };
}

const ACHIEVED = "ACHIEVED";

export default async function CampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved } = await searchParams;
  const { campaign } = await load(id);
  const [t, tc] = await Promise.all([getTranslations("campaigns"), getTranslations("common")]);
  const orgLabel = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.acronym} – ${o.name}` : o.name);

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={campaign.title}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/campaigns" },
              ...(campaign.parent ? [{ label: campaign.parent.title, href: `/campaigns/${campaign.parent.id}` }] : []),
              { label: campaign.title },
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
                  {campaign.parent.title}
                </Link>
              </span>
            )}
          </span>
        }
        actions={
          campaign.canEdit ? (
            <Button asChild variant="outline">
              <Link href={`/campaigns/${campaign.id}/edit`}>{t("edit")}</Link>
            </Button>
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
                { label: t("fields.titleUk"), value: campaign.titleUk ? <span lang="uk">{campaign.titleUk}</span> : null, hideEmpty: true },
                { label: t("fields.status"), value: <TermLabel term={campaign.status} /> },
                { label: t("fields.priority"), value: t(`priority.${campaign.priority}`) },
                { label: t("fields.owner"), value: campaign.owner?.name ?? null },
                {
                  label: t("fields.targetOrg"),
                  value: campaign.targetOrg ? (
                    <Link href={`/organizations/${campaign.targetOrg.id}`} className="hover:underline">
                      {orgLabel(campaign.targetOrg)}
                    </Link>
                  ) : null,
                },
                {
                  label: t("fields.parent"),
                  value: campaign.parent ? (
                    <Link href={`/campaigns/${campaign.parent.id}`} className="hover:underline">
                      {campaign.parent.title}
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
          <CardContent>
            {campaign.children.length ? (
              <ul className="divide-y" data-testid="sub-goals">
                {campaign.children.map((child) => (
                  <li key={child.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2.5 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <Link href={`/campaigns/${child.id}`} className="font-medium break-words hover:underline">
                        {child.title}
                      </Link>
                      {child.targetOrg && (
                        <div className="text-xs text-muted-foreground">{child.targetOrg.acronym ?? child.targetOrg.name}</div>
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
            <CampaignTimeline items={campaign.timeline} labelledBy="campaign-timeline" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
