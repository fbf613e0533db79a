"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useTableUrl } from "./use-table-url";

export type FilterOption = { value: string; label: string };
export type FilterDef = { name: string; label: string; options: FilterOption[]; allLabel: string };

type Props = {
  searchLabel: string;
  searchPlaceholder: string;
  filters?: FilterDef[];
  dateRange?: { fromLabel: string; toLabel: string };
};

/**
 * Search, filters and a date range, all written to the URL. The search applies as one types (after
 * a short pause) or on Enter; every control has a visible label.
 */
export function ListToolbar({ searchLabel, searchPlaceholder, filters = [], dateRange }: Props) {
  const t = useTranslations("common.table");
  const { searchParams, update, pending } = useTableUrl();
  const urlQ = searchParams.get("q") ?? "";
  const [q, setQ] = useState(urlQ);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Back/forward navigation changes the URL underneath the input: follow it (during render, as React
  // recommends for state derived from props).
  const [seenQ, setSeenQ] = useState(urlQ);
  if (seenQ !== urlQ) {
    setSeenQ(urlQ);
    setQ(urlQ);
  }

  const applySearch = (value: string) => {
    clearTimeout(timer.current);
    if (value.trim() !== urlQ) update({ q: value.trim() });
  };

  const active = ["q", "from", "to", ...filters.map((f) => f.name)].some((k) => searchParams.get(k));

  return (
    <form
      role="search"
      aria-label={searchLabel}
      onSubmit={(e) => {
        e.preventDefault();
        applySearch(q);
      }}
      className="flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:items-end"
    >
      <div className="flex min-w-56 flex-1 flex-col gap-1.5">
        <label htmlFor="list-search" className="text-sm font-medium">
          {searchLabel}
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id="list-search"
            type="search"
            value={q}
            placeholder={searchPlaceholder}
            className="pl-8"
            onChange={(e) => {
              const value = e.target.value;
              setQ(value);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => applySearch(value), 400);
            }}
          />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
        {filters.map((f) => (
          <div key={f.name} className="flex flex-col gap-1.5">
            <label htmlFor={`filter-${f.name}`} className="text-sm font-medium">
              {f.label}
            </label>
            <select
              id={`filter-${f.name}`}
              value={searchParams.get(f.name) ?? ""}
              onChange={(e) => update({ [f.name]: e.target.value })}
              className="h-9 w-full rounded-md border border-input bg-background px-2 text-sm sm:max-w-56 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <option value="">{f.allLabel}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {dateRange &&
          (["from", "to"] as const).map((name) => (
            <div key={name} className="flex flex-col gap-1.5">
              <label htmlFor={`filter-${name}`} className="text-sm font-medium">
                {name === "from" ? dateRange.fromLabel : dateRange.toLabel}
              </label>
              <Input
                id={`filter-${name}`}
                type="date"
                className="h-9"
                value={searchParams.get(name) ?? ""}
                onChange={(e) => update({ [name]: e.target.value })}
              />
            </div>
          ))}
        <div className="flex items-center gap-2">
          {active && (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setQ("");
                update(Object.fromEntries(["q", "from", "to", ...filters.map((f) => f.name)].map((k) => [k, null])));
              }}
            >
              <X aria-hidden className="size-4" />
              {t("clearFilters")}
            </Button>
          )}
          {pending && <Spinner label={t("loading")} />}
        </div>
      </div>
    </form>
  );
}
