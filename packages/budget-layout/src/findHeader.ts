import type { GridCell, LayoutRow } from './layoutGrid.ts';
import type { LayoutUnit } from './layoutMapping.ts';
import { readGridCell, readYearCell, type YearCell } from './readLayoutCell.ts';
import type { Reason } from './reason.ts';

/** The header of years: its row, the plan years and their columns, the label column. */
export interface LayoutHeader {
  /** Index of the header row among the rows. */
  index: number;
  line: number;
  labelColumn: number;
  years: number[];
  yearColumns: number[];
  /** Header cells naming a year that are not plan years (a forecast, last year's budget). */
  skipped: Reason[];
}

/** The most years a plan has (the engine's limit). */
const MAX_YEARS = 10;

interface Found extends YearCell {
  column: number;
  text: string;
}

/** The year cells of a row, left to right (none in the first column: that holds labels). */
function yearCells(row: LayoutRow): Found[] {
  const found: Found[] = [];
  for (const [column, cell] of [...row.cells].sort((a, b) => a[0] - b[0])) {
    if (column === 1) continue;
    const year = readYearCell(cell.text);
    if (year) found.push({ ...year, column, text: cell.text.trim() });
  }
  return found;
}

/**
 * Finds the header row of years: the first row with year cells. The plan years are the longest
 * run of consecutive years (at most ten) after the last forecast or outcome column: a table
 * printing "Budget 2020, Prognos 2020, Budget 2021, Plan 2022" plans 2021 onwards.
 */
export function findHeader(rows: readonly LayoutRow[]): LayoutHeader | null {
  const index = rows.findIndex((r) => yearCells(r).length > 0);
  const row = rows[index];
  if (!row) return null;
  const cells = yearCells(row);
  const lastPast = Math.max(0, ...cells.filter((c) => c.kind === 'past').map((c) => c.year));
  let best: Found[] = [];
  for (let i = 0; i < cells.length; i++) {
    const run: Found[] = [];
    for (const c of cells.slice(i)) {
      if (c.year <= lastPast) break;
      const last = run[run.length - 1];
      if (last && c.year !== last.year + 1) break;
      run.push(c);
      if (run.length === MAX_YEARS) break;
    }
    if (run.length > best.length) best = run;
  }
  if (best.length === 0) return null;
  const chosen = new Set(best.map((c) => c.column));
  const skipped = cells
    .filter((c) => !chosen.has(c.column))
    .map(
      (c): Reason =>
        c.year <= lastPast
          ? { code: 'column-before-plan', text: c.text }
          : {
              code: 'column-outside-years',
              text: c.text,
              first: best[0]?.year as number,
              last: best[best.length - 1]?.year as number,
            },
    );
  return {
    index,
    line: row.line,
    labelColumn: labelColumnOf(rows.slice(index + 1), best[0]?.column ?? 2),
    years: best.map((c) => c.year),
    yearColumns: best.map((c) => c.column),
    skipped,
  };
}

/** The column left of the years that holds the most text (not numbers) below the header. */
function labelColumnOf(rows: readonly LayoutRow[], firstYearColumn: number): number {
  let best = 1;
  let bestCount = -1;
  for (let column = 1; column < firstYearColumn; column++) {
    const count = rows.filter((r) => readGridCell(r.cells.get(column)).type === 'text').length;
    if (count > bestCount) {
      best = column;
      bestCount = count;
    }
  }
  return best;
}

/** The unit the sheet's own text states, and the cell that says it. */
export interface UnitClue {
  unit: LayoutUnit;
  cell: GridCell;
}

const UNIT_PATTERNS: [LayoutUnit, RegExp][] = [
  ['tkr', /\btkr\b|tusental?s? kronor|tusen kronor|\(tkr\)/i],
  ['mkr', /\bmkr\b|miljoner kronor/i],
  ['kr', /(?:^|\s|\()(kr|kronor)(?:\)|\s|$|\.)/i],
];

/**
 * The unit from the sheet's text: "tkr", "Belopp i tkr", "(kr)" in a title, a header or a label.
 * Amount cells are not read ("8 562 tkr" is that cell's own unit). Several different units: none.
 */
export function findUnit(
  rows: readonly LayoutRow[],
  header: LayoutHeader,
): { clue: UnitClue | null; conflict: UnitClue[] } {
  const yearColumns = new Set(header.yearColumns);
  const clues: UnitClue[] = [];
  for (const row of rows) {
    for (const [column, cell] of row.cells) {
      const isAmountCell = row.index > header.index && yearColumns.has(column);
      if (isAmountCell && readGridCell(cell).type === 'number') continue;
      for (const [unit, pattern] of UNIT_PATTERNS) {
        if (pattern.test(cell.text)) {
          clues.push({ unit, cell });
          break;
        }
      }
    }
  }
  const units = new Set(clues.map((c) => c.unit));
  if (units.size === 1) return { clue: clues[0] ?? null, conflict: [] };
  const conflict = [...units].map((u) => clues.find((c) => c.unit === u) as UnitClue);
  return { clue: null, conflict };
}
