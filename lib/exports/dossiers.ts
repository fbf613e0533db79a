import "server-only";
import { getAction } from "@/lib/actions/queries";
import type { DatePrecision } from "@/lib/actions/dto";
import { recordAudit } from "@/lib/audit";
import { getCampaign } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { getOutcome } from "@/lib/outcomes/queries";
import { assertCan, linkScope, outcomeScope, type Actor } from "@/lib/permissions";
import { termLabel } from "@/lib/vocabularies/vocabularies";
import { exportTexts, type ExportTexts } from "./i18n";
import { CONTENT_TYPES } from "./lists";
import { renderDossierPdf, type Dossier, type DossierLink, type DossierSource, type DossierTimelineItem } from "./pdf";

export const DOSSIER_KINDS = ["campaign", "action", "outcome"] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

export type DossierFile = { body: Uint8Array; filename: string; asciiFilename: string; contentType: string };

type Options = { actor: Actor; id: string; baseUrl: string; locale?: string };

const termRef = { select: { code: true, labelEn: true, labelUk: true } } as const;

/** A date as precisely as it is known, as the pages show it ("11 Apr 2023", "October 2024", "2022"). */
function recordDate({ t, locale }: ExportTexts, iso: string | null, precision: DatePrecision = "DAY"): string | null {
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    precision === "YEAR"
      ? { year: "numeric" }
      : precision === "MONTH" || precision === "ESTIMATED"
        ? { year: "numeric", month: "long" }
        : { year: "numeric", month: "short", day: "numeric" };
  let text: string;
  try {
    text = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(d);
  } catch {
    text = iso;
  }
  return precision === "ESTIMATED" ? t("common.dates.approx", { date: text }) : text;
}

const orgLabel = (o: { name: string; acronym: string | null } | null) =>
  o ? (o.acronym ? `${o.acronym} – ${o.name}` : o.name) : null;
const joinOrNull = (items: string[]) => (items.length ? items.join("; ") : null);

/** The parts every dossier shares: headings, footer, the confidentiality banner. */
function frame(texts: ExportTexts, actor: Actor, kind: DossierKind, confidentiality: string | null) {
  const { t } = texts;
  const now = new Date().toISOString().replace("T", " ").slice(0, 16);
  return {
    kind: t(`exports.dossier.kinds.${kind}`),
    marking:
      confidentiality && confidentiality !== "PUBLIC"
        ? t("exports.dossier.marking", { level: t(`common.confidentiality.${confidentiality}`) })
        : null,
    footer: t("exports.dossier.footer", { name: actor.name, role: t(`users.roles.${actor.role}`), date: now }),
    pageLabel: t("exports.dossier.page", { page: "{page}", pages: "{pages}" }),
    none: t("exports.dossier.none"),
    lang: texts.locale,
    timelineText: { heading: t("exports.dossier.timeline"), empty: t("exports.dossier.timelineEmpty") },
    linksText: {
      heading: t("exports.dossier.linked"),
      empty: t("exports.dossier.linkedEmpty"),
      contributionLabel: t("exports.dossier.contribution"),
      evidenceLabel: t("exports.dossier.evidence"),
    },
    sourcesText: { heading: t("exports.dossier.sources"), empty: t("exports.dossier.sourcesEmpty") },
  };
}

function assemble(
  f: ReturnType<typeof frame>,
  d: Pick<Dossier, "title" | "subtitle" | "url" | "sections" | "fields"> & {
    timeline: DossierTimelineItem[];
    links: DossierLink[];
    sources: DossierSource[];
  },
): Dossier {
  return {
    kind: f.kind,
    marking: f.marking,
    footer: f.footer,
    pageLabel: f.pageLabel,
    none: f.none,
    lang: f.lang,
    title: d.title,
    subtitle: d.subtitle,
    url: d.url,
    sections: d.sections.filter((s) => s.text.trim()),
    fields: d.fields,
    timeline: { ...f.timelineText, items: d.timeline },
    links: { ...f.linksText, items: d.links },
    sources: { ...f.sourcesText, items: d.sources.filter((s) => s.citation || s.url) },
  };
}

