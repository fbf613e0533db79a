"use client";
// Undo of a past import from the list; a refusal (edited since) is shown beside the button.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import * as React from "react";
import { Button } from "@/components/ui/button";

export function UndoImportButton({ batchId }: { batchId: string }) {
  const t = useTranslations("import");
  const tRoot = useTranslations();
  const router = useRouter();
  const [busy, setBusy] = React.useState(false);
  const [problem, setProblem] = React.useState<string | null>(null);
  async function undo() {
    setBusy(true);
    setProblem(null);
    const res = await fetch(`/api/import/${batchId}/undo`, { method: "POST" }).catch(() => null);
    setBusy(false);
    if (res?.ok) return router.refresh();
    const key = ((await res?.json().catch(() => null)) as { error?: { key?: string } } | null)?.error?.key;
    setProblem(key && tRoot.has(key) ? tRoot(key) : tRoot("errors.unexpected", { ref: "" }));
  }
  return (
    <>
      <Button size="sm" variant="outline" onClick={undo} disabled={busy}>
        {t("undo")}
      </Button>
      {problem && (
        <span role="alert" className="text-sm text-destructive">
          {problem}
        </span>
      )}
    </>
  );
}
