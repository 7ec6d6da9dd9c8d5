import { type Plan, parsePlan } from '@samplan/engine';
import { applyPlanEdit, type PlanEdit } from '@samplan/plan-store';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEditToDoc } from '../src/applyEditToDoc.ts';
import { ORDER_KEY, planRoot } from '../src/planRoot.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { readPlan, seedPlan, syncDocs } from './docHelpers.ts';

const GOAL_KEYS = ['goals', 'indicators', 'activities'] as const;

/** A plan with two goals, their indicators and activities, and a cost line serving both goals. */
function goalEdits(plan: Plan): PlanEdit[] {
  const line = plan.costs[0];
  if (!line) throw new Error('the seed plan has no cost line');
  return [
    {
      type: 'put-goal',
      goal: { id: 'g-arbete', title: 'Fler i arbete', area: 'Insatser för individer', responsible: 'Förbundschef' },
    },
    { type: 'put-goal', goal: { id: 'g-samverkan', title: 'Bättre samverkan', area: 'Strukturellt', responsible: '' } },
    {
      type: 'put-indicator',
      indicator: {
        id: 'i-arbete',
        goal: 'g-arbete',
        name: 'Andel till arbete',
        outcomes: { '2021': '28 %', '2022': '30 %' },
        target: '35 %',
      },
    },
    {
      type: 'put-indicator',
      indicator: { id: 'i-studier', goal: 'g-arbete', name: 'Andel till studier', outcomes: {}, target: '10 %' },
    },
    {
      type: 'put-indicator',
      indicator: { id: 'i-nöjd', goal: 'g-samverkan', name: 'Nöjda parter', outcomes: { '2022': 'Hög' }, target: '' },
    },
    {
      type: 'put-activity',
      activity: {
        id: 'a-coacher',
        goal: 'g-arbete',
        description: 'Anställ två jobbcoacher',
        responsible: 'Verksamhetsledare',
        end: '2023-12-31',
      },
    },
    {
      type: 'put-activity',
      activity: { id: 'a-forum', goal: 'g-samverkan', description: 'Samverkansforum varje kvartal', responsible: '' },
    },
    {
      type: 'set-line',
      collection: 'costs',
      id: line.id,
      patch: { goals: ['g-arbete', 'g-samverkan'], targets: { participants: 200, workOrStudies: '0.25' } },
    },
  ];
}

