import "server-only";
// The dry run: every row checked against the same schemas as the forms (ZActionInput,
// ZOutcomeInput), with vocabularies matched by code or label and organizations and campaigns by
// name. Nothing is written here; mutations.ts runs the same evaluation inside its transaction.
import { ZActionInput, type TActionData } from "@/lib/actions/schemas";
import type { Db, Tx } from "@/lib/db";
import { ZOutcomeInput, type TOutcomeData } from "@/lib/outcomes/schemas";
import { CONFIDENTIALITY_CHOICES, matchChoice, norm, parseDate, splitList, type Choice, type Table } from "./parse";
import {
  proposalKey,
  type DryRunReport,
  type ImportField,
  type ImportKind,
  type Mapping,
  type Proposal,
  type RowMessage,
  type RowResult,
} from "./schemas";

type Vocab = "ACTION_TYPE" | "ACTION_STATUS" | "OUTCOME_TYPE" | "VERIFICATION";

export type Context = {
  terms: Record<Vocab, Choice[]>;
  /** normalized name, Ukrainian name or acronym → id */
  orgs: Map<string, string>;
  campaigns: Map<string, string>;
  /** reference numbers of live actions (normalized): a match is refused, updates are not supported */
  references: Set<string>;
};

export async function loadContext(tx: Tx | Db): Promise<Context> {
  const termRows = await tx.term.findMany({
    where: { active: true, vocabulary: { in: ["ACTION_TYPE", "ACTION_STATUS", "OUTCOME_TYPE", "VERIFICATION"] } },
    select: { vocabulary: true, code: true, labelEn: true, labelUk: true },
  });
  const terms = { ACTION_TYPE: [], ACTION_STATUS: [], OUTCOME_TYPE: [], VERIFICATION: [] } as Record<Vocab, Choice[]>;
  for (const t of termRows) terms[t.vocabulary as Vocab].push(t);
  const orgs = new Map<string, string>();
  for (const o of await tx.organization.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, nameUk: true, acronym: true },
  }))
    for (const n of [o.name, o.nameUk, o.acronym]) if (n && !orgs.has(norm(n))) orgs.set(norm(n), o.id);
  const campaigns = new Map<string, string>();
  for (const c of await tx.campaign.findMany({ where: { deletedAt: null }, select: { id: true, title: true, titleUk: true } }))
    for (const n of [c.title, c.titleUk]) if (n && !campaigns.has(norm(n))) campaigns.set(norm(n), c.id);
  const refs = await tx.action.findMany({
    where: { deletedAt: null, referenceNumber: { not: null } },
    select: { referenceNumber: true },
  });
  return { terms, orgs, campaigns, references: new Set(refs.map((r) => norm(r.referenceNumber!))) };
}

/** A name that is not yet in the database: created at import time from a confirmed proposal. */
export const NEW_PREFIX = "new:";

export type Prepared = { kind: "action"; row: number; data: TActionData } | { kind: "outcome"; row: number; data: TOutcomeData };

// Schema paths → the file field they came from, to name the column in a message.
const FIELD_OF_PATH: Record<string, ImportField> = {
  organizationIds: "organizations",
  campaignIds: "campaigns",
  datePrecision: "date",
  decidingBodyId: "decidingBody",
  subjectId: "subject",
};

