"use server";

// Next.js server actions for the interface language: thin wrappers over lib/users. The cookie serves
// the sign-in page and anyone signed out; a signed-in person's choice is also saved on their account
// (i18n/request.ts prefers it), so it follows them to every device.
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type Locale } from "@/i18n/config";
import { logUnexpected } from "@/lib/errors";
import { getActor, getSavedLocale } from "@/lib/session";
import { updateOwnLocale } from "@/lib/users/mutations";

export type LocaleResult = { ok: boolean; locale?: Locale };

async function setLocaleCookie(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true });
}

/** The language switch (user menu and sign-in page). */
export async function setLocaleAction(locale: string): Promise<LocaleResult> {
  if (!isLocale(locale)) return { ok: false };
  try {
    const actor = await getActor();
    if (actor) await updateOwnLocale({ actor, input: { locale } });
    await setLocaleCookie(locale);
    return { ok: true, locale };
  } catch (e) {
    logUnexpected(e, "setLocaleAction");
    return { ok: false };
  }
}

/**
 * Right after a successful sign-in. `chosen`: the language picked on the sign-in page during this
 * visit, which becomes the account's choice; without one, the account's saved language is copied into
 * the cookie, so that the sign-in page after signing out speaks it too.
 */
export async function applySignInLocaleAction(chosen: string | null): Promise<LocaleResult> {
  try {
    const actor = await getActor();
    if (!actor) return { ok: false };
    if (isLocale(chosen)) await updateOwnLocale({ actor, input: { locale: chosen } });
    const saved = isLocale(chosen) ? chosen : await getSavedLocale();
    if (!isLocale(saved)) return { ok: false };
    await setLocaleCookie(saved);
    return { ok: true, locale: saved };
  } catch (e) {
    logUnexpected(e, "applySignInLocaleAction");
    return { ok: false };
  }
}
