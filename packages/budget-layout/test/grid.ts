import type { Cell } from '@samplan/budget-table';

/**
 * A grid from rows of cell texts, as the readers give it: every cell in its place in the row
 * (null is an empty cell), line = row number, column = place in the row (as a workbook reads).
 */
export const grid = (rows: readonly (readonly (string | number | null)[])[]): Cell[][] =>
  rows.map((cells, r) =>
    cells.map((text, c) => ({
      text: text === null ? '' : String(text),
      line: r + 1,
      column: c + 1,
      ...(typeof text === 'number' ? { value: text } : {}),
    })),
  );
