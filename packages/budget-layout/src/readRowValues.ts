import { Decimal } from 'decimal.js';
import { cellText, type GridCell, type LayoutRow } from './layoutGrid.ts';
import { type CellNumber, percentInText, readGridCell } from './readLayoutCell.ts';
import type { Ambiguity } from './reason.ts';

/** Where the plan's years are: the header's year columns and the label column. */
export interface YearColumns {
  years: readonly number[];
  yearColumns: readonly number[];
  labelColumn: number;
}

/** A row's value in one plan year: the plain figure and the one in parentheses, or the unreadable text. */
export interface YearValue {
  year: number;
  column: number;
  /** The cell the value was read from (the label cell for a share printed in the label). */
  cell: GridCell | undefined;
  plain: CellNumber | null;
  alt: CellNumber | null;
  /** The cell's text when it is neither empty nor a number. */
  text?: string;
  /** Why that text is no number, when it can be read two ways (`1.050`). */
  ambiguity?: Ambiguity;
}

/**
 * The row's values in the plan years. `alternative`: parentheses hold the figure under an ESF
 * assumption. `share`: the values are percentages, also inside text ("Motsvarar 1,3% av
 * kostnadsbudgeten."); an empty first year takes the percentage printed in the label
 * ("Förvaltningskostnader 9,2% av kostnadsbudgeten.", as Göteborg prints it).
 */
export function readRowValues(
  row: LayoutRow,
  columns: YearColumns,
  options: { alternative?: boolean; share?: boolean } = {},
): YearValue[] {
  const values = columns.years.map((year, i): YearValue => {
    const column = columns.yearColumns[i] as number;
    const cell = row.cells.get(column);
    const reading = readGridCell(cell, options.alternative);
    if (reading.type === 'empty') return { year, column, cell, plain: null, alt: null };
    if (reading.type === 'number') {
      if (options.share && reading.plain && !reading.plain.percent)
        return { year, column, cell, plain: null, alt: null, text: cell?.text ?? '' };
      return { year, column, cell, plain: reading.plain, alt: reading.alt };
    }
    const inText = options.share ? percentInText(reading.text) : null;
    if (inText) return { year, column, cell, plain: inText, alt: null };
    return {
      year,
      column,
      cell,
      plain: null,
      alt: null,
      text: reading.text,
      ...(reading.ambiguity ? { ambiguity: reading.ambiguity } : {}),
    };
  });
  const first = values[0];
  if (options.share && first && !first.plain && first.text === undefined) {
    const inLabel = percentInText(cellText(row, columns.labelColumn));
    if (inLabel) {
      first.plain = inLabel;
      first.cell = row.cells.get(columns.labelColumn);
    }
  }
  return values;
}

/** Does the label or a year cell hold a percentage, and every number in the year cells is one? */
export function looksLikeShare(row: LayoutRow, columns: YearColumns): boolean {
  let percents = 0;
  for (const column of columns.yearColumns) {
    const reading = readGridCell(row.cells.get(column));
    if (reading.type === 'number') {
      if (!reading.plain?.percent) return false;
      percents++;
    } else if (reading.type === 'text') {
      if (!percentInText(reading.text)) return false;
      percents++;
    }
  }
  return percents > 0 || percentInText(cellText(row, columns.labelColumn)) !== null;
}

/** A printed number in kronor with its precision (the value of its last printed digit). */
export function toKronor(n: CellNumber, unitScale: number): { value: Decimal; precision: Decimal } {
  const scale = n.scale ?? unitScale;
  return { value: n.value.times(scale), precision: new Decimal(10).pow(-n.decimals).times(scale) };
}

/** A printed percentage as a fraction with its precision: `9,2 %` → 0.092, precision 0.001. */
export function toFraction(n: CellNumber): { value: Decimal; precision: Decimal } {
  return { value: n.value.dividedBy(100), precision: new Decimal(10).pow(-n.decimals).dividedBy(100) };
}
