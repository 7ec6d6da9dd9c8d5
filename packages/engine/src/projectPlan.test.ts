import { describe, expect, it } from 'vitest';
import { auditPlan } from './auditPlan.ts';
import { compilePlan } from './compilePlan.ts';
import { parsePlan } from './parsePlan.ts';
import type { Plan, PlanInput } from './planSchema.ts';
import { projectionDetailToJson, projectionToJson } from './projectionToJson.ts';
import { type Projection, projectPlan, withinRange } from './projectPlan.ts';
import { compareRates, type Rate, rate } from './rate.ts';

const each = (kr: string) => ({ '2023': kr, '2024': kr, '2025': kr });

const parse = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const project = (plan: Plan): Projection => {
  const result = projectPlan(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const line = (p: Projection, id: string) => p.lines.find((l) => l.id === id)?.amounts.map((a) => a / 100);

const base = (extra: Partial<PlanInput> = {}): PlanInput => ({
  name: 'Projektionsförbundet',
  years: [2023, 2024, 2025],
  openingEquity: '1000000',
  members: [
    { id: 'fk', name: 'FK', group: 'state', amounts: each('2000000') },
    { id: 'reg', name: 'Regionen', group: 'region' },
    { id: 'kom', name: 'Kommunen', group: 'kommun' },
  ],
  esfProjects: [{ id: 'mia', name: 'MIA', status: 'applied' }],
  revenues: [
    { id: 'mia-rev', kind: 'esf', name: 'ESF MIA', project: 'mia', amounts: each('700000') },
    { id: 'utb', kind: 'income', name: 'Utbildning', amounts: each('50000') },
  ],
  costs: [
    { id: 'ind', name: 'Team', category: 'individual', amount: { type: 'yearly', amounts: each('1000000') } },
    {
      id: 'own',
      name: 'Egen nyttjandegrad',
      category: 'individual',
      utilization: '1',
      amount: { type: 'yearly', amounts: each('1000000') },
    },
    { id: 'str', name: 'Utbildning', category: 'structural', amount: { type: 'yearly', amounts: each('500000') } },
    { id: 'adm', name: 'Kansli', category: 'administration', amount: { type: 'yearly', amounts: each('300000') } },
    {
      id: 'ej',
      name: 'Ej beslutade medel',
      category: 'unallocated',
      amount: { type: 'yearly', amounts: each('200000') },
    },
    {
      id: 'mia-c',
      name: 'MIA',
      category: 'individual',
      project: 'mia',
      amount: { type: 'yearly', amounts: each('600000') },
    },
  ],
  assumptions: { utilization: '0.9' },
  ...extra,
});

describe('projectPlan', () => {
  const p = project(parse(base()));

  it('computes revenue, costs, result and equity per year', () => {
    // revenue 4 000 000 + 50 000 (MIA only applied for: left out); costs 900 000 + 1 000 000 + 450 000 + 300 000 + 200 000
    expect(
      p.rows.map((r) => [
        r.year,
        r.revenue / 100,
        r.costs / 100,
        r.result / 100,
        r.openingEquity / 100,
        r.closingEquity / 100,
      ]),
    ).toEqual([
      [2023, 4_050_000, 2_850_000, 1_200_000, 1_000_000, 2_200_000],
      [2024, 4_050_000, 2_850_000, 1_200_000, 2_200_000, 3_400_000],
      [2025, 4_050_000, 2_850_000, 1_200_000, 3_400_000, 4_600_000],
    ]);
  });

  it('keeps opening equity out of revenue and splits revenue by source and group', () => {
    expect(p.rows[0]?.revenueBySource).toEqual({ members: 400_000_000, esf: 0, income: 5_000_000 });
    expect(p.rows[0]?.membersByGroup).toEqual({ state: 200_000_000, region: 100_000_000, kommun: 100_000_000 });
  });

  it('applies the plan utilization (Finnveden’s 10 % deduction) to individual and structural lines only', () => {
    expect(p.rows[0]?.costsByCategory).toEqual({
      individual: 190_000_000,
      structural: 45_000_000,
      administration: 30_000_000,
      unallocated: 20_000_000,
    });
    expect(line(p, 'ind')).toEqual([900_000, 900_000, 900_000]);
    expect(line(p, 'own')).toEqual([1_000_000, 1_000_000, 1_000_000]);
  });

  it('leaves an applied-for ESF project out of the base plan, revenue and costs', () => {
    expect(line(p, 'mia-rev')).toEqual([0, 0, 0]);
    expect(line(p, 'mia-c')).toEqual([0, 0, 0]);
  });

  it('gives the equity ratio and admin share as exact rates', () => {
    const r = p.rows[0];
    expect(compareRates(r?.equityRatio as Rate, rate(2_200_000, 4_050_000))).toBe(0);
    expect(compareRates(r?.adminShare as Rate, rate(300_000, 2_850_000))).toBe(0);
    const empty = project(parse({ name: 'Tomt', years: [2023, 2024, 2025], openingEquity: '0', members: [] }));
    expect(empty.rows[0]?.equityRatio).toBeNull();
    expect(empty.rows[0]?.adminShare).toBeNull();
  });

  it('lists members, then revenue lines, then cost lines, in plan order', () => {
    expect(p.lines.map((l) => [l.id, l.kind, l.group ?? null])).toEqual([
      ['fk', 'member', 'state'],
      ['reg', 'member', 'region'],
      ['kom', 'member', 'kommun'],
      ['mia-rev', 'esf', null],
      ['utb', 'income', null],
      ['ind', 'cost', 'individual'],
      ['own', 'cost', 'individual'],
      ['str', 'cost', 'structural'],
      ['adm', 'cost', 'administration'],
      ['ej', 'cost', 'unallocated'],
      ['mia-c', 'cost', 'individual'],
    ]);
    expect(p.lines.find((l) => l.id === 'mia-c')?.project).toBe('mia');
  });

  it('reports rule findings with the projection', () => {
    // closing equity 2 200 000 > 20 % of 4 050 000
    expect(p.findings.map((f) => [f.rule, f.year])).toEqual([
      ['equity-cap', 2023],
      ['equity-cap', 2024],
      ['equity-cap', 2025],
    ]);
  });

  it('a plan that states no opening equity projects from 0 kr, with a warning on its first year', () => {
    const { openingEquity: _, ...rest } = base();
    const without = project(parse(rest));
    const stated = project(parse({ ...rest, openingEquity: '0' }));
    expect(without.rows).toEqual(stated.rows);
    expect(without.findings.filter((f) => f.rule === 'no-opening-equity')).toEqual([
      {
        rule: 'no-opening-equity',
        severity: 'warning',
        year: 2023,
        amount: 0,
        message: 'Planen anger inget ingående eget kapital: eget kapital räknas från 0 kr tills det anges.',
      },
    ]);
    expect(stated.findings.some((f) => f.rule === 'no-opening-equity')).toBe(false);
  });

  it('one year and ten years project like any other horizon', () => {
    const years = Array.from({ length: 10 }, (_, i) => 2023 + i);
    const ten = project(
      parse({
        name: 'Tio år',
        years,
        openingEquity: '100',
        members: [
          { id: 'fk', name: 'FK', group: 'state', amounts: Object.fromEntries(years.map((y) => [y, '1000'])) },
          { id: 'reg', name: 'Regionen', group: 'region' },
          { id: 'kom', name: 'Kommunen', group: 'kommun' },
        ],
        costs: [
          {
            id: 'k',
            name: 'Kansli',
            category: 'administration',
            amount: { type: 'yearly', amounts: Object.fromEntries(years.map((y) => [y, '1500'])) },
          },
        ],
      }),
    );
    // revenue 1 000 + 500 + 500 a year, cost 1 500: +500 a year from 100
    expect(ten.rows.map((r) => r.closingEquity / 100)).toEqual(years.map((_, i) => 100 + 500 * (i + 1)));
    const one = project(
      parse({
        name: 'Ett år',
        years: [2025],
        openingEquity: '1000000',
        members: [
          { id: 'fk', name: 'FK', group: 'state', amounts: { '2025': '2000000' } },
          { id: 'reg', name: 'Regionen', group: 'region' },
          { id: 'kom', name: 'Kommunen', group: 'kommun' },
        ],
        costs: [
          {
            id: 'k',
            name: 'Kansli',
            category: 'administration',
            amount: { type: 'yearly', amounts: { '2025': '4500000' } },
          },
        ],
      }),
    );
    // 2 000 000 + 1 000 000 + 1 000 000 − 4 500 000 = −500 000 from 1 000 000
    expect(one.rows.map((r) => [r.year, r.result / 100, r.closingEquity / 100])).toEqual([[2025, -500_000, 500_000]]);
    expect(one.findings.map((f) => f.rule)).toEqual(['admin-share']);
  });

  it('returns a scenario’s errors as data', () => {
    const result = projectPlan(parse(base()), {
      id: 's',
      name: 'S',
      changes: [{ type: 'esf-decision', project: 'nope', decision: 'rejected', scaleCosts: false, keepLines: [] }],
    });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'unknown-project' }] });
  });
});

