"use client";

import { Link2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useState, useTransition } from "react";
import { searchLinkTargetsAction, createLinkAction } from "@/app/(app)/links/server-actions";
import { FormMessage, SelectField, TextAreaField, type Option } from "@/components/forms/fields";
import { RecordDate } from "@/components/records/record-date";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

type Target = { id: string; title: string; date: string };

type Props = {
  /** the page the dialog is on: an action page links to outcomes and vice versa */
  from: "action" | "outcome";
  recordId: string;
  contributions: Option[];
};

export function AddLinkDialog({ from, recordId, contributions }: Props) {
  const t = useTranslations("links");
  const tc = useTranslations("common");
  const target = from === "action" ? "outcome" : "action";
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Target[] | null>(null);
  const [selected, setSelected] = useState<string>("");
  const [searching, startSearch] = useTransition();
  // Closes the dialog once the link is saved.
  const [state, formAction, saving] = useActionState(async (prev: FormState, fd: FormData) => {
    const next = await createLinkAction(prev, fd);
    if (next.ok) {
      setOpen(false);
      setSelected("");
      setQ("");
    }
    return next;
  }, INITIAL_FORM_STATE);
  const listId = useId();

  // Search as the user types (debounced); the first open shows the most recent records.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      startSearch(async () => setResults(await searchLinkTargetsAction(target, q)));
    }, 250);
    return () => clearTimeout(timer);
  }, [open, q, target]);

  const defaults = { contribution: "CONTRIBUTORY", evidenceNote: "" };
  const targetError = state.fieldErrors?.[`${target}Id`];

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Link2 aria-hidden className="size-4" />
          {from === "action" ? t("linkOutcome") : t("linkAction")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("buttons.close")} className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{from === "action" ? t("linkOutcome") : t("linkAction")}</DialogTitle>
          <DialogDescription>{from === "action" ? t("linkOutcomeHelp") : t("linkActionHelp")}</DialogDescription>
        </DialogHeader>
        <form key={state.submission} action={formAction} className="space-y-4" noValidate>
          <FormMessage state={state} />
          <input type="hidden" name={`${from}Id`} value={recordId} />
          <input type="hidden" name={`${target}Id`} value={selected} />
          <div className="space-y-1.5">
            <label htmlFor="link-search" className="text-sm font-medium">
              {from === "action" ? t("findOutcome") : t("findAction")}
            </label>
            <Input id="link-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" aria-controls={listId} />
          </div>
          <fieldset
            id={listId}
            className="max-h-56 space-y-1 overflow-y-auto rounded-md border p-2"
            aria-busy={searching}
            aria-describedby={targetError ? "link-target-error" : undefined}
          >
            <legend className="sr-only">{from === "action" ? t("chooseOutcome") : t("chooseAction")}</legend>
            {results === null || (searching && !results.length) ? (
              <div className="flex justify-center p-4">
                <Spinner label={tc("table.loading")} />
              </div>
            ) : results.length === 0 ? (
              <p className="p-3 text-sm text-muted-foreground">{t("noMatches")}</p>
            ) : (
              results.map((r) => (
                <label
                  key={r.id}
                  className="flex cursor-pointer items-start gap-3 rounded-md px-2 py-2 text-sm hover:bg-accent has-[:checked]:bg-accent"
                >
                  <input
                    type="radio"
                    name="target-choice"
                    value={r.id}
                    checked={selected === r.id}
                    onChange={() => setSelected(r.id)}
                    className="mt-0.5 accent-primary"
                  />
                  <span>
                    <span className="font-medium">{r.title}</span>
                    <span className="block text-xs text-muted-foreground">
                      <RecordDate date={r.date} />
                    </span>
                  </span>
                </label>
              ))
            )}
          </fieldset>
          {targetError && (
            <p id="link-target-error" className="text-sm text-destructive">
              {t("chooseFirst")}
            </p>
          )}
          <SelectField name="contribution" label={t("contribution")} options={contributions} state={state} defaults={defaults} />
          <TextAreaField name="evidenceNote" label={t("evidenceNote")} hint={t("evidenceNoteHint")} rows={3} state={state} defaults={defaults} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("buttons.cancel")}
            </Button>
            <Button type="submit" disabled={saving}>
              {saving ? tc("buttons.saving") : t("save")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
