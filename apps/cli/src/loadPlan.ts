import { readFileSync } from 'node:fs';
import { importBudgetTable } from '@samplan/budget-table';
import { importBudgetWorkbook } from '@samplan/budget-xlsx';
import { type Plan, parsePlan, parseScenario, type Scenario } from '@samplan/engine';
import { InputError } from './cliError.ts';
import { locateIssues, readJson } from './readJson.ts';

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen finns inte' : 'filen kan inte läsas';
    throw new InputError([{ code: 'unreadable', message: reason, file, line: 1, column: 1 }]);
  }
}

const readText = (file: string): string => readBytes(file).toString('utf8');

/**
 * Reads a plan from a budget table (`.csv`), an Excel workbook (`.xlsx`, its `Budget` sheet) or
 * plan JSON, with every error located in the file.
 */
export async function loadPlan(file: string): Promise<Plan> {
  if (/\.xlsx$/i.test(file)) {
    const result = await importBudgetWorkbook(readBytes(file), file);
    if (!result.ok) throw new InputError(result.errors);
    return result.value;
  }
  const text = readText(file);
  if (/\.csv$/i.test(file) || !text.trimStart().startsWith('{')) {
    const result = importBudgetTable(text, file);
    if (!result.ok) throw new InputError(result.errors);
    return result.value;
  }
  const json = readJson(text, file);
  if (!json.ok) throw new InputError(json.errors);
  const plan = parsePlan(json.value);
  if (!plan.ok) throw new InputError(locateIssues(plan.errors, text, file));
  return plan.value;
}

/** Reads a scenario JSON file and checks it against the plan. */
export function loadScenario(file: string, plan: Plan): Scenario {
  const text = readText(file);
  const json = readJson(text, file);
  if (!json.ok) throw new InputError(json.errors);
  const scenario = parseScenario(json.value, plan);
  if (!scenario.ok) throw new InputError(locateIssues(scenario.errors, text, file));
  return scenario.value;
}
