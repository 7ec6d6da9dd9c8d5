/** Calendar months as integers: `year * 12 + (month - 1)`. Periods are whole months, inclusive. */

/** The month index of an ISO date (`"2022-07-01"` → 2022 * 12 + 6). The day is ignored. */
export function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

/** Whether an ISO date string names a real calendar day. */
export function isRealDate(isoDate: string): boolean {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

/** Months of `[first, last]` (month indexes, inclusive) that fall in each of `years`. */
export function monthsInYears(first: number, last: number, years: readonly number[]): number[] {
  return years.map((y) => Math.max(0, Math.min(last, y * 12 + 11) - Math.max(first, y * 12) + 1));
}

/** Every calendar year that `[first, last]` touches, in order. */
export function yearsTouched(first: number, last: number): number[] {
  const out: number[] = [];
  for (let y = Math.floor(first / 12); y <= Math.floor(last / 12); y++) out.push(y);
  return out;
}
