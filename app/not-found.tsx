import { FileQuestion } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main-content" className="flex min-h-[60dvh] items-center justify-center px-4">
      <EmptyState
        icon={<FileQuestion aria-hidden className="size-5" />}
        title={t("notFoundTitle")}
        description={t("notFoundDescription")}
        titleAs="h1"
        action={
          <Button asChild variant="outline" size="sm">
            <Link href="/">{t("goHome")}</Link>
          </Button>
        }
      />
    </main>
  );
}