describe('members derived from the matching rule', () => {
  it('the region pays half of the state, kommuner the other half by population (Finnveden 2021)', () => {
    const p = project(
      parse(
        base({
          members: [
            { id: 'fk', name: 'FK', group: 'state', amounts: each('2579000') },
            { id: 'rj', name: 'Region Jönköpings län', group: 'region' },
            { id: 'vmo', name: 'Värnamo', group: 'kommun', population: 5203 },
            { id: 'gno', name: 'Gnosjö', group: 'kommun', population: 1687 },
            { id: 'gis', name: 'Gislaved', group: 'kommun', population: 6005 },
          ],
        }),
      ),
    );
    expect(line(p, 'rj')).toEqual([1_289_500, 1_289_500, 1_289_500]);
    expect(line(p, 'vmo')).toEqual([520_300, 520_300, 520_300]);
    expect(line(p, 'gno')).toEqual([168_700, 168_700, 168_700]);
    expect(line(p, 'gis')).toEqual([600_500, 600_500, 600_500]);
  });

  it('kommuner without amounts share what the explicit ones leave; an odd öre goes to the region', () => {
    const p = project(
      parse(
        base({
          members: [
            { id: 'fk', name: 'FK', group: 'state', amounts: each('1000000.01') },
            { id: 'reg', name: 'Regionen', group: 'region' },
            { id: 'a', name: 'A', group: 'kommun', amounts: each('100000') },
            { id: 'b', name: 'B', group: 'kommun', population: 3 },
            { id: 'c', name: 'C', group: 'kommun', population: 1 },
          ],
        }),
      ),
    );
    expect(line(p, 'reg')).toEqual([500_000.01, 500_000.01, 500_000.01]);
    expect(line(p, 'b')).toEqual([300_000, 300_000, 300_000]);
    expect(line(p, 'c')).toEqual([100_000, 100_000, 100_000]);
    expect(p.rows[0]?.membersByGroup).toEqual({ state: 100_000_001, region: 50_000_001, kommun: 50_000_000 });
  });
});

