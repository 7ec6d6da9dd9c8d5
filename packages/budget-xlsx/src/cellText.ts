import { Decimal } from 'decimal.js';
import type { CellValue } from 'exceljs';

/**
 * What a number format shows: whether it is a percentage, and how many decimals. Reads the first
 * section (positive numbers) of an Excel format code, as stored in the file (`#,##0.00`,
 * `0.0 %`, `#,##0\ "kr"`), ignoring quoted text, escaped characters and `[...]` codes.
 */
export function numberFormatOf(numFmt: string | undefined): { percent: boolean; decimals: number } {
  const section = (numFmt ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').split(';')[0] ?? '';
  return { percent: section.includes('%'), decimals: /\.([0#?]+)/.exec(section)?.[1]?.length ?? 0 };
}

/**
 * A number cell as text the budget table reads, exactly: the float's shortest round-trip decimal
 * (`0.1` stays `0.1`; `0.30000000000000004` stays what it is, and the importer reports it), with
 * at least the decimals its format shows, and `%` when the format is a percentage (`0.092` in a
 * `0.0 %` cell is `9.2 %`), as the spreadsheet shows it.
 */
export function numberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const { percent, decimals } = numberFormatOf(numFmt);
  const exact = percent ? new Decimal(value).times(100) : new Decimal(value);
  const text = exact.toFixed(Math.max(decimals, exact.decimalPlaces()));
  return percent ? `${text} %` : text;
}

/**
 * A number without the float noise of a computed result: a formula's result is stored as the
 * nearest binary float, often a few units in the last place off the decimal it means
 * (`8562.000000000002`, `0.30000000000000004`, `-8430.00000000001`). The number becomes the
 * shortest decimal within 16 units in the last place of it (`8562`, `0.3`, `-8430`): a relative
 * 4e-15, far below any amount's öre, and below the 15 significant digits Excel keeps of a typed
 * number, so a number a person typed (`0.001`, `1234.5671`) stays exactly as it is. Anything still
 * finer than öre afterwards is the importer's error, never rounded away here.
 */
export function cleanFloat(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const ulp = 2 ** (Math.floor(Math.log2(Math.abs(value))) - 52);
  for (let k = 1; k <= 15; k++) {
    const candidate = Number(value.toPrecision(k));
    if (Math.abs(candidate - value) <= 16 * ulp) return candidate;
  }
  return value;
}

/** A date format that shows only the year (`yyyy`, `[$-41D]ÅÅÅÅ` is stored as `yyyy`): a year header. */
export function isYearFormat(numFmt: string | undefined): boolean {
  const section = (numFmt ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').split(';')[0] ?? '';
  return /^\s*y+\s*$/i.test(section);
}

/** A date as `ÅÅÅÅ-MM-DD` (a workbook's dates are calendar days at UTC midnight). */
const isoDate = (date: Date): string => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/**
 * A cell's value as the text of a budget-table cell: text as it is, numbers exactly (see
 * `numberText`), dates as ISO dates, a formula's cached result (or the formula itself, `=…`, when
 * the file has no result, so the importer names the cell), rich text joined, errors as `#DIV/0!`.
 */
export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return isoDate(value);
  if ('formula' in value || 'sharedFormula' in value) {
    const formula =
      'formula' in value && value.formula ? value.formula : (value as { sharedFormula: string }).sharedFormula;
    return value.result === undefined ? `=${formula}` : cellText(value.result, numFmt);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return '';
}
