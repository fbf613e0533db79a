"use client";

import { Spinner } from "@/components/ui/spinner";
import type { DownloadStatus } from "./use-download-status";

/** The polite live region beside a download control: "Preparing export…", then "started". */
export function DownloadStatusText({
  status,
  preparing,
  started,
}: {
  status: DownloadStatus;
  preparing: string;
  started: string;
}) {
  return (
    <span role="status" aria-live="polite" className="inline-flex min-h-5 items-center gap-1.5 text-sm text-muted-foreground">
      {status === "preparing" && (
        <>
          <Spinner />
          {preparing}
        </>
      )}
      {status === "started" && started}
    </span>
  );
}
