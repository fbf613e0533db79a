"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateUserAction } from "@/app/(app)/admin/users/server-actions";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { ROLES } from "@/lib/permissions-roles";
import type { UserRow } from "@/lib/users/queries";

/** Role and active state of one user, changed in place. */
export function UserRowForm({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const tr = useTranslations();
  const [state, action, pending] = useActionState(updateUserAction.bind(null, user.id), INITIAL_FORM_STATE);
  const error = state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : state.ok ? undefined : state.messageKey;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="name" value={user.name} />
      {/* the version this row was shown at: a change saved by another admin meanwhile is not overwritten */}
      <input type="hidden" name="expectedVersion" value={user.version} />
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        {t("roleFor", { name: user.name })}
      </label>
      <NativeSelect id={`role-${user.id}`} name="role" defaultValue={user.role} className="h-8 w-36">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </NativeSelect>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={user.active} className="size-4 accent-primary" />
        {t("active")}
      </label>
      <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={t("saveFor", { name: user.name })}>
        {t("save")}
      </Button>
      <span aria-live="polite" className="text-sm">
        {error ? (
          <span className="text-destructive">{tr(error as never)}</span>
        ) : state.ok ? (
          <span className="text-muted-foreground">{t("savedShort")}</span>
        ) : null}
      </span>
    </form>
  );
}
