"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { RecordDate } from "@/components/records/record-date";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionListRow } from "@/lib/actions/dto";
import { todayIso } from "@/lib/dates";
import { CLOSED_ACTION_STATUS } from "@/lib/vocabularies/vocabularies";

const col = createColumnHelper<DataTableFeatures, ActionListRow>();

type Props = { rows: ActionListRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean; canCreate: boolean };

export function ActionsTable({ rows, sort, dir, filtered, canCreate }: Props) {
  const t = useTranslations("actions");
  const today = todayIso();
  const columns = useMemo(
    () => [
      col.accessor("title", {
        header: () => t("fields.title"),
        cell: ({ row }) => (
          <div className="min-w-56">
            <Link href={`/actions/${row.original.id}`} className="font-medium text-foreground hover:underline">
              {row.original.title}
            </Link>
            <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              {row.original.referenceNumber && <span>{row.original.referenceNumber}</span>}
              <ConfidentialityBadge value={row.original.confidentiality} hidePublic />
            </div>
          </div>
        ),
      }),
      col.accessor("type", { header: () => t("fields.type"), cell: ({ row }) => <TermLabel term={row.original.type} /> }),
      col.accessor("date", {
        header: () => t("fields.date"),
        cell: ({ row }) => <RecordDate date={row.original.date} precision={row.original.datePrecision} />,
      }),
      col.accessor("status", {
        header: () => t("fields.status"),
        cell: ({ row }) => <TermLabel term={row.original.status} badge />,
      }),
      col.display({
        id: "organizations",
        header: () => t("fields.organizations"),
        cell: ({ row }) => (
          <span className="text-muted-foreground">
            {row.original.organizations.map((o) => o.acronym ?? o.name).join(", ") || "—"}
          </span>
        ),
      }),
      col.accessor("followUpDue", {
        header: () => t("fields.followUpDue"),
        cell: ({ row }) => {
          const due = row.original.followUpDue;
          if (!due) return <span className="text-muted-foreground">—</span>;
          const overdue = due < today && row.original.status.code !== CLOSED_ACTION_STATUS;
          return (
            <span className={overdue ? "font-medium text-destructive" : undefined}>
              <RecordDate date={due} />
              {overdue && <span className="ml-1 text-xs">({t("overdue")})</span>}
            </span>
          );
        },
      }),
      col.display({
        id: "links",
        header: () => t("fields.outcomes"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.linkCount}</span>,
        meta: { className: "text-right" },
      }),
    ],
    [t, today],
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
          icon={<FileText aria-hidden className="size-5" />}
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : t("empty.description")}
          action={
            !filtered && canCreate ? (
              <Button asChild size="sm">
                <Link href="/actions/new">{t("new")}</Link>
              </Button>
            ) : null
          }
        />
      }
    />
  );
}
