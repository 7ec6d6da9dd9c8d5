import { describe, expect, it } from 'vitest';
import { auditPlan } from './auditPlan.ts';
import { compilePlan } from './compilePlan.ts';
import { formatKronor, type Ore } from './money.ts';
import { createMonteCarlo } from './monteCarlo.ts';
import { parsePlan } from './parsePlan.ts';
import type { Plan } from './planSchema.ts';
import { projectionToJson } from './projectionToJson.ts';
import { projectChanges, projectPlan } from './projectPlan.ts';
import { sensitivity } from './sensitivity.ts';
import { spendingRoom } from './spendingRoom.ts';
import { stateCutTolerance } from './stateCutTolerance.ts';
import { UncertaintyModelSchema } from './uncertaintySchema.ts';

// A plan of n years from 2025 (Falun-Borlänge has two; the schema allows 1 to 10): the state pays
// 2 000 000 a year, region and kommun follow, an individual team 3 000 000 indexed 2 % by staff
// terms, administration 500 000; opening equity 1 000 000.
const planOf = (n: number): Plan => {
  const years = Array.from({ length: n }, (_, i) => 2025 + i);
  const each = (kr: string) => Object.fromEntries(years.map((y) => [String(y), kr]));
  const r = parsePlan({
    name: `${n} år`,
    years,
    openingEquity: '1000000',
    members: [
      { id: 'fk', name: 'FK', group: 'state', amounts: each('2000000') },
      { id: 'reg', name: 'Regionen', group: 'region' },
      { id: 'kom', name: 'Kommunen', group: 'kommun' },
    ],
    costs: [
      { id: 'team', name: 'Team', category: 'individual', amount: { type: 'yearly', amounts: each('3000000') } },
      {
        id: 'chef',
        name: 'Chef',
        category: 'administration',
        amount: { type: 'staff', fte: '1', monthlySalary: '30000' },
      },
    ],
    stated: [{ year: years.at(-1) as number, figure: 'costs', value: '1', label: 'Summa kostnader' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe.each([1, 2, 10])('a plan of %i year(s) through every engine answer', (n) => {
  const plan = planOf(n);
  const projected = projectPlan(plan);
  if (!projected.ok) throw new Error('projection');
  const p = projected.value;
  const last = 2025 + n - 1;

  it('projects every year and rolls equity forward', () => {
    expect(p.rows.map((r) => r.year)).toEqual(plan.years);
    let opening = 100_000_000;
    for (const row of p.rows) {
      expect(row.openingEquity).toBe(opening);
      expect(row.closingEquity).toBe(row.openingEquity + row.revenue - row.costs);
      opening = row.closingEquity;
    }
    expect(projectionToJson(p, auditPlan(plan)).years).toHaveLength(n);
  });

  it('audits a figure of its last year', () => {
    const audit = auditPlan(plan);
    expect(audit.checked).toBe(1);
    expect(audit.entries.map((e) => e.year)).toEqual([last]);
  });

  it('answers how much can be spent and how large a cut it takes', () => {
    const room = spendingRoom(plan);
    expect(room.ok && room.value.closingEquity).toHaveLength(n);
    const cut = stateCutTolerance(plan);
    expect(cut.ok).toBe(true);
    // spending the room leaves every year at or above zero
    if (room.ok && room.value.yearly !== null) expect(Math.min(...room.value.closingEquity)).toBeGreaterThanOrEqual(0);
  });

  it('Monte Carlo draws and sensitivity bars are exact projections at the horizon', () => {
    const model = UncertaintyModelSchema.parse({
      levers: [
        { type: 'state-change', fromYear: 2025, distribution: { type: 'uniform', min: '-0.2', max: '0' } },
        { type: 'indexation', distribution: { type: 'uniform', min: '0.01', max: '0.04' } },
      ],
    });
    const mc = createMonteCarlo(plan, undefined, model, { seed: 7 });
    if (!mc.ok) throw new Error(JSON.stringify(mc.errors));
    mc.value.run(50);
    const cp = compilePlan(plan);
    for (let k = 0; k < 50; k++) {
      const draw = mc.value.draw(k);
      const exact = projectChanges(cp, draw.changes);
      expect(draw.closingEquity).toEqual(exact.rows.map((r) => formatKronor(r.closingEquity)));
    }
    expect(mc.value.summary().years.map((y) => y.year)).toEqual(plan.years);
    const s = sensitivity(plan, undefined, model);
    if (!s.ok) throw new Error(JSON.stringify(s.errors));
    expect(s.value.year).toBe(last);
    const central = projectChanges(cp, [
      { type: 'state-allocation', fromYear: 2025, rate: '-0.1', matching: true },
      { type: 'indexation', rate: '0.025' },
    ]);
    expect(s.value.central.closingEquity).toBe(formatKronor(central.rows.at(-1)?.closingEquity as Ore));
  });
});
