import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ore } from './money.ts';
import { spreadProRata } from './spreadProRata.ts';

const iso = (monthIndex: number, day: number) =>
  `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('spreadProRata', () => {
  it('puts 25 %, 50 %, 25 % of a 2022-07-01 – 2024-06-30 grant in 2022, 2023, 2024', () => {
    expect(spreadProRata(240_000_000 as Ore, '2022-07-01', '2024-06-30', [2022, 2023, 2024])).toEqual([
      60_000_000, 120_000_000, 60_000_000,
    ]);
  });

  it('spreads Gävleborg-style periods ending mid-year by calendar month', () => {
    // 2022-01-01 – 2024-03-31: 12 + 12 + 3 months.
    expect(spreadProRata(270_000_000 as Ore, '2022-01-01', '2024-03-31', [2022, 2023, 2024])).toEqual([
      120_000_000, 120_000_000, 30_000_000,
    ]);
  });

  it('keeps the total exact when it does not divide evenly', () => {
    const parts = spreadProRata(100_000_001 as Ore, '2022-07-01', '2024-06-30', [2022, 2023, 2024]);
    expect(parts).toEqual([25_000_000, 50_000_001, 25_000_000]);
  });

  it('gives 0 to years outside the period and drops parts of years not asked for', () => {
    expect(spreadProRata(240_000_000 as Ore, '2022-07-01', '2024-06-30', [2021, 2023, 2025])).toEqual([
      0, 120_000_000, 0,
    ]);
    expect(spreadProRata(240_000_000 as Ore, '2022-07-01', '2024-06-30', [2025, 2026, 2027])).toEqual([0, 0, 0]);
  });

  it('puts a one-month period in its year', () => {
    expect(spreadProRata(5_000_000 as Ore, '2024-03-01', '2024-03-31', [2023, 2024, 2025])).toEqual([0, 5_000_000, 0]);
  });

  it('parts over all touched years sum exactly to the total, each within one öre of its month share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000 * 12, max: 2100 * 12 }),
        fc.integer({ min: 0, max: 72 }),
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        fc.integer({ min: 1, max: 28 }),
        (first, length, total, day) => {
          const last = first + length;
          const y0 = Math.floor(first / 12);
          const y1 = Math.floor(last / 12);
          const years = Array.from({ length: y1 - y0 + 3 }, (_, i) => y0 - 1 + i);
          const parts = spreadProRata(total as Ore, iso(first, 1), iso(last, day), years);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts[0]).toBe(0);
          expect(parts.at(-1)).toBe(0);
          const months = length + 1;
          years.forEach((y, i) => {
            const inYear = Math.max(0, Math.min(last, y * 12 + 11) - Math.max(first, y * 12) + 1);
            // |part − total·inYear/months| < 1
            const diff = BigInt(parts[i] ?? 0) * BigInt(months) - BigInt(total) * BigInt(inYear);
            expect(diff < BigInt(months) && -diff < BigInt(months)).toBe(true);
          });
        },
      ),
    );
  });
});
