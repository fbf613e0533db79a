// Locales the interface speaks: English and Ukrainian, each with a full catalogue in messages/<locale>/
// (tests/messages-complete.test.ts fails when a key is missing in either).
export const LOCALES = ["en", "uk"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";
/** How long the browser keeps the language choice: a year (signed in, the saved choice wins anyway). */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
export const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);
/** The other working language: what a record's translation is written in. */
export const otherLocale = (l: Locale): Locale => (l === "uk" ? "en" : "uk");
