"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTermAction } from "@/app/(app)/settings/vocabularies/server-actions";
import { Button } from "@/components/ui/button";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import type { Vocabulary } from "@/lib/vocabularies/vocabularies";

/** A new term for the vocabulary on screen: a stable code and its labels in both languages. */
export function NewTermForm({ vocabulary }: { vocabulary: Vocabulary }) {
  const t = useTranslations("vocabularies");
  const tr = useTranslations();
  const [state, action, pending] = useActionState(createTermAction, INITIAL_FORM_STATE);
  // after a success the form starts empty; after a failure it keeps what was typed
  const values = (state.ok ? {} : (state.values ?? {})) as Record<string, string>;
  const errors = (name: string) => state.fieldErrors?.[name]?.map((k) => tr(k as never));
  const fields = [
    { name: "code", hint: t("codeHint"), className: "font-mono uppercase" },
    { name: "labelEn", lang: "en" },
    { name: "labelUk", lang: "uk" },
  ] as const;
  return (
    <form action={action} key={state.submission} className="grid gap-4 rounded-lg border bg-card p-4" aria-labelledby="new-term-heading">
      <h2 id="new-term-heading" className="text-base font-semibold">
        {t("newTerm")}
      </h2>
      <input type="hidden" name="vocabulary" value={vocabulary} />
      <div className="grid items-start gap-4 md:grid-cols-3">
        {fields.map((f) => (
          <FormField key={f.name} label={t(`fields.${f.name}`)} htmlFor={`new-${f.name}`} hint={"hint" in f ? f.hint : undefined} errors={errors(f.name)} required>
            <Input
              id={`new-${f.name}`}
              name={f.name}
              lang={"lang" in f ? f.lang : undefined}
              defaultValue={values[f.name] ?? ""}
              required
              maxLength={f.name === "code" ? 64 : 200}
              aria-invalid={!!errors(f.name)?.length}
              aria-describedby={fieldDescribedBy(`new-${f.name}`, { hint: "hint" in f ? f.hint : undefined, errors: errors(f.name) })}
              className={"className" in f ? f.className : undefined}
            />
          </FormField>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
        <p aria-live="polite" className="text-sm">
          {state.ok ? (
            <span className="text-muted-foreground">{t("added")}</span>
          ) : state.messageKey ? (
            <span className="text-destructive">{tr(state.messageKey as never, { ref: state.ref ?? "" } as never)}</span>
          ) : null}
        </p>
      </div>
    </form>
  );
}