describe('cost line types', () => {
  const costs = (c: PlanInput['costs']) => project(parse(base({ costs: c, assumptions: { utilization: '1' } })));

  it('a staff line starting and ending mid-year is paid by month and indexed', () => {
    const p = costs([
      {
        id: 's',
        name: 'Coach',
        category: 'individual',
        amount: { type: 'staff', fte: '1', monthlySalary: '30000', start: '2023-07-01', end: '2025-03-31' },
      },
    ]);
    // 30 000 × 1.32 a month: 6 months; 12 months × 1.02; 3 months × 1.02²
    expect(line(p, 's')).toEqual([237_600, 484_704, 123_599.52]);
  });

  it('a staff line with its own salary year and PO-påslag, not indexed', () => {
    const p = costs([
      {
        id: 's',
        name: 'Chef',
        category: 'administration',
        amount: {
          type: 'staff',
          fte: '0.5',
          monthlySalary: '60000',
          salaryYear: 2025,
          employerAddOn: '0.3142',
          indexed: false,
        },
      },
      {
        id: 't',
        name: 'Handläggare',
        category: 'administration',
        amount: { type: 'staff', fte: '0.5', monthlySalary: '60000', salaryYear: 2024 },
      },
    ]);
    expect(line(p, 's')).toEqual([473_112, 473_112, 473_112]);
    // 0.5 × 60 000 × 12 × 1.32 = 475 200 in 2024; /1.02 in 2023; ×1.02 in 2025
    expect(line(p, 't')).toEqual([465_882.35, 475_200, 484_704]);
  });

  it('a period line partly or wholly outside the horizon keeps only its months inside', () => {
    const p = costs([
      {
        id: 'gone',
        name: 'Avslutad',
        category: 'structural',
        amount: { type: 'period', start: '2020-01-01', end: '2021-12-31', total: '2400000' },
      },
      {
        id: 'over',
        name: 'Löper över',
        category: 'structural',
        amount: { type: 'period', start: '2025-07-01', end: '2026-06-30', total: '1200000' },
      },
    ]);
    expect(line(p, 'gone')).toEqual([0, 0, 0]);
    expect(line(p, 'over')).toEqual([0, 0, 600_000]);
  });
});

