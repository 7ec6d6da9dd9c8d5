import { applyScenario, type ScenarioAmounts, scenarioRevenues, scenarioTerms } from './applyScenario.ts';
import { checkRules } from './checkRules.ts';
import {
  type CompiledCost,
  type CompiledMember,
  type CompiledPlan,
  type CompiledRevenue,
  compilePlan,
} from './compilePlan.ts';
import { costSums } from './costSums.ts';
import type { Ore } from './money.ts';
import type { CostCategory, MemberGroup, Plan } from './planSchema.ts';
import type { ProjectedLine, Projection, YearProjection } from './projection.ts';

export type { ProjectedLine, Projection, YearProjection } from './projection.ts';

import { ratio } from './rate.ts';
import { changesOf } from './resolveScenario.ts';
import { fail, ok, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';

/** Sums scenario amounts into yearly rows and rolls equity forward (pure, exact). */
export function summarize(cp: CompiledPlan, amounts: ScenarioAmounts): Projection {
  const n = cp.years.length;
  const categories = new Array<number>(n * 4).fill(0);
  for (let j = 0; j < amounts.costLines.length; j++) {
    const c = (amounts.costLines[j] as CompiledCost).categoryIndex;
    const a = amounts.costs[j] as readonly number[];
    for (let i = 0; i < n; i++) categories[i * 4 + c] = (categories[i * 4 + c] as number) + (a[i] as number);
  }
  return fromSums(cp, amounts, categories);
}

/**
 * The projection from the scenario amounts and the cost sums per year and category
 * (`categories[year × 4 + category]`); members and revenue lines are summed here.
 */
function fromSums(cp: CompiledPlan, amounts: ScenarioAmounts, categories: readonly number[]): Projection {
  const { years } = cp;
  const rows: YearProjection[] = [];
  let opening = cp.openingEquity;
  const n = years.length;
  // Sums per year, by member group (3), in flat arrays: plain integer loops.
  const groups = new Array<number>(n * 3).fill(0);
  const esfSums = new Array<number>(n).fill(0);
  const incomeSums = new Array<number>(n).fill(0);
  for (let j = 0; j < cp.members.length; j++) {
    const g = (cp.members[j] as CompiledMember).groupIndex;
    const a = amounts.members[j] as readonly number[];
    for (let i = 0; i < n; i++) groups[i * 3 + g] = (groups[i * 3 + g] as number) + (a[i] as number);
  }
  for (let j = 0; j < cp.revenues.length; j++) {
    const sums = (cp.revenues[j] as CompiledRevenue).kind === 'esf' ? esfSums : incomeSums;
    const a = amounts.revenues[j] as readonly number[];
    for (let i = 0; i < n; i++) sums[i] = (sums[i] as number) + (a[i] as number);
  }
  for (let i = 0; i < n; i++) {
    const membersByGroup = { state: groups[i * 3], region: groups[i * 3 + 1], kommun: groups[i * 3 + 2] } as Record<
      MemberGroup,
      Ore
    >;
    const esf = esfSums[i] as number;
    const income = incomeSums[i] as number;
    const byCat = {
      individual: categories[i * 4],
      structural: categories[i * 4 + 1],
      administration: categories[i * 4 + 2],
      unallocated: categories[i * 4 + 3],
    } as Record<CostCategory, Ore>;
    const members = (membersByGroup.state + membersByGroup.region + membersByGroup.kommun) as Ore;
    const revenue = (members + esf + income) as Ore;
    const costs = (byCat.individual + byCat.structural + byCat.administration + byCat.unallocated) as Ore;
    const result = (revenue - costs) as Ore;
    const closing = (opening + result) as Ore;
    rows.push({
      year: years[i] as number,
      revenue,
      revenueBySource: { members, esf: esf as Ore, income: income as Ore },
      membersByGroup,
      costs,
      costsByCategory: byCat,
      result,
      openingEquity: opening,
      closingEquity: closing,
      equityRatio: ratio(closing, revenue),
      adminShare: ratio(byCat.administration, costs),
    });
    opening = closing;
  }
  if (
    !rows.every(
      (r) => Number.isSafeInteger(r.closingEquity) && Number.isSafeInteger(r.costs) && Number.isSafeInteger(r.revenue),
    )
  ) {
    throw new RangeError('Plan totals exceed the exact range');
  }
  const findings = checkRules(rows, cp.thresholds, { openingEquityStated: cp.openingEquityStated });
  let lines: ProjectedLine[] | undefined;
  // The per-line list is built on first read: goal seeks and summaries never need it.
  return {
    years,
    rows,
    findings,
    get lines() {
      lines ??= projectedLines(cp, amounts);
      return lines;
    },
  };
}

/**
 * The projected lines made before, per line (its compiled member, revenue or cost line): a line
 * whose amounts array is the same as last time is the same object, so a reader that compares
 * lines by identity (a JSON conversion, a memoized view) skips the lines an edit did not touch.
 */
const projectedLineCache = new WeakMap<object, ProjectedLine[]>();
/** A few per line: the base plan and the open scenarios each have their own amounts. */
const LINE_VERSIONS = 8;

function projectedLine(
  source: object,
  amounts: readonly Ore[],
  make: () => Omit<ProjectedLine, 'amounts'>,
): ProjectedLine {
  const versions = projectedLineCache.get(source);
  const hit = versions?.find((l) => l.amounts === amounts);
  if (hit) return hit;
  const line: ProjectedLine = { ...make(), amounts };
  if (versions) {
    versions.unshift(line);
    if (versions.length > LINE_VERSIONS) versions.pop();
  } else projectedLineCache.set(source, [line]);
  return line;
}

/** Every line's amounts in a projection, members first, then revenue and cost lines. */
function projectedLines(cp: CompiledPlan, amounts: ScenarioAmounts): ProjectedLine[] {
  // Plain loops: spreads of mapped arrays cost more than the sums.
  const lines: ProjectedLine[] = new Array(cp.members.length + cp.revenues.length + amounts.costLines.length);
  let k = 0;
  for (let j = 0; j < cp.members.length; j++) {
    const m = cp.members[j] as CompiledMember;
    lines[k++] = projectedLine(m, amounts.members[j] ?? [], () => ({
      id: m.id,
      name: m.name,
      kind: 'member',
      group: m.group,
      project: undefined,
    }));
  }
  for (let j = 0; j < cp.revenues.length; j++) {
    const r = cp.revenues[j] as CompiledRevenue;
    lines[k++] = projectedLine(r, amounts.revenues[j] ?? [], () => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      group: undefined,
      project: r.project,
    }));
  }
  for (let j = 0; j < amounts.costLines.length; j++) {
    const c = amounts.costLines[j] as CompiledCost;
    lines[k++] = projectedLine(c, amounts.costs[j] ?? [], () => ({
      id: c.id,
      name: c.name,
      kind: 'cost',
      group: c.category,
      project: c.project,
    }));
  }
  return lines;
}

