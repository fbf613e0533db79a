// Import of past logs (issue 8): the fields a file's columns map to, and the inputs of the steps.
// Safe to import from client components.
import { z } from "zod";

export const IMPORT_KINDS = ["action", "outcome"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Files larger than this are refused before they are read. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Above this many records the one import.run event stands for the batch (no per-record rows). */
export const PER_RECORD_AUDIT_LIMIT = 1000;

export const ACTION_FIELDS = [
  "title",
  "date",
  "type",
  "status",
  "organizations",
  "campaigns",
  "referenceNumber",
  "summary",
  "followUpDue",
  "confidentiality",
] as const;

export const OUTCOME_FIELDS = [
  "title",
  "date",
  "type",
  "decidingBody",
  "subject",
  "statusBefore",
  "statusAfter",
  "sourceCitation",
  "verification",
  "summary",
  "campaigns",
  "confidentiality",
] as const;

export type ImportField = (typeof ACTION_FIELDS)[number] | (typeof OUTCOME_FIELDS)[number];
export const fieldsOf = (kind: ImportKind): readonly ImportField[] => (kind === "action" ? ACTION_FIELDS : OUTCOME_FIELDS);

/** field → the file's column header (absent: not imported). */
export type Mapping = Partial<Record<ImportField, string>>;

export const ZImportRequest = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  mapping: z.record(z.string(), z.string().max(200)),
  /** The proposals (organization or campaign names) the user confirmed, as "org:Name" / "campaign:Name". */
  confirmed: z.array(z.string().max(400)).max(10_000).default([]),
  skipBad: z.boolean().default(false),
});
export type TImportRequest = z.input<typeof ZImportRequest>;

/** One message of the report: a catalogue key (import namespace) with its values. */
export type RowMessage = { key: string; column?: string; value?: string; /** another row of the file it refers to */ otherRow?: number };
/** A value as the report shows it: plain text, or a vocabulary label in both languages. */
export type ShownValue = string | { en: string; uk: string };
/** A field an update would change, from the saved value to the file's. */
export type FieldChange = { field: ImportField; from: ShownValue; to: ShownValue };
/**
 * create: a new record; update: the action whose reference number the row names, with the fields
 * that change; unchanged: that action already holds the row's values (skipped, not an error).
 */
export type RowResult = {
  row: number;
  result: "create" | "update" | "unchanged" | "error";
  messages: RowMessage[];
  changes?: FieldChange[];
};
export type Proposal = { kind: "org" | "campaign"; name: string; rows: number };

export type DryRunReport = {
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  headers: string[];
  mapping: Mapping;
  total: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: number;
  rows: RowResult[];
  proposals: Proposal[];
};

export const proposalKey = (p: Pick<Proposal, "kind" | "name">) => `${p.kind}:${p.name}`;
