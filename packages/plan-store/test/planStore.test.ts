import { importBudgetTable } from '@samplan/budget-table';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import { createLocalPlanStore } from '../src/planStore.ts';

const seed = () => {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('seed');
  return r.value;
};

describe('the local plan store', () => {
  it('applies a valid edit and keeps every untouched line object, so views re-render only the edited row', () => {
    const store = createLocalPlanStore(seed());
    const before = store.getPlan();
    const result = store.apply({ type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2024, value: '13500000' });
    expect(result.ok).toBe(true);
    const after = store.getPlan();
    const i = after.costs.findIndex((c) => c.id === 'vuxna');
    expect(after.costs[i]).not.toBe(before.costs[i]);
    expect(after.costs[i]?.amount).toEqual({
      type: 'yearly',
      amounts: { '2023': '14616000', '2024': '13500000', '2025': '13125000' },
    });
    expect(after.costs.filter((_, k) => k !== i).every((c) => before.costs.includes(c))).toBe(true);
    expect(after.members).toBe(before.members);
    expect(after.stated).toBe(before.stated);
  });

  it('refuses an edit that makes the plan invalid and changes nothing', () => {
    const store = createLocalPlanStore(seed());
    const before = store.getPlan();
    let notified = 0;
    store.subscribe(() => notified++);
    const result = store.apply({ type: 'set-assumption', key: 'utilization', value: '1.5' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toBe('Nyttjandegraden ska vara mellan 0 och 1');
    expect(store.getPlan()).toBe(before);
    expect(notified).toBe(0);
  });

  it('fills defaults on new objects (a new scenario change gets matching: true)', () => {
    const store = createLocalPlanStore(seed());
    store.apply({
      type: 'put-scenario',
      scenario: {
        id: 's',
        name: 'Staten −10 %',
        changes: [{ type: 'state-allocation', fromYear: 2023, rate: '-0.1' } as never],
      },
    });
    expect(store.getPlan().scenarios[0]?.changes[0]).toEqual({
      type: 'state-allocation',
      fromYear: 2023,
      rate: '-0.1',
      matching: true,
    });
  });
});
