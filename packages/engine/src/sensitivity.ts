import { compilePlan } from './compilePlan.ts';
import { formatKronor, type Ore } from './money.ts';
import type { Plan } from './planSchema.ts';
import { projectChanges, withinRange } from './projectPlan.ts';
import { changesOf } from './resolveScenario.ts';
import { fail, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';
import { compileLevers } from './uncertainLevers.ts';
import { type UncertainLever, type UncertaintyModel, validateUncertainty } from './uncertaintySchema.ts';

/** One end of a lever in the tornado chart: its value and the closing equity at the horizon. */
export interface SensitivityEnd {
  /** A decimal rate (`"-0.15"`) or `"approved"` / `"rejected"`. */
  value: string;
  /** Closing equity in the last plan year, kronor. */
  closingEquity: string;
}

/** One bar of the tornado chart. */
export interface SensitivityBar {
  lever: number;
  type: UncertainLever['type'];
  label: string;
  /** The lever at the low end of its range (min; an ESF project rejected). */
  low: SensitivityEnd;
  /** The lever at the high end (max; approved). */
  high: SensitivityEnd;
  /** |high − low| closing equity, kronor. */
  swing: string;
}

/** The tornado chart's data: bars sorted by swing, largest first. */
export interface Sensitivity {
  /** The horizon: the last plan year. */
  year: number;
  /** Every lever at its central value: its value and the closing equity then. */
  central: { values: string[]; closingEquity: string };
  bars: SensitivityBar[];
}

/**
 * How much each uncertain lever, moved across its range with all the others at their central
 * value, changes closing equity at the horizon. Central values: the mode of a triangular range,
 * the midpoint of a uniform one (each rounded to the 0.01 % grid the Monte Carlo draws use), and
 * for an ESF decision the more likely outcome (approved when p ≥ 0.5). Each end is an exact
 * projection of the scenario plus one change per lever; bars are sorted by swing, largest first
 * (ties in model order).
 */
export function sensitivity(plan: Plan, scenario: Scenario | undefined, model: UncertaintyModel): Result<Sensitivity> {
  const issues = validateUncertainty(plan, scenario, model);
  if (issues.length) return fail(...issues);
  const resolved = changesOf(plan, scenario);
  if (!resolved.ok) return resolved;
  const cp = compilePlan(plan);
  const levers = compileLevers(plan, model.levers);
  const central = levers.map((l) => l.central);
  const horizon = cp.years.length - 1;
  /** Closing equity at the horizon with lever `k` at `code` and the others central (k = -1: all central). */
  const closingWith = (k: number, code: number): Ore => {
    const changes: Change[] = levers.map((l) => l.change(l.index === k ? code : (central[l.index] as number)));
    return projectChanges(cp, [...resolved.value, ...changes]).rows[horizon]?.closingEquity as Ore;
  };
  return withinRange(() => {
    const bars = levers.map((l) => {
      const low = closingWith(l.index, l.low);
      const high = closingWith(l.index, l.high);
      return {
        swing: Math.abs(high - low),
        bar: {
          lever: l.index,
          type: l.lever.type,
          label: l.label,
          low: { value: l.text(l.low), closingEquity: formatKronor(low) },
          high: { value: l.text(l.high), closingEquity: formatKronor(high) },
          swing: formatKronor(Math.abs(high - low) as Ore),
        },
      };
    });
    bars.sort((a, b) => b.swing - a.swing || a.bar.lever - b.bar.lever);
    return {
      year: cp.years[horizon] as number,
      central: {
        values: levers.map((l) => l.text(central[l.index] as number)),
        closingEquity: formatKronor(closingWith(-1, 0)),
      },
      bars: bars.map((b) => b.bar),
    };
  });
}
