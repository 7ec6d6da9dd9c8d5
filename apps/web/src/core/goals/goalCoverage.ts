/**
 * Which goals have an insats with money behind it, and which insatser serve no goal: the pure part
 * of the Mål view's overview. No DOM, no React, so vitest covers it directly.
 */
import { type CostLine, type Goal, type Plan, parseKronor } from '@samplan/engine';
import { sumKronor } from '../budget/gridNavigation.ts';

/** An insats is a cost line for individuals or a structural one (not administration, not unallocated room). */
export const isInsats = (line: Pick<CostLine, 'category'>): boolean =>
  line.category === 'individual' || line.category === 'structural';

/** The insatser of a plan, in plan order. */
export const insatserOf = (plan: Pick<Plan, 'costs'>): CostLine[] => plan.costs.filter(isInsats);

/** A line of a projection as the worker sends it: kronor per plan year as decimal strings. */
export interface ProjectedAmounts {
  id: string;
  kind: string;
  amounts: readonly string[];
}

/** Each cost line's total over the projected years, in kronor, by line id. */
export function costTotals(lines: readonly ProjectedAmounts[]): Map<string, string> {
  const totals = new Map<string, string>();
  for (const line of lines) if (line.kind === 'cost') totals.set(line.id, sumKronor(line.amounts));
  return totals;
}

/** Whether a kronor decimal string is above zero (a missing or malformed amount is not). */
export function isPositive(kronor: string | undefined): boolean {
  if (kronor === undefined) return false;
  const parsed = parseKronor(kronor);
  return parsed.ok && parsed.value > 0;
}

export interface GoalCoverage {
  /** Goals that no linked insats with a cost above zero over the horizon serves, in plan order. */
  unfundedGoals: Goal[];
  /** Insatser linked to no goal of the plan, in plan order. */
  insatserWithoutGoal: CostLine[];
  /** Per goal id: the insatser linked to it, in plan order, with whether each has a cost above zero. */
  linked: Map<string, { line: CostLine; funded: boolean }[]>;
}

/**
 * The coverage of the plan's goals by its insatser, given each line's total cost over the horizon
 * (`totals`, kronor by line id; a line not in it counts as costing nothing). Links to goals that do
 * not exist are ignored; links from administration or unallocated lines do not fund a goal.
 */
export function goalCoverage(plan: Pick<Plan, 'goals' | 'costs'>, totals: ReadonlyMap<string, string>): GoalCoverage {
  const linked = new Map<string, { line: CostLine; funded: boolean }[]>(plan.goals.map((g) => [g.id, []]));
  const insatserWithoutGoal: CostLine[] = [];
  for (const line of insatserOf(plan)) {
    const goals = (line.goals ?? []).filter((id) => linked.has(id));
    if (goals.length === 0) insatserWithoutGoal.push(line);
    const funded = isPositive(totals.get(line.id));
    for (const id of new Set(goals)) linked.get(id)?.push({ line, funded });
  }
  const unfundedGoals = plan.goals.filter((g) => !linked.get(g.id)?.some((l) => l.funded));
  return { unfundedGoals, insatserWithoutGoal, linked };
}