/**
 * Every amount of a scenario, with the cost side incremental (`costSums`): the same as
 * `applyScenario`, but after an edit only the edited cost lines are re-costed.
 */
export function scenarioAmounts(cp: CompiledPlan, changes: readonly Change[]): ScenarioAmounts {
  return withCostSums(cp, changes).amounts;
}

function withCostSums(cp: CompiledPlan, changes: readonly Change[]) {
  const terms = scenarioTerms(cp, changes);
  const sums = costSums(cp, changes, terms);
  const amounts: ScenarioAmounts = {
    members: terms.members,
    revenues: scenarioRevenues(cp, terms),
    costLines: sums.costLines,
    costs: sums.costs,
    utilization: terms.utilization,
  };
  return { amounts, categories: sums.categories };
}

/**
 * Projects a compiled plan under a list of changes (already resolved). Incremental: after an edit
 * of a few cost lines (a new plan object sharing the other lines), only those lines are re-costed
 * and their sums updated; the result equals `projectChangesFully` to the öre.
 */
export function projectChanges(cp: CompiledPlan, changes: readonly Change[]): Projection {
  const { amounts, categories } = withCostSums(cp, changes);
  return fromSums(cp, amounts, categories);
}

/** Projects a compiled plan under a list of changes from scratch: every line costed and summed. */
export function projectChangesFully(cp: CompiledPlan, changes: readonly Change[]): Projection {
  return summarize(cp, applyScenario(cp, changes));
}

/**
 * Projects a validated plan under a scenario (or the base plan when none is given): revenue,
 * costs, result and equity per year, with the rule findings. A scenario may build on another
 * (`basedOn`), looked up among the plan's scenarios. Errors (an unknown line, project or parent)
 * come back as data.
 */
export function projectPlan(plan: Plan, scenario?: Scenario): Result<Projection> {
  const cp = compilePlan(plan);
  const changes = changesOf(plan, scenario);
  if (!changes.ok) return changes;
  return withinRange(() => projectChanges(cp, changes.value));
}

/**
 * Runs a computation that may leave the exact range (a scenario that inflates a staff line past
 * 1 000 000 000 kr a year, say) and returns that as an issue instead of throwing.
 */
export function withinRange<T>(compute: () => T): Result<T> {
  try {
    return ok(compute());
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return fail({
      code: 'out-of-range',
      message:
        'Beloppen blir för stora för att räknas exakt (mer än 1 000 000 000 kr på en rad eller summor långt över det)',
    });
  }
}
