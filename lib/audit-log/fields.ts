// What each field of an audit snapshot means (a vocabulary code, an id of another record, a date, an
// enum), and how a before/after pair becomes field-level changes once those references are resolved.
// Pure: no database. lib/audit-log/resolve.ts does the lookups.
import type { Vocabulary } from "@/lib/vocabularies/vocabularies";
import type { AuditEnumGroup, AuditRef, AuditValue, FieldChange } from "./schemas";

export type RefEntity = "Action" | "Outcome" | "Campaign" | "Organization" | "User";

export type FieldSpec =
  | { kind: "text" }
  | { kind: "date" }
  | { kind: "enum"; group: AuditEnumGroup }
  | { kind: "term"; vocabulary: Vocabulary }
  | { kind: "ref"; entity: RefEntity }
  | { kind: "refs"; entity: RefEntity };

const text = { kind: "text" } as const;
const date = { kind: "date" } as const;
const term = (vocabulary: Vocabulary) => ({ kind: "term", vocabulary }) as const;
const ref = (entity: RefEntity) => ({ kind: "ref", entity }) as const;
const refs = (entity: RefEntity) => ({ kind: "refs", entity }) as const;
const enumOf = (group: AuditEnumGroup) => ({ kind: "enum", group }) as const;

/**
 * The snapshots written by lib/<area>/mutations.ts, field by field, in the order a reader expects.
 * A field not listed here is shown as recorded (text).
 */
export const FIELD_SPECS: Record<string, [string, FieldSpec][]> = {
  Comment: [["body", text]],
  Action: [
    ["title", text],
    ["type", term("ACTION_TYPE")],
    ["status", term("ACTION_STATUS")],
    ["date", date],
    ["datePrecision", enumOf("datePrecision")],
    ["organizationIds", refs("Organization")],
    ["campaignIds", refs("Campaign")],
    ["participantIds", refs("User")],
    ["referenceNumber", text],
    ["summary", text],
    ["originalLanguage", enumOf("language")],
    ["titleTranslation", text],
    ["summaryTranslation", text],
    ["needsTranslation", enumOf("boolean")],
    ["responseDate", date],
    ["responseSummary", text],
    ["followUpDue", date],
    ["confidentiality", enumOf("confidentiality")],
  ],
  Outcome: [
    ["title", text],
    ["type", term("OUTCOME_TYPE")],
    ["date", date],
    ["datePrecision", enumOf("datePrecision")],
    ["decidingBodyId", ref("Organization")],
    ["subjectId", ref("Organization")],
    ["statusBefore", text],
    ["statusAfter", text],
    ["verification", term("VERIFICATION")],
    ["sourceCitation", text],
    ["sourceUrl", text],
    ["summary", text],
    ["originalLanguage", enumOf("language")],
    ["titleTranslation", text],
    ["summaryTranslation", text],
    ["needsTranslation", enumOf("boolean")],
    ["campaignIds", refs("Campaign")],
    ["confidentiality", enumOf("confidentiality")],
  ],
  Campaign: [
    ["title", text],
    ["titleUk", text],
    ["goal", text],
    ["status", term("CAMPAIGN_STATUS")],
    ["priority", enumOf("priority")],
    ["ownerId", ref("User")],
    ["targetOrgId", ref("Organization")],
    ["parentId", ref("Campaign")],
    ["startDate", date],
    ["endDate", date],
  ],
  Organization: [
    ["name", text],
    ["nameUk", text],
    ["acronym", text],
    ["kind", term("ORGANIZATION_KIND")],
    ["parentId", ref("Organization")],
    ["country", text],
    ["website", text],
    ["notes", text],
  ],
  ActionOutcomeLink: [
    ["actionId", ref("Action")],
    ["outcomeId", ref("Outcome")],
    ["contribution", term("CONTRIBUTION")],
    ["evidenceNote", text],
  ],
  User: [
    ["name", text],
    ["email", text],
    ["role", enumOf("role")],
    ["active", enumOf("boolean")],
  ],
};

const specsOf = (entity: string) => new Map(FIELD_SPECS[entity] ?? []);

export type Snapshot = Record<string, unknown>;

