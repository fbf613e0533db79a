import "server-only";
import { iterateActions } from "@/lib/actions/queries";
import { ZActionListParams } from "@/lib/actions/schemas";
import { recordAudit } from "@/lib/audit";
import { iterateCampaigns } from "@/lib/campaigns/queries";
import { ZCampaignListParams } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { AppError, logUnexpected } from "@/lib/errors";
import { iterateOrganizations } from "@/lib/organizations/queries";
import { ZOrganizationListParams } from "@/lib/organizations/schemas";
import { iterateOutcomes } from "@/lib/outcomes/queries";
import { ZOutcomeListParams } from "@/lib/outcomes/schemas";
import { assertCan, type Actor } from "@/lib/permissions";
import { toCells, type Cell, type ExportColumn } from "./cells";
import { actionColumns, campaignColumns, organizationColumns, outcomeColumns, type ColumnContext } from "./columns";
import { csvStream } from "./csv";
import { exportTexts } from "./i18n";
import { xlsxStream } from "./xlsx";

export const EXPORT_LISTS = ["actions", "outcomes", "campaigns", "organizations"] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

type Iterate<Row> = (o: { actor: Actor; params: unknown; batchSize?: number }) => AsyncGenerator<Row[], void, undefined>;

type ListSpec<Row> = {
  /** The audit row's entity. */
  entity: string;
  parse: (params: unknown) => Record<string, unknown>;
  iterate: Iterate<Row>;
  columns: (ctx: ColumnContext) => ExportColumn<Row>[];
};

const spec = <Row>(s: ListSpec<Row>) => s as ListSpec<unknown>;

// Each list's export is the list itself: its URL params, its where-builder, scope and order (inside
// iterateX), and the columns it shows.
const LISTS: Record<ExportList, ListSpec<unknown>> = {
  actions: spec({ entity: "Action", parse: (p) => ZActionListParams.parse(p), iterate: iterateActions, columns: actionColumns }),
  outcomes: spec({
    entity: "Outcome",
    parse: (p) => ZOutcomeListParams.parse(p),
    iterate: iterateOutcomes,
    columns: outcomeColumns,
  }),
  campaigns: spec({
    entity: "Campaign",
    parse: (p) => ZCampaignListParams.parse(p),
    iterate: iterateCampaigns,
    columns: campaignColumns,
  }),
  organizations: spec({
    entity: "Organization",
    parse: (p) => ZOrganizationListParams.parse(p),
    iterate: iterateOrganizations,
    columns: organizationColumns,
  }),
};

export const isExportList = (v: unknown): v is ExportList => (EXPORT_LISTS as readonly unknown[]).includes(v);
export const isExportFormat = (v: unknown): v is ExportFormat => (EXPORT_FORMATS as readonly unknown[]).includes(v);

/** The list state the export reproduces, for the audit row: filters, search and sort, not the page. */
export function filtersOf(parsed: Record<string, unknown>): Record<string, unknown> {
  const { page: _page, size: _size, ...rest } = parsed;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ""));
}

export type ExportFile = { stream: ReadableStream<Uint8Array>; filename: string; contentType: string };

export type ExportListOptions = {
  actor: Actor;
  list: ExportList;
  format: ExportFormat;
  /** The list page's URL params, raw (parsed here like the list parses them). */
  params: unknown;
  /** The app's public origin for the URL column. */
  baseUrl: string;
  locale?: string;
  batchSize?: number;
  /** For tests: when the export has been audited (or failed). */
  onSettled?: (result: { ok: boolean; rowCount: number }) => void;
};

/**
 * One list, all pages, as a CSV or XLSX byte stream (audited, see auditedExport). Permission-checked
 * here (export.run) and scope-filtered exactly like the list.
 */
export function exportList(options: ExportListOptions): ExportFile {
  const { actor, list, format } = options;
  assertCan(actor, "export.run");
  if (!isExportList(list) || !isExportFormat(format)) throw new AppError("NOT_FOUND");
  const s = LISTS[list];
  const parsed = s.parse(options.params ?? {});
  const texts = exportTexts(options.locale);
  return auditedExport({
    ...options,
    entity: s.entity,
    name: list,
    filename: list,
    sheetName: texts.t(`exports.sheets.${list}`),
    filters: filtersOf(parsed),
    columns: s.columns({ ...texts, baseUrl: options.baseUrl.replace(/\/+$/, "") }),
    rows: s.iterate({ actor, params: parsed, batchSize: options.batchSize }),
  });
}

