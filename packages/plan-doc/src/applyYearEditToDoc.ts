import { type Change, MAX_YEARS } from '@samplan/engine';
import { dropYearFromChange, type PlanEdit, runsInYear, shiftChange } from '@samplan/plan-store';
import * as Y from 'yjs';
import { cloneJson, jsonEqual } from './plainJson.ts';
import { collectionOf, type DocCollection, ensureArray } from './planRoot.ts';

/** The three edits of the plan's horizon. */
export type YearEdit = Extract<PlanEdit, { type: 'add-year' | 'drop-first-year' | 'shift-years' }>;

/** The record maps of a collection, as [key, map]. */
const recordMaps = (root: Y.Map<unknown>, collection: DocCollection): [string, Y.Map<unknown>][] =>
  [...collectionOf(root, collection).records.entries()].filter(
    (entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map,
  );

/** The `Y.Map` under `key` of `map`, if that is what is there. */
const mapAt = (map: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined => {
  const v = map.get(key);
  return v instanceof Y.Map ? (v as Y.Map<unknown>) : undefined;
};

/** Every year map of amounts in the plan: members', revenue lines' and yearly cost lines' (with the cost's amount map). */
function amountMaps(root: Y.Map<unknown>): { amounts: Y.Map<unknown>; cost?: Y.Map<unknown> }[] {
  const out: { amounts: Y.Map<unknown>; cost?: Y.Map<unknown> }[] = [];
  for (const collection of ['members', 'revenues'] as const)
    for (const [, line] of recordMaps(root, collection)) {
      const amounts = mapAt(line, 'amounts');
      if (amounts) out.push({ amounts });
    }
  for (const [, line] of recordMaps(root, 'costs')) {
    const cost = mapAt(line, 'amount');
    const amounts = cost?.get('type') === 'yearly' ? mapAt(cost, 'amounts') : undefined;
    if (cost && amounts) out.push({ amounts, cost });
  }
  return out;
}

/** The staff cost lines' amount maps. */
const staffAmounts = (root: Y.Map<unknown>): Y.Map<unknown>[] =>
  recordMaps(root, 'costs').flatMap(([, line]) => {
    const cost = mapAt(line, 'amount');
    return cost?.get('type') === 'staff' ? [cost] : [];
  });

/** Moves every year key of a map by `by`, touching only the keys whose value changes. */
function shiftKeys(map: Y.Map<unknown>, by: number): void {
  const entries = [...map.entries()];
  const next = new Map(entries.map(([k, v]) => [/^\d{4}$/.test(k) ? String(Number(k) + by) : k, v]));
  for (const [k] of entries) if (!next.has(k)) map.delete(k);
  for (const [k, v] of next) if (!map.has(k) || !jsonEqual(map.get(k), v)) map.set(k, v);
}

/** Replaces each scenario change that `f` changes, in place in its change list. */
function mapChanges(root: Y.Map<unknown>, f: (change: Change) => Change): void {
  for (const [, scenario] of recordMaps(root, 'scenarios')) {
    const changes = scenario.get('changes');
    if (!(changes instanceof Y.Array)) continue;
    changes.toArray().forEach((change: unknown, i) => {
      if (typeof change !== 'object' || change === null) return;
      const next = f(change as Change);
      if (next === change) return;
      changes.delete(i, 1);
      changes.insert(i, [cloneJson(next)]);
    });
  }
}

/**
 * Applies a year edit to the plan root (inside the caller's transaction), reading the years and
 * amounts from the document itself, with the same rules as `addYear`, `dropFirstYear` and
 * `shiftYears` on a plain plan. The store checks the edit first (`yearEditIssue`): here a refused
 * one (an eleventh year, the only year) changes nothing.
 */
export function applyYearEditToDoc(root: Y.Map<unknown>, edit: YearEdit): void {
  const years = ensureArray(root, 'years');
  const list = years.toArray().filter((y): y is number => typeof y === 'number');
  const first = list[0];
  const last = list.at(-1);
  if (first === undefined || last === undefined) return;
  switch (edit.type) {
    case 'add-year': {
      if (list.length >= MAX_YEARS) return;
      const next = last + 1;
      years.push([next]);
      for (const { amounts, cost } of amountMaps(root)) {
        if (cost && !runsInYear(cost.get('end'), next)) continue;
        const value = amounts.get(String(last));
        if (value !== undefined) amounts.set(String(next), value);
      }
      return;
    }
    case 'drop-first-year': {
      if (list.length <= 1) return;
      years.delete(0, 1);
      for (const { amounts } of amountMaps(root)) if (amounts.has(String(first))) amounts.delete(String(first));
      for (const cost of staffAmounts(root)) if (cost.get('salaryYear') === undefined) cost.set('salaryYear', first);
      const { records, order } = collectionOf(root, 'stated');
      const dropped = new Set(
        recordMaps(root, 'stated')
          .filter(([, s]) => s.get('year') === first)
          .map(([key]) => key),
      );
      for (const key of dropped) records.delete(key);
      const ids = order.toArray();
      for (let i = ids.length - 1; i >= 0; i--) if (dropped.has(ids[i] as string)) order.delete(i, 1);
      mapChanges(root, (c) => dropYearFromChange(c, first));
      if (edit.openingEquity === null) root.delete('openingEquity');
      else if (root.get('openingEquity') !== edit.openingEquity) root.set('openingEquity', edit.openingEquity);
      return;
    }
    case 'shift-years': {
      const by = edit.by;
      if (by === 0 || !Number.isSafeInteger(by)) return;
      years.delete(0, years.length);
      years.insert(
        0,
        list.map((y) => y + by),
      );
      for (const { amounts } of amountMaps(root)) shiftKeys(amounts, by);
      for (const cost of staffAmounts(root)) {
        const year = cost.get('salaryYear');
        if (typeof year === 'number') cost.set('salaryYear', year + by);
      }
      for (const [, stated] of recordMaps(root, 'stated')) {
        const year = stated.get('year');
        if (typeof year === 'number') stated.set('year', year + by);
      }
      for (const [, indicator] of recordMaps(root, 'indicators')) {
        const outcomes = mapAt(indicator, 'outcomes');
        if (outcomes) shiftKeys(outcomes, by);
      }
      mapChanges(root, (c) => shiftChange(c, by));
      return;
    }
  }
}
