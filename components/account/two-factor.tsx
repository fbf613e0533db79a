"use client";

// Two-step verification: set-up (QR code and key, confirmed by a code), recovery codes shown once,
// regenerating them and turning the factor off (each needs a current code).
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import {
  confirmTotpAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  startTotpAction,
  type RecoveryCodesState,
} from "@/app/(app)/account/server-actions";
import { FormMessage } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

/** A code input (several forms on one page: each with its own id). */
function CodeField({ id, label, hint, state }: { id: string; label: string; hint?: string; state: FormState }) {
  const tr = useTranslations();
  const errors = state.fieldErrors?.code?.map((k) => tr(k as never));
  return (
    <FormField label={label} htmlFor={id} hint={hint} errors={errors} required>
      <Input
        id={id}
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        className="max-w-48"
        aria-required
        aria-invalid={errors ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { hint, errors })}
      />
    </FormField>
  );
}

/** The recovery codes, shown once, with a download. */
export function RecoveryCodes({ codes, continueHref }: { codes: string[]; continueHref?: string }) {
  const t = useTranslations("account.mfa");
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(`${t("recoveryFileTitle")}\n\n${codes.join("\n")}\n`)}`;
  return (
    <div role="status" className="space-y-3 rounded-md border border-amber-200 bg-warning-muted p-4">
      <h3 className="font-medium">{t("recoveryTitle")}</h3>
      <p className="text-sm text-slate-700">{t("recoveryHint")}</p>
      <ul aria-label={t("recoveryTitle")} className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline" size="sm">
          <a href={file} download="advocacy-tracker-recovery-codes.txt">
            {t("download")}
          </a>
        </Button>
        {continueHref && (
          <Button asChild size="sm">
            <a href={continueHref}>{t("continue")}</a>
          </Button>
        )}
      </div>
    </div>
  );
}

/** Starts and confirms enrolment. */
export function TotpSetup({ continueHref }: { continueHref?: string }) {
  const t = useTranslations("account.mfa");
  const [setup, setSetup] = useState<{ qrDataUrl: string; manualKey: string } | null>(null);
  const [startError, setStartError] = useState<FormState | null>(null);
  const [starting, startTransition] = useTransition();
  const [state, action, pending] = useActionState<RecoveryCodesState, FormData>(confirmTotpAction, INITIAL_FORM_STATE);

  if (state.ok && state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} continueHref={continueHref ?? "/account"} />;
  if (!setup)
    return (
      <div className="space-y-3">
        {startError && <FormMessage state={startError} />}
        <Button
          type="button"
          disabled={starting}
          onClick={() =>
            startTransition(async () => {
              const res = await startTotpAction();
              if (res.ok) setSetup({ qrDataUrl: res.qrDataUrl, manualKey: res.manualKey });
              else setStartError(res.state);
            })
          }
        >
          {t("setUp")}
        </Button>
      </div>
    );
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
      </ol>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
        <img src={setup.qrDataUrl} alt={t("qrAlt")} width={176} height={176} className="rounded border bg-white p-1" />
        <div className="space-y-1 text-sm">
          <p className="text-muted-foreground">{t("manualKey")}</p>
          <code data-testid="manual-key" className="block rounded bg-muted px-2 py-1 font-mono text-sm break-all">
            {setup.manualKey}
          </code>
        </div>
      </div>
      <form key={state.submission} action={action} noValidate className="space-y-3">
        <FormMessage state={state} />
        <CodeField id="enrol-code" label={t("code")} hint={t("codeHint")} state={state} />
        <Button type="submit" disabled={pending}>
          {t("confirm")}
        </Button>
      </form>
    </div>
  );
}

/** For someone with a second factor: new recovery codes, or turning it off. */
export function TotpManage({ required }: { required: boolean }) {
  const t = useTranslations("account.mfa");
  const [regen, regenerate, regenPending] = useActionState<RecoveryCodesState, FormData>(regenerateRecoveryCodesAction, INITIAL_FORM_STATE);
  const [off, disable, offPending] = useActionState(disableTotpAction, INITIAL_FORM_STATE);
  return (
    <div className="space-y-6">
      {regen.ok && regen.recoveryCodes ? (
        <RecoveryCodes codes={regen.recoveryCodes} />
      ) : (
        <form key={`r${regen.submission}`} action={regenerate} noValidate className="space-y-3">
          <h3 className="font-medium">{t("regenerateTitle")}</h3>
          <FormMessage state={regen} />
          <CodeField id="regenerate-code" label={t("codeForRegenerate")} state={regen} />
          <Button type="submit" variant="outline" disabled={regenPending}>
            {t("regenerate")}
          </Button>
        </form>
      )}
      {required ? (
        <p className="text-sm text-muted-foreground">{t("requiredNote")}</p>
      ) : (
        <form key={`d${off.submission}`} action={disable} noValidate className="space-y-3 border-t pt-4">
          <h3 className="font-medium">{t("disableTitle")}</h3>
          <FormMessage state={off} />
          <CodeField id="disable-code" label={t("codeForDisable")} state={off} />
          <Button type="submit" variant="outline" disabled={offPending}>
            {t("disable")}
          </Button>
        </form>
      )}
    </div>
  );
}
