import { assertNever } from '@samplan/engine';
import type { PlanEdit } from '@samplan/plan-store';
import * as Y from 'yjs';
import { applyYearEditToDoc } from './applyYearEditToDoc.ts';
import { collectionOf, type DocCollection, ensureMap, planRoot } from './planRoot.ts';
import { writePlanInto } from './planToDoc.ts';
import { patchRecord, RECORD_FIELDS, writeRecord } from './recordFields.ts';
import { replaceText } from './replaceText.ts';

/** The record map stored under `id`, if there is one. */
function recordOf(root: Y.Map<unknown>, collection: DocCollection, id: string): Y.Map<unknown> | undefined {
  const record = collectionOf(root, collection).records.get(id);
  return record instanceof Y.Map ? (record as Y.Map<unknown>) : undefined;
}

/** Deletes every place of `id` in the order. */
function unorder(order: Y.Array<unknown>, id: string): void {
  const ids = order.toArray();
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
}

/**
 * Adds a record at the end of its collection. Order entries left for the id by a concurrent
 * remove (see docToPlan) go first, so the new record is shown where it was added.
 */
function addRecord(root: Y.Map<unknown>, collection: DocCollection, record: { id: string }): void {
  const { records, order } = collectionOf(root, collection);
  records.set(record.id, writeRecord(RECORD_FIELDS[collection], record));
  unorder(order, record.id);
  order.push([record.id]);
}

/** Adds a record at the end, or replaces the fields of the one with the same id. */
function putRecord(root: Y.Map<unknown>, collection: DocCollection, record: { id: string }): void {
  const existing = recordOf(root, collection, record.id);
  if (existing) patchRecord(RECORD_FIELDS[collection], existing, record, true);
  else addRecord(root, collection, record);
}

/** Deletes a record and every place of its id in the order. */
function removeRecord(root: Y.Map<unknown>, collection: DocCollection, id: string): void {
  const { records, order } = collectionOf(root, collection);
  if (records.has(id)) records.delete(id);
  unorder(order, id);
}

