// Reading an import file into a table of strings, and reading cells: dates with precision,
// vocabulary values, lists of names, header guessing. Pure: no database, unit-tested.
import { parse as csvParser } from "csv-parse";
import ExcelJS from "exceljs";
import { isValidIsoDate } from "@/lib/validation";
import { fieldsOf, type ImportField, type ImportKind, type Mapping } from "./schemas";

export type Table = { headers: string[]; rows: string[][] };

const pad = (n: number) => String(n).padStart(2, "0");
const isoOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The delimiter of a CSV: the one of comma and semicolon that the header line uses more. */
export function guessDelimiter(text: string): "," | ";" {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => first.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Characters handed to the CSV parser at a time; the event loop gets a turn between slices. */
const CSV_SLICE = 128 * 1024;

/**
 * The CSV as a table. Parsed slice by slice, yielding between slices: a 5 MB file would otherwise
 * hold the server's event loop for some 200 ms in one go, and every other request with it.
 */
export async function readCsv(bytes: Uint8Array): Promise<Table> {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const parser = csvParser({
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  const records: string[][] = [];
  parser.on("readable", () => {
    for (let r: string[] | null; (r = parser.read() as string[] | null) !== null; ) records.push(r);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  for (let i = 0; i < text.length; i += CSV_SLICE) {
    parser.write(text.slice(i, i + CSV_SLICE));
    await new Promise((resolve) => setImmediate(resolve));
  }
  parser.end();
  await done;
  const [headers = [], ...rows] = records;
  return { headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return isoOf(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value).trim();
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    all.push(cells);
  });
  const [headers = [], ...rows] = all;
  return { headers, rows: rows.filter((r) => r.some((c) => c !== "")) };
}

export const isXlsx = (fileName: string) => /\.xlsx$/i.test(fileName);

export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  return isXlsx(fileName) ? readXlsx(bytes) : readCsv(bytes);
}

// ─── Cells ───────────────────────────────────────────────────────────────────────────────────────

export type DatePrecision = "DAY" | "MONTH" | "YEAR";
export type ParsedDate = { date: string; precision: DatePrecision };

/** ISO (2023-05-14), dd.mm.yyyy, or month/year precision (2023-05, 05.2023, 2023). null if not a real date. */
export function parseDate(raw: string): ParsedDate | null {
  const v = raw.trim();
  let m: RegExpMatchArray | null;
  const day = (y: string, mo: string, d: string): ParsedDate | null => {
    const iso = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
    return isValidIsoDate(iso) ? { date: iso, precision: "DAY" } : null;
  };
  const month = (y: string, mo: string): ParsedDate | null => {
    const n = Number(mo);
    return n >= 1 && n <= 12 ? { date: `${y}-${pad(n)}-01`, precision: "MONTH" } : null;
  };
  if ((m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/))) return day(m[1], m[2], m[3]);
  if ((m = v.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) return day(m[3], m[2], m[1]);
  if ((m = v.match(/^(\d{4})-(\d{1,2})$/))) return month(m[1], m[2]);
  if ((m = v.match(/^(\d{1,2})\.(\d{4})$/))) return month(m[2], m[1]);
  if ((m = v.match(/^(\d{4})$/))) return { date: `${m[1]}-01-01`, precision: "YEAR" };
  return null;
}

export const norm = (s: string) => s.trim().toLocaleLowerCase("uk").replace(/\s+/g, " ");

export type Choice = { code: string; labelEn: string; labelUk: string };

/** A vocabulary value given by code or by its English or Ukrainian label, case-insensitive. */
export function matchChoice(raw: string, choices: readonly Choice[]): string | null {
  const v = norm(raw);
  const hit = choices.find((c) => norm(c.code) === v || norm(c.labelEn) === v || norm(c.labelUk) === v);
  return hit?.code ?? null;
}

export const CONFIDENTIALITY_CHOICES: Choice[] = [
  { code: "PUBLIC", labelEn: "Public", labelUk: "Відкритий" },
  { code: "INTERNAL", labelEn: "Internal", labelUk: "Внутрішній" },
  { code: "RESTRICTED", labelEn: "Restricted", labelUk: "Обмежений" },
];

/** Several names in one cell, separated by semicolons, vertical bars or line breaks. */
export const splitList = (raw: string): string[] =>
  raw
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

// ─── Header guessing ─────────────────────────────────────────────────────────────────────────────

const SYNONYMS: Record<ImportField, string[]> = {
  title: ["title", "name", "subject line", "назва", "заголовок", "тема"],
  date: ["date", "when", "дата", "коли"],
  type: ["type", "kind", "тип", "вид"],
  status: ["status", "state", "статус", "стан"],
  organizations: [
    "organizations",
    "organisations",
    "counterparts",
    "counterpart",
    "organization",
    "організації",
    "організація",
    "контрагенти",
    "адресати",
  ],
  campaigns: ["campaigns", "campaign", "кампанії", "кампанія"],
  referenceNumber: [
    "reference number",
    "reference",
    "ref",
    "ref no",
    "outgoing number",
    "номер",
    "вихідний номер",
    "реєстраційний номер",
  ],
  summary: ["summary", "description", "notes", "зміст", "опис", "короткий зміст", "примітки"],
  followUpDue: ["follow-up due", "follow up due", "follow-up", "follow up", "due", "контроль", "строк контролю", "термін"],
  confidentiality: ["confidentiality", "access", "конфіденційність", "доступ", "гриф"],
  decidingBody: ["deciding body", "body", "decided by", "орган, що ухвалив рішення", "орган рішення", "орган"],
  subject: ["subject", "whose standing", "суб'єкт", "субʼєкт", "предмет"],
  statusBefore: ["status before", "before", "статус до", "до"],
  statusAfter: ["status after", "after", "статус після", "після"],
  sourceCitation: ["source", "source citation", "citation", "джерело", "посилання"],
  verification: ["verification", "verified", "перевірка", "підтвердження"],
};

/** For each field, the first header that names it (exactly, ignoring case and spaces). */
export function guessMapping(kind: ImportKind, headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<string>();
  for (const field of fieldsOf(kind)) {
    const header = headers.find((h) => !taken.has(h) && SYNONYMS[field].includes(norm(h).replace(/[_*:]/g, " ").trim()));
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** A saved mapping, kept only where its headers are in this file; the rest guessed. */
export function preselectMapping(kind: ImportKind, headers: readonly string[], saved: Mapping | null): Mapping {
  const guessed = guessMapping(kind, headers);
  if (!saved) return guessed;
  const kept = Object.fromEntries(Object.entries(saved).filter(([, h]) => h && headers.includes(h)));
  return { ...guessed, ...kept };
}