describe('projectionToJson', () => {
  it('turns every amount into a decimal string in kronor and every rate into a decimal fraction', () => {
    const plan = parse(base());
    expect(Object.keys(projectionToJson(project(plan), auditPlan(plan)))).toEqual([
      'unit',
      'years',
      'findings',
      'audit',
    ]);
    const json = projectionDetailToJson(project(plan), auditPlan(plan));
    expect(json.unit).toBe('kr');
    expect(json.years[0]).toEqual({
      year: 2023,
      revenue: '4050000',
      costs: '2850000',
      result: '1200000',
      openingEquity: '1000000',
      closingEquity: '2200000',
      equityRatio: '0.54321',
      adminShare: '0.105263',
      revenueBySource: { members: '4000000', esf: '0', income: '50000' },
      membersByGroup: { state: '2000000', region: '1000000', kommun: '1000000' },
      costsByCategory: { individual: '1900000', structural: '450000', administration: '300000', unallocated: '200000' },
    });
    expect(json.lines[0]).toEqual({
      id: 'fk',
      name: 'FK',
      kind: 'member',
      group: 'state',
      amounts: ['2000000', '2000000', '2000000'],
    });
    expect(json.findings[0]).toMatchObject({ rule: 'equity-cap', amount: '2200000', limit: '810000' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('immutable edits and the compile cache', () => {
  it('a new plan object with a changed opening equity, line, member or assumption projects anew', () => {
    const plan = parse(base());
    const before = project(plan);
    expect(compilePlan(plan)).toBe(compilePlan(plan));

    const richer = { ...plan, openingEquity: '2000000' };
    expect(project(richer).rows.map((r) => r.closingEquity - (before.rows[r.year - 2023]?.closingEquity ?? 0))).toEqual(
      [100_000_000, 100_000_000, 100_000_000],
    );

    const costs = plan.costs.map((c) =>
      c.id === 'adm' ? { ...c, amount: { type: 'yearly' as const, amounts: each('400000') } } : c,
    );
    expect(line(project({ ...plan, costs }), 'adm')).toEqual([400_000, 400_000, 400_000]);

    const members = plan.members.map((m) => (m.id === 'fk' ? { ...m, amounts: each('3000000') } : m));
    expect(line(project({ ...plan, members }), 'reg')).toEqual([1_500_000, 1_500_000, 1_500_000]);

    const assumptions = { ...plan.assumptions, utilization: '0.5' };
    expect(line(project({ ...plan, assumptions }), 'ind')).toEqual([500_000, 500_000, 500_000]);

    const years = [2024, 2025, 2026];
    const shifted = parse({
      ...base(),
      years,
      members: [{ id: 'fk', name: 'FK', group: 'state', amounts: { '2024': '1', '2025': '1', '2026': '1' } }],
      revenues: [],
      costs: [],
    });
    expect(project(shifted).rows.map((r) => r.year)).toEqual(years);

    // and the original is untouched
    expect(project(plan)).toEqual(before);
  });
});

describe('extreme assumptions come back as data', () => {
  it('indexation is limited to ±50 % a year, so deflating a salary never divides by zero', () => {
    const result = parsePlan(
      base({
        assumptions: { indexation: '-1' },
        costs: [
          {
            id: 's',
            name: 'Kansli',
            category: 'administration',
            amount: { type: 'staff', fte: '1', monthlySalary: '40000', salaryYear: 2025 },
          },
        ],
      }),
    );
    expect(!result.ok && result.errors.map((e) => [e.code, e.path])).toEqual([
      ['rate-range', ['assumptions', 'indexation']],
    ]);
  });

  it('a salary year far from the plan is refused', () => {
    const result = parsePlan(
      base({
        costs: [
          {
            id: 's',
            name: 'Kansli',
            category: 'administration',
            amount: { type: 'staff', fte: '1', monthlySalary: '40000', salaryYear: 1990 },
          },
        ],
      }),
    );
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['salary-year-range']);
  });

  it('a computation that leaves the exact range becomes an out-of-range issue; other errors still throw', () => {
    const huge = withinRange(() => {
      throw new RangeError('Plan totals exceed the exact range');
    });
    expect(!huge.ok && huge.errors.map((e) => e.code)).toEqual(['out-of-range']);
    expect(() =>
      withinRange(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });

  it('a scenario that multiplies a large staff line stays exact (sums are far inside 2^53 öre)', () => {
    const result = parsePlan(
      base({
        costs: [
          {
            id: 's',
            name: 'Kansli',
            category: 'administration',
            amount: { type: 'staff', fte: '100', monthlySalary: '500000', salaryYear: 2023 },
          },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const p = projectPlan(result.value, {
      id: 'x',
      name: 'PO',
      changes: [
        { type: 'employer-add-on', rate: '2' },
        { type: 'indexation', rate: '0.5' },
      ],
    });
    // 100 × 500 000 kr × 12 × 3 = 1 800 000 000 kr in 2023, × 1.5 and × 2.25 after.
    expect(p.ok && p.value.lines.find((l) => l.id === 's')?.amounts).toEqual([
      180_000_000_000, 270_000_000_000, 405_000_000_000,
    ]);
  });
});
