// Organizations and campaigns have names in both working languages: shown in the reader's language,
// falling back to the other where only one is known (the English name is required, the Ukrainian one
// optional). Acronyms are the same in both. Pure; safe to import from client components.

type Named = { name: string; nameUk?: string | null };
type Titled = { title: string; titleUk?: string | null };

export const orgName = (o: Named, locale: string) => (locale === "uk" && o.nameUk ? o.nameUk : o.name);

/** As in lists and chips: the acronym when there is one, else the name. */
export const orgShort = (o: Named & { acronym: string | null }, locale: string) => o.acronym ?? orgName(o, locale);

/** As in pickers and detail pages: "Acronym – Name", or the name. */
export const orgLabel = (o: Named & { acronym: string | null }, locale: string) =>
  o.acronym ? `${o.acronym} – ${orgName(o, locale)}` : orgName(o, locale);

/** The name in the language the reader does not read first, when it differs (for a second line). */
export const orgOtherName = (o: Named, locale: string) => {
  const other = locale === "uk" ? o.name : o.nameUk;
  return other && other !== orgName(o, locale) ? other : null;
};

export const campaignTitle = (c: Titled, locale: string) => (locale === "uk" && c.titleUk ? c.titleUk : c.title);

export const campaignOtherTitle = (c: Titled, locale: string) => {
  const other = locale === "uk" ? c.title : c.titleUk;
  return other && other !== campaignTitle(c, locale) ? other : null;
};
