import { affectsCosts, effectiveCost, type ScenarioTerms } from './applyScenario.ts';
import type { CompiledCost, CompiledPlan } from './compilePlan.ts';
import type { Ore } from './money.ts';
import type { Change } from './scenarioSchema.ts';

/**
 * The cost side of one projection: every cost line's amounts under a scenario and their sums per
 * plan year and category (`categories[year × 4 + category]`, öre).
 */
export interface CostSums {
  cp: CompiledPlan;
  /** The changes that can move a cost line, in order (member changes left out). */
  costChanges: readonly Change[];
  /** The plan's cost lines followed by the scenario's new insatser. */
  costLines: CompiledCost[];
  costs: Ore[][];
  categories: number[];
}

/**
 * How many cost sides are kept: one per list of cost changes (base, each open scenario, the audit's
 * ESF variants) for the newest plan, and a few for other plans projected alongside.
 */
const RECENT_LIMIT = 24;
/** Most recent first. A bounded memo: results are the same with or without it. */
const recent: CostSums[] = [];

const sameChanges = (a: readonly Change[], b: readonly Change[]): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * Whether every unchanged cost line object costs the same in `b` as in `a`: the same years,
 * assumptions and ESF projects (what `compileCostLine` and the scenario terms read besides the
 * line), and as many cost lines.
 */
const sameFrame = (a: CompiledPlan, b: CompiledPlan): boolean =>
  a.years === b.years &&
  a.plan.assumptions === b.plan.assumptions &&
  a.plan.esfProjects === b.plan.esfProjects &&
  a.costs.length === b.costs.length;

/**
 * The cost side of `cp` under `changes` (already resolved into `terms`), incrementally: a cost
 * side computed before for the same cost changes on this plan is reused, and one on an earlier
 * version of the plan (same years, assumptions, projects and line count) is updated line by line:
 * only the cost line objects that differ are re-costed, and their old amounts are taken out of
 * the category sums and the new ones put in. Amounts are integers within the exact range, so the
 * sums equal a full re-summation to the öre; when a sum would leave that range, or many lines
 * changed, the side is computed from scratch.
 */
export function costSums(cp: CompiledPlan, changes: readonly Change[], terms: ScenarioTerms): CostSums {
  const costChanges = changes.every(affectsCosts) ? changes : changes.filter(affectsCosts);
  let earlier = -1;
  for (let k = 0; k < recent.length; k++) {
    const s = recent[k] as CostSums;
    if (!sameChanges(s.costChanges, costChanges)) continue;
    if (s.cp === cp) {
      if (k > 0) {
        recent.splice(k, 1);
        recent.unshift(s);
      }
      return s;
    }
    if (earlier < 0 && sameFrame(s.cp, cp)) earlier = k;
  }
  const from = recent[earlier];
  const sums = (from && updated(from, cp, costChanges, terms)) ?? computed(cp, costChanges, terms);
  // The version it was brought up from is done with: an edited plan replaces the one before it.
  if (from) recent.splice(earlier, 1);
  recent.unshift(sums);
  if (recent.length > RECENT_LIMIT) recent.pop();
  return sums;
}

/** Every cost line costed and summed. */
function computed(cp: CompiledPlan, costChanges: readonly Change[], terms: ScenarioTerms): CostSums {
  const n = cp.years.length;
  const costLines = terms.newLines.length ? [...cp.costs, ...terms.newLines] : cp.costs;
  const costs = new Array<Ore[]>(costLines.length);
  const categories = new Array<number>(n * 4).fill(0);
  for (let j = 0; j < costLines.length; j++) {
    const line = costLines[j] as CompiledCost;
    const a = effectiveCost(terms, cp.years, line);
    costs[j] = a;
    const c = line.categoryIndex;
    for (let i = 0; i < n; i++) categories[i * 4 + c] = (categories[i * 4 + c] as number) + (a[i] as number);
  }
  return { cp, costChanges, costLines, costs, categories };
}

/** `from` brought up to `cp` by re-costing the changed lines; undefined when a full pass is better or needed. */
function updated(
  from: CostSums,
  cp: CompiledPlan,
  costChanges: readonly Change[],
  terms: ScenarioTerms,
): CostSums | undefined {
  const next = cp.costs;
  const prev = from.cp.costs;
  const limit = Math.max(8, next.length >> 2);
  const changed: number[] = [];
  for (let j = 0; j < next.length; j++) {
    if (next[j] !== prev[j] && changed.push(j) > limit) return undefined;
  }
  const n = cp.years.length;
  const costs = from.costs.slice();
  const categories = from.categories.slice();
  for (const j of changed) {
    const line = next[j] as CompiledCost;
    const before = from.costs[j] as Ore[];
    const beforeCategory = (from.costLines[j] as CompiledCost).categoryIndex;
    const after = effectiveCost(terms, cp.years, line);
    for (let i = 0; i < n; i++) {
      const out = i * 4 + beforeCategory;
      const into = i * 4 + line.categoryIndex;
      categories[out] = (categories[out] as number) - (before[i] as number);
      categories[into] = (categories[into] as number) + (after[i] as number);
      if (!Number.isSafeInteger(categories[out]) || !Number.isSafeInteger(categories[into])) return undefined;
    }
    costs[j] = after;
  }
  const costLines = terms.newLines.length ? [...next, ...terms.newLines] : next;
  return { cp, costChanges, costLines, costs, categories };
}
