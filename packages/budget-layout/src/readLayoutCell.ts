import { readNumber, UNIT_SCALE } from '@samplan/budget-table';
import { Decimal } from 'decimal.js';
import { type GridCell, stripFootnotes } from './layoutGrid.ts';
import type { Ambiguity } from './reason.ts';

/** A number read from a cell, exact, with the decimals printed and its own unit when it says one. */
export interface CellNumber {
  value: Decimal;
  decimals: number;
  percent: boolean;
  /** The factor to kronor when the cell says its unit ("8 562 tkr"); otherwise the sheet's unit applies. */
  scale?: number;
}

/** What a cell holds: nothing, a number (and the figure in parentheses after it), or other text (and why it is no number). */
export type CellReading =
  | { type: 'empty' }
  | { type: 'number'; plain: CellNumber | null; alt: CellNumber | null }
  | { type: 'text'; text: string; ambiguity?: Ambiguity };

type NoNumber = { ambiguity?: Ambiguity };

/** The two readings of an ambiguous `1.050` in `raw` (the digits either side of the separator). */
function ambiguityOf(raw: string): Ambiguity | undefined {
  const m = /(?<!\d)(\d{1,3})([.,])(\d{3})(?!\d)/.exec(raw);
  if (!m) return undefined;
  const [, whole, separator, fraction] = m as unknown as [string, string, '.' | ',', string];
  const decimal = new Decimal(`${whole}.${fraction}`).toFixed().replace('.', ',');
  return { text: raw.trim(), whole, fraction, decimal, separator };
}

/** How to read a cell: parentheses as an alternative figure; a workbook's number cell (its `.` is the decimal point). */
export interface ReadCellOptions {
  alternative?: boolean;
  numeric?: boolean;
}

/** One number as `readNumber` of the budget table reads it: `12 604`, `−8 430`, `(90)`, `90-`, `–`, `8 562 tkr`, `9,2 %`. */
function readOne(raw: string, numeric: boolean): CellNumber | NoNumber {
  const read = readNumber(raw, { numeric });
  if (!read.ok) {
    const ambiguity = read.code === 'ambiguous-amount' ? ambiguityOf(raw) : undefined;
    return ambiguity ? { ambiguity } : {};
  }
  const { value, decimals, percent, unit } = read.number;
  return { value: new Decimal(value), decimals, percent, ...(unit ? { scale: UNIT_SCALE[unit] } : {}) };
}

const isNumber = (n: CellNumber | NoNumber): n is CellNumber => 'value' in n;

/**
 * Reads a cell of a budget row. With `alternative`, a figure in parentheses is the amount under
 * another assumption ("2 283 000 (3 215 000)": without and with an ESF project); without it,
 * `(90)` is −90 as accountants print it. Footnote markers (`²`, `*`) are dropped.
 */
export function readLayoutCell(raw: string, options: ReadCellOptions = {}): CellReading {
  const text = stripFootnotes(raw.trim());
  if (text === '') return { type: 'empty' };
  const numeric = options.numeric ?? false;
  const paren = options.alternative ? /^(.*?)\s*\(([^()]*)\)$/.exec(text) : null;
  if (paren) {
    const before = (paren[1] as string).trim();
    const inside = readOne(paren[2] as string, numeric);
    const plain = before === '' ? null : readOne(before, numeric);
    if (!isNumber(inside)) return { type: 'text', text: raw, ...inside };
    if (plain && !isNumber(plain)) return { type: 'text', text: raw, ...plain };
    return { type: 'number', plain, alt: inside };
  }
  const plain = readOne(text, numeric);
  return isNumber(plain) ? { type: 'number', plain, alt: null } : { type: 'text', text: raw, ...plain };
}

/** Reads a grid cell (see `readLayoutCell`); a workbook's number cell is read as the number it is. */
export const readGridCell = (cell: GridCell | undefined, alternative = false): CellReading =>
  readLayoutCell(cell?.text ?? '', { alternative, numeric: typeof cell?.value === 'number' });

/** A percentage somewhere in a text ("Motsvarar 1,3% av kostnadsbudgeten."), or null when none or several. */
export function percentInText(text: string): CellNumber | null {
  const found = [...text.matchAll(/(?<![\d,.])(-?\d{1,3}(?:[.,]\d+)?)\s*%/g)];
  if (found.length !== 1) return null;
  const digits = (found[0]?.[1] ?? '').replace(',', '.');
  const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
  return { value: new Decimal(digits), decimals, percent: true };
}

/** A header cell naming a year: `2024`, `2024-01-01` (a date), `Budget 2024`, `Prognos 2023`, `2023 (prognos)`, `2024 tkr`. */
export interface YearCell {
  year: number;
  /** `past`: a forecast or outcome column (Prognos, Utfall, Bokslut) of a year before the plan. */
  kind: 'plan' | 'past';
}

const YEAR_WORDS =
  /^(?:(budget|plan|prognos|utfall|förväntat utfall|bokslut|år|verksamhetsår|vp|prel\.?|preliminär|beräknat|b|p)\s*)?(\d{4})\s*\(?(budget|plan|prognos|utfall|bokslut|prel\.?)?\)?\s*(?:tkr|kr|mkr)?$/i;
const PAST = /prognos|utfall|bokslut/i;

/** Reads a header cell as a year (1990–2200), or null. */
export function readYearCell(raw: string): YearCell | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.exec(text);
  const match = iso ?? YEAR_WORDS.exec(text);
  if (!match) return null;
  const year = Number(iso ? match[1] : match[2]);
  if (year < 1990 || year > 2200) return null;
  return { year, kind: !iso && PAST.test(`${match[1] ?? ''} ${match[3] ?? ''}`) ? 'past' : 'plan' };
}
