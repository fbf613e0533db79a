"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTableUrl } from "@/components/data-table/use-table-url";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type Option = { value: string; label: string };

/** Kind, type and period of a campaign's timeline, written to the URL as one chooses. */
export function TimelineFilters({ actionTypes, outcomeTypes, shown, total }: { actionTypes: Option[]; outcomeTypes: Option[]; shown: number; total: number }) {
  const t = useTranslations("dashboard.timelineFilters");
  const tt = useTranslations("common.table");
  const { searchParams, update, pending } = useTableUrl();
  const value = (k: string) => searchParams.get(k) ?? "";
  const active = ["kind", "type", "from", "to"].some((k) => searchParams.get(k));
  const select = "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
  return (
    <form role="search" aria-label={t("label")} onSubmit={(e) => e.preventDefault()} className="mb-5 space-y-2">
      <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="timeline-kind" className="text-sm font-medium">
            {t("kind")}
          </label>
          <select id="timeline-kind" className={select} value={value("kind") || "all"} onChange={(e) => update({ kind: e.target.value === "all" ? null : e.target.value, type: null })}>
            {(["all", "action", "outcome"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5 sm:max-w-72">
          <label htmlFor="timeline-type" className="text-sm font-medium">
            {t("type")}
          </label>
          <select id="timeline-type" className={select} value={value("type")} onChange={(e) => update({ type: e.target.value })}>
            <option value="">{t("allTypes")}</option>
            {value("kind") !== "outcome" && actionTypes.length > 0 && (
              <optgroup label={t("actionTypes")}>
                {actionTypes.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
            {value("kind") !== "action" && outcomeTypes.length > 0 && (
              <optgroup label={t("outcomeTypes")}>
                {outcomeTypes.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        {(["from", "to"] as const).map((k) => (
          <div key={k} className="flex flex-col gap-1.5">
            <label htmlFor={`timeline-${k}`} className="text-sm font-medium">
              {t(k)}
            </label>
            <Input id={`timeline-${k}`} type="date" className="h-9" value={value(k)} onChange={(e) => update({ [k]: e.target.value })} />
          </div>
        ))}
        <div className="col-span-2 flex items-center gap-2">
          {active && (
            <Button type="button" variant="ghost" size="sm" onClick={() => update({ kind: null, type: null, from: null, to: null })}>
              <X aria-hidden className="size-4" />
              {t("clear")}
            </Button>
          )}
          {pending && <Spinner label={tt("loading")} />}
        </div>
      </div>
      <p className="text-xs text-muted-foreground" role="status">
        {active ? t("showing", { shown, total }) : ""}
      </p>
    </form>
  );
}
