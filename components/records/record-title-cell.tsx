"use client";

// The title cell of the actions and outcomes lists: the title in the reader's language (a translation,
// marked as one, when the record was written in the other language), then a line of details.
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { displayTitle, isRecordLanguage } from "@/lib/record-language";

type Row = { id: string; title: string; titleTranslation?: string | null; originalLanguage?: string; needsTranslation?: boolean };

export function RecordTitleCell({ row, href, children }: { row: Row; href: string; children?: React.ReactNode }) {
  const locale = useLocale();
  const t = useTranslations("languages.record");
  const original = isRecordLanguage(row.originalLanguage) ? row.originalLanguage : "en";
  const title = displayTitle(row, locale);
  const translated = title !== row.title;
  return (
    <div className="min-w-56">
      <Link href={href} lang={translated ? (original === "uk" ? "en" : "uk") : original} className="font-medium text-foreground hover:underline">
        {title}
      </Link>
      <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
        {children}
        {translated && <span>{t("translatedFrom", { language: original })}</span>}
        {row.needsTranslation && <Badge variant="warning">{t("needsTranslation")}</Badge>}
      </div>
    </div>
  );
}
