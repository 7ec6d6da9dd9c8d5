import { Decimal } from 'decimal.js';

/** A number as people type it, read exactly: its canonical decimal string and printed decimals. */
export interface ParsedNumber {
  /** Canonical decimal string, `.` as decimal point: `"-8430"`, `"15333.5"`. */
  value: string;
  /** How many decimals were printed (the figure's precision). */
  decimals: number;
  /** A `%` sign followed the number. */
  percent: boolean;
}

const SPACES = /[\s\u00a0\u2009\u202f]/g;
const MINUS = /^[-\u2212\u2013]/;
// Digits, optionally grouped by thousands with spaces, then an optional decimal part.
const GROUPED = /^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?$/;

/**
 * Reads a number the way Swedes and spreadsheets write it: `12 604`, `12 604` (no-break or thin
 * space), `-8 430`, `−8 430` (Unicode minus), `15 333,5`, `15333.5`, optionally `9,2 %`.
 * Returns null for anything else (`12,6,04`, `1.234.567`, `abc`): the caller reports where.
 */
export function parseAmount(raw: string): ParsedNumber | null {
  let text = raw.trim();
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1).trim();
  const negative = MINUS.test(text);
  if (negative) text = text.slice(1).trim();
  text = text.replace(/[\u00a0\u2009\u202f]/g, ' ');
  const match = GROUPED.exec(text);
  if (!match) return null;
  const whole = (match[1] as string).replace(SPACES, '');
  const frac = match[2] ?? '';
  const value = new Decimal(`${whole}${frac ? `.${frac}` : ''}`);
  const canonical = (negative && !value.isZero() ? value.negated() : value).toFixed();
  return { value: canonical, decimals: frac.length, percent };
}
