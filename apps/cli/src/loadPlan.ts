import { readFileSync } from 'node:fs';
import { type ImportResult, importBudgetTable } from '@samplan/budget-table';
import { importBudgetWorkbook } from '@samplan/budget-xlsx';
import { type Issue, type Plan, parsePlan, parseScenario, type Scenario } from '@samplan/engine';
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

/** How a budget table is read: the unit when the file does not say, and where its notes go. */
export interface LoadOptions {
  unit?: 'kr' | 'tkr';
  /** Receives each note of the import (a file read as Windows-1252, rounded float noise). */
  note?: (text: string) => void;
}

/** A refused table, with the refusal of a file without a unit saying how to give it on the command line. */
function refuse(errors: readonly Issue[]): never {
  throw new InputError(
    errors.map((e) =>
      e.code === 'missing-unit' ? { ...e, message: `${e.message} (här: --unit tkr eller --unit kr)` } : e,
    ),
  );
}

/**
 * Reads a plan from a budget table (`.csv`, in whichever encoding Excel saved it), an Excel workbook
 * (`.xlsx`, the sheet with the table) or plan JSON, with every error located in the file.
 */
export async function loadPlan(file: string, options: LoadOptions = {}): Promise<Plan> {
  const { unit, note } = options;
  const bytes = readBytes(file);
  const table = (result: ImportResult): Plan => {
    if (!result.ok) refuse(result.errors);
    for (const n of result.notes) note?.(`${file}: ${n}`);
    return result.value;
  };
  if (/\.xlsx$/i.test(file)) return table(await importBudgetWorkbook(bytes, file, unit ? { unit } : {}));
  const text = bytes.toString('utf8');
  if (/\.(csv|tsv|txt)$/i.test(file) || !text.trimStart().startsWith('{')) {
    return table(importBudgetTable(new Uint8Array(bytes), file, unit ? { unit } : {}));
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
