import "server-only";
import { AppError } from "@/lib/errors";
import { exportTexts } from "@/lib/exports/i18n";
import { auditedExport, filtersOf, isExportFormat, type ExportFile, type ExportFormat } from "@/lib/exports/lists";
import { assertCan, type Actor } from "@/lib/permissions";
import { auditColumns } from "./export-columns";
import { iterateAuditEvents } from "./queries";
import { ZAuditListParams } from "./schemas";

export type ExportAuditOptions = {
  actor: Actor;
  /** csv (the default) or xlsx */
  format?: ExportFormat;
  /** /audit's URL params, raw: the same filters, search and sort (all pages). */
  params: unknown;
  /** the app's public origin, for the record URL column */
  baseUrl: string;
  locale?: string;
  batchSize?: number;
  /** for tests: when the export has been audited (or failed) */
  onSettled?: (result: { ok: boolean; rowCount: number }) => void;
};

/**
 * The filtered audit trail as CSV (UTF-8 with BOM, formula-safe) or XLSX (typed cells, frozen
 * header), streamed in batches like the other list exports (lib/exports). Who may read the trail and export data: an auditor. The export
 * is itself recorded ("export.created", entity AuditEvent, with the filters and the row count) before
 * the file's last bytes go out; a failed or cancelled one writes "export.failed".
 */
export function exportAuditEvents(options: ExportAuditOptions): ExportFile {
  const { actor } = options;
  assertCan(actor, "audit.read");
  assertCan(actor, "export.run");
  const format = options.format ?? "csv";
  if (!isExportFormat(format)) throw new AppError("NOT_FOUND");
  const parsed = ZAuditListParams.parse(options.params ?? {});
  const texts = exportTexts(options.locale);
  return auditedExport({
    ...options,
    format,
    entity: "AuditEvent",
    name: "audit",
    filename: "audit-trail",
    sheetName: texts.t("exports.sheets.audit"),
    filters: filtersOf(parsed),
    columns: auditColumns({ ...texts, baseUrl: options.baseUrl.replace(/\/+$/, "") }),
    rows: iterateAuditEvents({ actor, params: parsed, batchSize: options.batchSize }),
  });
}
