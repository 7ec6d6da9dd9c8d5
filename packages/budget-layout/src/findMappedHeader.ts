import { cellText, type LayoutRow } from './layoutGrid.ts';
import type { LayoutMapping } from './layoutMapping.ts';
import { readYearCell } from './readLayoutCell.ts';

/** The header row: the mapping's row if its year columns hold consecutive years, else the first row that does. */
export function findMappedHeader(
  rows: readonly LayoutRow[],
  mapping: LayoutMapping,
): { row: LayoutRow; years: number[] } | null {
  const yearsOf = (row: LayoutRow) => {
    const years = mapping.yearColumns.map((c) => readYearCell(cellText(row, c))?.year ?? Number.NaN);
    return years.every((y, i) => Number.isFinite(y) && (i === 0 || y === (years[i - 1] as number) + 1)) ? years : null;
  };
  const stated = rows.find((r) => r.line === mapping.headerRow);
  const candidates = stated ? [stated, ...rows] : rows;
  for (const row of candidates) {
    const years = yearsOf(row);
    if (years) return { row, years };
  }
  return null;
}
