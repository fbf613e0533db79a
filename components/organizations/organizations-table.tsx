"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Building2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { orgName, orgOtherName, orgShort } from "@/lib/names";
import type { OrganizationListRow } from "@/lib/organizations/queries";

const col = createColumnHelper<DataTableFeatures, OrganizationListRow>();

type Props = { rows: OrganizationListRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean; canCreate: boolean };

const dash = <span className="text-muted-foreground">—</span>;

export function OrganizationsTable({ rows, sort, dir, filtered, canCreate }: Props) {
  const t = useTranslations("organizations");
  const locale = useLocale();
  const columns = useMemo(
    () => [
      col.accessor("name", {
        header: () => t("fields.name"),
        cell: ({ row }) => (
          <div className="min-w-56">
            <Link href={`/organizations/${row.original.id}`} className="font-medium text-foreground hover:underline">
              {orgName(row.original, locale)}
            </Link>
            {orgOtherName(row.original, locale) && (
              <div lang={locale === "uk" ? "en" : "uk"} className="mt-0.5 text-xs text-muted-foreground">
                {orgOtherName(row.original, locale)}
              </div>
            )}
          </div>
        ),
      }),
      col.accessor("acronym", {
        header: () => t("fields.acronym"),
        cell: ({ row }) => (row.original.acronym ? <span className="whitespace-nowrap">{row.original.acronym}</span> : dash),
      }),
      col.accessor("kind", { header: () => t("fields.kind"), cell: ({ row }) => <TermLabel term={row.original.kind} /> }),
      col.display({
        id: "parent",
        header: () => t("fields.parent"),
        cell: ({ row }) => {
          const parent = row.original.parent;
          if (!parent) return dash;
          return (
            <Link href={`/organizations/${parent.id}`} className="hover:underline" title={parent.acronym ? orgName(parent, locale) : undefined}>
              {orgShort(parent, locale)}
            </Link>
          );
        },
      }),
      col.display({
        id: "country",
        header: () => t("fields.country"),
        cell: ({ row }) => row.original.country ?? dash,
      }),
      col.display({
        id: "subBodies",
        header: () => t("fields.subBodies"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.childCount}</span>,
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
          icon={<Building2 aria-hidden className="size-6" />}
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : t("empty.description")}
          action={
            !filtered && canCreate ? (
              <Button asChild size="sm">
                <Link href="/organizations/new">{t("new")}</Link>
              </Button>
            ) : null
          }
        />
      }
    />
  );
}
