"use client";
// The dry run's report: one line per row with its result and messages; error rows highlighted.
// Long reports list only the rows with errors.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DryRunReport, RowMessage } from "@/lib/import/schemas";

const ALL_ROWS_UP_TO = 500;
const MAX_SHOWN = 1000;

export function ImportReport({ report }: { report: DryRunReport }) {
  const t = useTranslations("import");
  const tv = useTranslations("validation");
  const rows = (report.total <= ALL_ROWS_UP_TO ? report.rows : report.rows.filter((r) => r.result === "error")).slice(
    0,
    MAX_SHOWN,
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
    return t("msg.referenceExists", values);
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
              <TableCell>
                <Badge variant={r.result === "error" ? "danger" : "success"}>
                  {r.result === "error" ? t("report.error") : t("report.create")}
                </Badge>
              </TableCell>
              <TableCell>
                <ul className="space-y-0.5">
                  {r.messages.map((m, i) => (
                    <li key={i} className="text-destructive">
                      {text(r.row, m)}
                    </li>
                  ))}
                </ul>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