async function campaignDossier({ actor, id, baseUrl }: Options, texts: ExportTexts) {
  const { t, locale } = texts;
  const c = await getCampaign({ actor, id });
  const outcomeIds = c.timeline.filter((i) => i.kind === "outcome").map((i) => i.id);
  const outcomes = outcomeIds.length
    ? await db.outcome.findMany({
        where: { AND: [{ id: { in: outcomeIds } }, outcomeScope(actor)] },
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          date: true,
          datePrecision: true,
          sourceCitation: true,
          sourceUrl: true,
          links: {
            where: linkScope(actor),
            orderBy: [{ action: { date: "asc" } }, { id: "asc" }],
            select: {
              evidenceNote: true,
              contribution: termRef,
              action: { select: { id: true, title: true, date: true, datePrecision: true } },
            },
          },
        },
      })
    : [];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const f = frame(texts, actor, "campaign", null);
  return assemble(f, {
    title: c.title,
    subtitle: c.titleUk,
    url: `${baseUrl}/campaigns/${c.id}`,
    sections: [{ heading: t("exports.dossier.goal"), text: c.goal ?? "" }],
    fields: [
      { label: t("campaigns.fields.status"), value: termLabel(c.status, locale) },
      { label: t("campaigns.fields.priority"), value: t(`campaigns.priority.${c.priority}`) },
      { label: t("campaigns.fields.owner"), value: c.owner?.name ?? null },
      { label: t("campaigns.fields.targetOrg"), value: orgLabel(c.targetOrg) },
      ...(c.parent ? [{ label: t("campaigns.fields.parent"), value: c.parent.title }] : []),
      { label: t("campaigns.fields.startDate"), value: recordDate(texts, c.startDate) },
      { label: t("campaigns.fields.endDate"), value: recordDate(texts, c.endDate) },
      {
        label: t("exports.dossier.subGoals"),
        value: joinOrNull(c.children.map((k) => `${k.title} (${termLabel(k.status, locale)})`)),
      },
      {
        label: t("exports.dossier.recordCounts"),
        value: t("exports.dossier.counts", { actions: c.actionCount, outcomes: c.outcomeCount }),
      },
    ],
    timeline: c.timeline.map((i) => ({
      date: recordDate(texts, i.date, i.datePrecision) ?? "",
      kind: i.kind === "action" ? t("exports.dossier.kindAction") : t("exports.dossier.kindOutcome"),
      title: i.title,
      detail: [termLabel(i.type, locale), termLabel(i.kind === "action" ? i.status : i.verification, locale)].join(" · "),
    })),
    links: outcomes.flatMap((o) =>
      o.links.map((l) => ({
        title: l.action.title,
        meta: `${recordDate(texts, iso(l.action.date), l.action.datePrecision)} · ${t("exports.dossier.ledTo", {
          title: o.title,
          date: recordDate(texts, iso(o.date), o.datePrecision) ?? "",
        })}`,
        contribution: termLabel(l.contribution, locale),
        evidence: l.evidenceNote,
        url: `${baseUrl}/outcomes/${o.id}`,
      })),
    ),
    sources: outcomes.map((o) => ({
      citation: o.sourceCitation,
      url: o.sourceUrl,
      context: t("exports.dossier.sourceOf", { title: o.title }),
    })),
  });
}

async function actionDossier({ actor, id, baseUrl }: Options, texts: ExportTexts) {
  const { t, locale } = texts;
  const a = await getAction({ actor, id });
  const sources = a.links.length
    ? await db.outcome.findMany({
        where: { AND: [{ id: { in: a.links.map((l) => l.outcome.id) } }, outcomeScope(actor)] },
        orderBy: [{ date: "asc" }, { id: "asc" }],
        select: { title: true, sourceCitation: true, sourceUrl: true },
      })
    : [];
  const f = frame(texts, actor, "action", a.confidentiality);
  const timeline: (DossierTimelineItem & { sort: string })[] = [
    {
      sort: a.date,
      date: recordDate(texts, a.date, a.datePrecision) ?? "",
      kind: t("exports.dossier.kindAction"),
      title: a.title,
      current: true,
    },
    ...(a.responseDate
      ? [
          {
            sort: a.responseDate,
            date: recordDate(texts, a.responseDate) ?? "",
            kind: t("exports.dossier.responseReceived"),
            title: a.title,
          },
        ]
      : []),
    ...(a.followUpDue
      ? [
          {
            sort: a.followUpDue,
            date: recordDate(texts, a.followUpDue) ?? "",
            kind: t("exports.dossier.followUpDue"),
            title: a.title,
          },
        ]
      : []),
    ...a.links.map((l) => ({
      sort: l.outcome.date,
      date: recordDate(texts, l.outcome.date, l.outcome.datePrecision) ?? "",
      kind: t("exports.dossier.kindOutcome"),
      title: l.outcome.title,
      detail: termLabel(l.outcome.type, locale),
    })),
  ];
  timeline.sort((x, y) => x.sort.localeCompare(y.sort));
  return assemble(f, {
    title: a.title,
    url: `${baseUrl}/actions/${a.id}`,
    sections: [
      { heading: t("exports.dossier.summary"), text: a.summary ?? "" },
      { heading: t("exports.dossier.response"), text: a.responseSummary ?? "" },
    ],
    fields: [
      { label: t("actions.fields.type"), value: termLabel(a.type, locale) },
      { label: t("actions.fields.status"), value: termLabel(a.status, locale) },
      { label: t("actions.fields.date"), value: recordDate(texts, a.date, a.datePrecision) },
      { label: t("actions.fields.referenceNumber"), value: a.referenceNumber },
      { label: t("actions.fields.confidentiality"), value: t(`common.confidentiality.${a.confidentiality}`) },
      { label: t("actions.fields.organizations"), value: joinOrNull(a.organizations.map((o) => orgLabel(o) ?? "")) },
      { label: t("actions.fields.campaigns"), value: joinOrNull(a.campaigns.map((c) => c.title)) },
      { label: t("actions.fields.participants"), value: joinOrNull(a.participants.map((p) => p.name)) },
      { label: t("actions.fields.createdBy"), value: a.createdBy.name },
      { label: t("actions.fields.responseDate"), value: recordDate(texts, a.responseDate) },
      { label: t("actions.fields.followUpDue"), value: recordDate(texts, a.followUpDue) },
    ],
    timeline: timeline.map(({ sort: _sort, ...item }) => item),
    links: a.links.map((l) => ({
      title: l.outcome.title,
      meta: `${t("exports.dossier.kindOutcome")} · ${termLabel(l.outcome.type, locale)} · ${recordDate(texts, l.outcome.date, l.outcome.datePrecision)}`,
      contribution: termLabel(l.contribution, locale),
      evidence: l.evidenceNote,
      url: `${baseUrl}/outcomes/${l.outcome.id}`,
    })),
    sources: sources.map((o) => ({
      citation: o.sourceCitation,
      url: o.sourceUrl,
      context: t("exports.dossier.sourceOf", { title: o.title }),
    })),
  });
}

