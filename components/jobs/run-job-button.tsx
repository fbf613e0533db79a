"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { runJobNowAction, type RunJobState } from "@/app/(app)/admin/jobs/server-actions";
import { Button } from "@/components/ui/button";
import { jobResultMessage } from "@/lib/jobs/format";
import { INITIAL_FORM_STATE } from "@/lib/form-state";

/** Runs one background job now and says what it did. */
export function RunJobButton({ name, label }: { name: string; label: string }) {
  const t = useTranslations("jobs");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<RunJobState>(runJobNowAction.bind(null, name), INITIAL_FORM_STATE);
  const message = state.submission ? jobResultMessage(name, state.result ?? null, state.error ?? null) : null;
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={t("runNowFor", { job: label })}>
        {t("runNow")}
      </Button>
      <span aria-live="polite" className="text-sm">
        {pending ? null : state.messageKey ? (
          <span className="text-destructive">{tr(state.messageKey as never, { ref: state.ref ?? "" } as never)}</span>
        ) : message ? (
          <span className={state.error ? "text-destructive" : "text-muted-foreground"}>
            {state.error ? t(message.key as never, message.values as never) : t("ran", { result: t(message.key as never, message.values as never) })}
          </span>
        ) : null}
      </span>
    </form>
  );
}
