"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// Unexpected errors: the details stay in the server log under the digest, which the user can quote.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="flex min-h-[60dvh] items-center justify-center px-4" data-testid="error-page">
      <EmptyState
        icon={<AlertTriangle aria-hidden className="size-5" />}
        title={t("unexpectedTitle")}
        description={t("unexpected", { ref: error.digest ?? "—" })}
        titleAs="h1"
        action={
          <Button variant="outline" size="sm" onClick={reset}>
            {t("tryAgain")}
          </Button>
        }
      />
    </div>
  );
}
