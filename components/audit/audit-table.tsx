"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { ScrollText } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { FieldChanges } from "@/components/history/field-changes";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditEventRow } from "@/lib/audit-log/schemas";

const col = createColumnHelper<DataTableFeatures, AuditEventRow>();

/** How many fields a row shows before the rest fold away. */
const INLINE_CHANGES = 3;

/** "2026-11-22 06:00:01.234" from an ISO instant (UTC, to the millisecond). */
const utcText = (iso: string) => iso.replace("T", " ").replace(/Z$/, "");

type Props = { rows: AuditEventRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean };

/** The audit trail: one row per event, newest first by default, with a compact field-level diff. */
export function AuditTable({ rows, sort, dir, filtered }: Props) {
  const t = useTranslations("audit");
  const tr = useTranslations("users.roles");
  const columns = useMemo(
    () => [
      col.accessor("at", {
        header: () => t("columns.time"),
        cell: ({ row }) => (
          <div className="whitespace-nowrap">
            <time dateTime={row.original.at} className="font-mono text-xs tabular-nums">
              {utcText(row.original.at)}
            </time>
            <div className="font-mono text-xs text-muted-foreground">{t("eventNumber", { id: row.original.id })}</div>
          </div>
        ),
      }),
      col.display({
        id: "actor",
        header: () => t("columns.actor"),
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="min-w-32">
              <div className="font-medium">{r.actor?.name ?? <span className="text-muted-foreground">{t("noActor")}</span>}</div>
              {r.actorRole && <div className="text-xs text-muted-foreground">{tr(r.actorRole)}</div>}
            </div>
          );
        },
      }),
      col.accessor("event", {
        header: () => t("columns.event"),
        cell: ({ row }) => <span className="font-mono text-xs whitespace-nowrap">{row.original.event}</span>,
      }),
      col.accessor("entity", {
        header: () => t("columns.entity"),
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="min-w-28">
              <div>{r.entity}</div>
              {r.entityId &&
                (r.href ? (
                  <Link
                    href={r.href}
                    className="font-mono text-xs break-all text-primary hover:underline"
                    aria-label={t("openRecord", { entity: r.entity, id: r.entityId })}
                  >
                    {r.entityId}
                  </Link>
                ) : (
                  <span className="font-mono text-xs break-all text-muted-foreground">{r.entityId}</span>
                ))}
            </div>
          );
        },
      }),
      col.display({
        id: "changes",
        header: () => t("columns.changes"),
        cell: ({ row }) => {
          const r = row.original;
          const inline = r.changes.slice(0, INLINE_CHANGES);
          const rest = r.changes.slice(INLINE_CHANGES);
          return (
            <div className="min-w-56 max-w-md">
              <FieldChanges entity={r.entity} changes={inline} mode={r.shape} compact />
              {rest.length > 0 && (
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-muted-foreground">{t("more", { count: rest.length })}</summary>
                  <FieldChanges entity={r.entity} changes={rest} mode={r.shape} compact className="mt-1" />
                </details>
              )}
            </div>
          );
        },
      }),
    ],
    [t, tr],
  );

  return (
    <DataTable
      columns={columns}
      data={rows}
      sort={sort}
      dir={dir}
      caption={t("title")}
      empty={
        <EmptyState
          icon={<ScrollText aria-hidden className="size-5" />}
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : t("empty.description")}
        />
      }
    />
  );
}
