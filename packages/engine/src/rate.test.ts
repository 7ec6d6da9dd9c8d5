import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ore } from './money.ts';
import {
  addRates,
  applyRate,
  compareRates,
  divRound,
  formatRate,
  isOne,
  isZero,
  mulRates,
  ONE,
  parseRate,
  RATE_ZERO,
  type Rate,
  rate,
  ratio,
} from './rate.ts';

/** Independent oracle: p / q rounded half away from zero (q > 0). */
function roundHalfAway(p: bigint, q: bigint): bigint {
  const neg = p < 0n;
  const a = neg ? -p : p;
  const r = (2n * a + q) / (2n * q);
  return neg ? -r : r;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const expected = (amount: number, r: Rate): number => Number(roundHalfAway(BigInt(amount) * r.n, r.d));

describe('rate', () => {
  it('reduces and normalises the sign to the numerator', () => {
    const r = rate(6, -4);
    expect([r.n, r.d, r.num, r.den]).toEqual([-3n, 2n, -3, 2]);
    expect(rate(0, 5)).toEqual({ n: 0n, d: 1n, num: 0, den: 1 });
    expect(rate(10n, 100n)).toEqual({ n: 1n, d: 10n, num: 1, den: 10 });
  });

  it('refuses a zero denominator', () => {
    expect(() => rate(1, 0)).toThrow(RangeError);
  });

  it('marks rates beyond safe integers with NaN number mirrors but keeps them exact', () => {
    const r = rate(2n ** 60n + 1n, 3n);
    expect(r.n).toBe(2n ** 60n + 1n);
    expect(r.num).toBeNaN();
    expect(r.den).toBeNaN();
  });

  it('always has a positive denominator and coprime terms (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.boolean(),
        (n, d, flip) => {
          const r = rate(n, flip ? -d : d);
          expect(r.d > 0n).toBe(true);
          expect(gcd(r.n, r.d) === 1n || r.n === 0n).toBe(true);
          expect(r.n * (flip ? -d : d)).toBe(n * r.d);
        },
      ),
    );
  });
});

describe('parseRate', () => {
  it('parses decimal fractions exactly', () => {
    const cases: [string, bigint, bigint][] = [
      ['0.32', 8n, 25n],
      ['0.9', 9n, 10n],
      ['-0.1', -1n, 10n],
      ['1.32', 33n, 25n],
      ['0.02', 1n, 50n],
      ['0.020', 1n, 50n],
      ['1', 1n, 1n],
      ['0', 0n, 1n],
      ['-0', 0n, 1n],
      ['-0.0001', -1n, 10000n],
      ['0.092', 23n, 250n],
    ];
    for (const [text, n, d] of cases) {
      const r = parseRate(text);
      expect(r, text).not.toBeNull();
      expect([r?.n, r?.d], text).toEqual([n, d]);
    }
    expect(parseRate('0.32')?.num).toBe(8);
    expect(parseRate('0.32')?.den).toBe(25);
  });

  it('returns null for anything that is not a decimal fraction', () => {
    for (const text of ['1,5', '.5', '5.', '1e-3', '', '+0.1', ' 0.1', '32 %', 'abc', '--1', `0.${'1'.repeat(39)}`]) {
      expect(parseRate(text), text).toBeNull();
    }
  });

  it('equals the decimal it reads (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 }),
        (neg, whole, frac) => {
          const r = parseRate(`${neg ? '-' : ''}${whole}.${frac}`);
          expect(r).not.toBeNull();
          if (!r) return;
          const exact = (neg ? -1n : 1n) * (whole * 10n ** BigInt(frac.length) + BigInt(frac));
          expect(r.n * 10n ** BigInt(frac.length)).toBe(exact * r.d);
        },
      ),
    );
  });
});

describe('formatRate', () => {
  it('prints at most the given decimals, halves away from zero', () => {
    expect(formatRate(rate(1, 3))).toBe('0.333333');
    expect(formatRate(rate(2, 3))).toBe('0.666667');
    expect(formatRate(rate(-1, 8), 2)).toBe('-0.13');
    expect(formatRate(rate(1, 8), 2)).toBe('0.13');
    expect(formatRate(rate(23, 250))).toBe('0.092');
    expect(formatRate(rate(5))).toBe('5');
    expect(formatRate(rate(-33, 25))).toBe('-1.32');
  });

  it('round-trips through parseRate for fractions with at most six decimals (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (n) => {
        const r = rate(n, 1_000_000n);
        expect(parseRate(formatRate(r))).toEqual(r);
      }),
    );
  });
});

describe('divRound', () => {
  it('rounds halves away from zero for every sign combination', () => {
    const cases: [bigint, bigint, bigint][] = [
      [5n, 2n, 3n],
      [-5n, 2n, -3n],
      [5n, -2n, -3n],
      [-5n, -2n, 3n],
      [7n, 3n, 2n],
      [8n, 3n, 3n],
      [-7n, 3n, -2n],
      [-8n, 3n, -3n],
      [0n, 7n, 0n],
      [-1n, 3n, 0n],
      [1n, 2n, 1n],
    ];
    for (const [p, q, r] of cases) expect(divRound(p, q), `${p}/${q}`).toBe(r);
  });

  it('agrees with the oracle (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.boolean(),
        (p, q, flip) => {
          expect(divRound(flip ? -p : p, flip ? -q : q)).toBe(roundHalfAway(p, q));
        },
      ),
    );
  });
});

