import { type Plan, parsePlan } from '@samplan/engine';
import { type PlanEdit, tryApplyPlanEdit } from '@samplan/plan-store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEditToDoc } from '../src/applyEditToDoc.ts';
import { docToPlan } from '../src/docToPlan.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { arbEdit, arbPlan } from './planArbitrary.ts';

/** Two clients holding the same plan: A seeded it, B received it. */
function twoClients(plan: Plan): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  a.clientID = 1;
  planToDoc(plan, a);
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

/** Exchanges what each side is missing, as a provider would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

const read = (doc: Y.Doc): Plan => {
  const r = docToPlan(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value;
};

const base: Plan = {
  version: 1,
  name: 'Samordningsförbundet Exempel',
  years: [2024, 2025, 2026],
  openingEquity: '1000000',
  members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { '2024': '2000000', '2025': '2000000' } }],
  esfProjects: [],
  revenues: [],
  costs: [
    { id: 'vuxna', name: 'Vuxna', category: 'individual', amount: { type: 'yearly', amounts: { '2024': '500000' } } },
    { id: 'unga', name: 'Unga', category: 'individual', amount: { type: 'yearly', amounts: { '2024': '300000' } } },
  ],
  assumptions: { utilization: '1', indexation: '0.02', employerAddOn: '0.32' },
  thresholds: { equityCap: '0.2', adminShare: { min: '0', max: '0.15' } },
  stated: [],
  scenarios: [],
  goals: [],
  indicators: [],
  activities: [],
};

const cell = (plan: Plan, id: string, year: string) => {
  const amount = plan.costs.find((c) => c.id === id)?.amount;
  return amount?.type === 'yearly' ? amount.amounts[year] : undefined;
};

describe('two clients editing at once', () => {
  it('keeps both edits when they touch different lines', () => {
    const [a, b] = twoClients(base);
    applyEditToDoc(a, { type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2025, value: '510000' });
    applyEditToDoc(b, { type: 'set-amount', collection: 'costs', id: 'unga', year: 2025, value: '320000' });
    applyEditToDoc(b, { type: 'set-line', collection: 'costs', id: 'unga', patch: { name: 'Unga vuxna' } });
    sync(a, b);
    const plan = read(a);
    expect(read(b)).toEqual(plan);
    expect(cell(plan, 'vuxna', '2025')).toBe('510000');
    expect(cell(plan, 'unga', '2025')).toBe('320000');
    expect(plan.costs.find((c) => c.id === 'unga')?.name).toBe('Unga vuxna');
  });

  it('keeps both edits when they touch different years of one line', () => {
    const [a, b] = twoClients(base);
    applyEditToDoc(a, { type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2025, value: '510000' });
    applyEditToDoc(b, { type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2026, value: '520000' });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    expect(cell(read(a), 'vuxna', '2025')).toBe('510000');
    expect(cell(read(a), 'vuxna', '2026')).toBe('520000');
  });

  it('converges on one value when both edit the same cell', () => {
    const [a, b] = twoClients(base);
    applyEditToDoc(a, { type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2024, value: '111' });
    applyEditToDoc(b, { type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2024, value: '222' });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    expect(['111', '222']).toContain(cell(read(a), 'vuxna', '2024'));
  });

  it('keeps both lines, in the same order on both sides, when both add a line', () => {
    const [a, b] = twoClients(base);
    const line = (id: string) =>
      ({ id, name: id, category: 'structural', amount: { type: 'yearly', amounts: {} } }) as const;
    applyEditToDoc(a, { type: 'add-line', collection: 'costs', line: line('från-a') });
    applyEditToDoc(b, { type: 'add-line', collection: 'costs', line: line('från-b') });
    sync(a, b);
    const ids = read(a).costs.map((c) => c.id);
    expect(read(b).costs.map((c) => c.id)).toEqual(ids);
    expect(ids.slice(0, 2)).toEqual(['vuxna', 'unga']);
    expect([...ids.slice(2)].sort()).toEqual(['från-a', 'från-b']);
  });

  it('keeps one copy of a line both sides added with the same id', () => {
    const [a, b] = twoClients(base);
    const line = { id: 'ny', name: 'Ny', category: 'structural', amount: { type: 'yearly', amounts: {} } } as const;
    applyEditToDoc(a, { type: 'add-line', collection: 'costs', line });
    applyEditToDoc(b, { type: 'add-line', collection: 'costs', line: { ...line, name: 'Ny (B)' } });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    expect(read(a).costs.filter((c) => c.id === 'ny')).toHaveLength(1);
    applyEditToDoc(a, { type: 'remove-line', collection: 'costs', id: 'ny' });
    sync(a, b);
    expect(read(b).costs.map((c) => c.id)).toEqual(['vuxna', 'unga']);
  });

  it('merges two people typing in one name', () => {
    const [a, b] = twoClients(base);
    applyEditToDoc(a, { type: 'set-name', name: 'Samordningsförbundet Exempel 2024' });
    applyEditToDoc(b, { type: 'set-name', name: 'Nya Samordningsförbundet Exempel' });
    sync(a, b);
    expect(read(a).name).toBe('Nya Samordningsförbundet Exempel 2024');
    expect(read(b).name).toBe(read(a).name);
  });

  it('takes one whole change list, never a mix, when both rewrite a scenario', () => {
    const [a, b] = twoClients(base);
    const scenario = (rate: string) => ({
      id: 'kris',
      name: 'Kris',
      changes: [
        { type: 'indexation', rate },
        { type: 'utilization', rate },
      ] as Plan['scenarios'][number]['changes'],
    });
    applyEditToDoc(a, { type: 'put-scenario', scenario: scenario('0') });
    sync(a, b);
    applyEditToDoc(a, { type: 'put-scenario', scenario: scenario('0.01') });
    applyEditToDoc(b, { type: 'put-scenario', scenario: scenario('0.03') });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    const rates = read(a).scenarios[0]?.changes.map((c) => ('rate' in c ? c.rate : undefined));
    expect([
      ['0.01', '0.01'],
      ['0.03', '0.03'],
    ]).toContainEqual(rates);
  });

  it('takes one whole cost amount when both change its type', () => {
    const [a, b] = twoClients(base);
    applyEditToDoc(a, {
      type: 'set-line',
      collection: 'costs',
      id: 'vuxna',
      patch: { amount: { type: 'period', start: '2024-01-01', end: '2025-06-30', total: '900000' } },
    });
    applyEditToDoc(b, {
      type: 'set-line',
      collection: 'costs',
      id: 'vuxna',
      patch: { amount: { type: 'staff', fte: '1', monthlySalary: '40000', indexed: true } },
    });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    expect(['period', 'staff']).toContain(read(a).costs[0]?.amount.type);
  });

  it('adds one year when both add a year at once, and drops one when both drop the first', () => {
    const [a, b] = twoClients(base);
    applyEditToDoc(a, { type: 'add-year' });
    applyEditToDoc(b, { type: 'add-year' });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    expect(read(a).years).toEqual([2024, 2025, 2026, 2027]);
    applyEditToDoc(a, { type: 'drop-first-year', openingEquity: '1' });
    applyEditToDoc(b, { type: 'drop-first-year', openingEquity: '1' });
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    expect(read(a).years).toEqual([2025, 2026, 2027]);
    expect(cell(read(a), 'vuxna', '2024')).toBeUndefined();
  });

  it('converges for any two sequences of edits made at the same time, and the document stays well-formed', () => {
    const scenario = arbPlan.chain((plan) =>
      fc.record({
        plan: fc.constant(plan),
        edits: fc.array(fc.tuple(fc.boolean(), arbEdit(plan)), { minLength: 1, maxLength: 8 }),
        syncEvery: fc.integer({ min: 1, max: 8 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ plan, edits, syncEvery }) => {
        const [a, b] = twoClients(plan);
        const views = new Map<Y.Doc, Plan>([
          [a, plan],
          [b, plan],
        ]);
        edits.forEach(([onA, edit]: [boolean, PlanEdit], i) => {
          const doc = onA ? a : b;
          // Each client checks an edit against what it sees, as its store would.
          const edited = tryApplyPlanEdit(views.get(doc) as Plan, edit);
          const next = edited.ok ? parsePlan(edited.value) : edited;
          if (next.ok) {
            applyEditToDoc(doc, edit, onA ? 'a' : 'b');
            const now = docToPlan(doc);
            if (now.ok) views.set(doc, now.value);
          }
          if ((i + 1) % syncEvery === 0) sync(a, b);
        });
        sync(a, b);
        const merged = docToPlan(a);
        expect(docToPlan(b)).toEqual(merged);
        // Concurrent edits may break a rule of the plan together (one removes a year another just
        // filled), but never the document's structure: records and order always agree.
        if (!merged.ok) expect(merged.errors.filter((e) => e.code.startsWith('doc-'))).toEqual([]);
      }),
      { numRuns: 80, seed: 99 },
    );
  });
});