export const asSnapshot = (value: unknown): Snapshot | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : null;

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** What has to be looked up to read a set of events: codes per vocabulary, ids per kind of record. */
export type Wanted = { terms: Map<Vocabulary, Set<string>>; ids: Map<RefEntity, Set<string>> };

export const emptyWanted = (): Wanted => ({ terms: new Map(), ids: new Map() });

const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
};

/** Adds the references of one event's snapshots to `wanted`. */
export function collectRefs(wanted: Wanted, entity: string, ...snapshots: (Snapshot | null)[]): void {
  const specs = specsOf(entity);
  for (const snap of snapshots) {
    if (!snap) continue;
    for (const [field, value] of Object.entries(snap)) {
      const spec = specs.get(field);
      if (!spec || isEmpty(value)) continue;
      if (spec.kind === "term" && typeof value === "string") add(wanted.terms, spec.vocabulary, value);
      if (spec.kind === "ref" && typeof value === "string") add(wanted.ids, spec.entity, value);
      if (spec.kind === "refs" && Array.isArray(value))
        for (const v of value) if (typeof v === "string") add(wanted.ids, spec.entity, v);
    }
  }
}

/** The lookups' answers. `record` returns undefined for an id it could not resolve. */
export type Resolver = {
  term: (vocabulary: Vocabulary, code: string) => AuditRef;
  record: (entity: RefEntity, id: string) => AuditRef;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const asText = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/** One recorded value as the interface shows it. */
export function toAuditValue(spec: FieldSpec | undefined, value: unknown, resolve: Resolver): AuditValue {
  if (isEmpty(value)) return { kind: "none" };
  switch (spec?.kind) {
    case "date":
      return typeof value === "string" && ISO_DATE.test(value)
        ? { kind: "date", date: value }
        : { kind: "text", text: asText(value) };
    case "enum":
      return { kind: "enum", group: spec.group, value: String(value) };
    case "term":
      return typeof value === "string"
        ? { kind: "ref", ref: resolve.term(spec.vocabulary, value) }
        : { kind: "text", text: asText(value) };
    case "ref":
      return typeof value === "string"
        ? { kind: "ref", ref: resolve.record(spec.entity, value) }
        : { kind: "text", text: asText(value) };
    case "refs":
      return Array.isArray(value)
        ? {
            kind: "list",
            items: value.map((v) =>
              typeof v === "string" ? resolve.record(spec.entity, v) : { type: "unknown", value: asText(v) },
            ),
          }
        : { kind: "text", text: asText(value) };
    default:
      return { kind: "text", text: typeof value === "string" ? value : asText(value) };
  }
}

const refKey = (r: AuditRef) =>
  r.type === "term" ? `t:${r.code}` : r.type === "record" ? `r:${r.id}` : r.type === "unknown" ? `u:${r.value}` : "hidden";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The field-level changes of one event. For an update (both snapshots) the fields that differ; for a
 * creation (after only) every field that has a value; for a deletion (before only) likewise, from
 * the before side. Fields come in the entity's declared order, unknown fields after them.
 * `omit`: fields the caller shows otherwise (e.g. the two ends of a link on a record's History).
 */
export function fieldChanges(
  entity: string,
  before: Snapshot | null,
  after: Snapshot | null,
  resolve: Resolver,
  omit: readonly string[] = [],
): FieldChange[] {
  const specs = specsOf(entity);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const ordered = [...[...specs.keys()].filter((k) => keys.has(k)), ...[...keys].filter((k) => !specs.has(k)).sort()];
  const changes: FieldChange[] = [];
  for (const field of ordered) {
    if (omit.includes(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (before && after ? same(b, a) : isEmpty(before ? b : a)) continue;
    const spec = specs.get(field);
    const change: FieldChange = {
      field,
      before: before ? toAuditValue(spec, b, resolve) : { kind: "none" },
      after: after ? toAuditValue(spec, a, resolve) : { kind: "none" },
    };
    if (spec?.kind === "refs" && before && after) {
      const bl = change.before.kind === "list" ? change.before.items : [];
      const al = change.after.kind === "list" ? change.after.items : [];
      const bk = new Set(bl.map(refKey));
      const ak = new Set(al.map(refKey));
      change.added = al.filter((r) => !bk.has(refKey(r)));
      change.removed = bl.filter((r) => !ak.has(refKey(r)));
    }
    changes.push(change);
  }
  return changes;
}
