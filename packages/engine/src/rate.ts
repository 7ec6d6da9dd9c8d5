import { Decimal } from './decimal.ts';
import type { Ore } from './money.ts';

/**
 * An exact rational rate (a share, a percentage change, a utilization): `n / d` with `d > 0`, reduced
 * except for the ratios `ratio()` builds on the hot path (compare with `compareRates`, never field by field).
 * `num`/`den` mirror `n`/`d` as numbers when both are safe integers, so the common case
 * (`amount × 0.9`) runs on plain integers; larger products fall back to BigInt. Never a float.
 */
export interface Rate {
  readonly n: bigint;
  readonly d: bigint;
  /** `n` as a number when exact, else NaN. */
  readonly num: number;
  /** `d` as a number when exact, else NaN. */
  readonly den: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Builds a reduced rate `n / d`. */
export function rate(n: bigint | number, d: bigint | number = 1n): Rate {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('Rate with zero denominator');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  nn /= g;
  dd /= g;
  const safe = nn <= SAFE && nn >= -SAFE && dd <= SAFE;
  return { n: nn, d: dd, num: safe ? Number(nn) : Number.NaN, den: safe ? Number(dd) : Number.NaN };
}

export const ONE: Rate = rate(1n);
export const RATE_ZERO: Rate = rate(0n);

const RATE_STRING = /^-?\d+(\.\d+)?$/;

/** Parses a decimal-fraction string (`"0.9"`, `"-0.1"`, `"1.32"`) exactly; null if it is not one. */
export function parseRate(text: string): Rate | null {
  let cached = parsedRates.get(text);
  if (cached === undefined) {
    cached = parseRateUncached(text);
    if (parsedRates.size > 10_000) parsedRates.clear();
    parsedRates.set(text, cached);
  }
  return cached;
}

/** Rates are immutable values, so parsing each distinct text once is safe and keeps compiling cheap. */
const parsedRates = new Map<string, Rate | null>();

function parseRateUncached(text: string): Rate | null {
  if (!RATE_STRING.test(text) || text.length > 40) return null;
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const sign = text.startsWith('-') ? -1n : 1n;
  return rate(sign * BigInt(whole + frac), 10n ** BigInt(frac.length));
}

/** Formats a rate as a decimal string with at most `decimals` places (half away from zero). */
export function formatRate(r: Rate, decimals = 6): string {
  return new Decimal(r.n.toString()).dividedBy(r.d.toString()).toDecimalPlaces(decimals).toString();
}

export const mulRates = (a: Rate, b: Rate): Rate => (isOne(a) ? b : isOne(b) ? a : rate(a.n * b.n, a.d * b.d));
export const addRates = (a: Rate, b: Rate): Rate => rate(a.n * b.d + b.n * a.d, a.d * b.d);
export const isOne = (r: Rate): boolean => r.n === r.d;
export const isZero = (r: Rate): boolean => r.n === 0n;
/** Compares two rates: negative, zero or positive. */
export const compareRates = (a: Rate, b: Rate): number => {
  const ln = a.num * b.den;
  const rn = b.num * a.den;
  if (Number.isSafeInteger(ln) && Number.isSafeInteger(rn)) return ln < rn ? -1 : ln > rn ? 1 : 0;
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** Divides and rounds half away from zero, exactly, in BigInt. */
export function divRound(p: bigint, q: bigint): bigint {
  if (q < 0n) {
    p = -p;
    q = -q;
  }
  const neg = p < 0n;
  const a = neg ? -p : p;
  let r = a / q;
  if ((a % q) * 2n >= q) r += 1n;
  return neg ? -r : r;
}

/** `amount × rate`, rounded once to whole öre (half away from zero). Exact for every input. */
export function applyRate(amount: Ore, r: Rate): Ore {
  const { num, den } = r;
  const p = amount * num;
  if (Number.isSafeInteger(p)) {
    if (den === 1) return (p || 0) as Ore;
    const a = p < 0 ? -p : p;
    let q = Math.floor(a / den);
    const rest = a - q * den;
    if (rest * 2 >= den) q += 1;
    return (p < 0 && q !== 0 ? -q : q) as Ore;
  }
  return Number(divRound(BigInt(amount) * r.n, r.d)) as Ore;
}

/** A ratio of two safe integers whose BigInt form is built only when something needs it. */
class LazyRatio implements Rate {
  constructor(
    readonly num: number,
    readonly den: number,
  ) {}
  get n(): bigint {
    return BigInt(this.num);
  }
  get d(): bigint {
    return BigInt(this.den);
  }
}

/**
 * The exact ratio `a / b` of two amounts as a rate (null when `b` is zero). Unreduced, and BigInt
 * only on demand: the projection builds two per year, and most are only compared or formatted.
 */
export const ratio = (a: Ore, b: Ore): Rate | null => {
  if (b === 0) return null;
  return b < 0 ? new LazyRatio(-a || 0, -b) : new LazyRatio(a || 0, b);
};
