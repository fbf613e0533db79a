"use client";
// The dry run's report: one line per row with its result, messages and, for an update, the fields
// it changes (old → new); error rows highlighted. Long reports list only the rows with errors and updates.
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DryRunReport, RowMessage, RowResult, ShownValue } from "@/lib/import/schemas";

const ALL_ROWS_UP_TO = 500;
const MAX_SHOWN = 1000;

export function ImportReport({ report }: { report: DryRunReport }) {
  const t = useTranslations("import");
  const tv = useTranslations("validation");
  const locale = useLocale();
  const rows = (
    report.total <= ALL_ROWS_UP_TO ? report.rows : report.rows.filter((r) => r.result === "error" || r.result === "update")
  ).slice(0, MAX_SHOWN);
  const show = (v: ShownValue) => (typeof v === "string" ? v : locale === "uk" ? v.uk : v.en) || t("report.empty");
  const badge = (r: RowResult) =>
    r.result === "error" ? (
      <Badge variant="danger">{t("report.error")}</Badge>
    ) : r.result === "update" ? (
      <Badge variant="info">{t("report.update")}</Badge>
    ) : r.result === "unchanged" ? (
      <Badge variant="neutral">{t("report.unchanged")}</Badge>
    ) : (
      <Badge variant="success">{t("report.create")}</Badge>
    );
  const text = (row: number, m: RowMessage) => {
    const values = { row, column: m.column ?? "", value: m.value ?? "" };
    if (m.key === "msg.invalid") {
      const problem = m.value?.startsWith("validation.") && tv.has(m.value.slice(11)) ? tv(m.value.slice(11)) : (m.value ?? "");
      return t("msg.invalid", { ...values, problem });
    }
    if (m.key === "msg.badDate") return t("msg.badDate", values);
    if (m.key === "msg.badChoice") return t("msg.badChoice", values);
    if (m.key === "msg.unconfirmed") return t("msg.unconfirmed", values);
    if (m.key === "msg.referenceTwice") return t("msg.referenceTwice", { ...values, otherRow: m.otherRow ?? "" });
    if (m.key === "msg.referenceAmbiguous") return t("msg.referenceAmbiguous", values);
    if (m.key === "msg.referenceNotEditable") return t("msg.referenceNotEditable", values);
    return t("msg.referenceHidden", values);
  };
  return (
    <>
      {rows.length < report.total && (
        <p className="text-sm text-muted-foreground">{t("report.onlyErrors", { shown: rows.length, total: report.total })}</p>
      )}
      <Table scrollLabel={t("report.caption")} data-testid="import-report">
        <TableCaption className="sr-only">{t("report.caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">{t("report.row")}</TableHead>
            <TableHead className="w-36">{t("report.result")}</TableHead>
            <TableHead>{t("report.messages")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.row} className={r.result === "error" ? "bg-destructive-muted" : undefined}>
              <TableCell>{r.row}</TableCell>
              <TableCell>{badge(r)}</TableCell>
              <TableCell>
                <ul className="space-y-0.5">
                  {r.messages.map((m, i) => (
                    <li key={i} className="text-destructive">
                      {text(r.row, m)}
                    </li>
                  ))}
                </ul>
                {r.changes && r.changes.length > 0 && (
                  <ul className="space-y-0.5" aria-label={t("report.changes")}>
                    {r.changes.map((c) => (
                      <li key={c.field}>
                        {t("report.change", { field: t(`fields.${c.field}`), from: show(c.from), to: show(c.to) })}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
