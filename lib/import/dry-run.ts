import "server-only";
// The dry run: every row checked against the same schemas as the forms (ZActionInput,
// ZOutcomeInput), with vocabularies matched by code or label and organizations and campaigns by
// name. Nothing is written here; mutations.ts runs the same evaluation inside its transaction.
// An action row whose reference number names an existing action the importer may see and edit
// updates it (outcomes have no natural key: their rows only ever create).
import { inputOfStoredAction, STORED_ACTION_INCLUDE } from "@/lib/actions/mutations";
import { ZActionInput, type TActionData } from "@/lib/actions/schemas";
import { changedFields } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { ZOutcomeInput, type TOutcomeData } from "@/lib/outcomes/schemas";
import { actionScope, canEditRecord, type Actor } from "@/lib/permissions";
import { CONFIDENTIALITY_CHOICES, matchChoice, norm, parseDate, splitList, type Choice, type Table } from "./parse";
import {
  ACTION_FIELDS,
  proposalKey,
  type DryRunReport,
  type FieldChange,
  type ImportField,
  type ImportKind,
  type Mapping,
  type Proposal,
  type RowMessage,
  type RowResult,
  type ShownValue,
} from "./schemas";

type Vocab = "ACTION_TYPE" | "ACTION_STATUS" | "OUTCOME_TYPE" | "VERIFICATION";

export type Context = {
  db: Tx | Db;
  actor: Actor;
  terms: Record<Vocab, Choice[]>;
  /** every term, active or not, by "VOCABULARY:CODE": the labels a change shows */
  termLabels: Map<string, { en: string; uk: string }>;
  /** normalized name, Ukrainian name or acronym → id */
  orgs: Map<string, string>;
  campaigns: Map<string, string>;
  /** id → name, to show an update's old and new organizations and campaigns */
  orgNames: Map<string, string>;
  campaignNames: Map<string, string>;
  /** reference number (refKey) → the ids of the live actions that hold it, whoever may see them */
  references: Map<string, string[]>;
};

/** How reference numbers match: trimmed, case-insensitive. */
export const refKey = (s: string) => s.trim().toLocaleLowerCase("uk");

export async function loadContext(tx: Tx | Db, actor: Actor): Promise<Context> {
  const termRows = await tx.term.findMany({
    where: { vocabulary: { in: ["ACTION_TYPE", "ACTION_STATUS", "OUTCOME_TYPE", "VERIFICATION"] } },
    select: { vocabulary: true, code: true, labelEn: true, labelUk: true, active: true },
  });
  const terms = { ACTION_TYPE: [], ACTION_STATUS: [], OUTCOME_TYPE: [], VERIFICATION: [] } as Record<Vocab, Choice[]>;
  const termLabels = new Map<string, { en: string; uk: string }>();
  for (const t of termRows) {
    if (t.active) terms[t.vocabulary as Vocab].push({ code: t.code, labelEn: t.labelEn, labelUk: t.labelUk });
    termLabels.set(`${t.vocabulary}:${t.code}`, { en: t.labelEn, uk: t.labelUk });
  }
  const orgs = new Map<string, string>();
  const orgNames = new Map<string, string>();
  for (const o of await tx.organization.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, nameUk: true, acronym: true },
  })) {
    orgNames.set(o.id, o.name);
    for (const n of [o.name, o.nameUk, o.acronym]) if (n && !orgs.has(norm(n))) orgs.set(norm(n), o.id);
  }
  const campaigns = new Map<string, string>();
  const campaignNames = new Map<string, string>();
  for (const c of await tx.campaign.findMany({ where: { deletedAt: null }, select: { id: true, title: true, titleUk: true } })) {
    campaignNames.set(c.id, c.title);
    for (const n of [c.title, c.titleUk]) if (n && !campaigns.has(norm(n))) campaigns.set(norm(n), c.id);
  }
  // all live actions, restricted ones included: a reference held by a record the importer cannot
  // see must still stop the row (an error that says nothing about that record), not duplicate it
  const refs = await tx.action.findMany({
    where: { deletedAt: null, referenceNumber: { not: null } },
    select: { id: true, referenceNumber: true },
  });
  const references = new Map<string, string[]>();
  for (const r of refs) {
    const k = refKey(r.referenceNumber!);
    if (!k) continue;
    references.set(k, [...(references.get(k) ?? []), r.id]);
  }
  return { db: tx, actor, terms, termLabels, orgs, campaigns, orgNames, campaignNames, references };
}

// ─── Updates ─────────────────────────────────────────────────────────────────────────────────────

