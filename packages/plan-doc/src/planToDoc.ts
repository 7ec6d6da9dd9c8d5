import type { Plan } from '@samplan/engine';
import * as Y from 'yjs';
import { DOC_COLLECTIONS, type DocCollection, ORDER_KEY, planRoot } from './planRoot.ts';
import { KEYED_BY_ID, RECORD_FIELDS, writeRecord } from './recordFields.ts';

/** The keys a plan document's root holds: every plan field plus the collections' `order`. */
const ROOT_KEYS: readonly string[] = [
  ...(Object.keys({
    version: 0,
    name: 0,
    years: 0,
    openingEquity: 0,
    assumptions: 0,
    thresholds: 0,
    members: 0,
    esfProjects: 0,
    revenues: 0,
    costs: 0,
    stated: 0,
    scenarios: 0,
    goals: 0,
    indicators: 0,
    activities: 0,
  } satisfies Record<keyof Plan, 0>) as (keyof Plan)[]),
  ORDER_KEY,
];

/** The key a record is stored under: its id, or its position for stated figures (they have no id). */
const recordKey = (collection: DocCollection, record: object, index: number): string =>
  KEYED_BY_ID[collection] ? String((record as { id?: unknown }).id) : String(index);

/** Clears the root map and writes `plan` into it (call inside a transaction). */
export function writePlanInto(root: Y.Map<unknown>, plan: Plan): void {
  for (const key of [...root.keys()]) if (!ROOT_KEYS.includes(key)) root.delete(key);
  root.set('version', plan.version);
  root.set('name', new Y.Text(plan.name));
  root.set('years', Y.Array.from([...plan.years]));
  if (plan.openingEquity === undefined) root.delete('openingEquity');
  else root.set('openingEquity', plan.openingEquity);
  root.set('assumptions', new Y.Map<unknown>(Object.entries(plan.assumptions)));
  const { adminShare, ...thresholds } = plan.thresholds;
  root.set(
    'thresholds',
    new Y.Map<unknown>([...Object.entries(thresholds), ['adminShare', new Y.Map<unknown>(Object.entries(adminShare))]]),
  );
  const order = new Y.Map<unknown>();
  for (const collection of DOC_COLLECTIONS) {
    const records: readonly object[] = plan[collection];
    const keys = records.map((r, i) => recordKey(collection, r, i));
    root.set(
      collection,
      new Y.Map<unknown>(records.map((r, i) => [keys[i] as string, writeRecord(RECORD_FIELDS[collection], r)])),
    );
    order.set(collection, Y.Array.from(keys));
  }
  root.set(ORDER_KEY, order);
}

/**
 * Writes a plan into a document (a new one by default) in one transaction, with `origin`; returns
 * the document. Meant for an empty document: seed a shared plan once, never from two clients at once.
 */
export function planToDoc(plan: Plan, doc: Y.Doc = new Y.Doc(), origin: unknown = null): Y.Doc {
  doc.transact(() => writePlanInto(planRoot(doc), plan), origin);
  return doc;
}
