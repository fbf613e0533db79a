// Every number on the dashboard links to the list that shows its rows. The link and the count are
// built from the same parameter object: the count runs buildActionWhere/buildOutcomeWhere on these
// params, the link puts them in the list's URL, and the list parses them back into the same params.
// Safe to import from client components.

export type ListFilter = Record<string, string | undefined>;

/** "/actions?type=FOREIGN_VISIT&from=2024-01-01&to=2024-12-31": keys in a stable order, empty ones left out. */
export function listHref(path: "/actions" | "/outcomes", filter: ListFilter): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) qs.set(key, value);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const actionsHref = (filter: ListFilter) => listHref("/actions", filter);
export const outcomesHref = (filter: ListFilter) => listHref("/outcomes", filter);

/** The params a list page will parse from an href (for tests and for re-counting a link). */
export const paramsOfHref = (href: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(href.includes("?") ? href.slice(href.indexOf("?") + 1) : "").entries());
