import { describe, expect, it } from 'vitest';
import { UINT32_RANGE, xoshiro128ss, xoshiro128ssFromState } from './random.ts';

describe('xoshiro128**', () => {
  it('matches the reference implementation (Blackman & Vigna) from the state 1, 2, 3, 4', () => {
    // Output of the authors' xoshiro128starstar.c with s = {1, 2, 3, 4}.
    const next = xoshiro128ssFromState([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('is reproducible from a seed, differs between seeds and refuses an all-zero state', () => {
    const take = (seed: number) => Array.from({ length: 5 }, xoshiro128ss(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(0).every((x) => Number.isInteger(x) && x >= 0 && x < UINT32_RANGE)).toBe(true);
    expect(() => xoshiro128ssFromState([0, 0, 0, 0])).toThrow(RangeError);
  });

  it('fills 16 buckets evenly (chi-square, 15 degrees of freedom, far below the 0.1 % critical value 37.7)', () => {
    const next = xoshiro128ss(2025);
    const buckets = new Array<number>(16).fill(0);
    const n = 160_000;
    for (let k = 0; k < n; k++) {
      const b = next() >>> 28;
      buckets[b] = (buckets[b] as number) + 1;
    }
    const expected = n / 16;
    const chi2 = buckets.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(37.7);
  });
});
