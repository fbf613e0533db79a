"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Target } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { RecordDate } from "@/components/records/record-date";
import { RecordTitleCell } from "@/components/records/record-title-cell";
import { StatusChange } from "@/components/records/status-change";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { OrgRef } from "@/lib/actions/dto";
import { orgShort } from "@/lib/names";
import type { OutcomeListRow } from "@/lib/outcomes/dto";

const col = createColumnHelper<DataTableFeatures, OutcomeListRow>();

type Props = { rows: OutcomeListRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean; canCreate: boolean };

export function OutcomesTable({ rows, sort, dir, filtered, canCreate }: Props) {
  const t = useTranslations("outcomes");
  const locale = useLocale();
  const columns = useMemo(
    () => [
      col.accessor("title", {
        header: () => t("fields.title"),
        cell: ({ row }) => (
          <RecordTitleCell row={row.original} href={`/outcomes/${row.original.id}`}>
            <StatusChange before={row.original.statusBefore} after={row.original.statusAfter} />
            <ConfidentialityBadge value={row.original.confidentiality} hidePublic />
          </RecordTitleCell>
        ),
      }),
      col.accessor("type", { header: () => t("fields.type"), cell: ({ row }) => <TermLabel term={row.original.type} /> }),
      col.accessor("date", {
        header: () => t("fields.date"),
        cell: ({ row }) => <RecordDate date={row.original.date} precision={row.original.datePrecision} />,
      }),
      col.display({
        id: "subject",
        header: () => t("fields.subject"),
        cell: ({ row }) => <span className="text-muted-foreground">{orgName(row.original.subject, locale)}</span>,
      }),
      col.display({
        id: "decidingBody",
        header: () => t("fields.decidingBody"),
        cell: ({ row }) => <span className="text-muted-foreground">{orgName(row.original.decidingBody, locale)}</span>,
      }),
      col.accessor("verification", {
        header: () => t("fields.verification"),
        cell: ({ row }) => <TermLabel term={row.original.verification} badge />,
      }),
      col.display({
        id: "links",
        header: () => t("fields.actions"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.linkCount}</span>,
        meta: { className: "text-right" },
      }),
    ],
    [t, locale],
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
          icon={<Target aria-hidden className="size-5" />}
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : t("empty.description")}
          action={
            !filtered && canCreate ? (
              <Button asChild size="sm">
                <Link href="/outcomes/new">{t("new")}</Link>
              </Button>
            ) : null
          }
        />
      }
    />
  );
}

const orgName = (o: OrgRef | null, locale: string) => (o ? orgShort(o, locale) : "—");
