"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applySignInLocaleAction } from "@/app/locale/server-actions";
import { LocaleButtons } from "@/components/locale/locale-switch";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // A language picked on this page before signing in becomes the account's language.
  const [chosenLocale, setChosenLocale] = useState<string | null>(null);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setError(null);
    startTransition(async () => {
      const res = await signIn("credentials", {
        email: String(fd.get("email") ?? ""),
        password: String(fd.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (res?.ok && !res.error) {
        await applySignInLocaleAction(chosenLocale);
        router.replace(callbackUrl);
        router.refresh();
      } else {
        // Same message for an unknown email and a wrong password.
        setError(res?.status === 429 ? t("tooManyAttempts") : t("invalidCredentials"));
      }
    });
  };

  return (
    <>
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "login-error" : undefined}>
        <div className="space-y-1.5">
          <Label htmlFor="email">{t("email")}</Label>
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={!!error} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="password">{t("password")}</Label>
          <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={!!error} />
        </div>
        <div aria-live="polite" className="min-h-5">
          {error && (
            <p id="login-error" data-testid="login-error" className="text-sm font-medium text-destructive">
              {error}
            </p>
          )}
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("signingIn") : t("signIn")}
        </Button>
      </form>
      <LocaleButtons onSwitched={setChosenLocale} className="mt-5 border-t pt-4" />
    </>
  );
}
