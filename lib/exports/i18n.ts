// Texts of exports and dossiers, in the requester's language, from the same catalogue as the pages.
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { MESSAGES } from "@/i18n/messages";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ExportTexts = {
  /** The requested locale, for vocabulary labels (termLabel) and date formats. */
  locale: string;
  t: Translate;
};

/** A translator over the whole catalogue ("exports.columns.url", "common.confidentiality.PUBLIC" …). */
export function exportTexts(locale: string | undefined): ExportTexts {
  const requested = locale || DEFAULT_LOCALE;
  const catalogue = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const translate = createTranslator({ locale: catalogue, messages: MESSAGES[catalogue] }) as unknown as Translate;
  // Column headers and enum labels are asked for once per row: formatting an ICU message each time
  // would cost more than the rest of the row. Texts without values are remembered.
  const plain = new Map<string, string>();
  const t: Translate = (key, values) => {
    if (values) return translate(key, values);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = translate(key)));
    return text;
  };
  return { locale: requested, t };
}
