"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { EditConflictPanel, IdempotencyField, useDescribeValue, useEditConflict, VersionField } from "@/components/forms/edit-conflict";
import { FormMessage, SelectField, TextAreaField, TextField, type Option } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { PRIORITIES } from "@/lib/campaigns/schemas";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

export type CampaignFormOptions = {
  statuses: Option[];
  users: Option[];
  organizations: Option[];
  /** Possible parents; the edited campaign itself is left out by the page. */
  campaigns: Option[];
};

type Props = {
  action: (state: FormState, fd: FormData) => Promise<FormState>;
  defaults: Record<string, unknown>;
  options: CampaignFormOptions;
  submitLabel: string;
  cancelHref: string;
};

// A native select shows one line per option, so the hint (a parent body or campaign) goes into it.
const withHint = (o: Option): Option => (o.hint ? { value: o.value, label: `${o.label} (${o.hint})` } : o);
const asPath = (o: Option): Option => (o.hint ? { value: o.value, label: `${o.hint} › ${o.label}` } : o);

export function CampaignForm({ action, defaults, options, submitLabel, cancelHref }: Props) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  const [serverState, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const merge = useEditConflict(serverState, formRef, []);
  const state = merge.formState;
  const describe = useDescribeValue({
    status: options.statuses,
    ownerId: options.users,
    targetOrgId: options.organizations,
    parentId: options.campaigns,
    priority: PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })),
  });
  const labels: Record<string, string> = { ownerId: t("fields.owner"), targetOrgId: t("fields.targetOrg"), parentId: t("fields.parent") };
  const labelOf = (field: string) => labels[field] ?? (t.has(`fields.${field}`) ? t(`fields.${field}` as never) : field);
  const f = { state, defaults };

  return (
    // key: remount with the submitted (or merged) values as defaults, so a failed submit loses nothing
    <form key={merge.formKey} ref={formRef} action={formAction} noValidate className="space-y-8">
      <FormMessage state={state} />
      <EditConflictPanel conflict={merge.conflict} applied={merge.applied} labelOf={labelOf} describe={describe} onApply={merge.apply} />
      <VersionField state={state} defaults={defaults} />
      <IdempotencyField state={state} defaults={defaults} />

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-goal">
        <h2 id="sec-goal" className="text-base font-semibold md:col-span-2">
          {t("form.sectionWhat")}
        </h2>
        <div className="md:col-span-2">
          <TextField name="title" label={t("fields.title")} required {...f} />
        </div>
        <div className="md:col-span-2">
          <TextField name="titleUk" label={t("fields.titleUk")} {...f} />
        </div>
        <div className="md:col-span-2">
          <TextAreaField name="goal" label={t("fields.goal")} hint={t("form.goalHint")} rows={4} {...f} />
        </div>
        <SelectField name="status" label={t("fields.status")} options={options.statuses} placeholder={t("form.choose")} required {...f} />
        <SelectField
          name="priority"
          label={t("fields.priority")}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          {...f}
        />
      </section>

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-who">
        <h2 id="sec-who" className="text-base font-semibold md:col-span-2">
          {t("form.sectionWho")}
        </h2>
        <SelectField name="ownerId" label={t("fields.owner")} options={options.users.map(withHint)} placeholder={t("form.noOwner")} {...f} />
        <SelectField
          name="targetOrgId"
          label={t("fields.targetOrg")}
          hint={t("form.targetOrgHint")}
          options={options.organizations.map(withHint)}
          placeholder={t("form.noTarget")}
          {...f}
        />
        <div className="md:col-span-2">
          <SelectField
            name="parentId"
            label={t("fields.parent")}
            hint={t("form.parentHint")}
            options={options.campaigns.map(asPath)}
            placeholder={t("form.noParent")}
            {...f}
          />
        </div>
      </section>

      <section className="grid gap-5 md:grid-cols-2" aria-labelledby="sec-when">
        <h2 id="sec-when" className="text-base font-semibold md:col-span-2">
          {t("form.sectionWhen")}
        </h2>
        <TextField name="startDate" type="date" label={t("fields.startDate")} {...f} />
        <TextField name="endDate" type="date" label={t("fields.endDate")} hint={t("form.endDateHint")} {...f} />
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
