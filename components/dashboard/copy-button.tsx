"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text (e.g. the annual-report line) and says so in a live region. */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations("dashboard.report");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setStatus("copied");
          } catch {
            setStatus("failed");
          }
        }}
      >
        {status === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
        {t("copy")}
      </Button>
      <span role="status" className="sr-only">
        {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