describe('applyRate', () => {
  it('applies common rates to kronor amounts exactly', () => {
    expect(applyRate(120_000_000 as Ore, parseRate('0.9') as Rate)).toBe(108_000_000);
    expect(applyRate(3_800_000 as Ore, parseRate('1.32') as Rate)).toBe(5_016_000);
    expect(applyRate(15_048_000 as Ore, parseRate('1.02') as Rate)).toBe(15_348_960);
    expect(applyRate(1 as Ore, rate(1, 2))).toBe(1);
    expect(applyRate(-1 as Ore, rate(1, 2))).toBe(-1);
    expect(applyRate(5 as Ore, rate(1, 3))).toBe(2);
    expect(applyRate(-5 as Ore, rate(1, 3))).toBe(-2);
    expect(applyRate(7_233_400 as Ore, ONE)).toBe(7_233_400);
    expect(applyRate(7_233_400 as Ore, RATE_ZERO)).toBe(0);
  });

  // `+ 0` folds a negative zero into zero: the property is about the value, which every formatter prints as "0".
  it('equals exact rational rounding (half away from zero) for cell-sized amounts and everyday rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        fc.integer({ min: -2_000_000, max: 2_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (amount, n, d) => {
          const r = rate(n, d);
          expect(applyRate(amount as Ore, r) + 0).toBe(expected(amount, r));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('falls back to BigInt when amount × numerator leaves the safe range, and stays exact', () => {
    const big = 9_007_199_254_740_991 as Ore; // Number.MAX_SAFE_INTEGER
    const r = rate(999_999_999_989n, 1_000_000_000_000n);
    expect(Number.isSafeInteger(big * r.num)).toBe(false);
    expect(applyRate(big, r)).toBe(expected(big, r));
    expect(applyRate(-big as Ore, r)).toBe(expected(-big, r));
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (amount, n, d) => {
          const r = rate(n, d);
          expect(applyRate(amount as Ore, r) + 0).toBe(expected(amount, r));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is exact for rates whose terms exceed safe integers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        fc.bigInt({ min: 10n ** 16n, max: 10n ** 30n }),
        fc.bigInt({ min: 10n ** 16n, max: 10n ** 30n }),
        fc.boolean(),
        (amount, n, d, neg) => {
          const r = rate(neg ? -n : n, d);
          expect(applyRate(amount as Ore, r) + 0).toBe(expected(amount, r));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is exact when amount × numerator lands right at the edge of the safe range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000_000 }),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.boolean(),
        (amount, nudge, d, neg) => {
          const n = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / amount) + nudge);
          const r = rate(n, BigInt(d));
          const a = neg ? -amount : amount;
          expect(applyRate(a as Ore, r) + 0).toBe(expected(a, r));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rate arithmetic', () => {
  it('multiplies, adds and compares exactly', () => {
    const r90 = parseRate('0.9') as Rate;
    const r80 = parseRate('0.8') as Rate;
    expect(mulRates(r90, r80)).toEqual(rate(18, 25));
    expect(addRates(ONE, parseRate('-0.1') as Rate)).toEqual(r90);
    expect(compareRates(rate(1, 5), parseRate('0.2') as Rate)).toBe(0);
    expect(compareRates(rate(1, 5), rate(20_000_000_001, 100_000_000_000))).toBe(-1);
    expect(compareRates(rate(-1, 3), rate(-1, 2))).toBe(1);
    expect(isOne(rate(7, 7))).toBe(true);
    expect(isOne(r90)).toBe(false);
    expect(isZero(rate(0, 9))).toBe(true);
  });

  it('gives the exact ratio of two amounts with a positive denominator, or null for a zero denominator', () => {
    const share = ratio(695_800_000 as Ore, 7_572_400_000 as Ore) as Rate;
    expect(compareRates(share, rate(6958, 75724))).toBe(0);
    expect(formatRate(share)).toBe('0.091886');
    const negative = ratio(1 as Ore, -2 as Ore) as Rate;
    expect(negative.d > 0n).toBe(true);
    expect(compareRates(negative, rate(-1, 2))).toBe(0);
    expect(Object.is((ratio(0 as Ore, -5 as Ore) as Rate).num, 0)).toBe(true);
    expect(ratio(1 as Ore, 0 as Ore)).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        (a, b) => {
          fc.pre(b !== 0);
          const r = ratio(a as Ore, b as Ore) as Rate;
          expect(r.d > 0n).toBe(true);
          expect(r.n * BigInt(b)).toBe(BigInt(a) * r.d);
          expect(r.num).toBe(Number(r.n));
          expect(r.den).toBe(Number(r.d));
        },
      ),
    );
  });
});
