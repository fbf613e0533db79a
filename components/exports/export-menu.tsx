"use client";

import { Download, FileSpreadsheet, FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { DownloadStatusText } from "./download-status";
import { useDownloadStatus } from "./use-download-status";

type Props = {
  list: "actions" | "outcomes" | "campaigns" | "organizations" | "audit";
  /** how many rows the export will hold (the list's total), so that one knows what to expect */
  total?: number;
};

// Paging is no part of an export: it holds every page of the list.
const NOT_EXPORTED = new Set(["page", "size"]);

/** "Export" menu of a list page: the list as it is on screen (filters, search, sort), as CSV or Excel. */
export function ExportMenu({ list, total }: Props) {
  const t = useTranslations("exports.menu");
  const searchParams = useSearchParams();
  const { status, onClick } = useDownloadStatus();
  const params = new URLSearchParams([...searchParams.entries()].filter(([k]) => !NOT_EXPORTED.has(k)));
  const qs = params.toString();
  const href = (format: "csv" | "xlsx") => `/api/exports/${list}.${format}${qs ? `?${qs}` : ""}`;

  return (
    <div className="flex items-center gap-2">
      <DownloadStatusText status={status} preparing={t("preparing")} started={t("started")} />
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" aria-busy={status === "preparing" || undefined}>
            <Download aria-hidden="true" />
            {t("label")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel className="grid gap-0.5">
            <span>{t("heading")}</span>
            <span className="text-xs font-normal text-muted-foreground">{t("description")}</span>
            {total !== undefined && (
              <span className="text-xs font-normal text-muted-foreground tabular-nums" data-testid="export-row-count">
                {t("rowCount", { count: total })}
              </span>
            )}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <a href={href("csv")} download onClick={onClick}>
              <FileText aria-hidden="true" />
              {t("csv")}
            </a>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <a href={href("xlsx")} download onClick={onClick}>
              <FileSpreadsheet aria-hidden="true" />
              {t("xlsx")}
            </a>
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
