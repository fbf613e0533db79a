"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { EditConflictPanel, IdempotencyField, useDescribeValue, useEditConflict, VersionField } from "@/components/forms/edit-conflict";
import { FormFooter, FormMessage, MultiSelectField, SelectField, TextAreaField, TextField, type Option } from "@/components/forms/fields";
import { TranslationFields } from "@/components/records/translation-fields";
import { CONFIDENTIALITY, DATE_PRECISION } from "@/lib/actions/schemas";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

export type OutcomeFormOptions = { types: Option[]; verifications: Option[]; organizations: Option[]; campaigns: Option[] };

type Props = {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  defaults: Record<string, unknown>;
  options: OutcomeFormOptions;
  submitLabel: string;
  cancelHref: string;
};

export function OutcomeForm({ action, defaults, options, submitLabel, cancelHref }: Props) {
  const t = useTranslations("outcomes.fields");
  const tc = useTranslations("common");
  const tl = useTranslations("languages.record");
  const [serverState, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const merge = useEditConflict(serverState, formRef, ["campaignIds"]);
  const state = merge.formState;
  // A new record is most likely written in the language its author works in.
  const locale = useLocale();
  const describe = useDescribeValue({
    type: options.types,
    verification: options.verifications,
    decidingBodyId: options.organizations,
    subjectId: options.organizations,
    campaignIds: options.campaigns,
    datePrecision: DATE_PRECISION.map((p) => ({ value: p, label: tc(`dates.precision.${p}`) })),
    confidentiality: CONFIDENTIALITY.map((c) => ({ value: c, label: tc(`confidentiality.${c}`) })),
    originalLanguage: (["uk", "en"] as const).map((l) => ({ value: l, label: tl(`language.${l}`) })),
  });
  const labels: Record<string, string> = { decidingBodyId: t("decidingBody"), subjectId: t("subject"), campaignIds: t("campaigns") };
  const labelOf = (field: string) => labels[field] ?? (t.has(field) ? t(field) : tl.has(field) ? tl(field) : field);
  const f = { state, defaults: { originalLanguage: locale, ...defaults } };

  return (
    <form key={merge.formKey} ref={formRef} action={formAction} noValidate className="space-y-8">
      <FormMessage state={state} />
      <EditConflictPanel conflict={merge.conflict} applied={merge.applied} labelOf={labelOf} describe={describe} onApply={merge.apply} />
      <VersionField state={state} defaults={defaults} />
      <IdempotencyField state={state} defaults={defaults} />

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-what">
        <h2 id="sec-what" className="text-base font-semibold md:col-span-2">
          {t("sectionWhat")}
        </h2>
        <div className="md:col-span-2">
          <TextField name="title" label={t("title")} required {...f} />
        </div>
        <SelectField name="type" label={t("type")} options={options.types} placeholder={t("choose")} required {...f} />
        <SelectField name="verification" label={t("verification")} hint={t("verificationHint")} options={options.verifications} required {...f} />
        <TextField name="date" type="date" label={t("date")} required {...f} />
        <SelectField
          name="datePrecision"
          label={t("datePrecision")}
          options={DATE_PRECISION.map((p) => ({ value: p, label: tc(`dates.precision.${p}`) }))}
          {...f}
        />
        <div className="md:col-span-2">
          <TextAreaField name="summary" label={t("summary")} rows={4} {...f} />
        </div>
      </section>

      <TranslationFields {...f} />

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-status">
        <h2 id="sec-status" className="text-base font-semibold md:col-span-2">
          {t("sectionStatus")}
        </h2>
        <SelectField name="decidingBodyId" label={t("decidingBody")} options={options.organizations} placeholder={t("none")} {...f} />
        <SelectField name="subjectId" label={t("subject")} hint={t("subjectHint")} options={options.organizations} placeholder={t("none")} {...f} />
        <TextField name="statusBefore" label={t("statusBefore")} hint={t("statusBeforeHint")} {...f} />
        <TextField name="statusAfter" label={t("statusAfter")} hint={t("statusAfterHint")} {...f} />
      </section>

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-source">
        <h2 id="sec-source" className="text-base font-semibold md:col-span-2">
          {t("sectionSource")}
        </h2>
        <div className="md:col-span-2">
          <TextAreaField name="sourceCitation" label={t("sourceCitation")} rows={2} {...f} />
        </div>
        <TextField name="sourceUrl" type="url" label={t("sourceUrl")} hint={t("sourceUrlHint")} {...f} />
        <SelectField
          name="confidentiality"
          label={t("confidentiality")}
          options={CONFIDENTIALITY.map((c) => ({ value: c, label: tc(`confidentiality.${c}`) }))}
          {...f}
        />
        <MultiSelectField name="campaignIds" label={t("campaigns")} options={options.campaigns} {...f} />
      </section>

      <FormFooter cancelHref={cancelHref} submitLabel={submitLabel} pending={pending} />
    </form>
  );
}
