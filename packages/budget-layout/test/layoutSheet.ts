import ExcelJS from 'exceljs';

/** A cell of a sheet as a förbund keeps it: text, a number, a formula with its cached result, or nothing. */
export type SheetValue = string | number | null | { formula: string; result: number };

/** A sheet written row by row; sums are real formulas whose cached results are computed here. */
export class SheetBuilder {
  readonly rows: SheetValue[][] = [];

  /** Adds a row and returns its row number (1-based). */
  row(...cells: SheetValue[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  blank(): number {
    return this.row();
  }

  /** A number in a cell, a formula's cached result included. */
  valueAt(row: number, column: number): number {
    const v = this.rows[row - 1]?.[column - 1];
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object') return v.result;
    return 0;
  }

  /** A row whose cells in `columns` are `=SUM(Xa:Xb)` over rows `from`..`to` (or `=Xa+Xb` for a list). */
  sum(
    label: string,
    rows: { from: number; to: number } | number[],
    columns: readonly number[],
    after: SheetValue[] = [],
  ): number {
    const list = Array.isArray(rows) ? rows : range(rows.from, rows.to);
    const cells: SheetValue[] = [label];
    for (let c = 2; c <= Math.max(...columns); c++) {
      if (!columns.includes(c)) {
        cells.push(null);
        continue;
      }
      const col = letter(c);
      const formula = Array.isArray(rows)
        ? list.map((r) => `${col}${r}`).join('+')
        : `SUM(${col}${rows.from}:${col}${rows.to})`;
      cells.push({ formula, result: list.reduce((s, r) => s + this.valueAt(r, c), 0) });
    }
    return this.row(...cells, ...after);
  }

  /** A row `=Xa-Xb` in `columns`. */
  difference(label: string, a: number, b: number, columns: readonly number[]): number {
    const cells: SheetValue[] = [label];
    for (let c = 2; c <= Math.max(...columns); c++) {
      const col = letter(c);
      cells.push(
        columns.includes(c)
          ? { formula: `${col}${a}-${col}${b}`, result: this.valueAt(a, c) - this.valueAt(b, c) }
          : null,
      );
    }
    return this.row(...cells);
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const letter = (column: number) => String.fromCharCode(64 + column);

/**
 * Writes the sheet as an .xlsx with exceljs: numbers as number cells (`#,##0`), formulas with cached
 * results; `before` adds a sheet in front, `yearsAsDates` writes the year headers as dates.
 */
export async function writeLayoutWorkbook(
  sheetName: string,
  rows: readonly SheetValue[][],
  options: { numberFormat?: string; before?: string; yearsAsDates?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.before) workbook.addWorksheet(options.before).getCell('A1').value = 'Anteckningar';
  const ws = workbook.addWorksheet(sheetName);
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      // A year header typed as a date and shown as the year (Excel's "ÅÅÅÅ" format), as some förbund keep it.
      if (options.yearsAsDates && typeof value === 'number' && value >= 1990 && value <= 2200) {
        cell.value = new Date(Date.UTC(value, 0, 1));
        cell.numFmt = 'yyyy';
        return;
      }
      cell.value = value;
      if (typeof value !== 'string') cell.numFmt = options.numberFormat ?? '#,##0';
    });
  });
  ws.getColumn(1).width = 60;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
