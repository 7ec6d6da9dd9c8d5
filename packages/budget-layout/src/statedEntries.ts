import type { PlanInput, StatedFigure } from '@samplan/engine';
import { toFraction, toKronor, type YearValue } from './readRowValues.ts';

type Stated = NonNullable<PlanInput['stated']>[number];

/** What a stated row says about its figures, besides the values. */
export interface StatedRow {
  figure: StatedFigure;
  label: string;
  unitScale: number;
  /** The row's file and position; each figure's own cell replaces the line and column. */
  source: { file: string; sheet?: string; line: number; column: number };
  /** The ESF project (its id) the figures in parentheses assume running; the plain ones assume it does not. */
  when?: { project: string };
  lines?: string[];
  sign?: 'negative';
}

/**
 * The stated figures of a row, one per year and value: the plain figure, and the one in
 * parentheses with `when: { project, runs: true }`. Amounts in kronor with their printed precision
 * (whole tkr is 1000), shares as fractions (`9,2 %` → 0.092, precision 0.001); the source names
 * the file, the sheet and row of a workbook, and the cell's line and column.
 */
export function statedEntries(values: readonly YearValue[], row: StatedRow): Stated[] {
  const share = row.figure.startsWith('share-');
  const out: Stated[] = [];
  for (const v of values)
    for (const [n, runs] of [
      [v.plain, row.when ? false : undefined],
      [v.alt, true],
    ] as const) {
      if (!n) continue;
      const { value, precision } = share ? toFraction(n) : toKronor(n, row.unitScale);
      const line = v.cell?.line ?? row.source.line;
      const entry: Stated = {
        year: v.year,
        figure: row.figure,
        value: value.toFixed(),
        label: row.label,
        source: {
          file: row.source.file,
          line,
          column: v.cell?.column ?? row.source.column,
          ...(row.source.sheet ? { sheet: row.source.sheet, row: line } : {}),
        },
      };
      if (precision.greaterThan(share ? 0 : 1)) entry.precision = precision.toFixed();
      if (runs !== undefined && row.when) entry.when = { project: row.when.project, runs };
      if (row.lines) entry.lines = row.lines;
      if (row.sign) entry.sign = row.sign;
      out.push(entry);
    }
  return out;
}
