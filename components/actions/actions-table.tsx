"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { FileText } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { RecordDate } from "@/components/records/record-date";
import { RecordTitleCell } from "@/components/records/record-title-cell";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionListRow } from "@/lib/actions/dto";
import { todayIso } from "@/lib/dates";
import { orgShort } from "@/lib/names";
import { CLOSED_ACTION_STATUS } from "@/lib/vocabularies/vocabularies";

const col = createColumnHelper<DataTableFeatures, ActionListRow>();

type Props = { rows: ActionListRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean; canCreate: boolean };

export function ActionsTable({ rows, sort, dir, filtered, canCreate }: Props) {
  const t = useTranslations("actions");
  const locale = useLocale();
  const today = todayIso();
  const columns = useMemo(
    () => [
      col.accessor("title", {
        header: () => t("fields.title"),
        cell: ({ row }) => (
          <RecordTitleCell row={row.original} href={`/actions/${row.original.id}`}>
            {row.original.referenceNumber && <span>{row.original.referenceNumber}</span>}
            <ConfidentialityBadge value={row.original.confidentiality} hidePublic />
          </RecordTitleCell>
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
            {row.original.organizations.map((o) => orgShort(o, locale)).join(", ") || "—"}
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
    [t, today, locale],
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
