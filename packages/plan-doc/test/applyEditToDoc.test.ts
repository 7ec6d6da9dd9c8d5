import { type Plan, parsePlan } from '@samplan/engine';
import { type PlanEdit, tryApplyPlanEdit } from '@samplan/plan-store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEditToDoc } from '../src/applyEditToDoc.ts';
import { docToPlan } from '../src/docToPlan.ts';
import { planRoot } from '../src/planRoot.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { arbEdit, arbPlan } from './planArbitrary.ts';

const ALL_EDITS: PlanEdit['type'][] = [
  'set-name',
  'set-opening-equity',
  'set-amount',
  'set-line',
  'add-line',
  'remove-line',
  'put-esf-project',
  'remove-esf-project',
  'set-assumption',
  'set-threshold',
  'put-scenario',
  'remove-scenario',
  'add-year',
  'drop-first-year',
  'shift-years',
  'replace-plan',
];

const planAndEdits = arbPlan.chain((plan) =>
  fc.array(arbEdit(plan), { minLength: 1, maxLength: 6 }).map((edits) => ({ plan, edits })),
);

/** The edits of one transaction as Yjs reports them: which keys of which maps changed. */
function changedKeys(doc: Y.Doc, run: () => void): string[] {
  const keys: string[] = [];
  const root = planRoot(doc);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const e of events) {
      const path = e.path.join('.');
      if (e instanceof Y.YMapEvent) for (const k of e.keysChanged) keys.push(path ? `${path}.${k}` : k);
      else
        keys.push(
          `${path}[${e.changes.delta
            .map((d) => Object.keys(d)[0])
            .filter((op) => op !== 'retain')
            .join(',')}]`,
        );
    }
  };
  root.observeDeep(observer);
  run();
  root.unobserveDeep(observer);
  return keys.sort();
}

describe('applyEditToDoc', () => {
  it('gives the same plan as applyPlanEdit on the JSON plan, for every kind of edit', () => {
    const applied = new Map<string, number>();
    fc.assert(
      fc.property(planAndEdits, ({ plan, edits }) => {
        const doc = planToDoc(plan);
        let json: Plan = plan;
        for (const edit of edits) {
          const edited = tryApplyPlanEdit(json, edit);
          const next = edited.ok ? parsePlan(edited.value) : edited;
          if (!next.ok) continue; // The store refuses it: nothing reaches the document.
          applied.set(edit.type, (applied.get(edit.type) ?? 0) + 1);
          json = next.value;
          applyEditToDoc(doc, edit, 'me');
          expect(docToPlan(doc)).toEqual({ ok: true, value: json });
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
    // The property is only as good as the edits that got through: each kind must have been tried.
    for (const type of ALL_EDITS) expect(applied.get(type) ?? 0, type).toBeGreaterThan(3);
  });

  it('sets one key of one year map for an amount, and nothing else', () => {
    const plan = fc.sample(arbPlan, { numRuns: 1, seed: 3 })[0] as Plan;
    const line = plan.revenues[0] ?? plan.members[0];
    const collection = plan.revenues[0] ? 'revenues' : 'members';
    if (!line) throw new Error('no line');
    const doc = planToDoc(plan);
    const year = plan.years[1] as number;
    const keys = changedKeys(doc, () =>
      applyEditToDoc(doc, { type: 'set-amount', collection, id: line.id, year, value: '123.5' }),
    );
    expect(keys).toEqual([`${collection}.${line.id}.amounts.${year}`]);
  });

  it('patches only the given fields of a line, and a new name is a text edit', () => {
    const plan = fc.sample(arbPlan, { numRuns: 1, seed: 5 })[0] as Plan;
    const line = plan.costs[0];
    if (!line) throw new Error('no cost line');
    const doc = planToDoc(plan);
    const keys = changedKeys(doc, () =>
      applyEditToDoc(doc, {
        type: 'set-line',
        collection: 'costs',
        id: line.id,
        patch: { name: `${line.name}!`, category: 'structural' },
      }),
    );
    expect(keys).toEqual(
      [
        `costs.${line.id}.name[insert]`,
        ...(line.category === 'structural' ? [] : [`costs.${line.id}.category`]),
      ].sort(),
    );
  });

  it('adds a line with one record and one order entry, and removes it the same way', () => {
    const plan = fc.sample(arbPlan, { numRuns: 1, seed: 9 })[0] as Plan;
    const doc = planToDoc(plan);
    const line = {
      id: 'ny',
      name: 'Ny insats',
      category: 'individual',
      amount: { type: 'yearly', amounts: {} },
    } as const;
    expect(changedKeys(doc, () => applyEditToDoc(doc, { type: 'add-line', collection: 'costs', line }))).toEqual([
      'costs.ny',
      'order.costs[insert]',
    ]);
    expect(changedKeys(doc, () => applyEditToDoc(doc, { type: 'remove-line', collection: 'costs', id: 'ny' }))).toEqual(
      ['costs.ny', 'order.costs[delete]'],
    );
  });

  it('makes no operation for an edit that changes nothing', () => {
    const plan = fc.sample(arbPlan, { numRuns: 1, seed: 11 })[0] as Plan;
    const doc = planToDoc(plan);
    const before = Y.encodeStateVector(doc);
    applyEditToDoc(doc, { type: 'set-assumption', key: 'utilization', value: plan.assumptions.utilization });
    applyEditToDoc(doc, { type: 'set-name', name: plan.name });
    applyEditToDoc(doc, { type: 'set-amount', collection: 'costs', id: 'saknas', year: 2020, value: '1' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
