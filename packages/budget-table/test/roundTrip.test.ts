import { auditPlan, type Plan, type PlanInput, type Projection, parsePlan, projectPlan } from '@samplan/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBudgetTable } from '../src/exportBudgetTable.ts';
import { importBudgetTable } from '../src/importBudgetTable.ts';

const valid = (input: PlanInput): Plan => {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
};
const rows = (plan: Plan): Projection['rows'] => {
  const p = projectPlan(plan);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value.rows;
};
const roundTrip = (plan: Plan): Plan => {
  const back = importBudgetTable(exportBudgetTable(plan), 'export.csv');
  if (!back.ok) throw new Error(`${exportBudgetTable(plan)}\n${JSON.stringify(back.errors, null, 2)}`);
  return back.value;
};

const everything: PlanInput = {
  name: 'Förbundet, med "citat"; och semikolon',
  years: [2022, 2023, 2024, 2025],
  openingEquity: '1200000.50',
  members: [
    {
      id: 'staten',
      name: 'Staten',
      group: 'state',
      amounts: { '2022': '2000000', '2023': '2000000', '2024': '2100000', '2025': '2100000' },
    },
    { id: 'region', name: 'Regionen', group: 'region' },
    { id: 'a', name: 'Kommun A', group: 'kommun', population: 12345 },
    { id: 'b', name: 'Kommun B', group: 'kommun', population: 54321 },
  ],
  esfProjects: [
    { id: 'mia', name: 'MIA Vidare', status: 'applied' },
    { id: 'gg', name: 'Gränsgångare', status: 'approved' },
  ],
  revenues: [
    { id: 'esf-mia', kind: 'esf', name: 'ESF MIA', project: 'mia', amounts: { '2023': '545033' } },
    {
      id: 'esf-gg',
      kind: 'esf',
      name: 'ESF Gränsgångare',
      project: 'gg',
      amounts: { '2022': '100', '2023': '200.25' },
    },
    { id: 'ovrigt', kind: 'income', name: 'Övrigt', amounts: { '2024': '40000' } },
  ],
  costs: [
    {
      id: 'team',
      name: 'Team',
      category: 'individual',
      member: 'a',
      utilization: '0.95',
      amount: { type: 'yearly', amounts: { '2022': '900000', '2025': '950000.75' } },
    },
    {
      id: 'proj',
      name: 'Projekt',
      category: 'individual',
      project: 'gg',
      amount: { type: 'period', start: '2022-07-01', end: '2024-06-30', total: '1200000' },
    },
    {
      id: 'lots',
      name: 'Lots',
      category: 'individual',
      project: 'mia',
      amount: { type: 'staff', fte: '0.5', monthlySalary: '38000', employerAddOn: '0.3142', indexed: true },
    },
    {
      id: 'chef',
      name: 'Förbundschef',
      category: 'administration',
      amount: {
        type: 'staff',
        fte: '0.35',
        monthlySalary: '61000',
        salaryYear: 2023,
        start: '2022-03-01',
        indexed: false,
      },
    },
    {
      id: 'x-special',
      name: 'Team',
      category: 'structural',
      amount: { type: 'yearly', amounts: { '2023': '1' }, start: '2023-04-01' },
    },
    { id: 'rum', name: 'Utrymme', category: 'unallocated', amount: { type: 'yearly', amounts: { '2024': '300000' } } },
  ],
  assumptions: { utilization: '0.9', indexation: '0.025', employerAddOn: '0.3142' },
  thresholds: { equityCap: '0.18', adminShare: { min: '0.05', max: '0.14' } },
  stated: [
    { year: 2022, figure: 'costs', value: '2000000', precision: '1000', label: 'Summa kostnader' },
    { year: 2023, figure: 'costs', value: '3000000', precision: '1000', label: 'Summa kostnader' },
    { year: 2022, figure: 'share-administration', value: '0.092', precision: '0.001', label: 'Adm' },
    { year: 2023, figure: 'closing-equity', value: '5', label: 'Med MIA', when: { project: 'mia', runs: true } },
    { year: 2024, figure: 'closing-equity', value: '6', label: 'Utan GG', when: { project: 'gg', runs: false } },
  ],
};

describe('export → import', () => {
  it('keeps every feature the plan model has: same ids, settings, projection and audit', () => {
    const plan = valid(everything);
    const back = roundTrip(plan);
    expect(rows(back)).toEqual(rows(plan));
    const withoutSource = (p: Plan) => auditPlan(p).entries.map(({ source, ...e }) => e);
    expect(withoutSource(back)).toEqual(withoutSource(plan));
    expect(auditPlan(back).checked).toBe(auditPlan(plan).checked);
    expect(back.costs.map((c) => c.id)).toEqual(plan.costs.map((c) => c.id));
    expect(back.esfProjects).toEqual(plan.esfProjects);
    expect(back.assumptions).toEqual(plan.assumptions);
    expect(back.thresholds).toEqual(plan.thresholds);
    expect(back.costs.map((c) => c.amount)).toEqual(plan.costs.map((c) => c.amount));
    expect(back.members).toEqual(plan.members);
    expect(back.name).toBe(plan.name);
  });

  it('gives the same projection for random plans (names with separators and quotes, öre amounts)', () => {
    const amount = fc
      .integer({ min: 0, max: 500_000_000 })
      .map((o) => `${Math.floor(o / 100)}${o % 100 ? `.${String(o % 100).padStart(2, '0')}` : ''}`);
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() === s && s.trim().length > 0 && !s.startsWith('#') && !/[\r\n]/.test(s));
    const line = fc.record({
      name,
      category: fc.constantFrom('individual', 'structural', 'administration', 'unallocated'),
      amounts: fc.tuple(amount, amount, amount),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), amount, amount, (lines, state, equity) => {
        const years = [2024, 2025, 2026];
        const yearly = (a: string[]) => Object.fromEntries(years.map((y, i) => [String(y), a[i] as string]));
        const plan = valid({
          name: 'P',
          years,
          openingEquity: equity,
          members: [{ id: 's', name: 'Staten', group: 'state', amounts: yearly([state, state, state]) }],
          costs: lines.map((l, i) => ({
            id: `c${i}`,
            name: l.name,
            category: l.category,
            amount: { type: 'yearly', amounts: yearly(l.amounts) },
          })),
        });
        expect(rows(roundTrip(plan))).toEqual(rows(plan));
      }),
      { numRuns: 150 },
    );
  });
});
