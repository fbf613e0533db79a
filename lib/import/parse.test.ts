import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  CONFIDENTIALITY_CHOICES,
  guessMapping,
  matchChoice,
  parseDate,
  preselectMapping,
  readCsv,
  readXlsx,
  splitList,
} from "./parse";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("parseDate", () => {
  it.each([
    ["2023-05-14", { date: "2023-05-14", precision: "DAY" }],
    ["14.05.2023", { date: "2023-05-14", precision: "DAY" }],
    ["4.5.2023", { date: "2023-05-04", precision: "DAY" }],
    ["2023-05", { date: "2023-05-01", precision: "MONTH" }],
    ["05.2023", { date: "2023-05-01", precision: "MONTH" }],
    ["2023", { date: "2023-01-01", precision: "YEAR" }],
  ])("reads %s", (raw, expected) => expect(parseDate(raw)).toEqual(expected));

  it.each(["31.02.2023", "2023-13", "13.2023", "yesterday", "", "2023-02-30"])("refuses %s", (raw) =>
    expect(parseDate(raw)).toBeNull(),
  );
});

describe("matchChoice", () => {
  const choices = [{ code: "LETTER", labelEn: "Letter", labelUk: "Лист" }];
  it("matches code, English and Ukrainian labels, ignoring case", () => {
    expect(matchChoice("letter", choices)).toBe("LETTER");
    expect(matchChoice(" LETTER ", choices)).toBe("LETTER");
    expect(matchChoice("ЛИСТ", choices)).toBe("LETTER");
    expect(matchChoice("Note", choices)).toBeNull();
    expect(matchChoice("обмежений", CONFIDENTIALITY_CHOICES)).toBe("RESTRICTED");
  });
});

describe("readCsv", () => {
  it("reads commas, a BOM and quoted cells", async () => {
    const t = await readCsv(bytes('\uFEFFTitle,Date\n"Letter, to SCA",2023-05-14\n'));
    expect(t).toEqual({ headers: ["Title", "Date"], rows: [["Letter, to SCA", "2023-05-14"]] });
  });
  it("reads semicolons without a BOM, and Cyrillic", async () => {
    const t = await readCsv(bytes("Назва;Дата\nЛист до ГАНІ;14.05.2023\n\n"));
    expect(t).toEqual({ headers: ["Назва", "Дата"], rows: [["Лист до ГАНІ", "14.05.2023"]] });
  });
  it("reads a large file in slices: a quoted cell with commas and line breaks across a slice boundary stays whole", async () => {
    const long = `Звернення, "щодо" військовополонених\n`.repeat(5_000); // about 200,000 characters
    const rows = Array.from({ length: 3 }, (_, i) => `Row ${i},"${long.replace(/"/g, '""')}"`);
    const t = await readCsv(bytes(["Title,Summary", ...rows].join("\n")));
    expect(t.headers).toEqual(["Title", "Summary"]);
    expect(t.rows.map((r) => r[0])).toEqual(["Row 0", "Row 1", "Row 2"]);
    expect(t.rows.every((r) => r[1] === long)).toBe(true);
  });
});

describe("readXlsx", () => {
  it("reads the first sheet, dates as ISO days", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Log");
    ws.addRow(["Title", "Date"]);
    ws.addRow(["Visit", new Date(Date.UTC(2023, 4, 14))]);
    const buf = await wb.xlsx.writeBuffer();
    expect(await readXlsx(new Uint8Array(buf as ArrayBuffer))).toEqual({
      headers: ["Title", "Date"],
      rows: [["Visit", "2023-05-14"]],
    });
  });
});

describe("guessMapping", () => {
  it("guesses English and Ukrainian headers", () => {
    expect(guessMapping("action", ["Title", "Date", "Тип", "Статус", "Організації", "Ref", "Other"])).toEqual({
      title: "Title",
      date: "Date",
      type: "Тип",
      status: "Статус",
      organizations: "Організації",
      referenceNumber: "Ref",
    });
    expect(guessMapping("outcome", ["Назва", "Перевірка", "Deciding body"])).toEqual({
      title: "Назва",
      verification: "Перевірка",
      decidingBody: "Deciding body",
    });
  });
  it("prefers the saved mapping where its headers are present", () => {
    expect(preselectMapping("action", ["Heading", "Date"], { title: "Heading", summary: "Gone" })).toEqual({
      title: "Heading",
      date: "Date",
    });
  });
  it("splits lists", () => expect(splitList("GANHRI; SCA | UN\nICRC")).toEqual(["GANHRI", "SCA", "UN", "ICRC"]));
});
