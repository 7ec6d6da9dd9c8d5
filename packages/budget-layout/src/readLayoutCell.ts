import { parseAmount } from '@samplan/budget-table';
import { Decimal } from 'decimal.js';
import { stripFootnotes } from './layoutGrid.ts';

/** A number read from a cell, exact, with the decimals printed and its own unit when it says one. */
export interface CellNumber {
  value: Decimal;
  decimals: number;
  percent: boolean;
  /** The factor to kronor when the cell says its unit ("8 562 tkr"); otherwise the sheet's unit applies. */
  scale?: number;
}

/** What a cell holds: nothing, a number (and the figure in parentheses after it), or other text. */
export type CellReading =
  | { type: 'empty' }
  | { type: 'number'; plain: CellNumber | null; alt: CellNumber | null }
  | { type: 'text'; text: string };

const SUFFIX = /\s*(tkr|mkr|kr|kronor|:-)\.?$/i;
const SUFFIX_SCALE: Record<string, number> = { tkr: 1000, mkr: 1_000_000, kr: 1, kronor: 1, ':-': 1 };
const DASHES = new Set(['-', '–', '—', '−']);

/** One number as printed: `12 604`, `−8 430`, `90-`, `15 333,5 tkr`, `9,2 %`. */
function readNumber(raw: string): CellNumber | null {
  let text = raw.trim();
  let scale: number | undefined;
  const suffix = SUFFIX.exec(text);
  if (suffix && suffix.index > 0) {
    scale = SUFFIX_SCALE[(suffix[1] as string).toLowerCase()];
    text = text.slice(0, suffix.index).trim();
  }
  if (DASHES.has(text)) return { value: new Decimal(0), decimals: 0, percent: false, ...(scale ? { scale } : {}) };
  let negative = false;
  if (/\d\s*-$/.test(text)) {
    negative = true;
    text = text.slice(0, -1).trim();
  }
  const parsed = parseAmount(text);
  if (!parsed) return null;
  const value = new Decimal(parsed.value);
  return {
    value: negative ? value.negated() : value,
    decimals: parsed.decimals,
    percent: parsed.percent,
    ...(scale ? { scale } : {}),
  };
}

/**
 * Reads a cell of a budget row. With `alternative`, a figure in parentheses is the amount under
 * another assumption ("2 283 000 (3 215 000)": without and with an ESF project); without it,
 * `(90)` is −90 as accountants print it. Footnote markers (`²`, `*`) and a unit suffix are dropped.
 */
export function readLayoutCell(raw: string, alternative = false): CellReading {
  const text = stripFootnotes(raw.trim());
  if (text === '') return { type: 'empty' };
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
  if (paren) {
    const before = (paren[1] as string).trim();
    const inside = readNumber(paren[2] as string);
    if (!inside) return { type: 'text', text: raw };
    if (alternative) {
      const plain = before === '' ? null : readNumber(before);
      if (before !== '' && !plain) return { type: 'text', text: raw };
      return { type: 'number', plain, alt: inside };
    }
    if (before !== '') return { type: 'text', text: raw };
    return { type: 'number', plain: { ...inside, value: inside.value.negated() }, alt: null };
  }
  const plain = readNumber(text);
  return plain ? { type: 'number', plain, alt: null } : { type: 'text', text: raw };
}

/** A percentage somewhere in a text ("Motsvarar 1,3% av kostnadsbudgeten."), or null when none or several. */
export function percentInText(text: string): CellNumber | null {
  const found = [...text.matchAll(/(?<![\d,.])(-?\d{1,3}(?:[.,]\d+)?)\s*%/g)];
  if (found.length !== 1) return null;
  const digits = (found[0]?.[1] ?? '').replace(',', '.');
  const decimals = digits.includes('.') ? (digits.split('.')[1] as string).length : 0;
  return { value: new Decimal(digits), decimals, percent: true };
}

/** A header cell naming a year: `2024`, `2024-01-01` (a date), `Budget 2024`, `Prognos 2023`, `2024 tkr`. */
export interface YearCell {
  year: number;
  /** `past`: a forecast or outcome column (Prognos, Utfall, Bokslut) of a year before the plan. */
  kind: 'plan' | 'past';
}

const YEAR_WORDS =
  /^(?:(budget|plan|prognos|utfall|förväntat utfall|bokslut|år|verksamhetsår|vp|prel\.?|preliminär|beräknat|b|p)\s*)?(\d{4})(?:\s*(?:tkr|kr|mkr))?$/i;
const PAST = /prognos|utfall|bokslut/i;

/** Reads a header cell as a year (1990–2200), or null. */
export function readYearCell(raw: string): YearCell | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.exec(text);
  const match = iso ?? YEAR_WORDS.exec(text);
  if (!match) return null;
  const year = Number(iso ? match[1] : match[2]);
  if (year < 1990 || year > 2200) return null;
  return { year, kind: !iso && PAST.test(match[1] ?? '') ? 'past' : 'plan' };
}
