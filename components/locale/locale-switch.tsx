"use client";

// The language switch: in the user menu (signed in: saved on the account) and on the sign-in page
// (a cookie until the person signs in). Language names are written in their own language, so that
// someone who cannot read the current one still finds theirs.
import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/locale/server-actions";
import { DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem } from "@/components/ui/dropdown-menu";
import { isLocale, LOCALES, type Locale } from "@/i18n/config";
import { cn } from "@/lib/utils";

/** Switches the interface language and re-renders the page in it. */
export function useLocaleSwitch(onSwitched?: (locale: Locale) => void) {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const switchTo = (next: string) => {
    if (!isLocale(next) || next === locale) return;
    startTransition(async () => {
      const res = await setLocaleAction(next);
      if (res.ok) {
        onSwitched?.(next);
        router.refresh();
      }
    });
  };
  return { locale, switchTo, pending };
}

/** The user menu's section: a radio group, one item per language. */
export function LocaleMenuItems() {
  const t = useTranslations("languages.switch");
  const { locale, switchTo, pending } = useLocaleSwitch();
  return (
    <>
      <DropdownMenuLabel className="flex items-center gap-2 text-xs font-medium text-muted-foreground">
        <Languages aria-hidden="true" className="size-3.5" />
        {t("label")}
      </DropdownMenuLabel>
      <DropdownMenuRadioGroup value={locale} onValueChange={switchTo} aria-label={t("label")}>
        {LOCALES.map((l) => (
          <DropdownMenuRadioItem key={l} value={l} lang={l} disabled={pending}>
            {t(`names.${l}`)}
          </DropdownMenuRadioItem>
        ))}
      </DropdownMenuRadioGroup>
    </>
  );
}

/** Two toggle buttons, for pages without the user menu (sign-in). */
export function LocaleButtons({ onSwitched, className }: { onSwitched?: (locale: Locale) => void; className?: string }) {
  const t = useTranslations("languages.switch");
  const { locale, switchTo, pending } = useLocaleSwitch(onSwitched);
  return (
    <div role="group" aria-label={t("label")} className={cn("flex items-center justify-center gap-1 text-sm", className)}>
      <Languages aria-hidden="true" className="mr-1 size-4 text-muted-foreground" />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          disabled={pending}
          onClick={() => switchTo(l)}
          className={cn(
            "rounded-md px-2.5 py-1 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-60",
            l === locale
              ? "bg-background font-medium text-foreground shadow-xs ring-1 ring-border"
              : "text-muted-foreground hover:text-foreground",
          )}
        >
          {t(`names.${l}`)}
        </button>
      ))}
    </div>
  );
}
