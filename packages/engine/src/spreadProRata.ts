import { allocate } from './allocate.ts';
import { monthIndex, monthsInYears, yearsTouched } from './calendar.ts';
import type { Ore } from './money.ts';

/**
 * Spreads a granted total over its period pro rata by calendar month (whole months) and returns
 * the part falling in each of `years`. Parts over all the years the period touches sum exactly
 * to the total: 2022-07-01 – 2024-06-30 puts 25 %, 50 %, 25 % in 2022, 2023, 2024.
 */
export function spreadProRata(total: Ore, start: string, end: string, years: readonly number[]): Ore[] {
  const first = monthIndex(start);
  const last = monthIndex(end);
  const touched = yearsTouched(first, last);
  const parts = allocate(total, monthsInYears(first, last, touched));
  return years.map((y) => {
    const i = touched.indexOf(y);
    return i < 0 ? (0 as Ore) : (parts[i] as Ore);
  });
}
