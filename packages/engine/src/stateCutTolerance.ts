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
 * `matching` is false, at which closing equity first goes negative. Equity falls monotonically
 * with the cut, so a bisection over 0.01 % steps finds it in 14 projections.
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
    const none = firstNegative(at(0));
    if (none !== null) return answer(null, 0, none);
    if (firstNegative(at(STEPS)) === null) return answer(STEPS, null, null);
    let lo = 0;
    let hi = STEPS;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (firstNegative(at(mid)) === null) lo = mid;
      else hi = mid;
    }
    return answer(lo, hi, firstNegative(at(hi)));
  });
}
