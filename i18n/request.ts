import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { getSavedLocale } from "@/lib/session";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./config";
import { MESSAGES } from "./messages";

// The locale: the signed-in user's saved choice, else the cookie (the sign-in page, and anyone
// signed out), else English. No locale prefix in URLs: records are shared by link between colleagues
// who read different languages, and every page has one address.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const saved = await getSavedLocale();
  const locale = isLocale(saved) ? saved : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: "Europe/Kyiv" };
});
