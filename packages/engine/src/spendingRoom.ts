import { type CompiledCost, type CompiledPlan, compilePlan } from './compilePlan.ts';
import { formatKronor, type Ore } from './money.ts';
import type { Plan } from './planSchema.ts';
import type { Projection } from './projection.ts';
import { projectChanges, scenarioAmounts, summarize, withinRange } from './projectPlan.ts';
import { ONE } from './rate.ts';
import { changesOf } from './resolveScenario.ts';
import { fail, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';

/** "How much can we spend?" (utrymme för nya insatser). */
export interface SpendingRoom {
  /** Largest extra spend per year, from `fromYear` on; null when equity is below the floor even without it. */
  yearly: Ore | null;
  fromYear: number;
  /** Equity every year must stay at or above (0: a förbund may not borrow). */
  minEquity: Ore;
  /** The year whose equity sets the limit. */
  bindingYear: number | null;
  /** Closing equity per year with that spend. */
  closingEquity: Ore[];
}

/** The id of the new insats the spending-room answer adds. */
export const ROOM_LINE_ID = '__spending-room__';

/** A change that adds `yearly` of new, fully spent, individual-focused insatser from `fromYear`. */
export function extraSpend(years: readonly number[], fromYear: number, yearly: Ore): Change {
  const amounts: Record<string, string> = {};
  for (const y of years) if (y >= fromYear) amounts[String(y)] = formatKronor(yearly);
  return {
    type: 'insats-new',
    line: {
      id: ROOM_LINE_ID,
      name: 'Utrymme för nya insatser',
      category: 'individual',
      utilization: '1',
      amount: { type: 'yearly', amounts },
    },
  };
}

/** Projects `changes` plus `yearly` of extra spend from `fromYear`, exactly, without a string round trip. */
function projectWithSpend(cp: CompiledPlan, changes: readonly Change[], fromYear: number, yearly: Ore): Projection {
  const amounts = scenarioAmounts(cp, changes);
  const spend = cp.years.map((y) => (y >= fromYear ? yearly : (0 as Ore)));
  const line: CompiledCost = {
    id: ROOM_LINE_ID,
    name: 'Utrymme för nya insatser',
    category: 'individual',
    categoryIndex: 0,
    project: undefined,
    member: undefined,
    utilization: ONE,
    amounts: spend,
    mask: new Uint8Array(cp.years.length * 12),
    staff: undefined,
  };
  return summarize(cp, { ...amounts, costLines: [...amounts.costLines, line], costs: [...amounts.costs, spend] });
}

/**
 * The largest extra yearly spend on new insatser that keeps closing equity at or above `minEquity`
 * in every year. Closing equity falls by the spend times the number of years it has run, so the
 * answer is the smallest (equity − floor) / years over the horizon, in whole öre; it is then
 * verified by projecting with it (and one öre more), so it is exact under every scenario.
 */
export function spendingRoom(
  plan: Plan,
  scenario?: Scenario,
  options: { fromYear?: number; minEquity?: Ore } = {},
): Result<SpendingRoom> {
  const cp = compilePlan(plan);
  const resolved = changesOf(plan, scenario);
  if (!resolved.ok) return resolved;
  const years = cp.years;
  const first = years[0] as number;
  const last = years.at(-1) as number;
  const fromYear = Math.max(options.fromYear ?? first, first);
  if (fromYear > last) {
    return fail({
      code: 'year-outside-plan',
      message: `${fromYear} är efter planens sista år (${last})`,
      field: 'fromYear',
    });
  }
  const minEquity = options.minEquity ?? (0 as Ore);
  return withinRange(() => {
    const base = projectChanges(cp, resolved.value);
    let best: bigint | null = null;
    let bindingYear: number | null = null;
    for (const row of base.rows) {
      const headroom = BigInt(row.closingEquity) - BigInt(minEquity);
      if (headroom < 0n) {
        return {
          yearly: null,
          fromYear,
          minEquity,
          bindingYear: row.year,
          closingEquity: base.rows.map((r) => r.closingEquity),
        };
      }
      const yearsOfSpend = BigInt(row.year - fromYear + 1);
      if (yearsOfSpend <= 0n) continue;
      const limit = headroom / yearsOfSpend;
      if (best === null || limit < best) {
        best = limit;
        bindingYear = row.year;
      }
    }
    const yearly = Number(best ?? 0n) as Ore;
    const withSpend = projectWithSpend(cp, resolved.value, fromYear, yearly);
    const oneMore = projectWithSpend(cp, resolved.value, fromYear, (yearly + 1) as Ore);
    if (
      !withSpend.rows.every((r) => r.closingEquity >= minEquity) ||
      !oneMore.rows.some((r) => r.closingEquity < minEquity)
    ) {
      throw new Error('spendingRoom: the linear answer did not verify');
    }
    return { yearly, fromYear, minEquity, bindingYear, closingEquity: withSpend.rows.map((r) => r.closingEquity) };
  });
}
