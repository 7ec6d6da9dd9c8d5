import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import type { Ore } from './money.ts';

const total = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 });
const weights = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000_000 })), {
  minLength: 1,
  maxLength: 12,
});

describe('allocate', () => {
  it('splits proportionally, by the largest remainder, ties to the earlier part', () => {
    expect(allocate(100 as Ore, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100 as Ore, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(1 as Ore, [1, 1])).toEqual([1, 0]);
    expect(allocate(-1 as Ore, [1, 1])).toEqual([-1, 0]);
    expect(allocate(2 as Ore, [1, 1, 1])).toEqual([1, 1, 0]);
    // 5 × [1,2,1,2]/6: floors [0,1,0,1], remainders [5,4,5,4]: the two 5s first, then the earlier 4.
    expect(allocate(5 as Ore, [1, 2, 1, 2])).toEqual([1, 2, 1, 1]);
    // A larger remainder wins over an earlier position.
    expect(allocate(1 as Ore, [1, 3])).toEqual([0, 1]);
  });

  it('follows the matching rule split of Finnveden 2021 exactly', () => {
    // The state's 2 579 000 kr: half to the region, half to the kommuner by population.
    expect(allocate(257_900_000 as Ore, [1, 1])).toEqual([128_950_000, 128_950_000]);
    expect(allocate(128_950_000 as Ore, [5203, 1687, 6005])).toEqual([52_030_000, 16_870_000, 60_050_000]);
  });

  it('gives all zeros when every weight is zero, and zero to zero weights', () => {
    expect(allocate(12_345 as Ore, [0, 0, 0])).toEqual([0, 0, 0]);
    expect(allocate(12_345 as Ore, [0, 5, 0])).toEqual([0, 12_345, 0]);
    expect(allocate(0 as Ore, [3, 4])).toEqual([0, 0]);
  });

  it('accepts bigint weights beyond safe integers', () => {
    expect(allocate(3 as Ore, [2n ** 70n, 2n ** 70n, 2n ** 71n])).toEqual([1, 1, 1]);
    expect(allocate(4 as Ore, [2n ** 70n, 2n ** 70n, 2n ** 71n])).toEqual([1, 1, 2]);
  });

  it('parts always sum exactly to the total (property, negative totals and zero weights included)', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = allocate(t as Ore, w);
        expect(parts).toHaveLength(w.length);
        if (w.every((x) => x === 0)) expect(parts.every((p) => p === 0)).toBe(true);
        else expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        for (const [i, p] of parts.entries()) {
          expect(Number.isSafeInteger(p)).toBe(true);
          if (w[i] === 0) expect(p).toBe(0);
        }
      }),
    );
  });

  it('each part is within one öre of its exact proportional share (property)', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const sum = w.reduce((a, b) => a + BigInt(b), 0n);
        fc.pre(sum > 0n);
        allocate(t as Ore, w).forEach((p, i) => {
          // |p − t·w/sum| < 1  ⇔  |p·sum − t·w| < sum
          const diff = BigInt(p) * sum - BigInt(t) * BigInt(w[i] ?? 0);
          expect(diff < sum && -diff < sum).toBe(true);
        });
      }),
    );
  });

  it('is deterministic and symmetric in the sign of the total (property)', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const a = allocate(t as Ore, w);
        expect(allocate(t as Ore, w)).toEqual(a);
        expect(allocate(-t as Ore, w).map((x) => x + 0)).toEqual(a.map((x) => -x + 0));
      }),
    );
  });
});
