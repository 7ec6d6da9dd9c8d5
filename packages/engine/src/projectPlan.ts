import { applyScenario, type ScenarioAmounts } from './applyScenario.ts';
import { checkRules, type Finding } from './checkRules.ts';
import { type CompiledPlan, compilePlan } from './compilePlan.ts';
import type { Ore } from './money.ts';
import type { CostCategory, MemberGroup, Plan } from './planSchema.ts';
import { type Rate, ratio } from './rate.ts';
import { resolveScenario } from './resolveScenario.ts';
import { ok, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';

/** One year of a projection. Amounts in öre; revenue never includes opening equity. */
export interface YearProjection {
  year: number;
  /** Member contributions + ESF + other income (intäkter), without opening equity. */
  revenue: Ore;
  revenueBySource: { members: Ore; esf: Ore; income: Ore };
  membersByGroup: Record<MemberGroup, Ore>;
  costs: Ore;
  costsByCategory: Record<CostCategory, Ore>;
  result: Ore;
  openingEquity: Ore;
  closingEquity: Ore;
  /** Closing equity / revenue; null when there is no revenue. */
  equityRatio: Rate | null;
  /** Administration / total cost; null when there are no costs. */
  adminShare: Rate | null;
}

/** A line's amounts in one projection. */
export interface ProjectedLine {
  id: string;
  name: string;
  kind: 'member' | 'esf' | 'income' | 'cost';
  /** Cost category, or member group for member lines. */
  group: CostCategory | MemberGroup | undefined;
  project: string | undefined;
  amounts: readonly Ore[];
}

/** The projection of a plan under a scenario. */
export interface Projection {
  years: readonly number[];
  rows: YearProjection[];
  lines: ProjectedLine[];
  findings: Finding[];
}

/** Sums scenario amounts into yearly rows and rolls equity forward (pure, exact). */
export function summarize(cp: CompiledPlan, amounts: ScenarioAmounts): Projection {
  const { years } = cp;
  const rows: YearProjection[] = [];
  let opening = cp.openingEquity;
  for (let i = 0; i < years.length; i++) {
    const membersByGroup = { state: 0, region: 0, kommun: 0 } as Record<MemberGroup, Ore>;
    for (let j = 0; j < cp.members.length; j++) {
      const g = (cp.members[j] as { group: MemberGroup }).group;
      membersByGroup[g] = (membersByGroup[g] + (amounts.members[j]?.[i] ?? 0)) as Ore;
    }
    let esf = 0;
    let income = 0;
    for (let j = 0; j < cp.revenues.length; j++) {
      const v = amounts.revenues[j]?.[i] ?? 0;
      if ((cp.revenues[j] as { kind: string }).kind === 'esf') esf += v;
      else income += v;
    }
    const byCat = { individual: 0, structural: 0, administration: 0, unallocated: 0 } as Record<CostCategory, Ore>;
    for (let j = 0; j < amounts.costLines.length; j++) {
      const c = (amounts.costLines[j] as { category: CostCategory }).category;
      byCat[c] = (byCat[c] + (amounts.costs[j]?.[i] ?? 0)) as Ore;
    }
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
  if (!rows.every((r) => Number.isSafeInteger(r.closingEquity) && Number.isSafeInteger(r.costs))) {
    throw new RangeError('Plan totals exceed the exact range');
  }
  const lines: ProjectedLine[] = [
    ...cp.members.map((m, j) => line(m.id, m.name, 'member', m.group, undefined, amounts.members[j])),
    ...cp.revenues.map((r, j) => line(r.id, r.name, r.kind, undefined, r.project, amounts.revenues[j])),
    ...amounts.costLines.map((c, j) => line(c.id, c.name, 'cost', c.category, c.project, amounts.costs[j])),
  ];
  return { years, rows, lines, findings: checkRules(rows, cp.thresholds) };
}

const line = (
  id: string,
  name: string,
  kind: ProjectedLine['kind'],
  group: ProjectedLine['group'],
  project: string | undefined,
  amounts: readonly Ore[] | undefined,
): ProjectedLine => ({ id, name, kind, group, project, amounts: amounts ?? [] });

/** Projects a compiled plan under a list of changes (already resolved). */
export function projectChanges(cp: CompiledPlan, changes: readonly Change[]): Projection {
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
  if (!scenario) return ok(projectChanges(cp, []));
  const changes = resolveScenario(plan, scenario);
  if (!changes.ok) return changes;
  return ok(projectChanges(cp, changes.value));
}
