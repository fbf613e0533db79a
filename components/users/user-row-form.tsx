"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { updateUserAction } from "@/app/(app)/admin/users/server-actions";
import { EditConflictPanel, useDescribeValue, useEditConflict, VersionField } from "@/components/forms/edit-conflict";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { ROLES } from "@/lib/permissions-roles";
import type { UserRow } from "@/lib/users/queries";

// the server action sends `active` back as a boolean, a merged form holds the checkbox's "on" or ""
const isOn = (v: unknown) => v === true || v === "on" || v === "true";

/**
 * Role and active state of one user, changed in place. The row carries the version it was shown at:
 * if another administrator saved the person meanwhile, nothing is overwritten and the merge panel
 * shows their saved values next to this admin's, as on every record form.
 */
export function UserRowForm({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const tr = useTranslations();
  const [serverState, action, pending] = useActionState(updateUserAction.bind(null, user.id), INITIAL_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const merge = useEditConflict(serverState, formRef);
  const state = merge.formState;
  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const describe = useDescribeValue({ role: roles });
  const labels: Record<string, string> = { role: t("fields.role"), active: t("active"), name: t("fields.name") };
  const labelOf = (field: string) => labels[field] ?? field;
  // after a failed save the controls start from what was submitted (or merged), else from the saved row
  const values = state.values ?? {};
  const name = typeof values.name === "string" ? values.name : user.name;
  const role = typeof values.role === "string" ? values.role : user.role;
  const active = "active" in values ? isOn(values.active) : user.active;
  const error = state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : state.ok ? undefined : state.messageKey;
  return (
    // key: remount with the submitted (or merged) values as defaults, so a failed save loses nothing
    <form key={merge.formKey} ref={formRef} action={action} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="name" value={name} />
        <VersionField state={state} defaults={{ expectedVersion: user.version }} />
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          {t("roleFor", { name: user.name })}
        </label>
        {/* the select's wrapper is full width: keep it (and its chevron) the select's size */}
        <div className="w-36">
          <NativeSelect id={`role-${user.id}`} name="role" defaultValue={role} className="h-8">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={active} className="size-4 accent-primary" />
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
      </div>
      <EditConflictPanel
        conflict={merge.conflict}
        applied={merge.applied}
        labelOf={labelOf}
        describe={describe}
        onApply={merge.apply}
        appliedText={t("conflictApplied")}
      />
    </form>
  );
}