describe('goals, indicators and activities in the document', () => {
  it('gives, edit by edit, the plan that applyPlanEdit gives', () => {
    let expected = seedPlan();
    const doc = planToDoc(expected);
    const line = expected.costs[0]?.id ?? '';
    const edits: PlanEdit[] = [
      ...goalEdits(expected),
      // Put again: replaces the record's fields, keeps its place.
      { type: 'put-goal', goal: { id: 'g-arbete', title: 'Fler i arbete eller studier', area: '', responsible: 'VL' } },
      {
        type: 'put-indicator',
        indicator: {
          id: 'i-arbete',
          goal: 'g-arbete',
          name: 'Andel till arbete',
          outcomes: { '2023': '31 %' },
          target: '',
        },
      },
      {
        type: 'put-activity',
        activity: { id: 'a-coacher', goal: 'g-samverkan', description: 'Två jobbcoacher', responsible: 'VL' },
      },
      { type: 'remove-indicator', id: 'i-studier' },
      { type: 'remove-activity', id: 'a-forum' },
      { type: 'remove-indicator', id: 'no-such-indicator' },
      { type: 'remove-goal', id: 'g-samverkan' },
      { type: 'put-goal', goal: { id: 'g-ny', title: 'Nytt mål', area: 'Övrigt', responsible: '' } },
      { type: 'set-line', collection: 'costs', id: line, patch: { goals: ['g-ny', 'g-arbete'] } },
      { type: 'remove-goal', id: 'g-arbete' },
    ];
    for (const edit of edits) {
      applyEditToDoc(doc, edit);
      expected = applyPlanEdit(expected, edit);
      expect(parsePlan(expected).ok, edit.type).toBe(true);
      expect(readPlan(doc), `${edit.type} ${JSON.stringify(edit).slice(0, 80)}`).toEqual(expected);
    }
    expect(readPlan(doc).goals.map((g) => g.id)).toEqual(['g-ny']);
  });

  it('removes a goal with its indicators and activities, and unlinks it from every cost line', () => {
    const plan = seedPlan();
    const doc = planToDoc(plan);
    for (const edit of goalEdits(plan)) applyEditToDoc(doc, edit);
    const [first, second] = plan.costs;
    if (!first || !second) throw new Error('the seed plan has fewer than two cost lines');
    applyEditToDoc(doc, { type: 'set-line', collection: 'costs', id: second.id, patch: { goals: ['g-samverkan'] } });
    applyEditToDoc(doc, { type: 'remove-goal', id: 'g-samverkan' });
    const after = readPlan(doc);
    expect(after.goals.map((g) => g.id)).toEqual(['g-arbete']);
    expect(after.indicators.map((i) => i.id)).toEqual(['i-arbete', 'i-studier']);
    expect(after.activities.map((a) => a.id)).toEqual(['a-coacher']);
    expect(after.costs.find((c) => c.id === first.id)?.goals).toEqual(['g-arbete']);
    expect(after.costs.find((c) => c.id === second.id)?.goals).toEqual([]);
    expect(after.costs.find((c) => c.id === first.id)?.targets).toEqual({ participants: 200, workOrStudies: '0.25' });
    // Nothing of the goal is left in the document, not even in the order.
    const root = planRoot(doc);
    const order = root.get(ORDER_KEY) as Y.Map<unknown>;
    for (const key of GOAL_KEYS) {
      const ids = (order.get(key) as Y.Array<string>).toArray();
      expect([...ids].sort(), key).toEqual([...(root.get(key) as Y.Map<unknown>).keys()].sort());
    }
    expect((order.get('indicators') as Y.Array<string>).toArray()).not.toContain('i-nöjd');
  });

  it('reads a document written before goals existed with no goals, and adds goals to it', () => {
    const plan = seedPlan();
    const doc = planToDoc(plan);
    const root = planRoot(doc);
    doc.transact(() => {
      for (const key of GOAL_KEYS) {
        root.delete(key);
        (root.get(ORDER_KEY) as Y.Map<unknown>).delete(key);
      }
    });
    // As it arrives at a client that never had it.
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc));
    expect(planRoot(old).has('goals')).toBe(false);
    const before = readPlan(old);
    expect(before).toEqual({ ...plan, goals: [], indicators: [], activities: [] });

    const [goal, , indicator] = goalEdits(plan);
    for (const edit of [goal, indicator] as PlanEdit[]) applyEditToDoc(old, edit);
    expect(readPlan(old).goals.map((g) => g.id)).toEqual(['g-arbete']);
    expect(readPlan(old).indicators.map((i) => i.id)).toEqual(['i-arbete']);
  });

  it('keeps edits of two indicators of one goal made on two documents at once', () => {
    const plan = seedPlan();
    const a = new Y.Doc();
    a.clientID = 1;
    planToDoc(plan, a);
    for (const edit of goalEdits(plan)) applyEditToDoc(a, edit);
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const base = readPlan(a);
    const indicator = (id: string) => base.indicators.find((i) => i.id === id) as Plan['indicators'][number];

    applyEditToDoc(a, {
      type: 'put-indicator',
      indicator: { ...indicator('i-arbete'), outcomes: { ...indicator('i-arbete').outcomes, '2023': '33 %' } },
    });
    applyEditToDoc(b, { type: 'put-indicator', indicator: { ...indicator('i-studier'), target: '12 %' } });
    // And a new indicator and a new activity of the same goal, one on each side.
    applyEditToDoc(a, {
      type: 'put-indicator',
      indicator: { id: 'i-a', goal: 'g-arbete', name: 'Från A', outcomes: {}, target: '' },
    });
    applyEditToDoc(b, {
      type: 'put-activity',
      activity: { id: 'a-b', goal: 'g-arbete', description: 'Från B', responsible: '' },
    });
    syncDocs(a, b);

    const merged = readPlan(a);
    expect(readPlan(b)).toEqual(merged);
    const byId = (id: string) => merged.indicators.find((i) => i.id === id);
    expect(byId('i-arbete')?.outcomes).toEqual({ '2021': '28 %', '2022': '30 %', '2023': '33 %' });
    expect(byId('i-arbete')?.target).toBe('35 %');
    expect(byId('i-studier')?.target).toBe('12 %');
    expect(byId('i-a')?.goal).toBe('g-arbete');
    expect(merged.activities.map((x) => x.id)).toEqual(['a-coacher', 'a-forum', 'a-b']);
  });
});
