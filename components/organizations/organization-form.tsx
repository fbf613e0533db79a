"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { EditConflictPanel, IdempotencyField, useDescribeValue, useEditConflict, VersionField } from "@/components/forms/edit-conflict";
import { FormMessage, SelectField, TextAreaField, TextField, type Option } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

export type OrganizationFormOptions = {
  kinds: Option[];
  /** Possible parents; the edited organization itself is left out by the page. */
  organizations: Option[];
};

type Props = {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  defaults: Record<string, unknown>;
  options: OrganizationFormOptions;
  submitLabel: string;
  cancelHref: string;
};

// A native select shows one line per option, so the parent body (the hint) goes into the label.
const withHint = (o: Option): Option => (o.hint ? { value: o.value, label: `${o.label} (${o.hint})` } : o);

export function OrganizationForm({ action, defaults, options, submitLabel, cancelHref }: Props) {
  const t = useTranslations("organizations");
  const tc = useTranslations("common");
  const [serverState, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const merge = useEditConflict(serverState, formRef, []);
  const state = merge.formState;
  const describe = useDescribeValue({ kind: options.kinds, parentId: options.organizations });
  const labels: Record<string, string> = { parentId: t("fields.parent") };
  const labelOf = (field: string) => labels[field] ?? (t.has(`fields.${field}`) ? t(`fields.${field}` as never) : field);
  const f = { state, defaults };

  return (
    // key: remount with the submitted (or merged) values as defaults, so a failed submit loses nothing
    <form key={merge.formKey} ref={formRef} action={formAction} noValidate className="space-y-8">
      <FormMessage state={state} />
      <EditConflictPanel conflict={merge.conflict} applied={merge.applied} labelOf={labelOf} describe={describe} onApply={merge.apply} />
      <VersionField state={state} defaults={defaults} />
      <IdempotencyField state={state} defaults={defaults} />

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-identity">
        <h2 id="sec-identity" className="text-base font-semibold md:col-span-2">
          {t("form.sectionIdentity")}
        </h2>
        <div className="md:col-span-2">
          <TextField name="name" label={t("fields.name")} required {...f} />
        </div>
        <div className="md:col-span-2">
          <TextField name="nameUk" label={t("fields.nameUk")} {...f} />
        </div>
        <TextField name="acronym" label={t("fields.acronym")} hint={t("form.acronymHint")} {...f} />
        <SelectField name="kind" label={t("fields.kind")} options={options.kinds} placeholder={t("form.choose")} required {...f} />
      </section>

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-place">
        <h2 id="sec-place" className="text-base font-semibold md:col-span-2">
          {t("form.sectionPlace")}
        </h2>
        <div className="md:col-span-2">
          <SelectField
            name="parentId"
            label={t("fields.parent")}
            hint={t("form.parentHint")}
            options={options.organizations.map(withHint)}
            placeholder={t("form.noParent")}
            {...f}
          />
        </div>
        <TextField name="country" label={t("fields.country")} hint={t("form.countryHint")} {...f} />
        <TextField name="website" type="url" label={t("fields.website")} hint={t("form.websiteHint")} {...f} />
        <div className="md:col-span-2">
          <TextAreaField name="notes" label={t("fields.notes")} rows={5} {...f} />
        </div>
      </section>

      <div className="flex flex-col-reverse gap-3 border-t pt-6 sm:flex-row sm:justify-end">
        <Button asChild variant="outline">
          <Link href={cancelHref}>{tc("buttons.cancel")}</Link>
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? tc("buttons.saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
