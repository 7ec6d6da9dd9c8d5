import { compilePlan } from './compilePlan.ts';
import type { Plan } from './planSchema.ts';
import type { Projection } from './projection.ts';
import { projectChanges, withinRange } from './projectPlan.ts';
import { type Rate, rate } from './rate.ts';
import { changesOf } from './resolveScenario.ts';
import type { Result } from './result.ts';
import type { Scenario } from './scenarioSchema.ts';

/** "How far can it fall?": the state cut the plan can take before equity goes negative. */
export interface StateCutTolerance {
  /** Smallest cut (0.01 % steps) at which closing equity goes negative in some year; null if even 100 % holds. */
  breakingCut: Rate | null;
  /** The first year equity is negative at that cut. */
  breakingYear: number | null;
  /** Largest cut (0.01 % steps) that keeps equity at or above zero every year; null if it is negative already. */
  toleratedCut: Rate | null;
  fromYear: number;
  matching: boolean;
}

const STEPS = 10_000; // 0.01 % resolution

/** A cut of `steps` hundredths of a percent as a rate string: 1234 → "-0.1234". */
const cutRate = (steps: number): string => (steps >= STEPS ? '-1' : `-0.${String(steps).padStart(4, '0')}`);

/**
 * Finds the state cut, from `fromYear` on and with the matching members following unless
 * `matching` is false, at which closing equity first goes negative. Equity falls monotonically and
 * almost linearly with the cut: a straight-line guess and a short walk over 0.01 % steps find it in
 * about five projections (a bisection backs it up).
 */
export function stateCutTolerance(
  plan: Plan,
  scenario?: Scenario,
  options: { fromYear?: number; matching?: boolean } = {},
): Result<StateCutTolerance> {
  const cp = compilePlan(plan);
  const resolved = changesOf(plan, scenario);
  if (!resolved.ok) return resolved;
  const fromYear = options.fromYear ?? (cp.years[0] as number);
  const matching = options.matching ?? true;
  const at = (steps: number): Projection =>
    projectChanges(cp, [...resolved.value, { type: 'state-allocation', fromYear, rate: cutRate(steps), matching }]);
  const firstNegative = (p: Projection) => p.rows.find((r) => r.closingEquity < 0)?.year ?? null;
  const answer = (tolerated: number | null, breaking: number | null, year: number | null): StateCutTolerance => ({
    breakingCut: breaking === null ? null : rate(breaking, STEPS),
    breakingYear: year,
    toleratedCut: tolerated === null ? null : rate(tolerated, STEPS),
    fromYear,
    matching,
  });
  return withinRange(() => {
    const seen = new Map<number, number | null>();
    /** The first year equity is negative at a cut of `steps` (memoized: each cut is projected once). */
    const negativeAt = (steps: number): number | null => {
      if (!seen.has(steps)) seen.set(steps, firstNegative(at(steps)));
      return seen.get(steps) ?? null;
    };
    const base = at(0);
    seen.set(0, firstNegative(base));
    if (negativeAt(0) !== null) return answer(null, 0, negativeAt(0));
    const whole = at(STEPS);
    seen.set(STEPS, firstNegative(whole));
    if (negativeAt(STEPS) === null) return answer(STEPS, null, null);
    // Equity is (nearly) linear in the cut: start where the straight line from no cut to a full cut
    // first crosses zero (a float is fine for a starting guess), then walk to the exact boundary.
    let guess = STEPS - 1;
    base.rows.forEach((row, k) => {
      const full = whole.rows[k]?.closingEquity ?? row.closingEquity;
      if (full < 0 && row.closingEquity >= 0) {
        guess = Math.min(guess, Math.floor((row.closingEquity / (row.closingEquity - full)) * STEPS));
      }
    });
    let lo = Math.max(0, guess);
    let hi = lo + 1;
    for (let walked = 0; walked < 8; walked++) {
      if (negativeAt(lo) !== null) [lo, hi] = [Math.max(0, lo - 1), lo];
      else if (negativeAt(hi) === null) [lo, hi] = [hi, Math.min(STEPS, hi + 1)];
      else break;
    }
    if (negativeAt(lo) !== null || negativeAt(hi) === null) {
      // Far from the line (not seen in practice): bisect.
      [lo, hi] = [0, STEPS];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (negativeAt(mid) === null) lo = mid;
        else hi = mid;
      }
    }
    return answer(lo, hi, negativeAt(hi));
  });
}
