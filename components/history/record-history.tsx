import { History as HistoryIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { HistoryEntry, RecordHistory as RecordHistoryData } from "@/lib/audit-log/schemas";
import { FieldChanges, RefView } from "./field-changes";

/** "2026-11-22 06:00:01.234" from an ISO instant: the precise UTC time, same on server and browser. */
export const utcText = (iso: string) => iso.replace("T", " ").replace(/Z$/, "");

/**
 * A record's History section: who changed which field from what to what, and when, with the links
 * made and removed in the same timeline. Takes the data from the page (lib/audit-log getRecordHistory).
 */
export function RecordHistory({ history, className }: { history: RecordHistoryData; className?: string }) {
  const t = useTranslations("history");
  const headingId = `history-${history.entityId}`;
  return (
    <Card className={className} role="region" aria-labelledby={headingId} data-testid="record-history">
      <CardHeader>
        <CardTitle id={headingId}>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {history.entries.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <HistoryIcon aria-hidden className="size-4" />
            {t("empty")}
          </p>
        ) : (
          <ol className="relative space-y-5 border-l pl-5">
            {history.entries.map((entry) => (
              <HistoryItem key={entry.id} entry={entry} entity={history.entity} />
            ))}
          </ol>
        )}
        {history.truncated && (
          <p className="mt-4 text-xs text-muted-foreground">{t("truncated", { count: history.entries.length })}</p>
        )}
      </CardContent>
    </Card>
  );
}

function HistoryItem({ entry, entity }: { entry: HistoryEntry; entity: string }) {
  const t = useTranslations("history");
  const tr = useTranslations("users.roles");
  const ta = useTranslations("attachments");
  const format = useFormatter();
  const isLink = "other" in entry && entry.other !== undefined;
  const title = isLink ? (
    <>
      {t(
        `link.${entity}.${entry.kind === "linked" || entry.kind === "unlinked" || entry.kind === "link-updated" ? entry.kind : "other"}`,
      )}{" "}
      <RefView value={entry.other!} />
    </>
  ) : entry.file ? (
    // evidence-file events (issue 8)
    <>
      {ta(`history.${entry.event.slice(entry.event.indexOf(".") + 1)}`)}{" "}
      <span className="break-all">{entry.file.name}</span>{" "}
      <span className="text-muted-foreground">({ta("version", { version: entry.file.version })})</span>
    </>
  ) : entry.kind === "other" ? (
    <span className="font-mono text-xs">{entry.event}</span>
  ) : (
    t(`kinds.${entry.kind}`)
  );
  const actor = entry.actor
    ? `${t("by", { name: entry.actor.name })}${entry.actorRole ? ` ${t("role", { role: tr(entry.actorRole) })}` : ""}`
    : t("by", { name: t("system") });

  return (
    <li className="relative" data-event={entry.event} data-testid="history-entry">
      <span aria-hidden className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-background bg-primary" />
      <p className="text-sm">
        <span className="font-medium">{title}</span> <span className="text-muted-foreground">{actor}</span>
      </p>
      <p className="text-xs text-muted-foreground">
        <time dateTime={entry.at} title={t("at", { time: utcText(entry.at) })}>
          {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "medium" })}
        </time>
      </p>
      {entry.changes.length > 0 &&
        (entry.kind === "created" || entry.kind === "deleted" ? (
          <details className="mt-1.5 text-sm">
            <summary className="cursor-pointer text-muted-foreground">
              {entry.kind === "created" ? t("initialValues") : t("removedValues")}
            </summary>
            <FieldChanges
              entity={entity}
              changes={entry.changes}
              mode={entry.kind === "created" ? "create" : "delete"}
              className="mt-1.5"
            />
          </details>
        ) : (
          <FieldChanges
            entity={isLink ? "ActionOutcomeLink" : entry.event.startsWith("comment.") ? "Comment" : entity}
            changes={entry.changes}
            mode={
              entry.kind === "linked" || entry.kind === "commented"
                ? "create"
                : entry.kind === "unlinked" || entry.kind === "comment-deleted"
                  ? "delete"
                  : "update"
            }
            className="mt-1.5"
          />
        ))}
    </li>
  );
}
