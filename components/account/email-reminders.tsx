"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setEmailRemindersAction } from "@/app/(app)/account/server-actions";
import { FormMessage } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { INITIAL_FORM_STATE } from "@/lib/form-state";

const OPTIONS = ["IMMEDIATE", "DIGEST", "OFF"] as const;

/** The person's choice of reminder emails: each at once, one digest a day, or none. */
export function EmailReminders({ value, smtp }: { value: (typeof OPTIONS)[number]; smtp: boolean }) {
  const t = useTranslations("account.reminders");
  const [state, action, pending] = useActionState(setEmailRemindersAction, INITIAL_FORM_STATE);
  const current = (state.values?.emailReminders as string | undefined) ?? value;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t("legend")}</legend>
        {OPTIONS.map((o) => (
          <label key={o} className="flex items-center gap-2 text-sm">
            <input type="radio" name="emailReminders" value={o} defaultChecked={current === o} className="size-4 accent-primary" />
            {t(`options.${o}`)}
          </label>
        ))}
      </fieldset>
      {!smtp && <p className="text-sm text-muted-foreground">{t("noSmtp")}</p>}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          {t("save")}
        </Button>
        <span aria-live="polite" className="text-sm text-muted-foreground">
          {state.ok ? t("saved") : null}
        </span>
      </div>
    </form>
  );
}
