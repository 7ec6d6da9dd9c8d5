/** The shapes of a projection: what `projectPlan` returns and `checkRules` reads. */
import type { Ore } from './money.ts';
import type { CostCategory, MemberGroup } from './planSchema.ts';
import type { Rate } from './rate.ts';

/**
 * The rules a plan must respect, and `no-opening-equity`: the plan states no opening equity, so
 * every equity figure is counted from 0 kr.
 */
export type RuleId = 'negative-equity' | 'equity-cap' | 'admin-share' | 'no-opening-equity';

/** A rule broken in a year, with the amounts behind it and a Swedish message for the board. */
export interface Finding {
  rule: RuleId;
  /** `error`: the plan is not allowed (a förbund may not borrow); `warning`: it should be looked at. */
  severity: 'error' | 'warning';
  year: number;
  message: string;
  /** The figure the rule looks at: closing equity, administration cost, or the opening equity used (0). */
  amount: Ore;
  /** The limit in kronor where there is one (the equity cap in kronor). */
  limit?: Ore;
  /** For admin-share: the share and the band edge it crossed. */
  share?: Rate;
  limitShare?: Rate;
}

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
