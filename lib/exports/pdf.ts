import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

// A dossier is a plain description of one record; renderDossierPdf lays it out. Noto Sans is
// embedded (subset) from assets/fonts, so Ukrainian text renders and extracts correctly on any
// machine, with no font download at run time.

export type DossierField = { label: string; value: string | null };
export type DossierTimelineItem = { date: string; kind: string; title: string; detail?: string | null; current?: boolean };
export type DossierLink = { title: string; meta: string; contribution: string; evidence: string | null; url: string };
export type DossierSource = { citation: string | null; url: string | null; context?: string | null };

export type Dossier = {
  /** e.g. "Campaign dossier" */
  kind: string;
  title: string;
  /** A second title, e.g. the campaign's Ukrainian title. */
  subtitle?: string | null;
  /** Shown as a banner when the record is not public. */
  marking?: string | null;
  url: string;
  sections: { heading: string; text: string }[];
  fields: DossierField[];
  timeline: { heading: string; empty: string; items: DossierTimelineItem[] };
  links: { heading: string; empty: string; contributionLabel: string; evidenceLabel: string; items: DossierLink[] };
  sources: { heading: string; empty: string; items: DossierSource[] };
  /** Footer line of every page, e.g. who exported it and when. */
  footer: string;
  /** "Page {page} of {pages}" with the placeholders. */
  pageLabel: string;
  /** Empty value, e.g. "—". */
  none: string;
  lang: string;
};

const FONT_DIR = path.join(process.cwd(), "assets", "fonts");
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, "NotoSans-Regular.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "NotoSans-Bold.ttf")),
  });

const COLORS = { text: "#0f172a", muted: "#475569", rule: "#cbd5e1", accent: "#1d4ed8", marking: "#b91c1c" };
const MARGIN = 56;

/** The dossier as a PDF (A4), in memory: dossiers are a few pages, bounded by the record's links. */
export async function renderDossierPdf(d: Dossier): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // Start with Noto: pdfkit would otherwise load its built-in Helvetica first.
    font: regular as unknown as string,
    lang: d.lang,
    displayTitle: true,
    info: { Title: d.title, Subject: d.kind, Creator: "Advocacy Tracker" },
  });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - MARGIN * 2;
  const heading = (text: string) => {
    doc.moveDown(0.8);
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc.font("bold").fontSize(12.5).fillColor(COLORS.text).text(text, { width });
    const y = doc.y + 2;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.moveDown(0.4);
  };
  const measure = (font: string, size: number, text: string, w: number) =>
    doc.font(font).fontSize(size).heightOfString(text, { width: w });
  /** Keeps a block of this height on one page. */
  const keep = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.x = MARGIN;
    }
  };
  const muted = (text: string, size = 9.5) => doc.font("body").fontSize(size).fillColor(COLORS.muted).text(text, { width });
  const body = (text: string, size = 10.5) => doc.font("body").fontSize(size).fillColor(COLORS.text).text(text, { width });

  // Title block
  muted(d.kind.toUpperCase(), 9);
  if (d.marking) doc.font("bold").fontSize(9).fillColor(COLORS.marking).text(d.marking.toUpperCase(), { width });
  doc.moveDown(0.3);
  doc.font("bold").fontSize(18).fillColor(COLORS.text).text(d.title, { width });
  if (d.subtitle) doc.font("body").fontSize(13).fillColor(COLORS.text).text(d.subtitle, { width });
  doc.moveDown(0.2);
  doc.font("body").fontSize(9).fillColor(COLORS.accent).text(d.url, { width, link: d.url, underline: true });

  // Summary texts
  for (const s of d.sections) {
    heading(s.heading);
    body(s.text);
  }

  // Key fields as a two-column list
  if (d.fields.length) {
    doc.moveDown(0.8);
    const labelWidth = 150;
    for (const f of d.fields) {
      keep(Math.max(measure("bold", 9.5, f.label, labelWidth - 10), measure("body", 10, f.value || d.none, width - labelWidth)));
      const y = doc.y;
      doc
        .font("bold")
        .fontSize(9.5)
        .fillColor(COLORS.muted)
        .text(f.label, MARGIN, y, { width: labelWidth - 10 });
      const afterLabel = doc.y;
      doc
        .font("body")
        .fontSize(10)
        .fillColor(COLORS.text)
        .text(f.value || d.none, MARGIN + labelWidth, y, { width: width - labelWidth });
      doc.y = Math.max(doc.y, afterLabel) + 3;
      doc.x = MARGIN;
    }
  }

  // Timeline
  heading(d.timeline.heading);
  if (!d.timeline.items.length) muted(d.timeline.empty);
  for (const item of d.timeline.items) {
    keep(
      Math.max(
        measure("bold", 9.5, item.date, 110),
        measure("body", 10, `${item.kind}: ${item.title}`, width - 115) +
          (item.detail ? measure("body", 9, item.detail, width - 115) : 0),
      ),
    );
    const y = doc.y;
    doc.font("bold").fontSize(9.5).fillColor(COLORS.muted).text(item.date, MARGIN, y, { width: 110 });
    const afterDate = doc.y;
    doc
      .font(item.current ? "bold" : "body")
      .fontSize(10)
      .fillColor(COLORS.text)
      .text(`${item.kind}: ${item.title}`, MARGIN + 115, y, { width: width - 115 });
    if (item.detail)
      doc
        .font("body")
        .fontSize(9)
        .fillColor(COLORS.muted)
        .text(item.detail, MARGIN + 115, doc.y, { width: width - 115 });
    doc.y = Math.max(doc.y, afterDate) + 4;
    doc.x = MARGIN;
  }

  // Linked records with the contribution claimed and the evidence for it
  heading(d.links.heading);
  if (!d.links.items.length) muted(d.links.empty);
  for (const l of d.links.items) {
    keep(
      measure("bold", 10.5, l.title, width) +
        measure("body", 9, l.meta, width) +
        measure("body", 10, `${d.links.contributionLabel}: ${l.contribution}`, width) +
        measure("body", 10, `${d.links.evidenceLabel}: ${l.evidence || d.none}`, width),
    );
    doc.font("bold").fontSize(10.5).fillColor(COLORS.text).text(l.title, { width, link: l.url });
    muted(l.meta, 9);
    doc.font("body").fontSize(10).fillColor(COLORS.text).text(`${d.links.contributionLabel}: ${l.contribution}`, { width });
    doc.text(`${d.links.evidenceLabel}: ${l.evidence || d.none}`, { width });
    doc.moveDown(0.6);
  }

  // Sources
  heading(d.sources.heading);
  if (!d.sources.items.length) muted(d.sources.empty);
  for (const s of d.sources.items) {
    keep((s.context ? measure("body", 9, s.context, width) : 0) + (s.citation ? measure("body", 10, s.citation, width) : 0) + 14);
    if (s.context) muted(s.context, 9);
    if (s.citation) body(s.citation, 10);
    if (s.url) doc.font("body").fontSize(9.5).fillColor(COLORS.accent).text(s.url, { width, link: s.url, underline: true });
    doc.moveDown(0.5);
  }

  // Footer and page numbers on every page (pages are buffered for this).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the margin must not open a new page
    const y = doc.page.height - MARGIN - 4;
    doc.font("body").fontSize(8).fillColor(COLORS.muted);
    doc.text(d.footer, MARGIN, y, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(d.pageLabel.replace("{page}", String(i + 1)).replace("{pages}", String(range.count)), MARGIN + width - 80, y, {
      width: 80,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
