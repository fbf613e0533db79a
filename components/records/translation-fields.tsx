"use client";

// The "Language and translation" section of the action and outcome forms: the language the title and
// summary are written in, their translation into the other working language, and the flag that puts
// the record on the translation queue.
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/form-state";
import { RECORD_LANGUAGES } from "@/lib/record-language";

type Props = { state: FormState; defaults: Record<string, unknown>; summaryRows?: number };

export function TranslationFields({ state, defaults, summaryRows = 4 }: Props) {
  const t = useTranslations("languages.record");
  const f = { state, defaults };
  return (
    <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-language">
      <div className="grid gap-1 md:col-span-2">
        <h2 id="sec-language" className="text-base font-semibold">
          {t("section")}
        </h2>
        <p className="text-[13px] leading-snug text-muted-foreground">{t("sectionHint")}</p>
      </div>
      <SelectField
        name="originalLanguage"
        label={t("originalLanguage")}
        hint={t("originalLanguageHint")}
        options={RECORD_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        {...f}
      />
      <div className="md:pt-7">
        <CheckboxField name="needsTranslation" label={t("needsTranslation")} hint={t("needsTranslationHint")} {...f} />
      </div>
      <div className="md:col-span-2">
        <TextField name="titleTranslation" label={t("titleTranslation")} hint={t("titleTranslationHint")} {...f} />
      </div>
      <div className="md:col-span-2">
        <TextAreaField name="summaryTranslation" label={t("summaryTranslation")} rows={summaryRows} {...f} />
      </div>
    </section>
  );
}
