import { describe, expect, it } from 'vitest';
import { yearChanges } from './yearChanges.ts';

const years = (first: number, count: number) => ({ years: Array.from({ length: count }, (_, i) => first + i) });

describe('yearChanges', () => {
  it('offers every change of a two-year plan: add the year after, drop the first, move either way', () => {
    expect(yearChanges(years(2025, 2))).toEqual({
      first: 2025,
      last: 2026,
      count: 2,
      add: { year: 2027, refusal: null },
      drop: { year: 2025, refusal: null },
      forward: { year: 2026, refusal: null },
      back: { year: 2024, refusal: null },
    });
  });

  it('refuses an eleventh year and dropping the only year', () => {
    expect(yearChanges(years(2025, 10)).add.refusal).toBe('max-years');
    expect(yearChanges(years(2025, 9)).add.refusal).toBeNull();
    expect(yearChanges(years(2025, 1)).drop.refusal).toBe('min-years');
    expect(yearChanges(years(2025, 2)).drop.refusal).toBeNull();
  });

  it('refuses years outside the range the engine accepts (1990–2200)', () => {
    expect(yearChanges(years(2199, 2)).forward.refusal).toBe('last-year');
    expect(yearChanges(years(2199, 2)).add.refusal).toBe('last-year');
    expect(yearChanges(years(1990, 3)).back.refusal).toBe('first-year');
    expect(yearChanges(years(1991, 3)).back.refusal).toBeNull();
  });
});
