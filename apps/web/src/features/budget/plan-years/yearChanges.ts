import { MAX_YEARS, MIN_YEARS, type Plan, YearSchema } from '@samplan/engine';

/** Why a change of the plan's years is not offered: the plan's 1–10 years, the years the engine accepts. */
export type YearRefusal = 'max-years' | 'min-years' | 'last-year' | 'first-year';

/** One change of the plan's years and whether it is possible. */
export interface YearChange {
  /** The year the change adds or removes (for a move: the first year after it). */
  year: number;
  refusal: YearRefusal | null;
}

/** What can be done with the plan's years: add one at the end, drop the first, move them all. */
export interface YearChanges {
  first: number;
  last: number;
  count: number;
  add: YearChange;
  drop: YearChange;
  forward: YearChange;
  back: YearChange;
}

/** The latest and earliest year a plan may have (the engine's year range). */
const LATEST = YearSchema.maxValue ?? 2200;
const EARLIEST = YearSchema.minValue ?? 1990;

/** The year changes of a plan, each with the reason it is refused, if it is. */
export function yearChanges(plan: Pick<Plan, 'years'>): YearChanges {
  const first = plan.years[0] ?? EARLIEST;
  const last = plan.years[plan.years.length - 1] ?? first;
  const count = plan.years.length;
  return {
    first,
    last,
    count,
    add: { year: last + 1, refusal: count >= MAX_YEARS ? 'max-years' : last >= LATEST ? 'last-year' : null },
    drop: { year: first, refusal: count <= MIN_YEARS ? 'min-years' : null },
    forward: { year: first + 1, refusal: last >= LATEST ? 'last-year' : null },
    back: { year: first - 1, refusal: first <= EARLIEST ? 'first-year' : null },
  };
}
