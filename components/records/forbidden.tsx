import { ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown where the signed-in user's role does not allow the page (the server refuses the action anyway). */
export function Forbidden() {
  const t = useTranslations("errors");
  return (
    <EmptyState
      icon={<ShieldAlert aria-hidden className="size-5" />}
      title={t("forbiddenTitle")}
      description={t("forbidden")}
      action={
        <Button asChild variant="outline" size="sm">
          <Link href="/">{t("goHome")}</Link>
        </Button>
      }
    />
  );
}
