// The columns of each list's export: those the list shows on screen (including what its cells show
// under the title, e.g. the reference number), in the same order, plus the record's absolute URL.
// Pure: rows are the lists' DTOs, texts come from the catalogue.
import type { ActionListRow, OrgRef } from "@/lib/actions/dto";
import type { CampaignListRow } from "@/lib/campaigns/queries";
import type { OrganizationListRow } from "@/lib/organizations/queries";
import type { OutcomeListRow } from "@/lib/outcomes/dto";
import { termLabel } from "@/lib/vocabularies/vocabularies";
import type { ExportColumn } from "./cells";
import type { ExportTexts } from "./i18n";

export type ColumnContext = ExportTexts & {
  /** The app's public origin, e.g. "https://tracker.example.org" (no trailing slash). */
  baseUrl: string;
};

/** As on screen: the acronym when there is one, else the name. */
const orgShort = (o: Pick<OrgRef, "name" | "acronym"> | null) => (o ? (o.acronym ?? o.name) : null);

const recordUrl = (baseUrl: string, area: string, id: string) => `${baseUrl}/${area}/${encodeURIComponent(id)}`;

export function actionColumns({ t, locale, baseUrl }: ColumnContext): ExportColumn<ActionListRow>[] {
  const h = (key: string) => t(`exports.columns.actions.${key}`);
  return [
    { header: h("title"), type: "text", width: 60, value: (r) => r.title },
    { header: h("referenceNumber"), type: "text", width: 18, value: (r) => r.referenceNumber },
    { header: h("type"), type: "text", width: 24, value: (r) => termLabel(r.type, locale) },
    { header: h("date"), type: "date", width: 12, value: (r) => r.date },
    { header: h("datePrecision"), type: "text", width: 14, value: (r) => t(`common.dates.precision.${r.datePrecision}`) },
    { header: h("status"), type: "text", width: 20, value: (r) => termLabel(r.status, locale) },
    { header: h("organizations"), type: "text", width: 30, value: (r) => r.organizations.map(orgShort).join("; ") },
    { header: h("followUpDue"), type: "date", width: 12, value: (r) => r.followUpDue },
    { header: h("outcomes"), type: "number", width: 10, value: (r) => r.linkCount },
    { header: h("confidentiality"), type: "text", width: 14, value: (r) => t(`common.confidentiality.${r.confidentiality}`) },
    { header: t("exports.columns.url"), type: "text", width: 50, value: (r) => recordUrl(baseUrl, "actions", r.id) },
  ];
}

export function outcomeColumns({ t, locale, baseUrl }: ColumnContext): ExportColumn<OutcomeListRow>[] {
  const h = (key: string) => t(`exports.columns.outcomes.${key}`);
  return [
    { header: h("title"), type: "text", width: 60, value: (r) => r.title },
    { header: h("statusBefore"), type: "text", width: 14, value: (r) => r.statusBefore },
    { header: h("statusAfter"), type: "text", width: 14, value: (r) => r.statusAfter },
    { header: h("type"), type: "text", width: 26, value: (r) => termLabel(r.type, locale) },
    { header: h("date"), type: "date", width: 12, value: (r) => r.date },
    { header: h("datePrecision"), type: "text", width: 14, value: (r) => t(`common.dates.precision.${r.datePrecision}`) },
    { header: h("subject"), type: "text", width: 20, value: (r) => orgShort(r.subject) },
    { header: h("decidingBody"), type: "text", width: 20, value: (r) => orgShort(r.decidingBody) },
    { header: h("verification"), type: "text", width: 14, value: (r) => termLabel(r.verification, locale) },
    { header: h("actions"), type: "number", width: 10, value: (r) => r.linkCount },
    { header: h("confidentiality"), type: "text", width: 14, value: (r) => t(`common.confidentiality.${r.confidentiality}`) },
    { header: t("exports.columns.url"), type: "text", width: 50, value: (r) => recordUrl(baseUrl, "outcomes", r.id) },
  ];
}

export function campaignColumns({ t, locale, baseUrl }: ColumnContext): ExportColumn<CampaignListRow>[] {
  const h = (key: string) => t(`exports.columns.campaigns.${key}`);
  return [
    { header: h("title"), type: "text", width: 60, value: (r) => r.title },
    { header: h("parent"), type: "text", width: 40, value: (r) => r.parent?.title ?? null },
    { header: h("status"), type: "text", width: 18, value: (r) => termLabel(r.status, locale) },
    { header: h("priority"), type: "text", width: 10, value: (r) => t(`campaigns.priority.${r.priority}`) },
    { header: h("owner"), type: "text", width: 24, value: (r) => r.owner?.name ?? null },
    { header: h("targetOrg"), type: "text", width: 20, value: (r) => orgShort(r.targetOrg) },
    { header: h("actions"), type: "number", width: 10, value: (r) => r.actionCount },
    { header: h("outcomes"), type: "number", width: 10, value: (r) => r.outcomeCount },
    { header: h("updatedAt"), type: "datetime", width: 20, value: (r) => r.updatedAt },
    { header: t("exports.columns.url"), type: "text", width: 50, value: (r) => recordUrl(baseUrl, "campaigns", r.id) },
  ];
}

export function organizationColumns({ t, locale, baseUrl }: ColumnContext): ExportColumn<OrganizationListRow>[] {
  const h = (key: string) => t(`exports.columns.organizations.${key}`);
  return [
    { header: h("name"), type: "text", width: 50, value: (r) => r.name },
    { header: h("nameUk"), type: "text", width: 50, value: (r) => r.nameUk },
    { header: h("acronym"), type: "text", width: 14, value: (r) => r.acronym },
    { header: h("kind"), type: "text", width: 24, value: (r) => termLabel(r.kind, locale) },
    { header: h("parent"), type: "text", width: 20, value: (r) => orgShort(r.parent) },
    { header: h("country"), type: "text", width: 16, value: (r) => r.country },
    { header: h("subBodies"), type: "number", width: 10, value: (r) => r.childCount },
    { header: t("exports.columns.url"), type: "text", width: 50, value: (r) => recordUrl(baseUrl, "organizations", r.id) },
  ];
}
