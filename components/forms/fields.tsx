"use client";

// Form controls bound to a FormState: each shows its label, hint and translated field errors, keeps
// what the user typed after a failed submit, and wires aria-invalid/aria-describedby.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { MultiSelect } from "@/components/ui/multi-select";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/form-state";

export type Option = { value: string; label: string; hint?: string };

type Base = {
  name: string;
  label: string;
  state: FormState;
  defaults: Record<string, unknown>;
  hint?: string;
  required?: boolean;
};

/** Translated messages for one field. */
function useFieldErrors(state: FormState, name: string): string[] | undefined {
  const t = useTranslations();
  const keys = state.fieldErrors?.[name];
  return keys?.length ? keys.map((k) => t(k as never)) : undefined;
}

const valueOf = (state: FormState, defaults: Record<string, unknown>, name: string) =>
  (state.values && name in state.values ? state.values[name] : defaults[name]) ?? "";

export function TextField({ type = "text", ...p }: Base & { type?: "text" | "email" | "url" | "date" | "password"; autoComplete?: string }) {
  const errors = useFieldErrors(p.state, p.name);
  const id = `field-${p.name}`;
  return (
    <FormField label={p.label} htmlFor={id} hint={p.hint} errors={errors} required={p.required}>
      <Input
        id={id}
        name={p.name}
        type={type}
        autoComplete={p.autoComplete}
        defaultValue={type === "password" ? undefined : String(valueOf(p.state, p.defaults, p.name))}
        aria-invalid={errors ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint: p.hint, errors })}
        aria-required={p.required || undefined}
      />
    </FormField>
  );
}

export function TextAreaField({ rows = 4, ...p }: Base & { rows?: number }) {
  const errors = useFieldErrors(p.state, p.name);
  const id = `field-${p.name}`;
  return (
    <FormField label={p.label} htmlFor={id} hint={p.hint} errors={errors} required={p.required}>
      <Textarea
        id={id}
        name={p.name}
        rows={rows}
        defaultValue={String(valueOf(p.state, p.defaults, p.name))}
        aria-invalid={errors ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint: p.hint, errors })}
        aria-required={p.required || undefined}
      />
    </FormField>
  );
}

export function SelectField(p: Base & { options: Option[]; placeholder?: string }) {
  const errors = useFieldErrors(p.state, p.name);
  const id = `field-${p.name}`;
  return (
    <FormField label={p.label} htmlFor={id} hint={p.hint} errors={errors} required={p.required}>
      <NativeSelect
        id={id}
        name={p.name}
        defaultValue={String(valueOf(p.state, p.defaults, p.name))}
        aria-invalid={errors ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint: p.hint, errors })}
        aria-required={p.required || undefined}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FormField>
  );
}

export function MultiSelectField(p: Base & { options: Option[] }) {
  const t = useTranslations("common.multiSelect");
  const errors = useFieldErrors(p.state, p.name);
  const id = `field-${p.name}`;
  const value = valueOf(p.state, p.defaults, p.name);
  return (
    <FormField label={p.label} htmlFor={id} hint={p.hint} errors={errors} required={p.required}>
      <MultiSelect
        id={id}
        name={p.name}
        options={p.options}
        defaultValue={Array.isArray(value) ? value.map(String) : []}
        aria-invalid={errors ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint: p.hint, errors })}
        labels={{
          placeholder: t("placeholder"),
          search: t("search"),
          noResults: t("noResults"),
          selectedCount: (count: number) => t("selected", { count }),
          clear: t("clear"),
          remove: (label: string) => t("remove", { label }),
        }}
      />
    </FormField>
  );
}

/** A single checkbox (submitted as "on" when ticked, absent when not), its label beside it. */
export function CheckboxField(p: Base) {
  const errors = useFieldErrors(p.state, p.name);
  const id = `field-${p.name}`;
  // After a failed submit, what was ticked (an unticked box sends nothing); before, the default.
  const checked = p.state.values ? p.state.values[p.name] === "on" || p.state.values[p.name] === true : p.defaults[p.name] === true;
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = errors ? `${id}-error` : undefined;
  return (
    <div data-slot="form-field" data-invalid={errors ? true : undefined} className="grid gap-1.5">
      <div className="flex items-start gap-2.5">
        <input
          id={id}
          name={p.name}
          type="checkbox"
          defaultChecked={checked}
          className="mt-0.5 size-4 shrink-0 accent-primary"
          aria-invalid={errors ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        />
        <label htmlFor={id} className="text-sm leading-snug font-medium">
          {p.label}
        </label>
      </div>
      {p.hint && (
        <p id={hintId} className="pl-6.5 text-[13px] leading-snug text-muted-foreground">
          {p.hint}
        </p>
      )}
      {errors && (
        <p id={errorId} className="pl-6.5 text-[13px] leading-snug font-medium text-destructive">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/** The form-level message: what went wrong and what to do, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations();
  if (state.ok || !state.messageKey) return null;
  const text =
    state.messageKey === "errors.unexpected" ? t("errors.unexpected", { ref: state.ref ?? "—" }) : t(state.messageKey as never);
  return (
    <div
      role="alert"
      data-testid="form-error"
      tabIndex={-1}
      className="rounded-md border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm text-destructive"
    >
      {text}
    </div>
  );
}

/** Cancel and submit, at the foot of every record form. */
export function FormFooter({ cancelHref, submitLabel, pending }: { cancelHref: string; submitLabel: string; pending: boolean }) {
  const t = useTranslations("common.buttons");
  return (
    <div className="flex flex-col-reverse gap-3 border-t pt-6 sm:flex-row sm:justify-end">
      <Button asChild variant="outline">
        <Link href={cancelHref}>{t("cancel")}</Link>
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </Button>
    </div>
  );
}
