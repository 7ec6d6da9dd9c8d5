import { importBudgetTable } from '@samplan/budget-table';
import { SEED_PLANS } from '@samplan/seed-plans';
import { readSeedPlan } from '@samplan/seed-plans/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToPlan } from '../src/docToPlan.ts';
import { planRoot } from '../src/planRoot.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { arbPlan } from './planArbitrary.ts';

const seed = (id: (typeof SEED_PLANS)[number]['id']) => {
  const r = importBudgetTable(readSeedPlan(id), `${id}.csv`);
  if (!r.ok) throw new Error(`seed ${id}`);
  return r.value;
};

describe('plan ⇄ document', () => {
  it('reads back every random valid plan exactly as written', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        expect(docToPlan(planToDoc(plan))).toEqual({ ok: true, value: plan });
      }),
      { numRuns: 100, seed: 20241 },
    );
  });

  it('reads back the plan after it travels to another client as a Yjs update', () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const remote = new Y.Doc();
        Y.applyUpdate(remote, Y.encodeStateAsUpdate(planToDoc(plan)));
        expect(docToPlan(remote)).toEqual({ ok: true, value: plan });
      }),
      { numRuns: 50, seed: 7 },
    );
  });

  it.each(SEED_PLANS.map((s) => s.id))('round-trips the seed plan %s', (id) => {
    const plan = seed(id);
    expect(docToPlan(planToDoc(plan))).toEqual({ ok: true, value: plan });
  });

  it('lays the plan out as Yjs types: names as text, amounts as decimal strings in year maps, an order per collection', () => {
    const plan = seed('goteborg-2023');
    const root = planRoot(planToDoc(plan));
    expect(root.get('name')).toBeInstanceOf(Y.Text);
    const costs = root.get('costs') as Y.Map<Y.Map<unknown>>;
    const first = plan.costs[0];
    if (!first) throw new Error('no cost line');
    const line = costs.get(first.id);
    expect(line?.get('name')).toBeInstanceOf(Y.Text);
    const amount = line?.get('amount') as Y.Map<unknown>;
    expect(amount.get('type')).toBe('yearly');
    const amounts = amount.get('amounts') as Y.Map<unknown>;
    expect([...amounts.values()].every((v) => typeof v === 'string')).toBe(true);
    const order = (root.get('order') as Y.Map<Y.Array<string>>).get('costs')?.toArray();
    expect(order).toEqual(plan.costs.map((c) => c.id));
  });

  it('writes the whole plan in one transaction (one update for the other clients)', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    planToDoc(seed('finnveden-2021'), doc);
    expect(updates).toBe(1);
  });
});
