"use client";

// The second person to save a record sees what changed meanwhile (lib/concurrency.ts): for each field
// that differs, the saved value and their own, and chooses per field. Their choices are written into
// the form, which now names the record's current version, so the next save is an informed merge.
// "Discard and reload" opens the saved record instead. Nothing typed is lost either way until they
// choose so.
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";
import type { Option } from "./fields";

type Conflict = NonNullable<FormState["conflict"]>;
type Choice = "theirs" | "mine";

/** Renders a stored value for a person: option labels for codes and ids, "(empty)" for nothing. */
export function useDescribeValue(optionsByField: Record<string, Option[] | undefined>) {
  const t = useTranslations("security");
  return (field: string, value: unknown): string => {
    if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return t("empty");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    const label = (v: unknown) => optionsByField[field]?.find((o) => o.value === String(v))?.label ?? String(v);
    return Array.isArray(value) ? value.map(label).join(", ") : label(value);
  };
}

/** What the form holds right now, as the server action would read it. */
function readForm(form: HTMLFormElement, multiFields: readonly string[]): Record<string, unknown> {
  const fd = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = multiFields.includes(key) ? fd.getAll(key).map(String) : String(fd.get(key) ?? "");
  }
  for (const key of multiFields) out[key] ??= [];
  // an unticked checkbox sends nothing: say so, or the form would fall back to its old default
  for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox][name]")) if (!box.checked) out[box.name] = "";
  return out;
}

const asFormValue = (v: unknown) => (v == null ? "" : typeof v === "boolean" ? (v ? "on" : "") : v);

/**
 * The merge state of a record form: `formState` is what the fields render from (the server's state,
 * or the merged values after the person chose), `formKey` remounts the fields when either changes.
 */
export function useEditConflict(
  state: FormState,
  formRef: RefObject<HTMLFormElement | null>,
  multiFields: readonly string[] = [],
) {
  const [merged, setMerged] = useState<{ submission: number | undefined; values: Record<string, unknown> } | null>(null);
  const active = merged && merged.submission === state.submission ? merged : null;
  const apply = (conflict: Conflict, choices: Record<string, Choice>) => {
    const values = formRef.current ? readForm(formRef.current, multiFields) : { ...state.values };
    for (const f of conflict.fields) if (choices[f.field] === "theirs") values[f.field] = asFormValue(f.theirs);
    values.expectedVersion = String(conflict.version);
    setMerged({ submission: state.submission, values });
  };
  const formState: FormState = active ? { ok: false, submission: state.submission, values: active.values } : state;
  return {
    formState,
    formKey: `${state.submission ?? 0}${active ? "-merged" : ""}`,
    conflict: active ? undefined : state.conflict,
    applied: Boolean(active),
    apply,
  };
}

/** The hidden field with the version an edit starts from. */
export function VersionField({ state, defaults }: { state: FormState; defaults: Record<string, unknown> }) {
  const v = state.values && "expectedVersion" in state.values ? state.values.expectedVersion : defaults.expectedVersion;
  return v == null ? null : <input type="hidden" name="expectedVersion" value={String(v)} />;
}

export function EditConflictPanel({
  conflict,
  applied,
  labelOf,
  describe,
  onApply,
  appliedText,
}: {
  conflict: Conflict | undefined;
  applied: boolean;
  labelOf: (field: string) => string;
  describe: (field: string, value: unknown) => string;
  onApply: (conflict: Conflict, choices: Record<string, Choice>) => void;
  /** Where the choices went, when the fields are not "in the form below" (e.g. a table row's controls). */
  appliedText?: string;
}) {
  const t = useTranslations("security");
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [missing, setMissing] = useState(false);
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  if (applied)
    return (
      <p role="status" className="rounded-md border border-primary/30 bg-primary/5 px-4 py-3 text-sm">
        {appliedText ?? t("conflictApplied")}
      </p>
    );
  if (!conflict) return null;
  const submit = () => {
    if (conflict.fields.some((f) => !choices[f.field])) {
      setMissing(true);
      return;
    }
    onApply(conflict, choices);
  };
  return (
    <section
      ref={panel}
      aria-labelledby={headingId}
      data-testid="edit-conflict"
      className="space-y-4 rounded-md border border-amber-500/50 bg-amber-50 px-4 py-4 text-sm dark:bg-amber-950/30"
    >
      <div className="space-y-1">
        <h2 id={headingId} className="text-base font-semibold">
          {t("conflictTitle")}
        </h2>
        <p>{t("conflictHelp")}</p>
      </div>
      <div className="space-y-3">
        {conflict.fields.map((f) => (
          <fieldset key={f.field} className="grid gap-2 rounded-md border bg-background p-3 sm:grid-cols-[10rem_1fr_1fr]">
            <legend className="sr-only">{labelOf(f.field)}</legend>
            <div aria-hidden className="font-medium">
              {labelOf(f.field)}
            </div>
            {(["theirs", "mine"] as const).map((side) => (
              <label
                key={side}
                className="flex items-start gap-2 rounded border p-2 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
              >
                <input
                  type="radio"
                  name={`conflict-${f.field}`}
                  value={side}
                  checked={choices[f.field] === side}
                  onChange={() => setChoices((c) => ({ ...c, [f.field]: side }))}
                  className="mt-0.5 accent-primary"
                />
                <span className="min-w-0">
                  <span className="block text-xs text-muted-foreground">
                    {side === "theirs" ? t("keepTheirs") : t("keepMine")} ·{" "}
                    {side === "theirs" ? t("conflictTheirs") : t("conflictMine")}
                  </span>
                  <span className="block break-words whitespace-pre-line">{describe(f.field, f[side])}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {missing && conflict.fields.some((f) => !choices[f.field]) ? (
        <p role="alert" className="text-destructive">
          {t("chooseEach")}
        </p>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" onClick={submit}>
          {t("applyChoices")}
        </Button>
        <Button type="button" variant="outline" onClick={() => window.location.reload()}>
          {t("conflictReload")}
        </Button>
      </div>
    </section>
  );
}

/** The hidden field with the create form's idempotency key (made by the page when it rendered). */
export function IdempotencyField({ state, defaults }: { state: FormState; defaults: Record<string, unknown> }) {
  const v = state.values && "idempotencyKey" in state.values ? state.values.idempotencyKey : defaults.idempotencyKey;
  return v ? <input type="hidden" name="idempotencyKey" value={String(v)} /> : null;
}
