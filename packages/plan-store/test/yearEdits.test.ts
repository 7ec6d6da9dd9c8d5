import { type Plan, parsePlan, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { applyPlanEdit, tryApplyPlanEdit } from '../src/planEdits.ts';
import { createLocalPlanStore } from '../src/planStore.ts';
import { parse, twoYears } from './twoYears.ts';

const project = (plan: Plan) => {
  const p = projectPlan(plan);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};
const lineAmounts = (plan: Plan, id: string) => project(plan).lines.find((l) => l.id === id)?.amounts;
const costAmounts = (plan: Plan, id: string) => {
  const a = plan.costs.find((c) => c.id === id)?.amount;
  return a?.type === 'yearly' ? a.amounts : undefined;
};

describe('add-year', () => {
  it('appends the next year, carrying the last year’s amounts; staff lines are costed (indexed) by the engine', () => {
    const plan = twoYears();
    const next = parse(applyPlanEdit(plan, { type: 'add-year' }));
    expect(next.years).toEqual([2025, 2026, 2027]);
    expect(next.members.find((m) => m.id === 'fk')?.amounts).toEqual({
      '2025': '2000000',
      '2026': '2100000',
      '2027': '2100000',
    });
    // no 2026 amount: nothing to carry
    expect(next.members.find((m) => m.id === 'kom')?.amounts).toEqual({ '2025': '1000000' });
    expect(next.revenues[0]?.amounts['2027']).toBe('310000');
    expect(costAmounts(next, 'team')).toEqual({ '2025': '900000', '2026': '950000', '2027': '950000' });
    // the line ends in 2026: no amount in 2027
    expect(costAmounts(next, 'slut')).toEqual({ '2025': '100000', '2026': '50000' });
    // 50 000 × 12 × 1.32 = 792 000, indexed 2 % a year from 2025; the unindexed line stays
    expect(lineAmounts(next, 'chef')?.map((o) => o / 100)).toEqual([792_000, 807_840, 823_996.8]);
    expect(lineAmounts(next, 'fast')?.map((o) => o / 100)).toEqual([316_800, 316_800, 316_800]);
    // the period line's last six months land in 2027
    expect(lineAmounts(next, 'period')?.map((o) => o / 100)).toEqual([300_000, 600_000, 300_000]);
    // the derived region follows the state's carried amount
    expect(lineAmounts(next, 'reg')?.[2]).toBe(105_000_000);
    // untouched records are the very same objects (views re-render only what changed)
    const edited = applyPlanEdit(plan, { type: 'add-year' });
    expect(edited.stated).toBe(plan.stated);
    expect(edited.scenarios).toBe(plan.scenarios);
    expect(edited.indicators).toBe(plan.indicators);
    expect(edited.costs[1]).toBe(plan.costs[1]);
    expect(edited.costs[2]).toBe(plan.costs[2]);
  });

  it('is refused beyond ten years', () => {
    let plan = twoYears();
    for (let i = 0; i < 8; i++) plan = applyPlanEdit(plan, { type: 'add-year' });
    expect(plan.years).toHaveLength(10);
    expect(parsePlan(plan).ok).toBe(true);
    expect(tryApplyPlanEdit(plan, { type: 'add-year' })).toEqual({
      ok: false,
      errors: [{ code: 'too-many-years', message: 'En plan har högst 10 år', path: ['years'] }],
    });
    const store = createLocalPlanStore(plan);
    expect(store.apply({ type: 'add-year' })).toMatchObject({ ok: false, errors: [{ code: 'too-many-years' }] });
    expect(store.getPlan()).toBe(plan);
  });
});

describe('drop-first-year', () => {
  it('removes the first year, its amounts and stated figures, and takes the given opening equity', () => {
    const plan = twoYears();
    const closing2025 = project(plan).rows[0]?.closingEquity as number;
    const next = parse(applyPlanEdit(plan, { type: 'drop-first-year', openingEquity: String(closing2025 / 100) }));
    expect(next.years).toEqual([2026]);
    expect(next.openingEquity).toBe(String(closing2025 / 100));
    expect(next.members.find((m) => m.id === 'kom')?.amounts).toEqual({});
    expect(costAmounts(next, 'team')).toEqual({ '2026': '950000' });
    expect(next.stated).toEqual([expect.objectContaining({ year: 2026, figure: 'result' })]);
    // the new insats of the scenario loses its 2025 amount; fromYear 2026 stays
    expect(next.scenarios[0]?.changes).toEqual([
      { type: 'state-allocation', fromYear: 2026, rate: '-0.1', matching: true },
      {
        type: 'insats-new',
        line: { id: 'ny', name: 'Ny', category: 'individual', amount: { type: 'yearly', amounts: { '2026': '2' } } },
      },
      { type: 'utilization', rate: '0.9' },
    ]);
    // indicator outcomes are history: kept
    expect(next.indicators).toEqual(plan.indicators);
    // 2026 projects exactly as before: same amounts (the staff line keeps 2025 as its salary year), same equity
    const before = project(plan).rows[1];
    const after = project(next).rows[0];
    expect(after).toEqual(before);
    expect(next.costs.find((c) => c.id === 'chef')?.amount).toMatchObject({ salaryYear: 2025 });
  });

  it('with null the plan states no opening equity, and the projection says so', () => {
    const next = parse(applyPlanEdit(twoYears(), { type: 'drop-first-year', openingEquity: null }));
    expect('openingEquity' in next).toBe(false);
    expect(project(next).findings.find((f) => f.rule === 'no-opening-equity')?.year).toBe(2026);
  });

  it('is refused for a one-year plan', () => {
    const one = parse(applyPlanEdit(twoYears(), { type: 'drop-first-year', openingEquity: '0' }));
    expect(tryApplyPlanEdit(one, { type: 'drop-first-year', openingEquity: '0' })).toEqual({
      ok: false,
      errors: [{ code: 'last-year', message: 'Planens enda år kan inte tas bort', path: ['years'] }],
    });
  });
});

describe('shift-years', () => {
  it('moves every year and year key by the given years; dates stay', () => {
    const plan = applyPlanEdit(twoYears(), { type: 'remove-line', collection: 'costs', id: 'slut' });
    const next = parse(applyPlanEdit(plan, { type: 'shift-years', by: 3 }));
    expect(next.years).toEqual([2028, 2029]);
    expect(next.members[0]?.amounts).toEqual({ '2028': '2000000', '2029': '2100000' });
    expect(next.revenues[0]?.amounts).toEqual({ '2028': '300000', '2029': '310000' });
    expect(costAmounts(next, 'team')).toEqual({ '2028': '900000', '2029': '950000' });
    expect(next.costs.find((c) => c.id === 'fast')?.amount).toMatchObject({ salaryYear: 2028 });
    expect(next.costs.find((c) => c.id === 'period')?.amount).toMatchObject({ start: '2025-07-01', end: '2027-06-30' });
    expect(next.stated.map((s) => s.year)).toEqual([2028, 2029]);
    expect(next.scenarios[0]?.changes[0]).toMatchObject({ fromYear: 2029 });
    expect(next.scenarios[0]?.changes[1]).toMatchObject({
      line: { amount: { amounts: { '2028': '1', '2029': '2' } } },
    });
    expect(next.indicators[0]?.outcomes).toEqual({ '2027': '12', '2028': '20' });
  });

  it('back and forth gives the plan back; a dated line outside its period after the move is refused by the store', () => {
    const plan = twoYears();
    expect(applyPlanEdit(applyPlanEdit(plan, { type: 'shift-years', by: -2 }), { type: 'shift-years', by: 2 })).toEqual(
      plan,
    );
    expect(applyPlanEdit(plan, { type: 'shift-years', by: 0 })).toBe(plan);
    // 'slut' ends 2026-06-30: moved to 2027–2028 its amounts fall outside its own period
    const store = createLocalPlanStore(plan);
    const refused = store.apply({ type: 'shift-years', by: 2 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.map((e) => [e.code, e.path?.join('.')])).toEqual([
      ['amount-outside-period', 'costs.1.amount.amounts.2027'],
      ['amount-outside-period', 'costs.1.amount.amounts.2028'],
    ]);
    expect(store.apply({ type: 'shift-years', by: 0.5 })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid-shift' }],
    });
    expect(store.getPlan()).toBe(plan);
  });
});

describe('set-opening-equity', () => {
  it('null clears it in the store; the plan projects from 0 with a finding', () => {
    const store = createLocalPlanStore(twoYears());
    const r = store.apply({ type: 'set-opening-equity', value: null });
    expect(r.ok).toBe(true);
    expect(store.getPlan().openingEquity).toBeUndefined();
    expect(project(store.getPlan()).rows[0]?.openingEquity).toBe(0);
    expect(store.apply({ type: 'set-opening-equity', value: '12' }).ok).toBe(true);
    expect(store.getPlan().openingEquity).toBe('12');
  });
});
