// Locales the interface speaks. Ukrainian arrives with its own catalogue (see the bilingual issue);
// until then every locale falls back to English.
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";
export const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);
