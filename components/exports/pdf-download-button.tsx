"use client";

import { FileDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DownloadStatusText } from "./download-status";
import { useDownloadStatus } from "./use-download-status";

type Props = { kind: "campaigns" | "actions" | "outcomes"; id: string };

/** "Download PDF" on a record's page: its dossier, as a plain download link. */
export function PdfDownloadButton({ kind, id }: Props) {
  const t = useTranslations("exports.pdf");
  const { status, onClick } = useDownloadStatus();
  return (
    <span className="inline-flex items-center gap-2">
      <DownloadStatusText status={status} preparing={t("preparing")} started={t("started")} />
      <Button asChild variant="outline">
        <a href={`/api/exports/${kind}/${encodeURIComponent(id)}.pdf`} download onClick={onClick}>
          <FileDown aria-hidden="true" />
          {t("download")}
        </a>
      </Button>
    </span>
  );
}
