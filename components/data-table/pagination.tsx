"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES } from "@/lib/list-params";
import { useTableUrl } from "./use-table-url";

type Props = {
  page: number;
  pageCount: number;
  size: number;
  total: number;
  /** The total with its noun, e.g. "5 дій" (an ICU plural of the list's namespace); else "Showing 1–25 of 80". */
  countLabel?: string;
};

export function Pagination({ page, pageCount, size, total, countLabel }: Props) {
  const t = useTranslations("common.table");
  const { update, pending } = useTableUrl();
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <nav aria-label={t("pagination")} className="flex flex-col gap-3 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <p aria-live="polite" className="text-muted-foreground" data-testid="table-count">
        {countLabel === undefined
          ? t("showing", { from, to, total })
          : total > size
            ? `${countLabel} · ${t("range", { from, to })}`
            : countLabel}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <PageSizeSelect size={size} pending={pending} update={update} />
        <span className="px-2 text-muted-foreground">{t("pageOf", { page, pageCount })}</span>
        <Button variant="outline" size="sm" disabled={page <= 1 || pending} onClick={() => update({ page: page - 1 })}>
          <ChevronLeft aria-hidden className="size-4" />
          <span>{t("previous")}</span>
        </Button>
        <Button variant="outline" size="sm" disabled={page >= pageCount || pending} onClick={() => update({ page: page + 1 })}>
          <span>{t("next")}</span>
          <ChevronRight aria-hidden className="size-4" />
        </Button>
      </div>
    </nav>
  );
}

/**
 * Paging by cursor (lib/list-cursor.ts): first, previous and next pages, no page numbers (a deep
 * page costs what the first does). The total is exact up to a cap, then "more than" and said so.
 */
export function CursorPagination({
  count,
  size,
  total,
  totalExact,
  next,
  prev,
  countLabel,
}: {
  count: number;
  size: number;
  total: number;
  totalExact: boolean;
  next: string | null;
  prev: string | null;
  /** The exact total with its noun, e.g. "5 дій" (an ICU plural of the list's namespace). */
  countLabel?: string;
}) {
  const t = useTranslations("common.table");
  const { update, pending } = useTableUrl();
  const onFirst = prev === null;
  const from = count === 0 ? 0 : 1;
  const summary =
    totalExact && countLabel !== undefined
      ? onFirst
        ? count < total
          ? `${countLabel} · ${t("range", { from, to: count })}`
          : countLabel
        : `${countLabel} · ${t("rangeCount", { count })}`
      : onFirst
        ? totalExact
          ? t("showing", { from, to: count, total })
          : t("showingOfMore", { from, to: count, total })
        : totalExact
          ? t("showingCount", { count, total })
          : t("showingCountOfMore", { count, total });
  return (
    <nav aria-label={t("pagination")} className="flex flex-col gap-3 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <div aria-live="polite" className="text-muted-foreground">
        <p data-testid="table-count">{summary}</p>
        {!totalExact && <p className="text-xs">{t("countCapped", { total })}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <PageSizeSelect size={size} pending={pending} update={update} />
        <Button variant="outline" size="sm" disabled={onFirst || pending} onClick={() => update({ after: null, before: null })}>
          {t("first")}
        </Button>
        <Button variant="outline" size="sm" disabled={onFirst || pending} onClick={() => update({ after: null, before: prev })}>
          <ChevronLeft aria-hidden className="size-4" />
          <span>{t("previous")}</span>
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={next === null || pending}
          onClick={() => update({ before: null, after: next })}
        >
          <span>{t("next")}</span>
          <ChevronRight aria-hidden className="size-4" />
        </Button>
      </div>
    </nav>
  );
}

/** "Rows per page" for both kinds of paging; a change keeps the filters and starts from the first page. */
function PageSizeSelect({
  size,
  pending,
  update,
}: { size: number } & Pick<ReturnType<typeof useTableUrl>, "pending" | "update">) {
  const t = useTranslations("common.table");
  return (
    <>
      <label htmlFor="page-size" className="text-muted-foreground">
        {t("rowsPerPage")}
      </label>
      <select
        id="page-size"
        value={size}
        disabled={pending}
        onChange={(e) => update({ size: e.target.value })}
        className="h-8 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </>
  );
}
