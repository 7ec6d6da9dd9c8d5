import { MAX_YEARS, MIN_YEARS } from '@samplan/engine';
import type { IssueParams, TableIssueCode } from './issueCodes.ts';
import type { Cell, TableRecord } from './tableRecord.ts';

/** The fixed columns of a budget table, before the year columns. */
export const FIXED_COLUMNS = ['kind', 'name', 'group', 'project', 'start', 'end', 'total'] as const;

/** The row kinds of a budget table. */
export const KINDS = ['member', 'esf', 'income', 'cost', 'equity', 'stated'] as const;

/**
 * Reports an error at a cell (or a line): its code, its Swedish message, and the values the
 * message names (`params`), so a UI can say it in another language.
 */
export type ReportError = (
  at: { line: number; column?: number },
  field: string,
  code: TableIssueCode,
  message: string,
  params: IssueParams,
) => void;

/** The header row: its cells, the years of its year columns, its line. */
export interface Header {
  cells: Cell[];
  years: number[];
  line: number;
}

/**
 * The year a header cell names: `2025` as text or number, or a date on 1 January (a year typed
 * into a date cell, `2025-01-01`), or any date in a cell whose format shows only the year (the
 * text is then the year). Null for anything else.
 */
export function yearOf(cell: Cell): number | null {
  const text = cell.text.trim();
  if (/^\d{4}$/.test(text)) return Number(text);
  const value = cell.value;
  if (value instanceof Date && value.getUTCMonth() === 0 && value.getUTCDate() === 1 && value.getUTCHours() === 0)
    return value.getUTCFullYear();
  return null;
}

/**
 * Reads the header row: `kind,name,group,project,start,end,total`, then 1 to 10 consecutive
 * years (empty cells after the last year are Excel's padding). Null, with the error reported,
 * when it is not one.
 */
export function readHeader(record: Extract<TableRecord, { type: 'row' }>, error: ReportError): Header | null {
  const names = record.cells.map((c) => c.text.trim().toLowerCase());
  for (const [k, expected] of FIXED_COLUMNS.entries()) {
    if (names[k] !== expected) {
      error(
        record.cells[k] ?? { line: record.line },
        expected,
        'bad-header',
        `Rubrikraden ska börja med ${FIXED_COLUMNS.join(',')}; kolumn ${k + 1} är "${record.cells[k]?.text.trim() ?? ''}", väntade "${expected}"`,
        { columns: FIXED_COLUMNS.join(','), column: k + 1, text: record.cells[k]?.text.trim() ?? '', expected },
      );
      return null;
    }
  }
  const yearCells = record.cells.slice(FIXED_COLUMNS.length);
  while (yearCells.length > 0 && (yearCells.at(-1) as Cell).text.trim() === '') yearCells.pop();
  const years: number[] = [];
  for (const cell of yearCells) {
    const year = yearOf(cell);
    if (year === null) {
      error(cell, 'year', 'bad-year', `Årskolumnens rubrik "${cell.text.trim()}" är inget årtal`, {
        text: cell.text.trim(),
      });
      return null;
    }
    if (years.length > 0 && year !== (years.at(-1) as number) + 1) {
      error(
        cell,
        String(year),
        'years-not-consecutive',
        `Åren ska följa på varandra: ${years.at(-1)} följs av ${year}`,
        { previous: years.at(-1) as number, year },
      );
      return null;
    }
    years.push(year);
  }
  if (years.length < MIN_YEARS || years.length > MAX_YEARS) {
    // No years: point just after `total`, where the first year belongs (a workbook's next column).
    const total = record.cells[FIXED_COLUMNS.length - 1] as Cell;
    const after = { line: total.line, column: total.column + (total.sheet ? 1 : total.text.length + 1) };
    error(
      years.length === 0 ? after : (record.cells[FIXED_COLUMNS.length] as Cell),
      'year',
      'year-count',
      `Tabellen ska ha ${MIN_YEARS} till ${MAX_YEARS} årskolumner, inte ${years.length}`,
      { min: MIN_YEARS, max: MAX_YEARS, count: years.length },
    );
    return null;
  }
  return { cells: record.cells, years, line: record.line };
}
