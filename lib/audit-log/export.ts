import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { logUnexpected } from "@/lib/errors";
import { toCells, type Cell } from "@/lib/exports/cells";
import { csvStream } from "@/lib/exports/csv";
import { exportTexts } from "@/lib/exports/i18n";
import { auditedStream, CONTENT_TYPES, isExportFormat, type ExportFile, type ExportFormat } from "@/lib/exports/lists";
import { xlsxStream } from "@/lib/exports/xlsx";
import { AppError } from "@/lib/errors";
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
  const { page: _page, size: _size, ...rest } = parsed;
  const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ""));
  const texts = exportTexts(options.locale);
  const columns = auditColumns({ ...texts, baseUrl: options.baseUrl.replace(/\/+$/, "") });

  let rowCount = 0;
  const rows = iterateAuditEvents({ actor, params: parsed, batchSize: options.batchSize });
  async function* cells(): AsyncGenerator<Cell[][], void, undefined> {
    for await (const batch of rows) {
      rowCount += batch.length;
      yield batch.map((r) => toCells(columns, r));
    }
  }
  const audit = (event: "export.created" | "export.failed", extra: Record<string, unknown> = {}) =>
    db.$transaction((tx) =>
      recordAudit(tx, { actor, event, entity: "AuditEvent", after: { format, filters, rowCount, ...extra } }),
    );

  const batches = cells();
  const inner =
    format === "csv"
      ? csvStream(
          columns.map((c) => c.header),
          batches,
        )
      : xlsxStream({ sheetName: texts.t("exports.sheets.audit"), columns, batches });
  const context = `export audit.${format}`;
  const stream = auditedStream(inner, {
    onComplete: async () => {
      try {
        await audit("export.created");
      } catch (error) {
        logUnexpected(error, `audit of ${context}`);
        options.onSettled?.({ ok: false, rowCount });
        throw error;
      }
      options.onSettled?.({ ok: true, rowCount });
    },
    onFailure: async (kind, reason) => {
      const ref = kind === "error" ? logUnexpected(reason, context) : null;
      await audit("export.failed", { reason: kind, ...(ref ? { ref } : {}) }).catch((e: unknown) =>
        logUnexpected(e, `audit of failed ${context}`),
      );
      options.onSettled?.({ ok: false, rowCount });
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return { stream, filename: `audit-trail-${date}.${format}`, contentType: CONTENT_TYPES[format] };
}
