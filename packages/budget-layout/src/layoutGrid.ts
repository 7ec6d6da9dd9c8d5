import type { Cell } from '@samplan/budget-table';

/**
 * A cell of a sheet as the readers give it (`readTableGrid` of a CSV, `readWorkbookGrid` of a
 * workbook): its text and where it is, the 1-based line (row) and column.
 */
export type GridCell = Cell;

/** The sheet: rows of cells, as `readTableGrid`/`readWorkbookGrid` return them. */
export type Grid = readonly (readonly GridCell[])[];

/**
 * A row of the sheet with its cells by position: the 1-based place of the cell in its row (a
 * workbook's column number; a CSV's field number, where a cell's own `column` is the character
 * column it starts at, for messages).
 */
export interface LayoutRow {
  /** The row's position in the grid (0-based). */
  index: number;
  /** The line (CSV) or row number (workbook) of the row, 1-based. */
  line: number;
  cells: ReadonlyMap<number, GridCell>;
}

/** Indexes the grid's rows by column; a row without cells takes the line after the previous one. */
export function layoutRows(grid: Grid): LayoutRow[] {
  let previous = 0;
  return grid.map((cells, index) => {
    const byColumn = new Map<number, GridCell>();
    cells.forEach((cell, k) => {
      if (cell.text.trim() !== '') byColumn.set(k + 1, cell);
    });
    const line = cells[0]?.line ?? previous + 1;
    previous = line;
    return { index, line, cells: byColumn };
  });
}

/** The trimmed text of a row's cell, '' when empty. */
export const cellText = (row: LayoutRow, column: number): string => row.cells.get(column)?.text.trim() ?? '';

// Footnote markers after a label or an amount: superscript digits, asterisks, "a)".
const FOOTNOTE = /(?:\s*(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\*+|(?<=\s)[a-zåäö]\)))+$/u;
// List markers before a label: "1. ", "- ", "– ", "• ".
const LIST_MARKER = /^(?:\d{1,2}[.)]\s+|[-–•·]\s+)/u;

/** Strips footnote markers at the end of a text ("Kansli *", "310 000 ²"). */
export const stripFootnotes = (text: string): string => text.replace(FOOTNOTE, '').trim();

/** The label as a line name: without list numbering, footnote markers and collapsed spaces. */
export function displayLabel(label: string): string {
  return stripFootnotes(label.replace(/\s+/g, ' ').trim()).replace(LIST_MARKER, '').trim();
}

/** The label as a key: the display label in lower case, NFC. */
export function normalizeLabel(label: string): string {
  return displayLabel(label).normalize('NFC').toLowerCase();
}

/** Keys for labels in order: the normalized label, then `label#2`, `label#3` for repeats. */
export function labelKeys(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const base = normalizeLabel(label) || '(tom)';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
