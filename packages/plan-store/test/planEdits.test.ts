import { importBudgetTable } from '@samplan/budget-table';
import { type Plan, projectPlan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import { applyPlanEdit } from '../src/planEdits.ts';
import { createLocalPlanStore } from '../src/planStore.ts';

const seed = (): Plan => {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('seed');
  return r.value;
};

const revenueByYear = (plan: Plan) => {
  const p = projectPlan(plan);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value.rows.map((r) => r.revenue);
};

describe('put-esf-project', () => {
  it('adds a project at the end and shares every other object with the old plan', () => {
    const plan = seed();
    const next = applyPlanEdit(plan, {
      type: 'put-esf-project',
      project: { id: 'nya-vagar', name: 'Nya vägar', status: 'applied' },
    });
    expect(next.esfProjects.map((p) => p.id)).toEqual(['landa-och-move-on', 'gransgangare', 'nya-vagar']);
    expect(next.esfProjects[0]).toBe(plan.esfProjects[0]);
    expect(next.revenues).toBe(plan.revenues);
    expect(next.costs).toBe(plan.costs);
    expect(plan.esfProjects).toHaveLength(2);
  });

  it('replaces the project with the same id in place (a status decision)', () => {
    const plan = seed();
    const next = applyPlanEdit(plan, {
      type: 'put-esf-project',
      project: { id: 'gransgangare', name: 'Gränsgångare', status: 'applied' },
    });
    expect(next.esfProjects).toEqual([
      { id: 'landa-och-move-on', name: 'LANDA och Move On', status: 'approved' },
      { id: 'gransgangare', name: 'Gränsgångare', status: 'applied' },
    ]);
    expect(next.esfProjects[0]).toBe(plan.esfProjects[0]);
  });

  it('in the store: a new project and its revenue line are valid, and approved revenue counts in the base plan', () => {
    const store = createLocalPlanStore(seed());
    const before = revenueByYear(store.getPlan());
    expect(
      store.apply({ type: 'put-esf-project', project: { id: 'nya-vagar', name: 'Nya vägar', status: 'approved' } }).ok,
    ).toBe(true);
    const added = store.apply({
      type: 'add-line',
      collection: 'revenues',
      line: { id: 'esf-medel-nya-vagar', kind: 'esf', name: 'ESF-medel Nya vägar', project: 'nya-vagar', amounts: {} },
    });
    expect(added.ok).toBe(true);
    store.apply({
      type: 'set-amount',
      collection: 'revenues',
      id: 'esf-medel-nya-vagar',
      year: 2024,
      value: '2500000',
    });
    const after = revenueByYear(store.getPlan());
    // Öre: 2 500 000 kr more revenue in 2024 only.
    expect(after.map((r, i) => r - (before[i] as number))).toEqual([0, 250_000_000, 0]);

    // Applied for, not yet decided: the base plan leaves its revenue out (försiktighetsprincipen).
    store.apply({ type: 'put-esf-project', project: { id: 'nya-vagar', name: 'Nya vägar', status: 'applied' } });
    expect(revenueByYear(store.getPlan())).toEqual(before);
  });

  it('in the store: refuses a project without a name or with an id another line uses', () => {
    const store = createLocalPlanStore(seed());
    const before = store.getPlan();
    const unnamed = store.apply({ type: 'put-esf-project', project: { id: 'x', name: '', status: 'approved' } });
    expect(unnamed.ok).toBe(false);
    const taken = store.apply({ type: 'put-esf-project', project: { id: 'vuxna', name: 'Vuxna', status: 'approved' } });
    expect(taken.ok).toBe(false);
    expect(!taken.ok && taken.errors[0]?.code).toBe('duplicate-id');
    expect(store.getPlan()).toBe(before);
  });
});

describe('remove-esf-project', () => {
  it('removes the project and its revenue lines, and clears the project on its cost lines', () => {
    const plan = seed();
    const next = applyPlanEdit(plan, { type: 'remove-esf-project', id: 'gransgangare' });
    expect(next.esfProjects.map((p) => p.id)).toEqual(['landa-och-move-on']);
    expect(next.revenues.map((r) => r.id)).toEqual([
      'esf-medel-landa-och-move-on-jan-feb',
      'ovriga-intakter-utbildningsuppdrag',
    ]);
    const ledning = next.costs.find((c) => c.id === 'esf-projekt-ledning-gransgangare');
    expect(ledning).toBeDefined();
    expect(ledning && 'project' in ledning).toBe(false);
    expect(ledning?.amount).toBe(plan.costs.find((c) => c.id === 'esf-projekt-ledning-gransgangare')?.amount);
    expect(next.costs).toHaveLength(plan.costs.length);
    // Lines of other projects and without a project are the same objects.
    expect(next.costs.filter((c) => c.project !== undefined).map((c) => c.id)).toEqual([
      'esf-projekt-move-on',
      'esf-projektet-landa',
    ]);
    next.costs.forEach((c, i) => {
      if (!c.id.includes('gransgangare')) expect(c).toBe(plan.costs[i]);
    });
  });

  it('leaves revenues and costs alone (same arrays) when nothing refers to the project', () => {
    const plan = applyPlanEdit(seed(), {
      type: 'put-esf-project',
      project: { id: 'tom', name: 'Tomt projekt', status: 'approved' },
    });
    const next = applyPlanEdit(plan, { type: 'remove-esf-project', id: 'tom' });
    expect(next.esfProjects.map((p) => p.id)).toEqual(['landa-och-move-on', 'gransgangare']);
    expect(next.revenues).toBe(plan.revenues);
    expect(next.costs).toBe(plan.costs);
  });

  it('in the store: the plan stays valid; the project’s revenue is gone and its costs count like any other line', () => {
    const store = createLocalPlanStore(seed());
    const before = projectPlan(store.getPlan());
    expect(store.apply({ type: 'remove-esf-project', id: 'gransgangare' }).ok).toBe(true);
    const after = projectPlan(store.getPlan());
    if (!before.ok || !after.ok) throw new Error('projection');
    // Gränsgångare ESF revenue in kronor: 3 308 + 2 163, 3 308 + 2 000, 2 757 + 2 100 tkr.
    expect(before.value.rows.map((r, i) => r.revenue - (after.value.rows[i]?.revenue ?? 0))).toEqual([
      547_100_000, 530_800_000, 485_700_000,
    ]);
    expect(after.value.rows.map((r) => r.costs)).toEqual(before.value.rows.map((r) => r.costs));
  });

  it('in the store: refused while a scenario still decides on the project', () => {
    const store = createLocalPlanStore(seed());
    store.apply({
      type: 'put-scenario',
      scenario: {
        id: 's',
        name: 'ESF avslag',
        changes: [
          { type: 'esf-decision', project: 'gransgangare', decision: 'rejected', scaleCosts: false, keepLines: [] },
        ],
      },
    });
    const before = store.getPlan();
    const result = store.apply({ type: 'remove-esf-project', id: 'gransgangare' });
    expect(result.ok).toBe(false);
    expect(store.getPlan()).toBe(before);
  });
});
