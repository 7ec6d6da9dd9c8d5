/// <reference path="./rawImports.d.ts" />
/**
 * The seed plans (the real verksamhetsplaner of @samplan/seed-plans) for the engine's tests, read
 * with the budget-table importer. Test-only: the engine itself never imports these packages.
 */
import { importBudgetTable } from '@samplan/budget-table';
import goteborgCsv from '@samplan/seed-plans/csv/goteborg-2023.csv?raw';
import sundbybergCsv from '@samplan/seed-plans/csv/sundbyberg-2020.csv?raw';
import { parseScenario } from '../src/parsePlan.ts';
import type { Plan } from '../src/planSchema.ts';
import type { Scenario, ScenarioInput } from '../src/scenarioSchema.ts';

const load = (csv: string, file: string): Plan => {
  const result = importBudgetTable(csv, file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** Samordningsförbundet Göteborg 2023–2025 (two approved ESF projects, no staff lines). */
export const goteborg = (): Plan => load(goteborgCsv, 'goteborg-2023.csv');
/** Samordningsförbundet Sundbybergs stad 2020–2022 (ESF MIA Vidare applied; equity −232 tkr in 2022 without it). */
export const sundbyberg = (): Plan => load(sundbybergCsv, 'sundbyberg-2020.csv');

/** A scenario checked against the plan. */
export function scenarioOf(plan: Plan, input: ScenarioInput): Scenario {
  const result = parseScenario(input, plan);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}
