"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/(app)/account/server-actions";
import { FormMessage, TextField } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { INITIAL_FORM_STATE } from "@/lib/form-state";

/** Change one's own password: the current one and a new one. Every session ends afterwards. */
export function PasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations("account.password");
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_FORM_STATE);
  const f = { state, defaults: {} };
  return (
    <form key={state.submission} action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <TextField name="currentPassword" type="password" label={t("current")} autoComplete="current-password" required {...f} />
      <TextField name="newPassword" type="password" label={t("new")} hint={t("hint", { min: minLength })} autoComplete="new-password" required {...f} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