/** Rows checked between two yields to the event loop: 50,000 rows take seconds, and the app must answer meanwhile. */
const YIELD_EVERY = 1000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function evaluate(
  kind: ImportKind,
  table: Table,
  mapping: Mapping,
  ctx: Context,
  confirmed: ReadonlySet<string>,
): Promise<{ rows: RowResult[]; proposals: Proposal[]; prepared: Prepared[] }> {
  const col = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, table.headers.indexOf(h!)])) as Partial<
    Record<ImportField, number>
  >;
  const proposals = new Map<string, Proposal>();
  const rows: RowResult[] = [];
  const prepared: Prepared[] = [];

  for (const [i, cells] of table.rows.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    const row = i + 2; // the header is row 1, as the spreadsheet numbers them
    const messages: RowMessage[] = [];
    const cell = (f: ImportField) => (col[f] !== undefined && col[f]! >= 0 ? (cells[col[f]!] ?? "").trim() : "");
    const fail = (f: ImportField, key: string) => messages.push({ key, column: mapping[f], value: cell(f) });

    const date = (f: ImportField) => {
      if (!cell(f)) return { date: undefined, precision: undefined };
      const d = parseDate(cell(f));
      if (!d) fail(f, "msg.badDate");
      return { date: d?.date, precision: d?.precision };
    };
    const choice = (f: ImportField, choices: Choice[]) => {
      if (!cell(f)) return undefined;
      const code = matchChoice(cell(f), choices);
      if (!code) fail(f, "msg.badChoice");
      return code ?? undefined;
    };
    const ref = (f: ImportField, type: "org" | "campaign", name: string) => {
      const id = (type === "org" ? ctx.orgs : ctx.campaigns).get(norm(name));
      if (id) return id;
      const p = proposals.get(proposalKey({ kind: type, name })) ?? { kind: type, name, rows: 0 };
      p.rows++;
      proposals.set(proposalKey(p), p);
      if (!confirmed.has(proposalKey(p))) messages.push({ key: "msg.unconfirmed", column: mapping[f], value: name });
      return NEW_PREFIX + proposalKey(p);
    };
    const refs = (f: ImportField, type: "org" | "campaign") => splitList(cell(f)).map((n) => ref(f, type, n));

    const d = date("date");
    const common = {
      title: cell("title"),
      date: d.date ?? (cell("date") ? "invalid" : ""),
      datePrecision: d.precision,
      summary: cell("summary"),
      campaignIds: refs("campaigns", "campaign"),
      confidentiality: choice("confidentiality", CONFIDENTIALITY_CHOICES),
    };
    const input =
      kind === "action"
        ? {
            ...common,
            type: choice("type", ctx.terms.ACTION_TYPE) ?? "",
            status: choice("status", ctx.terms.ACTION_STATUS) ?? "",
            organizationIds: refs("organizations", "org"),
            referenceNumber: cell("referenceNumber"),
            followUpDue: date("followUpDue").date,
          }
        : {
            ...common,
            type: choice("type", ctx.terms.OUTCOME_TYPE) ?? "",
            verification: choice("verification", ctx.terms.VERIFICATION) ?? "",
            decidingBodyId: cell("decidingBody") ? ref("decidingBody", "org", cell("decidingBody")) : undefined,
            subjectId: cell("subject") ? ref("subject", "org", cell("subject")) : undefined,
            statusBefore: cell("statusBefore"),
            statusAfter: cell("statusAfter"),
            sourceCitation: cell("sourceCitation"),
          };
    if (kind === "action" && cell("referenceNumber") && ctx.references.has(norm(cell("referenceNumber"))))
      fail("referenceNumber", "msg.referenceExists");

    const parsed = (kind === "action" ? ZActionInput : ZOutcomeInput).safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? "");
        const field = FIELD_OF_PATH[path] ?? (path as ImportField);
        // a bad date or term already has its own message
        if (messages.some((m) => m.column === mapping[field] && m.column)) continue;
        messages.push({ key: "msg.invalid", column: mapping[field] ?? field, value: issue.message });
      }
    }
    rows.push({ row, result: messages.length ? "error" : "create", messages });
    if (!messages.length && parsed.success) prepared.push({ kind, row, data: parsed.data } as Prepared);
  }
  return { rows, proposals: [...proposals.values()], prepared };
}

export function reportOf(
  kind: ImportKind,
  file: { name: string; hash: string },
  table: Table,
  mapping: Mapping,
  result: Awaited<ReturnType<typeof evaluate>>,
): DryRunReport {
  const errors = result.rows.filter((r) => r.result === "error").length;
  return {
    kind,
    fileName: file.name,
    fileHash: file.hash,
    headers: table.headers,
    mapping,
    total: result.rows.length,
    toCreate: result.rows.length - errors,
    errors,
    rows: result.rows,
    proposals: result.proposals,
  };
}
