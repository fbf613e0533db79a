import { CommentThread } from "@/components/comments/comment-thread";
import { listComments, listMentionableUsers } from "@/lib/comments/queries";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { deleteOutcomeAction } from "@/app/(app)/outcomes/server-actions";
import { PdfDownloadButton } from "@/components/exports/pdf-download-button";
import { FollowUpSuggestions } from "@/components/dashboard/follow-up-suggestions";
import { EvidenceSection } from "@/components/attachments/evidence-section";
import { RecordHistory } from "@/components/history/record-history";
import { AddLinkDialog } from "@/components/links/add-link-dialog";
import { LinkedRecords } from "@/components/links/linked-records";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { DeleteButton } from "@/components/records/delete-button";
import { DetailList } from "@/components/records/detail-list";
import { RecordDate } from "@/components/records/record-date";
import { SavedNotice } from "@/components/records/saved-notice";
import { StatusChange } from "@/components/records/status-change";
import { TermLabel } from "@/components/records/term-label";
import { headingOf, translationDetailItems, TranslationBadges } from "@/components/records/translation-details";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { listAttachments } from "@/lib/attachments/attachments";
import { maxUploadBytes } from "@/lib/attachments/storage";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { getFollowUpSuggestions } from "@/lib/deadlines/queries";
import { termOptions } from "@/lib/form-options";
import { orNotFound } from "@/lib/not-found";
import { getOutcome } from "@/lib/outcomes/queries";
import type { OrgRef } from "@/lib/actions/dto";
import { campaignTitle, orgLabel } from "@/lib/names";
import { can } from "@/lib/permissions";
import { displayTitle } from "@/lib/record-language";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => orNotFound(getOutcome({ actor: await requirePageActor(), id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: displayTitle(await load((await params).id), await getLocale()) };
}

const OrgLink = ({ org, locale }: { org: OrgRef | null; locale: string }) =>
  org ? (
    <Link href={`/organizations/${org.id}`} className="underline decoration-border underline-offset-4 hover:decoration-foreground">
      {orgLabel(org, locale)}
    </Link>
  ) : null;

export default async function OutcomePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved } = await searchParams;
  const outcome = await load(id);
  const [t, tl, tc, tr, locale] = await Promise.all([
    getTranslations("outcomes"),
    getTranslations("links"),
    getTranslations("common"),
    getTranslations("languages.record"),
    getLocale(),
  ]);
  const heading = headingOf(outcome, locale);
  const contributions = outcome.canEdit ? await termOptions("CONTRIBUTION", locale) : [];
  const history = await getRecordHistory({ actor: await requirePageActor(), entity: "Outcome", entityId: outcome.id });
  const evidence = await listAttachments({ actor: await requirePageActor(), recordType: "outcome", recordId: outcome.id });
  const canExport = can(await requirePageActor(), "export.run");
  const followUps = await getFollowUpSuggestions({ actor: await requirePageActor(), source: "outcome", id: outcome.id });

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={<span lang={heading.lang}>{heading.title}</span>}
        breadcrumbs={<Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/outcomes" }, { label: heading.title }]} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TermLabel term={outcome.type} />
            <span aria-hidden>·</span>
            <RecordDate date={outcome.date} precision={outcome.datePrecision} />
            <TermLabel term={outcome.verification} badge />
            <ConfidentialityBadge value={outcome.confidentiality} />
            <TranslationBadges record={outcome} locale={locale} t={tr} />
          </span>
        }
        actions={
          outcome.canEdit || canExport ? (
            <div className="flex flex-wrap items-center gap-2">
              {canExport && <PdfDownloadButton kind="outcomes" id={outcome.id} />}
              {outcome.canEdit && (
                <>
                  <Button asChild variant="outline">
                    <Link href={`/outcomes/${outcome.id}/edit`}>{t("edit")}</Link>
                  </Button>
                  <DeleteButton action={deleteOutcomeAction.bind(null, outcome.id)} label={t("delete")} confirmText={t("confirmDelete")} />
                </>
              )}
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
                ...translationDetailItems({ record: outcome, locale, t: tr, summaryLabel: t("fields.summary") }),
                { label: t("fields.subject"), value: <OrgLink org={outcome.subject} locale={locale} /> },
                { label: t("fields.decidingBody"), value: <OrgLink org={outcome.decidingBody} locale={locale} /> },
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
                          <Link href={`/campaigns/${c.id}`} className="underline decoration-border underline-offset-4 hover:decoration-foreground">
                            {campaignTitle(c, locale)}
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
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
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
                record: { ...l.action, title: displayTitle(l.action, locale) },
                actionId: l.action.id,
                outcomeId: outcome.id,
              }))}
            />
          </CardContent>
        </Card>
      </div>
      {followUps.length > 0 && (
        <div className="mt-6">
          <FollowUpSuggestions suggestions={followUps} recordTitle={outcome.title} canCreate={can(await requirePageActor(), "record.create")} />
        </div>
      )}
      <EvidenceSection recordType="outcome" recordId={outcome.id} documents={evidence} canUpload={outcome.canEdit} maxBytes={maxUploadBytes()} />
      <CommentThread
        className="mt-6"
        recordType="Outcome"
        recordId={outcome.id}
        comments={await listComments({ actor: await requirePageActor(), input: { recordType: "Outcome", recordId: outcome.id } })}
        people={await listMentionableUsers({ actor: await requirePageActor() })}
        canWrite={can(await requirePageActor(), "comment.write")}
      />
      <RecordHistory history={history} className="mt-6" />
    </>
  );
}
