import { ArrowRight, ExternalLink } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { RecordHistory } from "@/components/history/record-history";
import { DetailList } from "@/components/records/detail-list";
import { RecordDate } from "@/components/records/record-date";
import { StatusHistory } from "@/components/status-history/status-history";
import { SavedNotice } from "@/components/records/saved-notice";
import { TermLabel } from "@/components/records/term-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { orgLabel, orgName, orgShort } from "@/lib/names";
import { orNotFound } from "@/lib/not-found";
import { getOrganization } from "@/lib/organizations/queries";
import { todayIso } from "@/lib/dates";
import { getStatusHistory } from "@/lib/status-history/queries";
import { isValidIsoDate } from "@/lib/validation";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; on?: string }> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => {
  const actor = await requirePageActor();
  return { actor, org: await orNotFound(getOrganization({ actor, id })) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await load((await params).id);
  return { title: orgLabel(org, await getLocale()) };
}

export default async function OrganizationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved, on } = await searchParams;
  const { actor, org } = await load(id);
  const statusTracks = await getStatusHistory({ actor, organizationId: org.id });
  const today = todayIso();
  const onValid = typeof on === "string" && isValidIsoDate(on);
  const [t, tc, locale] = await Promise.all([getTranslations("organizations"), getTranslations("common"), getLocale()]);
  const history = await getRecordHistory({ actor, entity: "Organization", entityId: org.id });

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={orgName(org, locale)}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/organizations" },
              ...(org.parent ? [{ label: orgShort(org.parent, locale), href: `/organizations/${org.parent.id}` }] : []),
              { label: org.acronym ?? org.name },
            ]}
          />
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            {org.acronym && <span className="font-medium text-foreground">{org.acronym}</span>}
            {org.acronym && <span aria-hidden>·</span>}
            <TermLabel term={org.kind} />
            {org.parent && (
              <>
                <span aria-hidden>·</span>
                <span>
                  {t("partOf")}{" "}
                  <Link href={`/organizations/${org.parent.id}`} className="underline-offset-4 hover:underline">
                    {orgShort(org.parent, locale)}
                  </Link>
                </span>
              </>
            )}
          </span>
        }
        actions={
          org.canEdit ? (
            <Button asChild variant="outline">
              <Link href={`/organizations/${org.id}/edit`}>{t("edit")}</Link>
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
                { label: t("fields.name"), value: org.name },
                { label: t("fields.nameUk"), value: org.nameUk ? <span lang="uk">{org.nameUk}</span> : null },
                { label: t("fields.acronym"), value: org.acronym },
                { label: t("fields.kind"), value: <TermLabel term={org.kind} /> },
                {
                  label: t("fields.parent"),
                  value: org.parent ? (
                    <Link href={`/organizations/${org.parent.id}`} className="hover:underline">
                      {orgLabel(org.parent, locale)}
                    </Link>
                  ) : null,
                },
                { label: t("fields.country"), value: org.country },
                {
                  label: t("fields.website"),
                  value: org.website ? (
                    <a href={org.website} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 break-all hover:underline">
                      {org.website}
                      <ExternalLink aria-hidden className="size-3.5 shrink-0" />
                      <span className="sr-only">{t("external")}</span>
                    </a>
                  ) : null,
                },
                { label: t("fields.notes"), value: org.notes ? <span className="whitespace-pre-line">{org.notes}</span> : null },
              ]}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle>{t("subBodies.title")}</CardTitle>
            {org.canEdit && (
              <Button asChild variant="outline" size="sm">
                <Link href={`/organizations/new?parent=${org.id}`}>{t("subBodies.add")}</Link>
              </Button>
            )}
          </CardHeader>
          <CardContent>
            {org.children.length ? (
              <ul className="space-y-1.5 text-sm" data-testid="sub-bodies">
                {org.children.map((child) => (
                  <li key={child.id}>
                    <Link href={`/organizations/${child.id}`} className="hover:underline">
                      {orgLabel(child, locale)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t("subBodies.empty")}</p>
            )}
          </CardContent>
        </Card>
      </div>

      {/* Bodies whose standing others decide on (institutions, states) always show it, even empty. */}
      {(statusTracks.length > 0 || ["NHRI", "STATE", "STATE_BODY"].includes(org.kind.code)) && (
        <div className="mt-6">
          <StatusHistory tracks={statusTracks} on={onValid ? on : today} today={today} path={`/organizations/${org.id}`} invalidOn={!!on && !onValid} />
        </div>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("actions.title")}</CardTitle>
            <CardDescription>{t("actions.description")}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-3">
            {org.actions.length ? (
              <>
                <ul className="divide-y" data-testid="org-actions">
                  {org.actions.map((a) => (
                    <li key={a.id} className="space-y-1 py-2.5 first:pt-0 last:pb-0">
                      <Link href={`/actions/${a.id}`} className="font-medium break-words hover:underline">
                        {a.title}
                      </Link>
                      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                        <RecordDate date={a.date} precision={a.datePrecision} />
                        <span aria-hidden>·</span>
                        <TermLabel term={a.type} />
                        <TermLabel term={a.status} badge />
                      </div>
                    </li>
                  ))}
                </ul>
                <Link href={`/actions?org=${org.id}`} className="inline-block text-sm font-medium text-primary hover:underline">
                  {t("actions.viewAll")}
                </Link>
              </>
            ) : (
              <p className="text-sm text-muted-foreground">{t("actions.empty")}</p>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("outcomes.title")}</CardTitle>
            <CardDescription>{t("outcomes.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            {org.outcomes.length ? (
              <ul className="divide-y" data-testid="org-outcomes">
                {org.outcomes.map((o) => {
                  const changed = o.statusBefore || o.statusAfter;
                  const before = o.statusBefore ?? t("outcomes.none");
                  const after = o.statusAfter ?? t("outcomes.none");
                  return (
                    <li key={o.id} className="space-y-1 py-2.5 first:pt-0 last:pb-0">
                      <Link href={`/outcomes/${o.id}`} className="font-medium break-words hover:underline">
                        {o.title}
                      </Link>
                      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                        <RecordDate date={o.date} precision={o.datePrecision} />
                        <span aria-hidden>·</span>
                        <TermLabel term={o.type} />
                        <Badge variant={o.asSubject ? "warning" : "neutral"}>
                          {o.asSubject ? t("outcomes.asSubject") : t("outcomes.asDecidingBody")}
                        </Badge>
                      </div>
                      {changed && (
                        <p className="text-sm">
                          <span className="sr-only">{t("outcomes.statusChangeSr", { before, after })}</span>
                          <span aria-hidden className="inline-flex flex-wrap items-center gap-1.5">
                            <span className={o.statusBefore ? undefined : "text-muted-foreground"}>{before}</span>
                            <ArrowRight className="size-3.5 text-muted-foreground" />
                            <span className={o.statusAfter ? "font-medium" : "text-muted-foreground"}>{after}</span>
                          </span>
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t("outcomes.empty")}</p>
            )}
          </CardContent>
        </Card>
      </div>
      <RecordHistory history={history} className="mt-6" />
    </>
  );
}
