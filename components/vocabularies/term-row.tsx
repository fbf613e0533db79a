"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { moveTermAction, setTermActiveAction, updateTermAction } from "@/app/(app)/settings/vocabularies/server-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";
import type { TermDTO } from "@/lib/vocabularies/vocabularies";

type Props = { term: TermDTO; label: string; first: boolean; last: boolean; editable: boolean };

/** One term: its code, its labels in both languages (edited in place), its place in the list, retire/reactivate. */
export function TermRow({ term, label, first, last, editable }: Props) {
  const t = useTranslations("vocabularies");
  const tr = useTranslations();
  const [state, action, saving] = useActionState(updateTermAction.bind(null, term.id), INITIAL_FORM_STATE);
  const [other, setOther] = useState<FormState | null>(null);
  const [busy, startTransition] = useTransition();
  const run = (fn: () => Promise<FormState>) => startTransition(async () => setOther(await fn()));
  const values = (state.values ?? {}) as Record<string, string>;
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  const failed = other && !other.ok ? other : !state.ok && state.messageKey && !state.fieldErrors ? state : undefined;
  const error = failed?.messageKey;
  const id = (name: string) => `${name}-${term.id}`;

  return (
    <li className="grid gap-2 border-b px-4 py-3 last:border-b-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <code className="rounded bg-muted px-1.5 py-0.5 text-xs break-all">{term.code}</code>
          {!term.active && <Badge variant="neutral">{t("retired")}</Badge>}
        </div>
        {editable && (
          <div className="flex flex-wrap items-center gap-1">
            <Button
              type="button"
              size="icon"
              variant="ghost"
              className="size-8"
              disabled={first || busy}
              aria-label={t("moveUp", { label })}
              onClick={() => run(() => moveTermAction(term.id, "up"))}
            >
              <ArrowUp aria-hidden className="size-4" />
            </Button>
            <Button
              type="button"
              size="icon"
              variant="ghost"
              className="size-8"
              disabled={last || busy}
              aria-label={t("moveDown", { label })}
              onClick={() => run(() => moveTermAction(term.id, "down"))}
            >
              <ArrowDown aria-hidden className="size-4" />
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={busy}
              aria-label={term.active ? t("retireFor", { label }) : t("reactivateFor", { label })}
              onClick={() => run(() => setTermActiveAction(term.id, !term.active))}
            >
              {term.active ? t("retire") : t("reactivate")}
            </Button>
          </div>
        )}
      </div>
      {editable ? (
        <form action={action} key={state.submission} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
          {(["labelEn", "labelUk"] as const).map((name) => (
            <div key={name} className="grid gap-1">
              <label htmlFor={id(name)} className="text-xs font-medium text-muted-foreground">
                {t(`fields.${name}`)}
                <span className="sr-only">: {term.code}</span>
              </label>
              <Input
                id={id(name)}
                name={name}
                lang={name === "labelUk" ? "uk" : "en"}
                defaultValue={values[name] ?? term[name]}
                required
                maxLength={200}
                aria-invalid={!!fieldError(name)}
                aria-describedby={fieldError(name) ? `${id(name)}-error` : undefined}
                className="h-8"
              />
              {fieldError(name) && (
                <p id={`${id(name)}-error`} className="text-xs text-destructive">
                  {tr(fieldError(name) as never)}
                </p>
              )}
            </div>
          ))}
          <div className="flex items-center gap-2 sm:pt-5">
            <Button type="submit" size="sm" variant="outline" disabled={saving} aria-label={t("saveFor", { label })}>
              {t("save")}
            </Button>
            <span aria-live="polite" className="text-xs text-muted-foreground">
              {state.ok && !saving ? t("saved") : null}
            </span>
          </div>
        </form>
      ) : (
        <dl className="grid gap-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs text-muted-foreground">{t("fields.labelEn")}</dt>
            <dd lang="en">{term.labelEn}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("fields.labelUk")}</dt>
            <dd lang="uk">{term.labelUk}</dd>
          </div>
        </dl>
      )}
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {tr(error as never, { ref: failed?.ref ?? "" } as never)}
        </p>
      )}
    </li>
  );
}
