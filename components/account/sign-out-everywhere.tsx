"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signOutEverywhereAction } from "@/app/(app)/account/server-actions";
import { FormMessage } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { INITIAL_FORM_STATE } from "@/lib/form-state";

export function SignOutEverywhere() {
  const t = useTranslations("account.sessions");
  const [state, action, pending] = useActionState(signOutEverywhereAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <Button type="submit" variant="outline" disabled={pending}>
        {t("signOutEverywhere")}
      </Button>
    </form>
  );
}
