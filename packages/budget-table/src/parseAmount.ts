import { Decimal } from 'decimal.js';

/** A unit written after an amount: `12 604 kr`, `8 562 tkr`, `1,2 mkr`. */
export type AmountUnit = 'kr' | 'tkr' | 'mkr';

/** How many kronor one of a unit is. */
export const UNIT_SCALE: Readonly<Record<AmountUnit, number>> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

/** A number as people type it, read exactly: its canonical decimal string and printed decimals. */
export interface ParsedNumber {
  /** Canonical decimal string, `.` as decimal point: `"-8430"`, `"15333.5"`. */
  value: string;
  /** How many decimals were printed (the figure's precision). */
  decimals: number;
  /** A `%` sign followed the number. */
  percent: boolean;
  /** The unit written after the number, if any (`tkr` in `8 562 tkr`). */
  unit?: AmountUnit;
}

/**
 * Why a text is no number: not a number at all, or one that can be read two ways (`1.050`): the
 * reason in Swedish, and its parts for a UI in another language (`1.050`: whole `1`, fraction
 * `050`, the decimal reading `1,05`, the separator `.`).
 */
export type NumberProblem =
  | { code: 'invalid-amount' }
  | {
      code: 'ambiguous-amount';
      reason: string;
      whole: string;
      fraction: string;
      decimal: string;
      separator: '.' | ',';
    };

/** Options of `readNumber`. */
export interface ReadNumberOptions {
  /**
   * The text is a spreadsheet number's own decimal (a workbook's number cell): its `.` is always
   * the decimal point, so `1.050` (1.05 in a `0.000` format) is not ambiguous.
   */
  numeric?: boolean;
}

const SPACES = /[\s\u00a0\u2009\u202f]/g;
const MINUS = /^[-\u2212\u2013]/;
const TRAILING_MINUS = /^(.*\d)\s*[-\u2212\u2013]$/;
const DASHES = new Set(['-', '\u2212', '\u2013', '\u2014']);
const UNIT = /^(.*?)\s*(tkr|mkr|kr)\.?$/i;
// Digits, optionally grouped by thousands with spaces, then an optional decimal part.
const GROUPED = /^(\d{1,3}(?: \d{3})+|\d+)(?:([.,])(\d+))?$/;

/**
 * Reads a number the way Swedes and spreadsheets write it: `12 604`, `12 604` (no-break or thin
 * space), `-8 430`, `−8 430` (Unicode minus), `(90)` and `90-` (negative), `-` or `–` alone
 * (zero), `15 333,5`, `15333.5`, optionally `9,2 %` or a unit after it (`8 562 tkr`, `500 kr`,
 * `1,2 mkr`). `1.050` and `1,050` are refused as ambiguous (a thousands separator, or a decimal
 * point?) unless thousands are grouped with spaces or the number is a share (`9,125 %`) or a
 * spreadsheet's own number (`numeric`); anything else that is no number (`12,6,04`, `1.234.567`,
 * `abc`) is refused too. The caller reports where.
 */
export function readNumber(
  raw: string,
  options: ReadNumberOptions = {},
): { ok: true; number: ParsedNumber } | ({ ok: false } & NumberProblem) {
  const invalid = { ok: false, code: 'invalid-amount' } as const;
  let text = raw.trim();
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1).trim();
  let unit: AmountUnit | undefined;
  const suffix = percent ? null : UNIT.exec(text);
  if (suffix && /[\d)\-\u2212\u2013\u2014]$/.test(suffix[1] as string)) {
    text = suffix[1] as string;
    unit = (suffix[2] as string).toLowerCase() as AmountUnit;
  }
  const withUnit = (n: Omit<ParsedNumber, 'unit'>): { ok: true; number: ParsedNumber } => ({
    ok: true,
    number: unit ? { ...n, unit } : n,
  });
  if (DASHES.has(text)) return withUnit({ value: '0', decimals: 0, percent });
  let negative = false;
  const parenthesized = /^\((.*)\)$/.exec(text);
  const trailing = TRAILING_MINUS.exec(text);
  if (parenthesized) {
    negative = true;
    text = (parenthesized[1] as string).trim();
  } else if (trailing) {
    negative = true;
    text = (trailing[1] as string).trim();
  } else if (MINUS.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  text = text.replace(/[\u00a0\u2009\u202f]/g, ' ');
  const match = GROUPED.exec(text);
  if (!match) return invalid;
  const whole = (match[1] as string).replace(SPACES, '');
  const point = match[2];
  const frac = match[3] ?? '';
  if (
    !options.numeric &&
    !percent &&
    point !== undefined &&
    frac.length === 3 &&
    !(match[1] as string).includes(' ') &&
    /^[1-9]\d{0,2}$/.test(whole)
  ) {
    const decimal = new Decimal(`${whole}.${frac}`).toFixed().replace('.', ',');
    const mark = point === '.' ? 'punkten' : 'kommat';
    return {
      ok: false,
      code: 'ambiguous-amount',
      reason: `"${raw.trim()}" kan betyda både ${whole} ${frac} och ${decimal} (är ${mark} tusentalsavgränsare eller decimaltecken?); skriv ${whole}${frac} eller ${decimal}`,
      whole,
      fraction: frac,
      decimal,
      separator: point as '.' | ',',
    };
  }
  const value = new Decimal(`${whole}${frac ? `.${frac}` : ''}`);
  const canonical = (negative && !value.isZero() ? value.negated() : value).toFixed();
  return withUnit({ value: canonical, decimals: frac.length, percent });
}

/**
 * A number as `readNumber` reads it, or null when it is none, is ambiguous, or has a unit after
 * it (callers that take a unit use `readNumber`): `12 604`, `−8 430`, `(90)`, `15 333,5`, `9,2 %`.
 */
export function parseAmount(raw: string): ParsedNumber | null {
  const read = readNumber(raw);
  return read.ok && read.number.unit === undefined ? read.number : null;
}
