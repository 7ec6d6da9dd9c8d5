import { importBudgetTable } from '@samplan/budget-table';
import type { Plan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import * as Y from 'yjs';
import { docToPlan } from '../src/docToPlan.ts';

/** The Göteborg seed plan (2023–2025), read from its budget table. */
export function seedPlan(): Plan {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('the seed plan does not import');
  return r.value;
}

/** The plan in a document; throws with the first issues if it cannot be read. */
export function readPlan(doc: Y.Doc): Plan {
  const r = docToPlan(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value;
}

/** Exchanges what each side is missing, as a provider would. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}