/**
 * Batches of rows as a CSV or XLSX byte stream, audited: "export.created" with the filters and the
 * row count is written when the last row has been read and before the file's last bytes go out, so
 * a complete file always has its audit row; a failed or cancelled export writes "export.failed".
 * Shared by the list exports and the audit trail's (lib/audit-log/export.ts).
 */
export function auditedExport<Row>(o: {
  actor: Actor;
  format: ExportFormat;
  /** The audit row's entity, e.g. "Action". */
  entity: string;
  /** For logs: "actions", "audit". */
  name: string;
  /** The file name before the date, e.g. "actions" → actions-2026-12-03.csv. */
  filename: string;
  sheetName: string;
  filters: Record<string, unknown>;
  columns: ExportColumn<Row>[];
  rows: AsyncGenerator<Row[], void, undefined>;
  onSettled?: (result: { ok: boolean; rowCount: number }) => void;
}): ExportFile {
  const { actor, format, columns } = o;
  let rowCount = 0;
  async function* cells(): AsyncGenerator<Cell[][], void, undefined> {
    for await (const batch of o.rows) {
      rowCount += batch.length;
      yield batch.map((r) => toCells(columns, r));
    }
  }
  const batches = cells();
  const inner =
    format === "csv"
      ? csvStream(
          columns.map((c) => c.header),
          batches,
        )
      : xlsxStream({ sheetName: o.sheetName, columns, batches });

  const audit = (event: "export.created" | "export.failed", extra: Record<string, unknown>, count: number) =>
    db.$transaction((tx) =>
      recordAudit(tx, { actor, event, entity: o.entity, after: { format, filters: o.filters, rowCount: count, ...extra } }),
    );

  const context = `export ${o.name}.${format}`;
  const stream = auditedStream(inner, {
    onComplete: async () => {
      try {
        await audit("export.created", {}, rowCount);
      } catch (error) {
        logUnexpected(error, `audit of ${context}`);
        o.onSettled?.({ ok: false, rowCount });
        throw error;
      }
      o.onSettled?.({ ok: true, rowCount });
    },
    onFailure: async (kind, reason) => {
      // A cancellation comes from the consumer (e.g. the browser stopped the download). The row
      // count is of the rows read so far; the consumer may have received fewer.
      const readSoFar = rowCount;
      const ref = kind === "error" ? logUnexpected(reason, context) : null;
      await audit("export.failed", { reason: kind, ...(ref ? { ref } : {}) }, readSoFar).catch((e: unknown) =>
        logUnexpected(e, `audit of failed ${context}`),
      );
      o.onSettled?.({ ok: false, rowCount: readSoFar });
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return { stream, filename: `${o.filename}-${date}.${format}`, contentType: CONTENT_TYPES[format] };
}

/**
 * Passes a byte stream through, holding back its last chunk until `onComplete` (the audit row) has
 * succeeded: if it fails, the consumer gets an error instead of a complete file. An error or a
 * cancellation calls `onFailure` once.
 */
export function auditedStream(
  inner: ReadableStream<Uint8Array>,
  hooks: { onComplete: () => Promise<void>; onFailure: (kind: "error" | "cancelled", reason: unknown) => Promise<void> },
): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  let held: Uint8Array | undefined;
  let settled = false;
  const fail = async (kind: "error" | "cancelled", reason: unknown) => {
    if (settled) return;
    settled = true;
    await hooks.onFailure(kind, reason);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) {
              settled = true;
              await hooks.onComplete();
              if (held) controller.enqueue(held);
              controller.close();
              return;
            }
            const previous = held;
            held = value;
            if (previous) {
              controller.enqueue(previous);
              return;
            }
          }
        } catch (error) {
          await fail("error", error);
          controller.error(error);
        }
      },
      async cancel(reason) {
        await fail("cancelled", reason);
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
