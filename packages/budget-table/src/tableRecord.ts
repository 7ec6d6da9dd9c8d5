/**
 * A cell's text and where it is: in a CSV file, the 1-based line and the character column where
 * the cell starts; in a workbook, the row number and the column number, with the sheet and the
 * cell's address (`Blad1!C7` is sheet `Blad1`, ref `C7`, line 7, column 3).
 */
export interface Cell {
  /** The cell's text as a person sees it (a workbook's number as its exact decimal, see `@samplan/budget-xlsx`). */
  text: string;
  line: number;
  column: number;
  /** A workbook cell's typed value: a number (float noise rounded), a date, or text. */
  value?: number | string | Date;
  /** A workbook cell's sheet. */
  sheet?: string;
  /** A workbook cell's address in its sheet (`C7`). */
  ref?: string;
}

/**
 * A line of a budget table as the importer reads it, whatever the file was: a data row, or a
 * comment (`#` first on its line, kept whole without the `#`).
 */
export type TableRecord =
  | { type: 'row'; line: number; cells: Cell[] }
  | { type: 'comment'; line: number; text: string };

/** Where a plan path was read. */
export type Position = { line: number; column: number; field: string };