/** The audited fields an import may change (the keys of lib/actions' snapshot, so History reads them). */
export const UPDATABLE_KEYS = [
  "title",
  "type",
  "date",
  "datePrecision",
  "status",
  "organizationIds",
  "campaignIds",
  "summary",
  "followUpDue",
  "confidentiality",
] as const;
export type UpdatableKey = (typeof UPDATABLE_KEYS)[number];
export type ActionSnapshot = Partial<Record<UpdatableKey, unknown>>;

/** The file's field → the snapshot keys it sets. The reference number itself is never rewritten. */
const KEYS_OF_FIELD: Partial<Record<ImportField, UpdatableKey[]>> = {
  title: ["title"],
  date: ["date", "datePrecision"],
  type: ["type"],
  status: ["status"],
  organizations: ["organizationIds"],
  campaigns: ["campaignIds"],
  summary: ["summary"],
  followUpDue: ["followUpDue"],
  confidentiality: ["confidentiality"],
};

/** An existing action a row may update: its form input as saved, and the version it was read at. */
type Target = { id: string; version: number; input: Record<string, unknown>; editable: boolean };

const snapshotOf = (d: Record<string, unknown>): ActionSnapshot => ({
  title: d.title,
  type: d.type,
  date: d.date,
  datePrecision: d.datePrecision,
  status: d.status,
  organizationIds: [...((d.organizationIds as string[]) ?? [])].sort(),
  campaignIds: [...((d.campaignIds as string[]) ?? [])].sort(),
  summary: d.summary ?? null,
  followUpDue: d.followUpDue ?? null,
  confidentiality: d.confidentiality,
});

const ID_CHUNK = 5000;

/** The actions named by these ids that the actor may see (others stay out of the map). */
async function loadTargets(ctx: Context, ids: string[]): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await ctx.db.action.findMany({
      where: { AND: [{ id: { in: ids.slice(i, i + ID_CHUNK) } }, actionScope(ctx.actor)] },
      include: STORED_ACTION_INCLUDE,
    });
    for (const a of rows) {
      const input = inputOfStoredAction(a);
      targets.set(a.id, {
        id: a.id,
        version: a.version,
        editable: canEditRecord(ctx.actor, { createdById: a.createdById, participantIds: input.participantIds }),
        input,
      });
    }
  }
  return targets;
}

/** A snapshot value as the report shows it: labels for vocabularies, names for links. */
function shown(ctx: Context, field: ImportField, snap: ActionSnapshot): ShownValue {
  const names = (ids: unknown, of: Map<string, string>) =>
    ((ids as string[]) ?? [])
      .map((id) => (id.startsWith(NEW_PREFIX) ? id.slice(NEW_PREFIX.length).replace(/^[a-z]+:/, "") : (of.get(id) ?? "?")))
      .sort((a, b) => a.localeCompare(b))
      .join("; ");
  const term = (vocab: Vocab, code: unknown) => ctx.termLabels.get(`${vocab}:${String(code)}`) ?? String(code ?? "");
  switch (field) {
    case "type":
      return term("ACTION_TYPE", snap.type);
    case "status":
      return term("ACTION_STATUS", snap.status);
    case "organizations":
      return names(snap.organizationIds, ctx.orgNames);
    case "campaigns":
      return names(snap.campaignIds, ctx.campaignNames);
    case "confidentiality": {
      const c = CONFIDENTIALITY_CHOICES.find((x) => x.code === snap.confidentiality);
      return c ? { en: c.labelEn, uk: c.labelUk } : String(snap.confidentiality ?? "");
    }
    case "date": {
      const d = String(snap.date ?? "");
      return snap.datePrecision === "YEAR" ? d.slice(0, 4) : snap.datePrecision === "MONTH" ? d.slice(0, 7) : d;
    }
    default:
      return String(snap[KEYS_OF_FIELD[field]![0]] ?? "");
  }
}

/** A name that is not yet in the database: created at import time from a confirmed proposal. */
export const NEW_PREFIX = "new:";

