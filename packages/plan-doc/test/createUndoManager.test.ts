import { importBudgetTable } from '@samplan/budget-table';
import type { Plan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../src/createUndoManager.ts';
import { createYjsPlanStore } from '../src/createYjsPlanStore.ts';
import { docToPlan } from '../src/docToPlan.ts';
import { planToDoc } from '../src/planToDoc.ts';

const seed = (): Plan => {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('seed');
  return r.value;
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function twoPeople() {
  const a = planToDoc(seed());
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const anna = { origin: { user: 'anna' } };
  const bo = { origin: { user: 'bo' } };
  return {
    a,
    b,
    storeA: createYjsPlanStore(a, anna),
    storeB: createYjsPlanStore(b, bo),
    undoA: createUndoManager(a, anna.origin),
  };
}

const cost = (plan: Plan, id: string, year: string) => {
  const amount = plan.costs.find((c) => c.id === id)?.amount;
  return amount?.type === 'yearly' ? amount.amounts[year] : undefined;
};

describe('undo', () => {
  it('reverts only my own edit, never the other person’s', () => {
    const { a, b, storeA, storeB, undoA } = twoPeople();
    const original = cost(storeA.getPlan(), 'vuxna', '2024');
    storeA.apply({ type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2024, value: '1' });
    storeB.apply({ type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2025, value: '2' });
    storeB.apply({ type: 'set-name', name: 'Bos namn' });
    sync(a, b);
    undoA.undo();
    sync(a, b);
    for (const store of [storeA, storeB]) {
      const plan = store.getPlan();
      expect(cost(plan, 'vuxna', '2024')).toBe(original);
      expect(cost(plan, 'vuxna', '2025')).toBe('2');
      expect(plan.name).toBe('Bos namn');
    }
    expect(undoA.canUndo()).toBe(false);
  });

  it('does nothing when only the other person has edited', () => {
    const { a, b, storeB, undoA } = twoPeople();
    storeB.apply({ type: 'set-name', name: 'Bos namn' });
    sync(a, b);
    undoA.undo();
    expect(docToPlan(a)).toEqual(docToPlan(b));
    expect((docToPlan(a) as { value: Plan }).value.name).toBe('Bos namn');
  });

  it('undoes and redoes an added line with its place in the order', () => {
    const { storeA, undoA } = twoPeople();
    const ids = storeA.getPlan().costs.map((c) => c.id);
    storeA.apply({
      type: 'add-line',
      collection: 'costs',
      line: { id: 'ny', name: 'Ny insats', category: 'individual', amount: { type: 'yearly', amounts: {} } },
    });
    undoA.undo();
    expect(storeA.issues()).toEqual([]);
    expect(storeA.getPlan().costs.map((c) => c.id)).toEqual(ids);
    undoA.redo();
    expect(storeA.getPlan().costs.map((c) => c.id)).toEqual([...ids, 'ny']);
  });

  it('undoes a removed line back in its place, after the other person edited another line', () => {
    const { a, b, storeA, storeB, undoA } = twoPeople();
    const before = storeA.getPlan();
    storeA.apply({ type: 'remove-line', collection: 'costs', id: 'vuxna' });
    storeB.apply({
      type: 'set-amount',
      collection: 'revenues',
      id: before.revenues[0]?.id ?? '',
      year: 2024,
      value: '7',
    });
    sync(a, b);
    undoA.undo();
    sync(a, b);
    expect(storeA.issues()).toEqual([]);
    expect(storeB.getPlan().costs).toEqual(before.costs);
    expect(storeB.getPlan()).toEqual(storeA.getPlan());
  });
});
