import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { TermLabel } from "@/components/records/term-label";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TypeCount } from "@/lib/dashboard/types";
import { termLabel } from "@/lib/vocabularies/vocabularies";

/** Counts per type for the period and the year before, each linking to its list. */
export function TypeTable({ title, rows, testId }: { title: string; rows: TypeCount[]; testId?: string }) {
  const t = useTranslations("dashboard.byType");
  const locale = useLocale();
  const id = `type-table-${testId ?? "x"}`;
  const num = (n: number, href: string, label: string) =>
    n > 0 ? (
      <Link href={href} className="font-medium text-primary tabular-nums hover:underline" aria-label={label}>
        {n}
      </Link>
    ) : (
      <span className="text-muted-foreground tabular-nums">0</span>
    );
  return (
    <Card role="region" aria-labelledby={id} data-testid={testId}>
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b text-left text-xs text-muted-foreground">
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("type")}
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  {t("period")}
                </th>
                <th scope="col" className="py-2 pl-2 text-right font-medium">
                  {t("previous")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.type.code} className="border-b last:border-0">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    <TermLabel term={r.type} />
                  </th>
                  <td className="px-2 py-1.5 text-right">{num(r.count, r.href, `${termLabel(r.type, locale)}, ${t("period")}: ${r.count}`)}</td>
                  <td className="py-1.5 pl-2 text-right">{num(r.previous.count, r.previous.href, `${termLabel(r.type, locale)}, ${t("previous")}: ${r.previous.count}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
