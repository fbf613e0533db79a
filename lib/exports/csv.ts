import "server-only";
import { neutralizeFormula, type Cell } from "./cells";

// RFC 4180: CRLF between records; a field is quoted when it holds a comma, a quote, CR or LF, and a
// quote inside is doubled. Text starting with = + - @ tab or CR gets an apostrophe first (formula
// injection); numbers are written as they are. This is what csv-stringify does with
// { record_delimiter: "windows", quoted_match: /[\r\n]/, escape_formulas: true } (the unit tests
// compare the two), at a fraction of its cost per field: an export writes millions of fields.
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const BOM = "\uFEFF";

/** A block of CSV records (no BOM, no header): the text of one batch, each record ending in CRLF. */
export function csvRecords(rows: Cell[][]): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? "," : "") + csvField(row[i]);
    out += "\r\n";
  }
  return out;
}

/**
 * A CSV file as a byte stream: UTF-8 with a BOM (Excel then reads Cyrillic correctly), the header
 * row, then one chunk per batch. Pull-based: the next batch is read only when the consumer has taken
 * the previous one, so a slow download slows the database reads instead of filling memory.
 */
export function csvStream(header: string[], batches: AsyncIterator<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(BOM + csvRecords([header])));
          return;
        }
        const { value, done } = await batches.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(csvRecords(value)));
      },
      async cancel() {
        await batches.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
