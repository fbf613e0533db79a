import { CommentThread } from "@/components/comments/comment-thread";
import { listComments, listMentionableUsers } from "@/lib/comments/queries";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { deleteActionAction } from "@/app/(app)/actions/server-actions";
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
import { TermLabel } from "@/components/records/term-label";
import { headingOf, translationDetailItems, TranslationBadges } from "@/components/records/translation-details";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { getAction } from "@/lib/actions/queries";
import { listAttachments } from "@/lib/attachments/attachments";
import { maxUploadBytes } from "@/lib/attachments/storage";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { getFollowUpSuggestions } from "@/lib/deadlines/queries";
import { orNotFound } from "@/lib/not-found";
import { termOptions } from "@/lib/form-options";
import { campaignTitle, orgLabel } from "@/lib/names";
import { can } from "@/lib/permissions";
import { displayTitle } from "@/lib/record-language";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

// cached: metadata and page share one query per request
const load = cache(async (id: string) => orNotFound(getAction({ actor: await requirePageActor(), id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: displayTitle(await load((await params).id), await getLocale()) };
}

export default async function ActionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { saved } = await searchParams;
  const action = await load(id);
  const [t, tl, tc, tr, locale] = await Promise.all([
    getTranslations("actions"),
    getTranslations("links"),
    getTranslations("common"),
    getTranslations("languages.record"),
    getLocale(),
  ]);
  const heading = headingOf(action, locale);
  const contributions = action.canEdit ? await termOptions("CONTRIBUTION", locale) : [];
  const history = await getRecordHistory({ actor: await requirePageActor(), entity: "Action", entityId: action.id });
  const evidence = await listAttachments({ actor: await requirePageActor(), recordType: "action", recordId: action.id });
  const canExport = can(await requirePageActor(), "export.run");
  const followUps = await getFollowUpSuggestions({ actor: await requirePageActor(), source: "action", id: action.id });

  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved.created") : saved === "updated" ? t("saved.updated") : null} />
      <PageHeader
        title={<span lang={heading.lang}>{heading.title}</span>}
        breadcrumbs={<Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/actions" }, { label: heading.title }]} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TermLabel term={action.type} />
            <span aria-hidden>·</span>
            <RecordDate date={action.date} precision={action.datePrecision} />
            <TermLabel term={action.status} badge />
            <ConfidentialityBadge value={action.confidentiality} />
            <TranslationBadges record={action} locale={locale} t={tr} />
          </span>
        }
        actions={
          action.canEdit || canExport ? (
            <div className="flex flex-wrap items-center gap-2">
              {canExport && <PdfDownloadButton kind="actions" id={action.id} />}
              {action.canEdit && (
                <>
                  <Button asChild variant="outline">
                    <Link href={`/actions/${action.id}/edit`}>{t("edit")}</Link>
                  </Button>
                  <DeleteButton action={deleteActionAction.bind(null, action.id)} label={t("delete")} confirmText={t("confirmDelete")} />
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
                ...translationDetailItems({ record: action, locale, t: tr, summaryLabel: t("fields.summary") }),
                { label: t("fields.referenceNumber"), value: action.referenceNumber },
                {
                  label: t("fields.organizations"),
                  value: action.organizations.length ? (
                    <ul className="space-y-1">
                      {action.organizations.map((o) => (
                        <li key={o.id}>
                          <Link href={`/organizations/${o.id}`} className="underline decoration-border underline-offset-4 hover:decoration-foreground">
                            {orgLabel(o, locale)}
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
                          <Link href={`/campaigns/${c.id}`} className="underline decoration-border underline-offset-4 hover:decoration-foreground">
                            {campaignTitle(c, locale)}
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
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
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
                record: { ...l.outcome, title: displayTitle(l.outcome, locale) },
                actionId: action.id,
                outcomeId: l.outcome.id,
              }))}
            />
          </CardContent>
        </Card>
      </div>
      {followUps.length > 0 && (
        <div className="mt-6">
          <FollowUpSuggestions suggestions={followUps} recordTitle={action.title} canCreate={can(await requirePageActor(), "record.create")} />
        </div>
      )}
      <EvidenceSection recordType="action" recordId={action.id} documents={evidence} canUpload={action.canEdit} maxBytes={maxUploadBytes()} />
      <CommentThread
        className="mt-6"
        recordType="Action"
        recordId={action.id}
        comments={await listComments({ actor: await requirePageActor(), input: { recordType: "Action", recordId: action.id } })}
        people={await listMentionableUsers({ actor: await requirePageActor() })}
        canWrite={can(await requirePageActor(), "comment.write")}
      />
      <RecordHistory history={history} className="mt-6" />
    </>
  );
}
