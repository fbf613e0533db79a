// The audit trail's list parameters and the shapes the interface reads (events, field changes,
// record history). Safe to import from client components: no database, no server-only code.
import { z } from "zod";
import type { TermRef } from "@/lib/actions/dto";
import type { RoleName } from "@/lib/permissions-roles";
import { filterDate, filterString, listParamsSchema } from "@/lib/list-params";

export const AUDIT_SORT_KEYS = ["at", "event", "entity"] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];

/** The actor filter's value for events without a signed-in person (failed sign-ins, the daily check). */
export const SYSTEM_ACTOR = "system";

/**
 * /audit?q=&actor=&event=&entity=&from=&to=&sort=&dir=&page=&size= — `q` searches the record id
 * (exact or a prefix of it); from/to are UTC calendar days, both inclusive.
 */
export const ZAuditListParams = listParamsSchema(AUDIT_SORT_KEYS, { sort: "at", dir: "desc" }).extend({
  actor: filterString(),
  event: filterString(),
  entity: filterString(),
  from: filterDate(),
  to: filterDate(),
});
export type TAuditListParams = z.output<typeof ZAuditListParams>;

/** The records whose pages show a History. */
export const HISTORY_ENTITIES = ["Action", "Outcome", "Campaign", "Organization"] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];
export const ZHistoryEntity = z.enum(HISTORY_ENTITIES);

/** Where a record of ours lives in the app (null: no page for it, e.g. a link or a user). */
export const recordHref = (entity: string, id: string | null | undefined): string | null => {
  if (!id) return null;
  const base = { Action: "/actions", Outcome: "/outcomes", Campaign: "/campaigns", Organization: "/organizations" }[entity];
  return base ? `${base}/${encodeURIComponent(id)}` : null;
};

// ---------------------------------------------------------------------------------------------------
// Field-level changes, with ids and codes resolved to what a reader recognises.

/** Values that the message catalogue labels (enums of the schema and booleans). */
export type AuditEnumGroup = "confidentiality" | "datePrecision" | "priority" | "role" | "boolean" | "language";

/** Something a snapshot points at, resolved. */
export type AuditRef =
  | ({ type: "term" } & TermRef)
  | { type: "record"; entity: string; id: string; label: string; href: string | null; deleted?: boolean }
  /** a record the reader may not see: neither its title nor its id is given */
  | { type: "hidden" }
  /** an id or code that no longer resolves (shown as it was recorded) */
  | { type: "unknown"; value: string };

export type AuditValue =
  | { kind: "none" }
  | { kind: "text"; text: string }
  /** a calendar date, YYYY-MM-DD */
  | { kind: "date"; date: string }
  | { kind: "enum"; group: AuditEnumGroup; value: string }
  | { kind: "ref"; ref: AuditRef }
  | { kind: "list"; items: AuditRef[] };

/** One field of one event: "Status: Draft → Sent"; lists also say what was added and removed. */
export type FieldChange = {
  field: string;
  before: AuditValue;
  after: AuditValue;
  added?: AuditRef[];
  removed?: AuditRef[];
};

export type ChangeShape = "update" | "create" | "delete";

export type AuditActorRef = { id: string; name: string } | null;

/** A row of /audit. `at` is the precise UTC instant (ISO 8601 with milliseconds). */
export type AuditEventRow = {
  id: string;
  at: string;
  actor: AuditActorRef;
  actorRole: RoleName | null;
  event: string;
  entity: string;
  entityId: string | null;
  /** the record's page when it is one of ours */
  href: string | null;
  /** which snapshots the event holds: both (an update), after only (a creation), before only (a deletion) */
  shape: ChangeShape;
  changes: FieldChange[];
  ip: string | null;
  userAgent: string | null;
  hash: string;
};

export type AuditFilterOptions = {
  actors: { value: string; label: string }[];
  events: string[];
  entities: string[];
};

export type HistoryEntryKind =
  | "created"
  | "updated"
  | "deleted"
  | "linked"
  | "link-updated"
  | "unlinked"
  | "commented"
  | "comment-edited"
  | "comment-deleted"
  | "other";

/** One step in a record's History: who, when, what; for link events, the record at the other end. */
export type HistoryEntry = {
  id: string;
  at: string;
  actor: AuditActorRef;
  actorRole: RoleName | null;
  event: string;
  kind: HistoryEntryKind;
  /** link events: the action or outcome at the other end (hidden when the reader may not see it) */
  other?: AuditRef;
  /** evidence-file events (issue 8): the file's name and version */
  file?: { name: string; version: number };
  changes: FieldChange[];
};

export type RecordHistory = {
  entity: HistoryEntity;
  entityId: string;
  entries: HistoryEntry[];
  /** more events exist than were returned (the newest are shown) */
  truncated: boolean;
};
