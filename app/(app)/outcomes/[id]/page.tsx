import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { deleteOutcomeAction } from "@/app/(app)/outcomes/server-actions";
import { AddLinkDialog } from "@/components/links/add-link-dialog";
import { LinkedRecords } from "@/components/links/linked-records";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { DeleteButton } from "@/components/records/delete-button";
import { DetailList } from "@/components/records/detail-list";
import { RecordDate } from "@/components/records/record-date";
import { SavedNotice } from "@/components/records/saved-notice";
import { StatusChange } from "@/components/records/status-change";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { termOptions } from "@/lib/form-options";
import { orNotFound } from "@/lib/not-found";
import { getOutcome } from "@/lib/outcomes/queries";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => orNotFound(getOutcome({ actor: await requirePageActor(), id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).title };
}

const OrgLink = ({ org }: { org: { id: string; name: string; acronym: string | null } | null }) =>
  org ? (
    <Link href={`/organizations/${org.id}`} className="hover:underline">
      {org.acronym ? `${org.acronym} – ${org.name}` : org.name}
    </Link>
  ) : null;

export default async function OutcomePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved } = await searchParams;
  const outcome = await load(id);
  const [t, tl, tc, locale] = await Promise.all([
    getTranslations("outcomes"),
    getTranslations("links"),
    getTranslations("common"),
    getLocale(),
  ]);
  const contributions = outcome.canEdit ? await termOptions("CONTRIBUTION", locale) : [];

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={outcome.title}
        breadcrumbs={<Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/outcomes" }, { label: outcome.title }]} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TermLabel term={outcome.type} />
            <span aria-hidden>·</span>
            <RecordDate date={outcome.date} precision={outcome.datePrecision} />
            <TermLabel term={outcome.verification} badge />
            <ConfidentialityBadge value={outcome.confidentiality} />
          </span>
        }
        actions={
          outcome.canEdit ? (
            <div className="flex gap-2">
              <Button asChild variant="outline">
                <Link href={`/outcomes/${outcome.id}/edit`}>{t("edit")}</Link>
              </Button>
              <DeleteButton action={deleteOutcomeAction.bind(null, outcome.id)} label={t("delete")} confirmText={t("confirmDelete")} />
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
                { label: t("fields.summary"), value: outcome.summary ? <span className="whitespace-pre-line">{outcome.summary}</span> : null },
                { label: t("fields.subject"), value: <OrgLink org={outcome.subject} /> },
                { label: t("fields.decidingBody"), value: <OrgLink org={outcome.decidingBody} /> },
                {
                  label: t("fields.statusChange"),
                  value: outcome.statusBefore || outcome.statusAfter ? <StatusChange before={outcome.statusBefore} after={outcome.statusAfter} /> : null,
                },
                { label: t("fields.sourceCitation"), value: outcome.sourceCitation },
                {
                  label: t("fields.sourceUrl"),
                  value: outcome.sourceUrl ? (
                    <a href={outcome.sourceUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all underline">
                      {outcome.sourceUrl}
                    </a>
                  ) : null,
                },
                {
                  label: t("fields.campaigns"),
                  value: outcome.campaigns.length ? (
                    <ul className="space-y-1">
                      {outcome.campaigns.map((c) => (
                        <li key={c.id}>
                          <Link href={`/campaigns/${c.id}`} className="hover:underline">
                            {c.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null,
                },
                { label: t("fields.createdBy"), value: outcome.createdBy.name },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2 space-y-0">
            <CardTitle>{t("linkedActions", { count: outcome.links.length })}</CardTitle>
            {outcome.canEdit && <AddLinkDialog from="outcome" recordId={outcome.id} contributions={contributions} />}
          </CardHeader>
          <CardContent>
            <LinkedRecords
              hrefBase="/actions"
              canEdit={outcome.canEdit}
              emptyText={tl("noneForOutcome")}
              items={outcome.links.map((l) => ({
                linkId: l.linkId,
                contribution: l.contribution,
                evidenceNote: l.evidenceNote,
                record: l.action,
                actionId: l.action.id,
                outcomeId: outcome.id,
              }))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
