"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { endUserSessionsAction, setMfaRequiredForAllAction } from "@/app/(app)/admin/users/server-actions";
import { Button } from "@/components/ui/button";
import { INITIAL_FORM_STATE } from "@/lib/form-state";

/** Ends every session of one person (their next request goes to the sign-in page). */
export function EndSessionsButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("users.security");
  const tr = useTranslations();
  const [state, action, pending] = useActionState(endUserSessionsAction.bind(null, id), INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={t("endSessionsFor", { name })}>
        {t("endSessions")}
      </Button>
      <span aria-live="polite" className="text-sm">
        {state.ok ? (
          <span className="text-muted-foreground">{t("sessionsEnded")}</span>
        ) : state.messageKey ? (
          <span className="text-destructive">{tr(state.messageKey as never, { ref: state.ref ?? "" } as never)}</span>
        ) : null}
      </span>
    </form>
  );
}

/** The setting "two-step verification for everyone". */
export function MfaForAllForm({ required }: { required: boolean }) {
  const t = useTranslations("users.security");
  const [state, action, pending] = useActionState(setMfaRequiredForAllAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3 rounded-lg border bg-card px-4 py-3">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={required} className="size-4 accent-primary" />
        {t("mfaForAll")}
      </label>
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {t("saveSetting")}
      </Button>
      <span aria-live="polite" className="text-sm text-muted-foreground">
        {state.ok ? t("settingSaved") : null}
      </span>
      <p className="w-full text-xs text-muted-foreground">{t("mfaForAllHint")}</p>
    </form>
  );
}
