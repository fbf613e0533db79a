"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createUserAction } from "@/app/(app)/admin/users/server-actions";
import { FormFooter, FormMessage, SelectField, TextField } from "@/components/forms/fields";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { ROLES } from "@/lib/permissions-roles";

export function UserForm() {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(createUserAction, INITIAL_FORM_STATE);
  const f = { state, defaults: { role: "STAFF" } };
  return (
    <form key={state.submission} action={action} noValidate className="space-y-5">
      <FormMessage state={state} />
      <TextField name="name" label={t("fields.name")} required {...f} />
      <TextField name="email" type="email" label={t("fields.email")} autoComplete="off" required {...f} />
      <SelectField name="role" label={t("fields.role")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} {...f} />
      <TextField name="password" type="password" label={t("fields.password")} hint={t("fields.passwordHint")} autoComplete="new-password" required {...f} />
      <FormFooter cancelHref="/admin/users" submitLabel={t("create")} pending={pending} />
    </form>
  );
}
