"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Target } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { ConfidentialityBadge } from "@/components/records/confidentiality-badge";
import { RecordDate } from "@/components/records/record-date";
import { StatusChange } from "@/components/records/status-change";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { OutcomeListRow } from "@/lib/outcomes/dto";

const col = createColumnHelper<DataTableFeatures, OutcomeListRow>();

type Props = { rows: OutcomeListRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean; canCreate: boolean };

export function OutcomesTable({ rows, sort, dir, filtered, canCreate }: Props) {
  const t = useTranslations("outcomes");
  const columns = useMemo(
    () => [
      col.accessor("title", {
        header: () => t("fields.title"),
        cell: ({ row }) => (
          <div className="min-w-56">
            <Link href={`/outcomes/${row.original.id}`} className="font-medium text-foreground hover:underline">
              {row.original.title}
            </Link>
            <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <StatusChange before={row.original.statusBefore} after={row.original.statusAfter} />
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
      col.display({
        id: "subject",
        header: () => t("fields.subject"),
        cell: ({ row }) => <span className="text-muted-foreground">{orgName(row.original.subject)}</span>,
      }),
      col.display({
        id: "decidingBody",
        header: () => t("fields.decidingBody"),
        cell: ({ row }) => <span className="text-muted-foreground">{orgName(row.original.decidingBody)}</span>,
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
    [t],
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

const orgName = (o: { name: string; acronym: string | null } | null) => (o ? (o.acronym ?? o.name) : "—");
