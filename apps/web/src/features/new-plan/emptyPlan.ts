import { MAX_YEARS, MIN_YEARS, type Plan, type PlanInput, parsePlan, type Result } from '@samplan/engine';

/** How many years a new plan has unless the person chooses otherwise: the budget year and two plan years. */
export const DEFAULT_YEAR_COUNT = 3;

/** The year counts a new plan may have (1–10). */
export const YEAR_COUNTS: readonly number[] = Array.from(
  { length: MAX_YEARS - MIN_YEARS + 1 },
  (_, i) => MIN_YEARS + i,
);

/** The first year a new plan proposes: next year (the budget is decided in the autumn before). */
export const defaultFirstYear = (today: Date): number => today.getFullYear() + 1;

/** What a person chooses for a new, empty plan. */
export interface EmptyPlanChoice {
  name: string;
  firstYear: number;
  yearCount: number;
  /** The region's name (default "Regionen"). */
  region?: string;
  /** The kommuner, one member line each (default one "Kommunen"). */
  kommuner?: readonly string[];
}

/**
 * A new plan with every amount 0: the chosen consecutive years, the state, the region and the kommuner
 * as member lines, and no opening equity stated (the engine says equity is counted from 0 until it
 * is entered). Validated by the engine: a year count outside 1–10 comes back as its issue.
 */
export function emptyPlan(choice: EmptyPlanChoice): Result<Plan> {
  const years = Array.from({ length: choice.yearCount }, (_, i) => choice.firstYear + i);
  const kommuner = (choice.kommuner ?? ['Kommunen']).map((k) => k.trim()).filter(Boolean);
  const zero = Object.fromEntries(years.map((y) => [String(y), '0']));
  const input: PlanInput = {
    name: choice.name.trim(),
    years,
    members: [
      { id: 'staten', name: 'Staten gm Försäkringskassan', group: 'state', amounts: zero },
      { id: 'region', name: choice.region?.trim() || 'Regionen', group: 'region', amounts: zero },
      ...kommuner.map((name, i) => ({ id: `kommun-${i + 1}`, name, group: 'kommun' as const, amounts: zero })),
    ],
  };
  return parsePlan(input) as Result<Plan>;
}
