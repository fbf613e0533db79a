"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { applySignInLocaleAction } from "@/app/locale/server-actions";
import { LocaleButtons } from "@/components/locale/locale-switch";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** What the server's answer means for the form (lib/auth.ts passes limits and challenges as `error`). */
function readError(error: string | null | undefined): { kind: "limited"; minutes: number } | { kind: "code"; challenge: string } | { kind: "invalid" } {
  const [code, value] = (error ?? "").split(":");
  if (code === "RATE_LIMITED") return { kind: "limited", minutes: Math.max(1, Math.ceil(Number(value) / 60) || 1) };
  if (code === "CODE_REQUIRED" && value) return { kind: "code", challenge: value };
  return { kind: "invalid" };
}

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const codeRef = useRef<HTMLInputElement>(null);
  // A language picked on this page before signing in becomes the account's language.
  const [chosenLocale, setChosenLocale] = useState<string | null>(null);

  const submit = (credentials: Record<string, string>) => {
    setError(null);
    startTransition(async () => {
      const res = await signIn("credentials", { ...credentials, redirect: false, callbackUrl });
      if (res?.ok && !res.error) {
        await applySignInLocaleAction(chosenLocale);
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const answer = readError(res?.error);
      if (answer.kind === "code") {
        setChallenge(answer.challenge);
        setTimeout(() => codeRef.current?.focus(), 0);
      } else if (answer.kind === "limited") setError(t("tooManyAttempts", { minutes: answer.minutes }));
      // Same message for an unknown email and a wrong password (and a wrong code).
      else setError(challenge ? t("invalidCode") : t("invalidCredentials"));
    });
  };

  const onPassword = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    submit({ email: String(fd.get("email") ?? ""), password: String(fd.get("password") ?? "") });
  };
  const onCode = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    submit({ challenge: challenge ?? "", code: String(fd.get("code") ?? "") });
  };

  const message = (
    <div aria-live="polite" className="min-h-5">
      {error ? (
        <p id="login-error" data-testid="login-error" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : notice ? (
        <p data-testid="login-notice" className="text-sm text-muted-foreground">
          {notice}
        </p>
      ) : null}
    </div>
  );

  return (
    <>
      {challenge ? (
        <form onSubmit={onCode} className="space-y-4" noValidate aria-describedby={error ? "login-error" : "code-hint"}>
          <div className="space-y-1.5">
            <Label htmlFor="code">{t("code")}</Label>
            <Input
              ref={codeRef}
              id="code"
              name="code"
              autoComplete="one-time-code"
              inputMode="text"
              required
              aria-invalid={!!error}
              aria-describedby="code-hint"
            />
            <p id="code-hint" className="text-sm text-muted-foreground">
              {t("codeHint")}
            </p>
          </div>
          {message}
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("verifying") : t("verify")}
          </Button>
          <Button type="button" variant="ghost" className="w-full" onClick={() => (setChallenge(null), setError(null))}>
            {t("startOver")}
          </Button>
        </form>
      ) : (
        <form onSubmit={onPassword} className="space-y-4" noValidate aria-describedby={error ? "login-error" : undefined}>
          <div className="space-y-1.5">
            <Label htmlFor="email">{t("email")}</Label>
            <Input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={!!error} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="password">{t("password")}</Label>
            <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={!!error} />
          </div>
          {message}
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("signingIn") : t("signIn")}
          </Button>
        </form>
      )}
      <LocaleButtons onSwitched={setChosenLocale} className="mt-5 border-t pt-4" />
    </>
  );
}
