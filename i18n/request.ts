import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./config";
import { MESSAGES } from "./messages";

// The locale comes from a cookie (no locale prefix in URLs: records are shared by link between
// colleagues who read different languages).
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: "Europe/Kyiv" };
});
