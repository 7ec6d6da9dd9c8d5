import { Decimal } from './decimal.ts';

/**
 * An amount of money in whole öre (1 kr = 100 öre), held as a JavaScript integer.
 * Integers below 2^53 add and subtract exactly, so sums never drift; every rate is applied
 * with exact rational arithmetic and rounded once (see `rate.ts`). No float ever holds kronor.
 */
export type Ore = number & { readonly __unit: 'öre' };

/** The largest amount one cell may hold: 1 000 000 000 kr. Keeps every sum of a plan exact. */
export const MAX_CELL_ORE = 100_000_000_000 as Ore;

export const ZERO = 0 as Ore;

/** Brands a number as öre after checking it is a safe integer. */
export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not an exact amount of öre: ${value}`);
  return value as Ore;
}

/** Whole kronor to öre. */
export const kronor = (kr: number): Ore => ore(kr * 100);

/** Why a decimal string is not an amount. */
export type MoneyParseError = 'syntax' | 'precision' | 'range';

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/**
 * Parses a canonical decimal string in kronor (`"12604000"`, `"-150480.25"`) to öre.
 * `scale` multiplies first, exactly (1000 for tkr).
 */
export function parseKronor(text: string, scale = 1): { ok: true; value: Ore } | { ok: false; error: MoneyParseError } {
  if (!DECIMAL_STRING.test(text)) return { ok: false, error: 'syntax' };
  if (scale === 1 && text.length <= 16) {
    // Fast path for canonical strings: whole kronor and öre parsed as integers, exactly.
    const negative = text.startsWith('-');
    const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
    if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return { ok: false, error: 'precision' };
    const value = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
    if (value > MAX_CELL_ORE) return { ok: false, error: 'range' };
    return { ok: true, value: (negative && value !== 0 ? -value : value) as Ore };
  }
  const value = new Decimal(text).times(scale).times(100);
  if (!value.isInteger()) return { ok: false, error: 'precision' };
  if (value.abs().greaterThan(MAX_CELL_ORE)) return { ok: false, error: 'range' };
  return { ok: true, value: (value.toNumber() || 0) as Ore };
}

/** Formats öre as a canonical decimal string in kronor: `"12604000"`, `"-150480.25"`, `"0.05"`. */
export function formatKronor(amount: Ore): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  const body = rest === 0 ? String(kr) : `${kr}.${String(rest).padStart(2, '0')}`;
  return negative && abs !== 0 ? `-${body}` : body;
}

/** Sums amounts exactly; throws only if the plan is far beyond any real förbund (guarded at input). */
export function sumOre(values: readonly number[]): Ore {
  let total = 0;
  for (const v of values) total += v;
  return total as Ore;
}
