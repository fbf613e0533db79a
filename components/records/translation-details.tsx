// What the detail pages of actions and outcomes show of a record's languages: the title and summary
// in the reader's language when a translation exists ("Translated from Ukrainian", with the original
// beside it), else the original with its translation, if any, below. Works in server components
// (pages pass a translator for "languages.record").
import { Badge } from "@/components/ui/badge";
import { displayText, type RecordLanguage, type Translatable } from "@/lib/record-language";

type T = (key: string, values?: Record<string, string>) => string;
type Item = { label: string; value: React.ReactNode; hideEmpty?: boolean };

export type RecordWithLanguages = Translatable & { needsTranslation?: boolean };

const lang = (r: RecordWithLanguages) => (r.originalLanguage === "uk" ? "uk" : "en") as RecordLanguage;

/** The title as the page heading shows it, and the language it is in. */
export function headingOf(record: RecordWithLanguages, locale: string) {
  const d = displayText(record, locale);
  return { title: d.title, lang: d.titleTranslated ? d.translationLanguage : lang(record) };
}

/** Badges beside the heading: "Translated from …" and "Needs translation". */
export function TranslationBadges({ record, locale, t }: { record: RecordWithLanguages; locale: string; t: T }) {
  const d = displayText(record, locale);
  return (
    <>
      {(d.titleTranslated || d.summaryTranslated) && (
        <Badge variant="info" data-testid="translated-badge">
          {t("translatedFrom", { language: lang(record) })}
        </Badge>
      )}
      {record.needsTranslation && (
        <Badge variant="warning" data-testid="needs-translation-badge">
          {t("needsTranslation")}
        </Badge>
      )}
    </>
  );
}

/** The summary (as the reader sees it first) and the other version of title and summary. */
export function translationDetailItems({
  record,
  locale,
  t,
  summaryLabel,
}: {
  record: RecordWithLanguages;
  locale: string;
  t: T;
  summaryLabel: string;
}): Item[] {
  const d = displayText(record, locale);
  const original = lang(record);
  const translated = d.titleTranslated || d.summaryTranslated;
  const block = (title: string | null | undefined, summary: string | null | undefined, l: RecordLanguage) =>
    title || summary ? (
      <div lang={l} className="grid gap-1">
        {title && <p className="font-medium">{title}</p>}
        {summary && <p className="whitespace-pre-line">{summary}</p>}
      </div>
    ) : null;
  const items: Item[] = [
    {
      label: summaryLabel,
      value: d.summary ? (
        <span lang={d.summaryTranslated ? d.translationLanguage : original} className="whitespace-pre-line">
          {d.summary}
        </span>
      ) : null,
    },
  ];
  if (translated)
    items.push({
      label: t("original", { language: original }),
      value: block(record.title, d.summaryTranslated ? record.summary : null, original),
    });
  else if (record.titleTranslation || record.summaryTranslation)
    items.push({
      label: t("translation", { language: d.translationLanguage }),
      value: block(record.titleTranslation, record.summaryTranslation, d.translationLanguage),
    });
  items.push({ label: t("originalLanguage"), value: t(`language.${original}`) });
  return items;
}
