"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Megaphone } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableFeatures } from "@/components/data-table/data-table";
import { RecordDate } from "@/components/records/record-date";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { CampaignListRow } from "@/lib/campaigns/queries";
import { campaignOtherTitle, campaignTitle, orgName, orgShort } from "@/lib/names";

const col = createColumnHelper<DataTableFeatures, CampaignListRow>();

type Props = { rows: CampaignListRow[]; sort: string; dir: "asc" | "desc"; filtered: boolean; canCreate: boolean };

const dash = <span className="text-muted-foreground">—</span>;

const PRIORITY_TONES = { HIGH: "danger", MEDIUM: "warning", LOW: "neutral" } as const;

/** A campaign's priority as a badge; `label` is the translated priority. */
export function PriorityBadge({ priority, label }: { priority: CampaignListRow["priority"]; label: string }) {
  return (
    <Badge variant={PRIORITY_TONES[priority]} data-priority={priority}>
      {label}
    </Badge>
  );
}

export function CampaignsTable({ rows, sort, dir, filtered, canCreate }: Props) {
  const t = useTranslations("campaigns");
  const locale = useLocale();
  const columns = useMemo(
    () => [
      col.accessor("title", {
        header: () => t("fields.title"),
        cell: ({ row }) => (
          <div className="min-w-56">
            <Link href={`/campaigns/${row.original.id}`} className="font-medium text-foreground hover:underline">
              {campaignTitle(row.original, locale)}
            </Link>
            {campaignOtherTitle(row.original, locale) && (
              <div lang={locale === "uk" ? "en" : "uk"} className="mt-0.5 text-xs text-muted-foreground">
                {campaignOtherTitle(row.original, locale)}
              </div>
            )}
            {row.original.parent && (
              <div className="mt-0.5 text-xs text-muted-foreground">
                {t("subGoalOf")}{" "}
                <Link href={`/campaigns/${row.original.parent.id}`} className="hover:underline">
                  {campaignTitle(row.original.parent, locale)}
                </Link>
              </div>
            )}
          </div>
        ),
      }),
      col.accessor("status", { header: () => t("fields.status"), cell: ({ row }) => <TermLabel term={row.original.status} badge /> }),
      col.accessor("priority", {
        header: () => t("fields.priority"),
        cell: ({ row }) => <PriorityBadge priority={row.original.priority} label={t(`priority.${row.original.priority}`)} />,
      }),
      col.display({
        id: "owner",
        header: () => t("fields.owner"),
        cell: ({ row }) => (row.original.owner ? <span className="whitespace-nowrap">{row.original.owner.name}</span> : dash),
      }),
      col.display({
        id: "targetOrg",
        header: () => t("fields.targetOrg"),
        cell: ({ row }) => {
          const org = row.original.targetOrg;
          if (!org) return dash;
          return (
            <Link href={`/organizations/${org.id}`} className="hover:underline" title={org.acronym ? orgName(org, locale) : undefined}>
              {orgShort(org, locale)}
            </Link>
          );
        },
      }),
      col.display({
        id: "actions",
        header: () => t("fields.actions"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.actionCount}</span>,
        meta: { className: "text-right" },
      }),
      col.display({
        id: "outcomes",
        header: () => t("fields.outcomes"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.outcomeCount}</span>,
        meta: { className: "text-right" },
      }),
      col.accessor("updatedAt", {
        header: () => t("fields.updatedAt"),
        cell: ({ row }) => <RecordDate date={row.original.updatedAt.slice(0, 10)} />,
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
          icon={<Megaphone aria-hidden className="size-6" />}
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : t("empty.description")}
          action={
            !filtered && canCreate ? (
              <Button asChild size="sm">
                <Link href="/campaigns/new">{t("new")}</Link>
              </Button>
            ) : null
          }
        />
      }
    />
  );
}
