import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AnchorDTO } from "@/lib/audit-log/chain";

const utcText = (iso: string) => iso.replace("T", " ").replace(/Z$/, "");

/** The anchors (the chain's head each time it was verified), newest first; full hashes, so it can be printed and compared. */
export function AnchorsTable({ anchors }: { anchors: AnchorDTO[] }) {
  const t = useTranslations("audit.anchors");
  if (!anchors.length) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <Table scrollLabel={t("title")} data-testid="anchors">
      <caption className="sr-only">{t("title")}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("columns.at")}</TableHead>
          <TableHead className="text-right">{t("columns.headId")}</TableHead>
          <TableHead className="text-right">{t("columns.eventCount")}</TableHead>
          <TableHead>{t("columns.headHash")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {anchors.map((a) => (
          <TableRow key={a.id} className="break-inside-avoid">
            <TableCell className="font-mono text-xs whitespace-nowrap tabular-nums">
              <time dateTime={a.at}>{utcText(a.at)}</time>
            </TableCell>
            <TableCell className="text-right font-mono text-xs tabular-nums">#{a.headId}</TableCell>
            <TableCell className="text-right tabular-nums">{a.eventCount}</TableCell>
            <TableCell className="font-mono text-xs break-all">{a.headHash}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
