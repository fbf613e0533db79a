// Unit tests of the pure parts of exports: keyset filters, formula neutralization, CSV quoting,
// file names.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { neutralizeFormula } from "./cells";
import { csvRecords } from "./csv";
import { contentDisposition } from "./disposition";
import { seekAfter, seekBatches, type SeekKey } from "./keyset";

type Row = { id: string; v: number | null };
const key: SeekKey<Row, object> = { value: (r) => r.v, where: (f) => ({ v: f }) };

describe("[EXPORTS] keyset", () => {
  it("seeks after (value, id) in either direction, with an index-friendly bound", () => {
    expect(seekAfter(key, "asc", { value: 5, id: "k" })).toEqual({
      AND: [{ v: { gte: 5 } }, { OR: [{ v: { gt: 5 } }, { AND: [{ v: { equals: 5 } }, { id: { gt: "k" } }] }] }],
    });
    expect(seekAfter(key, "desc", { value: 5, id: "k" })).toEqual({
      AND: [{ v: { lte: 5 } }, { OR: [{ v: { lt: 5 } }, { AND: [{ v: { equals: 5 } }, { id: { lt: "k" } }] }] }],
    });
  });

  it("with nulls last, rows with a value are followed by the null block, ordered by id", () => {
    const nullable = { ...key, nullsLast: true };
    expect(seekAfter(nullable, "asc", { value: 5, id: "k" })).toMatchObject({ OR: [{ AND: expect.any(Array) }, { v: null }] });
    expect(seekAfter(nullable, "desc", { value: null, id: "k" })).toEqual({ AND: [{ v: null }, { id: { lt: "k" } }] });
  });

  it("reads batches until one comes back short, asking for the next while the current one is used", async () => {
    const data = Array.from({ length: 7 }, (_, i) => ({ id: String(i), v: i }));
    const asked: (string | null)[] = [];
    const fetch = async (cursor: { id: string } | null) => {
      asked.push(cursor?.id ?? null);
      const from = cursor ? Number(cursor.id) + 1 : 0;
      return data.slice(from, from + 3);
    };
    const seen: string[][] = [];
    for await (const batch of seekBatches(fetch, (r) => ({ value: r.v, id: r.id }), 3)) seen.push(batch.map((r) => r.id));
    expect(seen).toEqual([["0", "1", "2"], ["3", "4", "5"], ["6"]]);
    expect(asked).toEqual([null, "2", "5"]);
  });
});

describe("[EXPORTS] cells", () => {
  it.each(["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'])(
    "neutralizes %j in XLSX as in CSV",
    (text) => {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
      const [[csv]] = parse(csvRecords([[text]])) as string[][];
      expect(csv).toBe(`'${text}`);
    },
  );

  it.each(["Title", "1 March", "a=b", "", "Звернення"])("leaves %j alone", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });

  it("quotes fields with commas, quotes, CR or LF (RFC 4180) and ends records with CRLF; numbers stay numbers", () => {
    const text = csvRecords([["a,b", 'say "hi"', "line\nbreak", "cr\ronly", -5, 1.5, null]]);
    expect(text).toBe('"a,b","say ""hi""","line\nbreak","cr\ronly",-5,1.5,\r\n');
  });
});

describe("[EXPORTS] CSV encoder", () => {
  it("writes what csv-stringify writes with escape_formulas, CRLF records and quoted line breaks", () => {
    const tricky = [
      "plain",
      "",
      "a,b",
      'q"q',
      "l\nl",
      "c\rr",
      "crlf\r\nx",
      "=1",
      "+1",
      "-1",
      "@a",
      "\tt",
      "\rr",
      "'",
      '"',
      ",",
      "Звернення, «МКЧХ»",
      " lead",
      "trail ",
      '="x",\n',
    ];
    const rows: (string | number | null)[][] = [tricky, [0, -5, 3.25, 1e21, null, "x"]];
    const reference = stringify(rows, { record_delimiter: "windows", quoted_match: /[\r\n]/, escape_formulas: true });
    expect(csvRecords(rows)).toBe(reference);
    expect(parse(csvRecords(rows), { relax_column_count: true })).toEqual(
      rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : neutralizeFormula(v)))),
    );
  });
});

describe("[EXPORTS] Content-Disposition", () => {
  it("has an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("actions-2025-01-31.csv")).toBe(
      `attachment; filename="actions-2025-01-31.csv"; filename*=UTF-8''actions-2025-01-31.csv`,
    );
    expect(contentDisposition('Звернення "МКЧХ"/1.pdf', "action-1.pdf")).toBe(
      `attachment; filename="action-1.pdf"; filename*=UTF-8''${encodeURIComponent("Звернення МКЧХ1.pdf")}`,
    );
    expect(contentDisposition("a\r\nb'c.pdf")).toBe(`attachment; filename="ab'c.pdf"; filename*=UTF-8''ab%27c.pdf`);
  });
});
