"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { EditConflictPanel, IdempotencyField, useDescribeValue, useEditConflict, VersionField } from "@/components/forms/edit-conflict";
import { FormFooter, FormMessage, MultiSelectField, SelectField, TextAreaField, TextField, type Option } from "@/components/forms/fields";
import { TranslationFields } from "@/components/records/translation-fields";
import { ACTION_MULTI_FIELDS, CONFIDENTIALITY, DATE_PRECISION } from "@/lib/actions/schemas";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

export type ActionFormOptions = {
  types: Option[];
  statuses: Option[];
  organizations: Option[];
  campaigns: Option[];
  users: Option[];
};

type Props = {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  defaults: Record<string, unknown>;
  options: ActionFormOptions;
  submitLabel: string;
  cancelHref: string;
};

export function ActionForm({ action, defaults, options, submitLabel, cancelHref }: Props) {
  const t = useTranslations("actions.fields");
  const tc = useTranslations("common");
  const tl = useTranslations("languages.record");
  const [serverState, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const merge = useEditConflict(serverState, formRef, ACTION_MULTI_FIELDS);
  const state = merge.formState;
  // A new record is most likely written in the language its author works in.
  const locale = useLocale();
  const describe = useDescribeValue({
    type: options.types,
    status: options.statuses,
    organizationIds: options.organizations,
    campaignIds: options.campaigns,
    participantIds: options.users,
    datePrecision: DATE_PRECISION.map((p) => ({ value: p, label: tc(`dates.precision.${p}`) })),
    confidentiality: CONFIDENTIALITY.map((c) => ({ value: c, label: tc(`confidentiality.${c}`) })),
    originalLanguage: (["uk", "en"] as const).map((l) => ({ value: l, label: tl(`language.${l}`) })),
  });
  const labels: Record<string, string> = { organizationIds: t("organizations"), campaignIds: t("campaigns"), participantIds: t("participants") };
  const labelOf = (field: string) => labels[field] ?? (t.has(field) ? t(field) : tl.has(field) ? tl(field) : field);
  const f = { state, defaults: { originalLanguage: locale, ...defaults } };

  return (
    // key: remount with the submitted (or merged) values as defaults, so a failed submit loses nothing
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
        <SelectField name="status" label={t("status")} options={options.statuses} required {...f} />
        <TextField name="date" type="date" label={t("date")} required {...f} />
        <SelectField
          name="datePrecision"
          label={t("datePrecision")}
          hint={t("datePrecisionHint")}
          options={DATE_PRECISION.map((p) => ({ value: p, label: tc(`dates.precision.${p}`) }))}
          {...f}
        />
        <TextField name="referenceNumber" label={t("referenceNumber")} hint={t("referenceNumberHint")} {...f} />
        <SelectField
          name="confidentiality"
          label={t("confidentiality")}
          hint={t("confidentialityHint")}
          options={CONFIDENTIALITY.map((c) => ({ value: c, label: tc(`confidentiality.${c}`) }))}
          {...f}
        />
        <div className="md:col-span-2">
          <TextAreaField name="summary" label={t("summary")} rows={5} {...f} />
        </div>
      </section>

      <TranslationFields {...f} />

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-who">
        <h2 id="sec-who" className="text-base font-semibold md:col-span-2">
          {t("sectionWho")}
        </h2>
        <MultiSelectField name="organizationIds" label={t("organizations")} options={options.organizations} {...f} />
        <MultiSelectField name="campaignIds" label={t("campaigns")} options={options.campaigns} {...f} />
        <MultiSelectField name="participantIds" label={t("participants")} hint={t("participantsHint")} options={options.users} {...f} />
      </section>

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-response">
        <h2 id="sec-response" className="text-base font-semibold md:col-span-2">
          {t("sectionResponse")}
        </h2>
        <TextField name="followUpDue" type="date" label={t("followUpDue")} hint={t("followUpDueHint")} {...f} />
        <TextField name="responseDate" type="date" label={t("responseDate")} {...f} />
        <div className="md:col-span-2">
          <TextAreaField name="responseSummary" label={t("responseSummary")} rows={3} {...f} />
        </div>
      </section>

      <FormFooter cancelHref={cancelHref} submitLabel={submitLabel} pending={pending} />
    </form>
  );
}
