import { parseAmount } from '@samplan/budget-table';
import { formatDecimalSv, formatPercent, type Ore, parseKronor, parseRate, roundToUnit } from '@samplan/engine';
import { Decimal } from 'decimal.js';

/** The unit amounts are shown and typed in. */
export type Unit = 'tkr' | 'kr';

const toOre = (kronor: string): Ore | null => {
  const parsed = parseKronor(kronor);
  return parsed.ok ? parsed.value : null;
};

/**
 * A kronor decimal string shown in the chosen unit, sv-SE: `12 604` (tkr, whole) or `12 604 000`
 * (kr, öre only when present). Exact: no float touches the amount.
 */
export function showAmount(kronor: string | undefined | null, unit: Unit): string {
  if (kronor === undefined || kronor === null || kronor === '') return '';
  const ore = toOre(kronor);
  if (ore === null) return kronor;
  if (unit === 'tkr') {
    const tenths = roundToUnit(ore, 10_000);
    const whole = roundToUnit(ore, 100_000);
    // Whole tkr unless that hides a half (15 333,5 tkr stays exact).
    return BigInt(tenths) % 10n === 0n
      ? formatDecimalSv(whole)
      : formatDecimalSv(new Decimal(tenths).dividedBy(10).toFixed(1), 1);
  }
  return formatDecimalSv(kronor, kronor.includes('.') ? 2 : 0);
}

/** A fraction string as a percentage, sv-SE: `"0.062026"` → `6,2 %`. */
export function showShare(fraction: string | null | undefined, decimals = 1): string {
  if (fraction === null || fraction === undefined) return '–';
  const r = parseRate(fraction);
  return r ? formatPercent(r, decimals) : fraction;
}

/** What a person typed in an amount cell, read in the chosen unit: kronor string or null when invalid. */
export function readAmount(text: string, unit: Unit): string | null {
  if (text.trim() === '') return null;
  const parsed = parseAmount(text);
  if (!parsed || parsed.percent) return null;
  const kronor = new Decimal(parsed.value).times(unit === 'tkr' ? 1000 : 1);
  if (kronor.decimalPlaces() > 2 || kronor.abs().greaterThan(1_000_000_000)) return null;
  return kronor.toFixed();
}

/** A typed plain number (`0,5`, `0.25`, `1`) as a decimal string; null when invalid. */
export function readDecimal(text: string): string | null {
  const parsed = parseAmount(text);
  return parsed && !parsed.percent ? parsed.value : null;
}

/** A typed percentage (`90`, `90 %`, `2,5`) as a fraction string; null when invalid. */
export function readPercent(text: string): string | null {
  const parsed = parseAmount(text.replace('%', '').trim());
  if (!parsed) return null;
  return new Decimal(parsed.value).dividedBy(100).toFixed();
}

/** A fraction string as a number to type: `"0.9"` → `90`. */
export const percentText = (fraction: string): string => new Decimal(fraction).times(100).toFixed().replace('.', ',');
