import { ArrowRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { RecordDate } from "@/components/records/record-date";
import type { AuditRef, AuditValue, ChangeShape, FieldChange } from "@/lib/audit-log/schemas";
import { cn } from "@/lib/utils";
import { termLabel } from "@/lib/vocabularies/vocabularies";

// Field-level changes as a reader recognises them: "Status: Sent → Awaiting response",
// "Counterpart bodies: + SCA". Used by a record's History and by /audit. Works in server and client
// components (no state).

/** The label of a snapshot field, or the field's own name when the catalogue has none. */
export function useFieldLabel(entity: string) {
  const t = useTranslations("history.fields");
  return (field: string) => {
    const key = `${entity}.${field}`;
    return t.has(key) ? t(key) : field;
  };
}

export function RefView({ value }: { value: AuditRef }) {
  const t = useTranslations("history.values");
  const locale = useLocale();
  if (value.type === "term") return <>{termLabel(value, locale)}</>;
  if (value.type === "hidden") return <span className="text-muted-foreground italic">{t("hidden")}</span>;
  if (value.type === "unknown") return <span className="font-mono text-xs break-all">{value.value}</span>;
  return (
    <>
      {value.href ? (
        <Link href={value.href} className="underline-offset-4 hover:underline">
          {value.label}
        </Link>
      ) : (
        value.label
      )}
      {value.deleted && <span className="ml-1 text-muted-foreground">{t("deleted")}</span>}
    </>
  );
}

function LongText({ text, limit }: { text: string; limit: number }) {
  const t = useTranslations("history.values");
  if (text.length <= limit) return <span className="whitespace-pre-line break-words">{text}</span>;
  return (
    <details className="inline">
      <summary className="cursor-pointer break-words">
        {text.slice(0, limit).trimEnd()}…<span className="sr-only"> {t("showAll")}</span>
      </summary>
      <span className="whitespace-pre-line break-words">{text}</span>
    </details>
  );
}

export function ValueView({ value, textLimit = 240 }: { value: AuditValue; textLimit?: number }) {
  const t = useTranslations("history.values");
  const tc = useTranslations("common");
  const tr = useTranslations("users.roles");
  const tp = useTranslations("campaigns.priority");
  switch (value.kind) {
    case "none":
      return <span className="text-muted-foreground">{t("none")}</span>;
    case "text":
      return <LongText text={value.text} limit={textLimit} />;
    case "date":
      return <RecordDate date={value.date} />;
    case "ref":
      return <RefView value={value.ref} />;
    case "list":
      return value.items.length ? (
        <>
          {value.items.map((item, i) => (
            <span key={i}>
              {i > 0 && ", "}
              <RefView value={item} />
            </span>
          ))}
        </>
      ) : (
        <span className="text-muted-foreground">{t("none")}</span>
      );
    case "enum": {
      const v = value.value;
      const label =
        value.group === "confidentiality" && tc.has(`confidentiality.${v}`)
          ? tc(`confidentiality.${v}`)
          : value.group === "datePrecision" && tc.has(`dates.precision.${v}`)
            ? tc(`dates.precision.${v}`)
            : value.group === "role" && tr.has(v)
              ? tr(v)
              : value.group === "priority" && tp.has(v)
                ? tp(v)
                : value.group === "boolean"
                  ? t(v === "true" ? "yes" : "no")
                  : value.group === "language" && t.has(`languages.${v}`)
                    ? t(`languages.${v}`)
                    : v;
      return <>{label}</>;
    }
  }
}

function ListDelta({ added, removed }: { added: AuditRef[]; removed: AuditRef[] }) {
  const t = useTranslations("history");
  return (
    <span className="inline-flex flex-wrap gap-x-3 gap-y-0.5">
      {added.map((r, i) => (
        <span key={`a${i}`} className="text-success">
          <span aria-hidden>+ </span>
          <span className="sr-only">{t("added")}: </span>
          <RefView value={r} />
        </span>
      ))}
      {removed.map((r, i) => (
        <span key={`r${i}`} className="text-destructive">
          <span aria-hidden>− </span>
          <span className="sr-only">{t("removed")}: </span>
          <span className="line-through decoration-1">
            <RefView value={r} />
          </span>
        </span>
      ))}
    </span>
  );
}

export type ChangeMode = ChangeShape;

/**
 * The changes of one event as a description list. `mode`: an update shows before → after; a
 * creation only the values set; a deletion only the values the record had.
 */
export function FieldChanges({
  entity,
  changes,
  mode,
  compact = false,
  className,
}: {
  entity: string;
  changes: FieldChange[];
  mode: ChangeMode;
  /** for table cells: smaller, shorter texts */
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("history");
  const label = useFieldLabel(entity);
  if (!changes.length) return null;
  const textLimit = compact ? 80 : 240;
  return (
    <dl className={cn("grid gap-1", compact ? "text-xs" : "text-sm", className)}>
      {changes.map((c) => (
        <div key={c.field} className="flex flex-wrap items-baseline gap-x-1.5" data-field={c.field}>
          <dt className="font-medium text-foreground">{label(c.field)}:</dt>
          <dd className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
            {mode === "create" ? (
              <ValueView value={c.after} textLimit={textLimit} />
            ) : mode === "delete" ? (
              <ValueView value={c.before} textLimit={textLimit} />
            ) : c.added || c.removed ? (
              <ListDelta added={c.added ?? []} removed={c.removed ?? []} />
            ) : (
              <>
                <span className="text-muted-foreground" data-side="before">
                  <ValueView value={c.before} textLimit={textLimit} />
                </span>
                <ArrowRight aria-hidden className="size-3.5 shrink-0 self-center text-muted-foreground" />
                <span className="sr-only">{t("to")}</span>
                <span data-side="after">
                  <ValueView value={c.after} textLimit={textLimit} />
                </span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
