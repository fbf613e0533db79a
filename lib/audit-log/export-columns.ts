// The columns of the audit trail's export: what /audit shows, one event per row, with the field-level
// changes as text ("Status: Sent → Awaiting response; Counterpart bodies: + SCA"). Pure: rows are
// AuditEventRow DTOs, texts come from the catalogue (lib/exports/i18n).
import { DEFAULT_LOCALE } from "@/i18n/config";
import { MESSAGES } from "@/i18n/messages";
import type { ExportColumn } from "@/lib/exports/cells";
import type { Translate } from "@/lib/exports/i18n";
import { termLabel } from "@/lib/vocabularies/vocabularies";
import type { AuditEventRow, AuditRef, AuditValue, ChangeShape, FieldChange } from "./schemas";

export type AuditColumnContext = { t: Translate; locale: string; baseUrl: string };

/** The text of a key when the catalogue has it (a field or value without a label is shown as recorded). */
const has = (t: Translate, key: string): string | null => {
  let node: unknown = MESSAGES[DEFAULT_LOCALE];
  for (const part of key.split("."))
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? t(key) : null;
};

function refText(ctx: AuditColumnContext, r: AuditRef): string {
  if (r.type === "term") return termLabel(r, ctx.locale);
  if (r.type === "hidden") return ctx.t("history.values.hidden");
  if (r.type === "unknown") return r.value;
  return r.deleted ? `${r.label} ${ctx.t("history.values.deleted")}` : r.label;
}

const ENUM_KEYS: Record<string, (v: string) => string> = {
  confidentiality: (v) => `common.confidentiality.${v}`,
  datePrecision: (v) => `common.dates.precision.${v}`,
  role: (v) => `users.roles.${v}`,
  priority: (v) => `campaigns.priority.${v}`,
  boolean: (v) => `history.values.${v === "true" ? "yes" : "no"}`,
  language: (v) => `history.values.languages.${v}`,
};

export function valueText(ctx: AuditColumnContext, v: AuditValue): string {
  switch (v.kind) {
    case "none":
      return ctx.t("history.values.none");
    case "text":
      return v.text;
    case "date":
      return v.date;
    case "enum":
      return (ENUM_KEYS[v.group] && has(ctx.t, ENUM_KEYS[v.group](v.value))) || v.value;
    case "ref":
      return refText(ctx, v.ref);
    case "list":
      return v.items.length ? v.items.map((r) => refText(ctx, r)).join(", ") : ctx.t("history.values.none");
  }
}

/** One event's changes as one line of text. */
export function changesText(ctx: AuditColumnContext, entity: string, shape: ChangeShape, changes: FieldChange[]): string {
  const label = (field: string) => has(ctx.t, `history.fields.${entity}.${field}`) ?? field;
  return changes
    .map((c) => {
      const value =
        shape === "create"
          ? valueText(ctx, c.after)
          : shape === "delete"
            ? valueText(ctx, c.before)
            : c.added || c.removed
              ? [
                  ...(c.added ?? []).map((r) => `+ ${refText(ctx, r)}`),
                  ...(c.removed ?? []).map((r) => `− ${refText(ctx, r)}`),
                ].join(", ")
              : `${valueText(ctx, c.before)} → ${valueText(ctx, c.after)}`;
      return `${label(c.field)}: ${value}`;
    })
    .join("; ");
}

export function auditColumns(ctx: AuditColumnContext): ExportColumn<AuditEventRow>[] {
  const { t, baseUrl } = ctx;
  const h = (key: string) => t(`audit.exportColumns.${key}`);
  return [
    { header: h("id"), type: "number", width: 10, value: (r) => Number(r.id) },
    { header: h("at"), type: "datetime", width: 24, value: (r) => r.at },
    { header: h("actor"), type: "text", width: 24, value: (r) => r.actor?.name ?? t("audit.noActor") },
    { header: h("role"), type: "text", width: 14, value: (r) => (r.actorRole ? t(`users.roles.${r.actorRole}`) : null) },
    { header: h("event"), type: "text", width: 24, value: (r) => r.event },
    { header: h("entity"), type: "text", width: 18, value: (r) => r.entity },
    { header: h("entityId"), type: "text", width: 28, value: (r) => r.entityId },
    { header: h("changes"), type: "text", width: 80, value: (r) => changesText(ctx, r.entity, r.shape, r.changes) },
    { header: t("exports.columns.url"), type: "text", width: 50, value: (r) => (r.href ? `${baseUrl}${r.href}` : null) },
    { header: h("ip"), type: "text", width: 16, value: (r) => r.ip },
    { header: h("userAgent"), type: "text", width: 40, value: (r) => r.userAgent },
    { header: h("hash"), type: "text", width: 66, value: (r) => r.hash },
  ];
}
