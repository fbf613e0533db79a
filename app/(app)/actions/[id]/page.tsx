import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { deleteActionAction } from "@/app/(app)/actions/server-actions";
import { AddLinkDialog } from "@/components/links/add-link-dialog";
import { LinkedRecords } from "@/components/links/linked-records";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { DeleteButton } from "@/components/records/delete-button";
import { DetailList } from "@/components/records/detail-list";
import { RecordDate } from "@/components/records/record-date";
import { SavedNotice } from "@/components/records/saved-notice";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { getAction } from "@/lib/actions/queries";
import { orNotFound } from "@/lib/not-found";
import { termOptions } from "@/lib/form-options";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => orNotFound(getAction({ actor: await requirePageActor(), id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).title };
}

export default async function ActionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved } = await searchParams;
  const action = await load(id);
  const [t, tl, tc, locale] = await Promise.all([
    getTranslations("actions"),
    getTranslations("links"),
    getTranslations("common"),
    getLocale(),
  ]);
  const contributions = action.canEdit ? await termOptions("CONTRIBUTION", locale) : [];

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={action.title}
        breadcrumbs={<Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/actions" }, { label: action.title }]} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TermLabel term={action.type} />
            <span aria-hidden>·</span>
            <RecordDate date={action.date} precision={action.datePrecision} />
            <TermLabel term={action.status} badge />
            <ConfidentialityBadge value={action.confidentiality} />
          </span>
        }
        actions={
          action.canEdit ? (
            <div className="flex gap-2">
              <Button asChild variant="outline">
                <Link href={`/actions/${action.id}/edit`}>{t("edit")}</Link>
              </Button>
              <DeleteButton action={deleteActionAction.bind(null, action.id)} label={t("delete")} confirmText={t("confirmDelete")} />
            </div>
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
                { label: t("fields.summary"), value: action.summary ? <span className="whitespace-pre-line">{action.summary}</span> : null },
                { label: t("fields.referenceNumber"), value: action.referenceNumber },
                {
                  label: t("fields.organizations"),
                  value: action.organizations.length ? (
                    <ul className="space-y-1">
                      {action.organizations.map((o) => (
                        <li key={o.id}>
                          <Link href={`/organizations/${o.id}`} className="hover:underline">
                            {o.acronym ? `${o.acronym} – ${o.name}` : o.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null,
                },
                {
                  label: t("fields.campaigns"),
                  value: action.campaigns.length ? (
                    <ul className="space-y-1">
                      {action.campaigns.map((c) => (
                        <li key={c.id}>
                          <Link href={`/campaigns/${c.id}`} className="hover:underline">
                            {c.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null,
                },
                { label: t("fields.participants"), value: action.participants.map((p) => p.name).join(", ") || null },
                { label: t("fields.followUpDue"), value: action.followUpDue ? <RecordDate date={action.followUpDue} /> : null },
                { label: t("fields.responseDate"), value: action.responseDate ? <RecordDate date={action.responseDate} /> : null },
                {
                  label: t("fields.responseSummary"),
                  value: action.responseSummary ? <span className="whitespace-pre-line">{action.responseSummary}</span> : null,
                },
                { label: t("fields.createdBy"), value: action.createdBy.name },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2 space-y-0">
            <CardTitle>{t("linkedOutcomes", { count: action.links.length })}</CardTitle>
            {action.canEdit && <AddLinkDialog from="action" recordId={action.id} contributions={contributions} />}
          </CardHeader>
          <CardContent>
            <LinkedRecords
              hrefBase="/outcomes"
              canEdit={action.canEdit}
              emptyText={tl("noneForAction")}
              items={action.links.map((l) => ({
                linkId: l.linkId,
                contribution: l.contribution,
                evidenceNote: l.evidenceNote,
                record: l.outcome,
                actionId: action.id,
                outcomeId: l.outcome.id,
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