export type Prepared = { kind: "action"; row: number; data: TActionData } | { kind: "outcome"; row: number; data: TOutcomeData };
/** An update to apply: the changed fields only (audit snapshot keys), and the version they were read at. */
export type PreparedUpdate = { row: number; id: string; version: number; before: ActionSnapshot; after: ActionSnapshot };

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
): Promise<{ rows: RowResult[]; proposals: Proposal[]; prepared: Prepared[]; updates: PreparedUpdate[] }> {
  const col = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, table.headers.indexOf(h!)])) as Partial<
    Record<ImportField, number>
  >;
  const proposals = new Map<string, Proposal>();
  const rows: RowResult[] = [];
  const prepared: Prepared[] = [];
  const updates: PreparedUpdate[] = [];

  // the existing actions the file's reference numbers name (only the unambiguous ones are read)
  const refCol = kind === "action" ? col.referenceNumber : undefined;
  const refOf = (cells: string[]) => (refCol !== undefined && refCol >= 0 ? refKey(cells[refCol] ?? "") : "");
  const named = new Set<string>();
  for (const cells of table.rows) {
    const ids = ctx.references.get(refOf(cells));
    if (ids?.length === 1) named.add(ids[0]);
  }
  const targets = await loadTargets(ctx, [...named]);
  /** reference (refKey) → the first row of the file that names it */
  const firstRowOf = new Map<string, number>();

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
    let target: Target | undefined;
    const key = kind === "action" ? refKey(cell("referenceNumber")) : "";
    if (key) {
      const first = firstRowOf.get(key);
      if (first !== undefined)
        messages.push({ key: "msg.referenceTwice", column: mapping.referenceNumber, value: cell("referenceNumber"), otherRow: first });
      else firstRowOf.set(key, row);
      const ids = ctx.references.get(key) ?? [];
      if (ids.length > 1) fail("referenceNumber", "msg.referenceAmbiguous");
      else if (ids.length === 1) {
        const t = targets.get(ids[0]);
        // out of scope: say the number is taken, nothing about the record that holds it
        if (!t) fail("referenceNumber", "msg.referenceHidden");
        else if (!t.editable) fail("referenceNumber", "msg.referenceNotEditable");
        else target = t;
      }
    }
    // An update: the saved action with the row's non-empty mapped cells over it (an empty cell
    // keeps the saved value: blank never clears or downgrades, e.g. a restricted record to internal).
    let full: Record<string, unknown> = input;
    if (target) {
      full = { ...target.input };
      for (const f of ACTION_FIELDS)
        if (cell(f)) for (const k of KEYS_OF_FIELD[f] ?? []) full[k] = (input as Record<string, unknown>)[k];
    }

    const parsed = (kind === "action" ? ZActionInput : ZOutcomeInput).safeParse(full);
    // a row whose reference cannot be matched was meant as an update: its blank cells are not the problem
    const refProblem = messages.some((m) => m.key.startsWith("msg.reference") && m.key !== "msg.referenceTwice");
    if (!parsed.success && !refProblem) {
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? "");
        const field = FIELD_OF_PATH[path] ?? (path as ImportField);
        // a bad date or term already has its own message
        if (messages.some((m) => m.column === mapping[field] && m.column)) continue;
        messages.push({ key: "msg.invalid", column: mapping[field] ?? field, value: issue.message });
      }
    }
    if (messages.length || !parsed.success) {
      rows.push({ row, result: "error", messages });
      continue;
    }
    if (!target) {
      rows.push({ row, result: "create", messages });
      prepared.push({ kind, row, data: parsed.data } as Prepared);
      continue;
    }
    const before = snapshotOf(target.input);
    const after = snapshotOf(parsed.data as Record<string, unknown>);
    const diff = changedFields(before, after);
    if (!diff) {
      rows.push({ row, result: "unchanged", messages });
      continue;
    }
    const changes: FieldChange[] = ACTION_FIELDS.filter((f) => (KEYS_OF_FIELD[f] ?? []).some((k) => k in diff.after)).map(
      (f) => ({ field: f, from: shown(ctx, f, before), to: shown(ctx, f, after) }),
    );
    rows.push({ row, result: "update", messages, changes });
    updates.push({ row, id: target.id, version: target.version, before: diff.before, after: diff.after });
  }
  return { rows, proposals: [...proposals.values()], prepared, updates };
}

export function reportOf(
  kind: ImportKind,
  file: { name: string; hash: string },
  table: Table,
  mapping: Mapping,
  result: Awaited<ReturnType<typeof evaluate>>,
): DryRunReport {
  const count = (r: RowResult["result"]) => result.rows.filter((x) => x.result === r).length;
  return {
    kind,
    fileName: file.name,
    fileHash: file.hash,
    headers: table.headers,
    mapping,
    total: result.rows.length,
    toCreate: count("create"),
    toUpdate: count("update"),
    unchanged: count("unchanged"),
    errors: count("error"),
    rows: result.rows,
    proposals: result.proposals,
  };
}
