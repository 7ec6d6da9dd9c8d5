/**
 * A cell's text and where it is: in a CSV file, the 1-based line and the character column where
 * the cell starts; in a workbook, the row number and the column number.
 */
export interface Cell {
  text: string;
  line: number;
  column: number;
}

/**
 * A line of a budget table as the importer reads it, whatever the file was: a data row, or a
 * comment (`#` first on its line, kept whole without the `#`).
 */
export type TableRecord =
  | { type: 'row'; line: number; cells: Cell[] }
  | { type: 'comment'; line: number; text: string };
