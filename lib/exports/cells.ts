// What an export is made of, independent of the file format: typed columns and cells.
// Pure (no database, no Node streams), so the column definitions can be tested on their own.

/** text: a string; number: a number; date: "YYYY-MM-DD"; datetime: an ISO 8601 instant. */
export type CellType = "text" | "number" | "date" | "datetime";

/** A cell as the writers receive it; dates travel as ISO strings and the XLSX writer types them. */
export type Cell = string | number | null;

export type ExportColumn<Row> = {
  header: string;
  type: CellType;
  /** Column width in characters (XLSX). */
  width: number;
  value: (row: Row) => Cell;
};

/** The layout a writer needs: everything of a column but how to read it from a row. */
export type ColumnLayout = Pick<ExportColumn<unknown>, "header" | "type" | "width">;

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
// return, may strip them and then do so). The same rule as csv-stringify's `escape_formulas`.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet must not read as a formula gets a leading apostrophe, as OWASP advises
 * for CSV injection. Numbers are typed cells and are never touched.
 */
export const neutralizeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Cells of one row, in column order. */
export const toCells = <Row>(columns: readonly ExportColumn<Row>[], row: Row): Cell[] => columns.map((c) => c.value(row));
