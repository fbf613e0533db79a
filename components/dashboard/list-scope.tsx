import { X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { listHref } from "@/lib/dashboard/links";

/** The list filters the dashboard's links set that the list's toolbar has no control for. */
const SCOPE_KEYS = ["category", "followUp", "open", "mine"] as const;

/** True when a dashboard link's filter (kind of action, follow-up, open, mine) narrows the list. */
export const hasListScope = (scope: Scope) => SCOPE_KEYS.some((k) => !!scope[k]);

type Scope = Partial<Record<(typeof SCOPE_KEYS)[number], string>>;

/**
 * A line above a list saying which of the dashboard's filters narrow it ("Foreign visits · Overdue
 * follow-ups"), each removable: without it, a list opened from a dashboard number would look
 * unfiltered while showing fewer rows. Renders nothing when none is set.
 */
export async function ListScope({
  path,
  params,
  scope,
}: {
  path: "/actions";
  /** The list's query, kept when a filter is removed. */
  params: Record<string, string | undefined>;
  /** The filters as the list parsed them. */
  scope: Scope;
}) {
  const t = await getTranslations("dashboard");
  const active = SCOPE_KEYS.filter((k) => scope[k]);
  if (active.length === 0) return null;
  const label = (k: (typeof SCOPE_KEYS)[number]) => {
    const v = scope[k]!;
    if (k === "category") return t.has(`categories.${v}` as "categories.other") ? t(`categories.${v}` as "categories.other") : v;
    if (k === "followUp") return t(v === "overdue" ? "followUps.overdue" : "listScope.soon");
    return t(`listScope.${k}`);
  };
  const without = (k: string) => listHref(path, { ...params, [k]: undefined, page: undefined });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="list-scope">
      <span className="text-muted-foreground">{t("listScope.label")}</span>
      <ul className="flex flex-wrap gap-1.5">
        {active.map((k) => (
          <li
            key={k}
            className="inline-flex items-center gap-1 rounded-md border border-indigo-200 bg-info-muted py-0.5 pr-1 pl-2 font-medium"
          >
            {label(k)}
            <Link
              href={without(k)}
              className="rounded-sm p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground"
              aria-label={t("listScope.remove", { filter: label(k) })}
            >
              <X aria-hidden className="size-3.5" />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