/** The records of a collection whose field `key` equals `value`, as [id, map]. */
function recordsWhere(root: Y.Map<unknown>, collection: DocCollection, key: string, value: string) {
  return [...collectionOf(root, collection).records.entries()].filter(
    (entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map && entry[1].get(key) === value,
  );
}

/** Moves a record to a new id (a `set-line` whose patch changes `id`), keeping its place in the order. */
function renameRecord(root: Y.Map<unknown>, collection: DocCollection, from: string, to: string): Y.Map<unknown> {
  const { records, order } = collectionOf(root, collection);
  const copy = (records.get(from) as Y.Map<unknown>).clone();
  records.delete(from);
  records.set(to, copy);
  order.toArray().forEach((id, i) => {
    if (id !== from) return;
    order.delete(i, 1);
    order.insert(i, [to]);
  });
  return records.get(to) as Y.Map<unknown>;
}

/** Sets one cell of a year map, creating the map when the line has none yet (as `applyPlanEdit` does). */
function setCell(parent: Y.Map<unknown>, year: number, value: string | null): void {
  const amounts = ensureMap(parent, 'amounts');
  const key = String(year);
  if (value === null) {
    if (amounts.has(key)) amounts.delete(key);
  } else if (amounts.get(key) !== value) amounts.set(key, value);
}

/**
 * Applies one edit to the document as the smallest Yjs operations, in one transaction with `origin`:
 * `set-amount` sets one key of one year map, so people editing different lines, or different years
 * of one line, never conflict; `set-line` patches only the given fields (a name is a text replace);
 * the year edits move year keys cell by cell (`applyYearEditToDoc`); `replace-plan` clears and rewrites. It does not validate: check the edit first (the store does).
 */
export function applyEditToDoc(doc: Y.Doc, edit: PlanEdit, origin: unknown = null): void {
  const root = planRoot(doc);
  doc.transact(() => {
    switch (edit.type) {
      case 'set-name': {
        const name = root.get('name');
        if (name instanceof Y.Text) replaceText(name, edit.name);
        else root.set('name', new Y.Text(edit.name));
        return;
      }
      case 'set-opening-equity':
        if (edit.value === null) {
          if (root.has('openingEquity')) root.delete('openingEquity');
        } else if (root.get('openingEquity') !== edit.value) root.set('openingEquity', edit.value);
        return;
      case 'set-amount': {
        const line = recordOf(root, edit.collection, edit.id);
        if (!line) return;
        if (edit.collection !== 'costs') return setCell(line, edit.year, edit.value);
        const amount = line.get('amount');
        if (amount instanceof Y.Map && amount.get('type') === 'yearly')
          setCell(amount as Y.Map<unknown>, edit.year, edit.value);
        return;
      }
      case 'set-line': {
        let line = recordOf(root, edit.collection, edit.id);
        if (!line) return;
        const { id, ...patch } = edit.patch;
        if (id !== undefined && id !== edit.id) line = renameRecord(root, edit.collection, edit.id, id);
        return patchRecord(RECORD_FIELDS[edit.collection], line, patch);
      }
      case 'add-line':
        return addRecord(root, edit.collection, edit.line);
      case 'remove-line':
        return removeRecord(root, edit.collection, edit.id);
      case 'put-esf-project':
        return putRecord(root, 'esfProjects', edit.project);
      case 'remove-esf-project':
        removeRecord(root, 'esfProjects', edit.id);
        for (const [id] of recordsWhere(root, 'revenues', 'project', edit.id)) removeRecord(root, 'revenues', id);
        for (const [, line] of recordsWhere(root, 'costs', 'project', edit.id)) line.delete('project');
        return;
      case 'set-assumption': {
        const assumptions = ensureMap(root, 'assumptions');
        if (assumptions.get(edit.key) !== edit.value) assumptions.set(edit.key, edit.value);
        return;
      }
      case 'set-threshold': {
        const thresholds = ensureMap(root, 'thresholds');
        const [map, key] =
          edit.key === 'equityCap'
            ? [thresholds, 'equityCap']
            : [ensureMap(thresholds, 'adminShare'), edit.key === 'adminMin' ? 'min' : 'max'];
        if (map.get(key) !== edit.value) map.set(key, edit.value);
        return;
      }
      case 'put-scenario':
        return putRecord(root, 'scenarios', edit.scenario);
      case 'remove-scenario':
        removeRecord(root, 'scenarios', edit.id);
        for (const [, scenario] of recordsWhere(root, 'scenarios', 'basedOn', edit.id)) scenario.delete('basedOn');
        return;
      case 'put-goal':
        return putRecord(root, 'goals', edit.goal);
      case 'remove-goal':
        removeRecord(root, 'goals', edit.id);
        for (const collection of ['indicators', 'activities'] as const)
          for (const [id] of recordsWhere(root, collection, 'goal', edit.id)) removeRecord(root, collection, id);
        for (const line of collectionOf(root, 'costs').records.values()) {
          if (!(line instanceof Y.Map)) continue;
          const goals: unknown = line.get('goals');
          if (Array.isArray(goals) && goals.includes(edit.id))
            line.set(
              'goals',
              goals.filter((g) => g !== edit.id),
            );
        }
        return;
      case 'put-indicator':
        return putRecord(root, 'indicators', edit.indicator);
      case 'remove-indicator':
        return removeRecord(root, 'indicators', edit.id);
      case 'put-activity':
        return putRecord(root, 'activities', edit.activity);
      case 'remove-activity':
        return removeRecord(root, 'activities', edit.id);
      case 'add-year':
      case 'drop-first-year':
      case 'shift-years':
        return applyYearEditToDoc(root, edit);
      case 'replace-plan':
        return writePlanInto(root, edit.plan);
      default:
        return assertNever(edit, 'plan edit');
    }
  }, origin);
}