async function outcomeDossier({ actor, id, baseUrl }: Options, texts: ExportTexts) {
  const { t, locale } = texts;
  const o = await getOutcome({ actor, id });
  const f = frame(texts, actor, "outcome", o.confidentiality);
  const statusChange =
    o.statusBefore || o.statusAfter
      ? t("exports.dossier.statusChange", { before: o.statusBefore ?? f.none, after: o.statusAfter ?? f.none })
      : null;
  return assemble(f, {
    title: o.title,
    url: `${baseUrl}/outcomes/${o.id}`,
    sections: [{ heading: t("exports.dossier.summary"), text: o.summary ?? "" }],
    fields: [
      { label: t("outcomes.fields.type"), value: termLabel(o.type, locale) },
      { label: t("outcomes.fields.date"), value: recordDate(texts, o.date, o.datePrecision) },
      { label: t("outcomes.fields.decidingBody"), value: orgLabel(o.decidingBody) },
      { label: t("outcomes.fields.subject"), value: orgLabel(o.subject) },
      { label: t("outcomes.fields.statusChange"), value: statusChange },
      { label: t("outcomes.fields.verification"), value: termLabel(o.verification, locale) },
      { label: t("outcomes.fields.confidentiality"), value: t(`common.confidentiality.${o.confidentiality}`) },
      { label: t("outcomes.fields.campaigns"), value: joinOrNull(o.campaigns.map((c) => c.title)) },
      { label: t("outcomes.fields.createdBy"), value: o.createdBy.name },
    ],
    // The actions behind the outcome (oldest first, as linked), then the outcome itself.
    timeline: [
      ...o.links.map((l) => ({
        date: recordDate(texts, l.action.date, l.action.datePrecision) ?? "",
        kind: t("exports.dossier.kindAction"),
        title: l.action.title,
        detail: `${termLabel(l.action.type, locale)} · ${termLabel(l.action.status, locale)}`,
      })),
      {
        date: recordDate(texts, o.date, o.datePrecision) ?? "",
        kind: t("exports.dossier.kindOutcome"),
        title: o.title,
        current: true,
      },
    ],
    links: o.links.map((l) => ({
      title: l.action.title,
      meta: `${t("exports.dossier.kindAction")} · ${termLabel(l.action.type, locale)} · ${recordDate(texts, l.action.date, l.action.datePrecision)}`,
      contribution: termLabel(l.contribution, locale),
      evidence: l.evidenceNote,
      url: `${baseUrl}/actions/${l.action.id}`,
    })),
    sources: [{ citation: o.sourceCitation, url: o.sourceUrl }],
  });
}

const BUILDERS: Record<DossierKind, (o: Options, texts: ExportTexts) => Promise<Dossier>> = {
  campaign: campaignDossier,
  action: actionDossier,
  outcome: outcomeDossier,
};

const ENTITIES: Record<DossierKind, string> = { campaign: "Campaign", action: "Action", outcome: "Outcome" };

/**
 * One record's dossier as a PDF. The record is read through its own getX (scope: out of reach is
 * NOT_FOUND); the audit row is written before the file is handed out.
 */
export async function exportDossier(options: Options & { kind: DossierKind }): Promise<DossierFile> {
  const { actor, kind, id } = options;
  assertCan(actor, "export.run");
  const texts = exportTexts(options.locale);
  const dossier = await BUILDERS[kind]({ ...options, baseUrl: options.baseUrl.replace(/\/+$/, "") }, texts);
  const pdf = await renderDossierPdf(dossier);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      event: "export.created",
      entity: ENTITIES[kind],
      entityId: id,
      after: { format: "pdf", bytes: pdf.length },
    }),
  );
  const asciiTitle = dossier.title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ._-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 60);
  return {
    body: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
    filename: `${dossier.title.slice(0, 100)}.pdf`,
    asciiFilename: `${kind}-${asciiTitle || id}.pdf`,
    contentType: CONTENT_TYPES.pdf,
  };
}
