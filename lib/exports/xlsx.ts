import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { neutralizeFormula, type Cell, type CellType, type ColumnLayout } from "./cells";

const NUM_FMT: Partial<Record<CellType, string>> = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm:ss" };

/** A cell as exceljs types it: text stays text (never a formula), dates become real dates (UTC). */
function xlsxValue(value: Cell, type: CellType): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (type === "number") return typeof value === "number" ? value : Number(value);
  if (type === "date") return new Date(`${value}T00:00:00Z`);
  if (type === "datetime") return new Date(value);
  return neutralizeFormula(String(value));
}

const columnLetter = (n: number): string =>
  n <= 0 ? "" : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** Waits while the consumer has not taken what was written (the zip writer then waits too). */
async function drained(out: PassThrough): Promise<void> {
  // One turn of the event loop between batches, so the zip writer and the consumer get to run.
  await new Promise((resolve) => setImmediate(resolve));
  while (!out.destroyed && out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off("drain", done);
        out.off("close", done);
        resolve();
      };
      out.on("drain", done);
      out.on("close", done);
    });
  }
}

/**
 * An XLSX workbook as a byte stream: one sheet, a bold header row frozen at the top with a filter,
 * typed cells. exceljs's streaming writer zips rows as they are committed; its `commit()` does not
 * wait for the output, so after each batch the writer waits until the consumer has caught up.
 */
export function xlsxStream({
  sheetName,
  columns,
  batches,
}: {
  sheetName: string;
  columns: readonly ColumnLayout[];
  batches: AsyncIterator<Cell[][]>;
}): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Advocacy Tracker";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.autoFilter = `A1:${columnLetter(columns.length)}1`; // written when the sheet is committed
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
  }));

  const write = async () => {
    const header = sheet.addRow(columns.map((c) => neutralizeFormula(c.header)));
    header.font = { bold: true };
    header.commit();
    for (;;) {
      if (out.destroyed) return; // the download was cancelled
      const { value: batch, done } = await batches.next();
      if (done) break;
      for (const cells of batch) sheet.addRow(cells.map((v, i) => xlsxValue(v, columns[i].type))).commit();
      await drained(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().then(
    () => undefined,
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  // If the consumer cancels, toWeb destroys `out` and the loop above stops at its next batch.
  out.once("close", () => void batches.return?.());
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
