import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPlan } from './auditPlan.ts';
import { parsePlan, parseScenario } from './parsePlan.ts';
import type { PlanInput } from './planSchema.ts';
import { projectPlan } from './projectPlan.ts';
import type { Issue, Result } from './result.ts';

/** A plan input with every list present, so tests can edit them in place. */
type FullPlan = PlanInput & Required<Pick<PlanInput, 'esfProjects' | 'revenues' | 'costs' | 'stated' | 'scenarios'>>;
type CostInput = FullPlan['costs'][number];

const YEARS = [2023, 2024, 2025];
const each = (value: string) => Object.fromEntries(YEARS.map((y) => [String(y), value]));

/** A valid plan with as few fields as the schema allows. */
const minimal = (): PlanInput => ({
  name: 'Samordningsförbundet Test',
  years: [...YEARS],
  openingEquity: '1000000',
  members: [{ id: 'fk', name: 'Försäkringskassan', group: 'state', amounts: each('2000000') }],
});

/** A valid plan using every feature of the format. */
const rich = (): FullPlan => ({
  version: 1,
  name: 'Samordningsförbundet Rik',
  years: [...YEARS],
  openingEquity: '12604000',
  members: [
    { id: 'fk', name: 'Staten gm Försäkringskassan', group: 'state', amounts: each('30667000') },
    { id: 'vgr', name: 'Västra Götalandsregionen', group: 'region' },
    { id: 'gbg', name: 'Göteborgs Stad', group: 'kommun', population: 600_000 },
    { id: 'mld', name: 'Mölndal', group: 'kommun', population: 70_000 },
    { id: 'prt', name: 'Partille', group: 'kommun', amounts: each('500000.50') },
  ],
  esfProjects: [
    { id: 'gg', name: 'Gränsgångare', status: 'approved' },
    { id: 'mia', name: 'MIA Vidare', status: 'applied' },
  ],
  revenues: [
    { id: 'gg-rev', kind: 'esf', name: 'ESF Gränsgångare', project: 'gg', amounts: each('3308000') },
    { id: 'mia-rev', kind: 'esf', name: 'ESF MIA', project: 'mia', amounts: { '2024': '900000' } },
    { id: 'utb', kind: 'income', name: 'Utbildning', amounts: each('40000') },
  ],
  costs: [
    {
      id: 'team',
      name: 'Individsamverkansteam',
      category: 'individual',
      member: 'gbg',
      amount: { type: 'yearly', amounts: each('10930000') },
    },
    {
      id: 'unga',
      name: 'Unga vuxna',
      category: 'individual',
      utilization: '0.9',
      amount: {
        type: 'yearly',
        amounts: { '2023': '1200000', '2024': '1200000' },
        start: '2023-01-01',
        end: '2024-12-31',
      },
    },
    {
      id: 'proj',
      name: 'Gävleprojekt',
      category: 'structural',
      amount: { type: 'period', start: '2022-07-01', end: '2024-06-30', total: '2400000' },
    },
    {
      id: 'gg-cost',
      name: 'Gränsgångare lokalt',
      category: 'individual',
      project: 'gg',
      amount: { type: 'yearly', amounts: each('2433000') },
    },
    {
      id: 'mia-cost',
      name: 'MIA',
      category: 'individual',
      project: 'mia',
      amount: { type: 'staff', fte: '1', monthlySalary: '42000', start: '2024-03-01' },
    },
    {
      id: 'kansli',
      name: 'Kansli',
      category: 'administration',
      amount: {
        type: 'staff',
        fte: '1.5',
        monthlySalary: '38000',
        salaryYear: 2023,
        employerAddOn: '0.3142',
        indexed: true,
      },
    },
    {
      id: 'styrelse',
      name: 'Styrelsen',
      category: 'administration',
      amount: { type: 'yearly', amounts: each('450000') },
    },
    {
      id: 'room',
      name: 'Utrymme nya insatser',
      category: 'unallocated',
      amount: { type: 'yearly', amounts: each('300000') },
    },
  ],
  assumptions: { utilization: '0.95', indexation: '0.02', employerAddOn: '0.32' },
  thresholds: { equityCap: '0.2', adminShare: { min: '0.05', max: '0.15' } },
  stated: [
    {
      year: 2023,
      figure: 'costs',
      value: '75724000',
      precision: '1000',
      label: 'SUMMA KOSTNADER',
      source: { file: 'vp.pdf', line: 12 },
    },
    { year: 2024, figure: 'share-administration', value: '0.102', precision: '0.001', label: 'Förvaltning andel' },
    { year: 2024, figure: 'revenue', value: '1', when: { project: 'mia', runs: true } },
  ],
  scenarios: [
    { id: 'cut', name: 'Staten −10 %', changes: [{ type: 'state-allocation', fromYear: 2024, rate: '-0.1' }] },
    {
      id: 'combo',
      name: 'Kombination',
      basedOn: 'cut',
      changes: [
        { type: 'esf-decision', project: 'gg', decision: 'rejected', keepLines: ['gg-cost'] },
        { type: 'esf-decision', project: 'mia', decision: 'approved', share: '0.8', scaleCosts: true },
        { type: 'insats-stop', line: 'team', from: '2024-07-01' },
        { type: 'insats-extend', line: 'unga', until: '2025-06-30' },
        { type: 'insats-scale', line: 'proj', share: '0.5', fromYear: 2024 },
        {
          type: 'insats-new',
          line: {
            id: 'ny',
            name: 'Ny insats',
            category: 'structural',
            amount: { type: 'yearly', amounts: { '2025': '100000' } },
          },
        },
        { type: 'member-contribution', member: 'prt', fromYear: 2025, amount: '10000' },
        { type: 'utilization', rate: '0.9' },
        { type: 'utilization', rate: '1', line: 'ny' },
        { type: 'indexation', rate: '0.03' },
        { type: 'employer-add-on', rate: '0.35' },
        { type: 'insats-start', line: 'room', from: '2024-01-01' },
      ],
    },
  ],
});

const errorsOf = (result: Result<unknown>): Issue[] => (result.ok ? [] : result.errors);

/** Walks any value looking for NaN. */
const hasNaN = (value: unknown, seen = new Set<unknown>()): boolean => {
  if (typeof value === 'number') return Number.isNaN(value);
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => hasNaN(v, seen));
};

const ENGLISH = /\b(invalid|expected|required|received|too (small|big)|must be)\b/i;

function expectWellFormed(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  expect(hasNaN(result)).toBe(false);
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e.code).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(ENGLISH);
    expect(Array.isArray(e.path)).toBe(true);
    for (const p of e.path ?? []) expect(['string', 'number']).toContain(typeof p);
  }
}

describe('parsePlan: valid plans', () => {
  it('parses a minimal plan and fills in the defaults', () => {
    const result = parsePlan(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(1);
    expect(result.value.esfProjects).toEqual([]);
    expect(result.value.costs).toEqual([]);
    expect(result.value.assumptions).toEqual({ utilization: '1', indexation: '0.02', employerAddOn: '0.32' });
    expect(result.value.thresholds).toEqual({ equityCap: '0.2', adminShare: { min: '0', max: '0.15' } });
  });

  it('parses a plan using every feature, and its scenarios project', () => {
    const result = parsePlan(rich());
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.value.costs.find((c) => c.id === 'mia-cost')?.amount).toMatchObject({ type: 'staff', indexed: true });
    for (const s of result.value.scenarios) expect(projectPlan(result.value, s).ok).toBe(true);
  });

  it('accepts 3, 4 and 5 consecutive years', () => {
    for (const years of [
      [2023, 2024, 2025],
      [2023, 2024, 2025, 2026],
      [2023, 2024, 2025, 2026, 2027],
    ]) {
      expect(parsePlan({ ...minimal(), years }).ok).toBe(true);
    }
  });
});

describe('parsePlan: errors are data with a path and a Swedish message', () => {
  it('non-consecutive years', () => {
    expect(errorsOf(parsePlan({ ...minimal(), years: [2023, 2025, 2026], members: [] }))).toEqual([
      {
        code: 'years-not-consecutive',
        message: 'Åren måste följa på varandra: 2023 följs av 2025',
        params: { previous: 2023, year: 2025 },
        path: ['years', 1],
        field: '1',
      },
    ]);
    expect(errorsOf(parsePlan({ ...minimal(), years: [2025, 2024, 2023], members: [] }))[0]).toMatchObject({
      code: 'years-not-consecutive',
      path: ['years', 1],
    });
  });

  it('one to ten years: none or eleven are refused', () => {
    const one = parsePlan({
      ...minimal(),
      years: [2025],
      members: [{ ...minimal().members[0], amounts: { '2025': '1' } }],
    });
    expect(one.ok).toBe(true);
    const ten = Array.from({ length: 10 }, (_, i) => 2023 + i);
    expect(parsePlan({ ...minimal(), years: ten }).ok).toBe(true);
    const none = errorsOf(parsePlan({ ...minimal(), years: [], members: [] }));
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({
      code: 'schema-too_small',
      path: ['years'],
      params: { minimum: 1, origin: 'array', inclusive: 'true' },
    });
    expect(none[0]?.message).toMatch(/1/);
    const eleven = errorsOf(parsePlan({ ...minimal(), years: [...ten, 2033] }));
    expect(eleven).toHaveLength(1);
    expect(eleven[0]).toMatchObject({
      code: 'schema-too_big',
      path: ['years'],
      params: { maximum: 10, origin: 'array', inclusive: 'true' },
    });
    expect(eleven[0]?.message).toMatch(/10/);
  });

  it('opening equity may be absent (the document states none), but not malformed', () => {
    const { openingEquity: _, ...rest } = minimal();
    const parsed = parsePlan(rest);
    expect(parsed.ok && parsed.value.openingEquity).toBeUndefined();
    expect(parsed.ok).toBe(true);
    expect(errorsOf(parsePlan({ ...minimal(), openingEquity: '12,5' }))[0]).toMatchObject({ path: ['openingEquity'] });
  });

  it('stated figures: lines are required, known and of one kind for line sums, refused elsewhere', () => {
    const stated = (s: Record<string, unknown>) => ({ ...rich(), stated: [{ year: 2023, value: '1', ...s }] });
    expect(parsePlan(stated({ figure: 'lines', lines: ['gg-rev', 'fk'] })).ok).toBe(true);
    expect(parsePlan(stated({ figure: 'share-lines', value: '0.5', lines: ['gg-cost'] })).ok).toBe(true);
    expect(errorsOf(parsePlan(stated({ figure: 'lines' })))).toMatchObject([
      { code: 'lines-missing', path: ['stated', 0, 'lines'] },
    ]);
    expect(errorsOf(parsePlan(stated({ figure: 'share-lines', lines: [] })))).toMatchObject([
      { code: 'lines-missing', path: ['stated', 0, 'lines'] },
    ]);
    expect(errorsOf(parsePlan(stated({ figure: 'lines', lines: ['fk', 'nope'] })))).toMatchObject([
      { code: 'unknown-line', path: ['stated', 0, 'lines', 1] },
    ]);
    expect(errorsOf(parsePlan(stated({ figure: 'lines', lines: ['fk', 'fk'] })))).toMatchObject([
      { code: 'duplicate-line', path: ['stated', 0, 'lines', 1] },
    ]);
    expect(errorsOf(parsePlan(stated({ figure: 'share-lines', lines: ['fk', 'gg-cost'] })))).toMatchObject([
      { code: 'mixed-lines', path: ['stated', 0, 'lines'] },
    ]);
    expect(errorsOf(parsePlan(stated({ figure: 'costs', lines: ['fk'] })))).toMatchObject([
      { code: 'lines-not-allowed', path: ['stated', 0, 'lines'] },
    ]);
  });

  it('stated figures: sign, the new figures and a source with row, sheet and quote', () => {
    const parsed = parsePlan({
      ...rich(),
      stated: [
        {
          year: 2023,
          figure: 'costs',
          value: '-15869000',
          sign: 'negative',
          source: { file: 'plan.xlsx', sheet: 'Budget', row: 34, column: 2 },
        },
        { year: 2023, figure: 'esf-revenue', value: '3308000' },
        { year: 2023, figure: 'other-revenue', value: '0' },
        { year: 2023, figure: 'share-member-state', value: '0.5', source: { quote: 'Staten står för hälften.' } },
        { year: 2023, figure: 'share-member-region', value: '0.25' },
        { year: 2023, figure: 'share-member-kommun', value: '0.25' },
      ],
    });
    expect(parsed.ok).toBe(true);
    expect(
      errorsOf(parsePlan({ ...rich(), stated: [{ year: 2023, figure: 'costs', value: '1', sign: 'positive' }] }))[0],
    ).toMatchObject({ path: ['stated', 0, 'sign'] });
    expect(
      errorsOf(parsePlan({ ...rich(), stated: [{ year: 2023, figure: 'costs', value: '1', source: { row: 0 } }] }))[0],
    ).toMatchObject({ path: ['stated', 0, 'source', 'row'] });
  });

  it('duplicate ids, across members, projects, revenue and cost lines', () => {
    const plan = rich();
    plan.costs[2] = { ...(plan.costs[2] as CostInput), id: 'gbg' };
    expect(errorsOf(parsePlan(plan))).toEqual([
      { code: 'duplicate-id', message: 'id "gbg" används redan (members.2)', path: ['costs', 2, 'id'], field: 'id' },
    ]);
    const twoScenarios = rich();
    twoScenarios.scenarios[1] = {
      ...(twoScenarios.scenarios[1] as (typeof twoScenarios.scenarios)[number]),
      id: 'cut',
    };
    expect(errorsOf(parsePlan(twoScenarios))).toContainEqual(
      expect.objectContaining({ code: 'duplicate-id', path: ['scenarios', 1, 'id'] }),
    );
  });

  it('an amount with a decimal comma', () => {
    const plan = minimal();
    (plan.members[0] as { amounts: Record<string, string> }).amounts['2024'] = '12,5';
    const errors = errorsOf(parsePlan(plan));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: ['members', 0, 'amounts', '2024'], field: '2024' });
    expect(errors[0]?.message).toBe('Belopp anges i kronor som decimaltext, t.ex. "12604000" eller "150480.25"');
  });

  it('an amount given as a JSON number instead of a string', () => {
    const errors = errorsOf(parsePlan({ ...minimal(), openingEquity: 12_604_000 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'schema-invalid_type',
      path: ['openingEquity'],
      params: { expected: 'string' },
    });
    expect(errors[0]?.message).toMatch(/förväntat/);
  });

  it('an amount finer than öre or above 1 000 000 000 kr', () => {
    const fine = errorsOf(parsePlan({ ...minimal(), openingEquity: '12.345' }));
    expect(fine[0]).toMatchObject({ path: ['openingEquity'] });
    const big = errorsOf(parsePlan({ ...minimal(), openingEquity: '1000000000.01' }));
    expect(big).toEqual([
      {
        code: 'amount-range',
        message: 'Beloppet 1000000000.01 kr är större än 1 000 000 000 kr',
        path: ['openingEquity'],
        field: 'openingEquity',
      },
    ]);
  });

  it('an unknown ESF project on a cost line', () => {
    const plan = rich();
    plan.costs[0] = { ...(plan.costs[0] as CostInput), project: 'landa' };
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'unknown-project',
        message: 'ESF-projektet "landa" finns inte',
        path: ['costs', 0, 'project'],
        field: 'project',
      },
    ]);
  });

  it('an ESF revenue line without a project', () => {
    const plan = rich();
    plan.revenues[0] = { id: 'gg-rev', kind: 'esf', name: 'ESF Gränsgångare', amounts: each('3308000') };
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'unknown-project',
        message: 'ESF-intäkten "ESF Gränsgångare" måste höra till ett ESF-projekt som finns',
        path: ['revenues', 0, 'project'],
        field: 'project',
      },
    ]);
  });

  it('a stated figure for a year outside the plan', () => {
    const plan = rich();
    plan.stated.push({ year: 2030, figure: 'costs', value: '1' } as (typeof plan.stated)[number]);
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'year-outside-plan',
        message: '2030 är inte ett av planens år',
        path: ['stated', 3, 'year'],
        field: 'year',
      },
    ]);
  });

  it('an amount for a year outside the plan', () => {
    const plan = minimal();
    (plan.members[0] as { amounts: Record<string, string> }).amounts['2026'] = '1';
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'year-outside-plan',
        message: '2026 är inte ett av planens år (2023, 2024, 2025)',
        path: ['members', 0, 'amounts', '2026'],
        field: '2026',
      },
    ]);
  });

  it('a scenario referring to an unknown line', () => {
    const plan = rich();
    plan.scenarios.push({
      id: 'x',
      name: 'Stoppa',
      changes: [{ type: 'insats-stop', line: 'finns-ej', from: '2024-01-01' }],
    });
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'unknown-line',
        message: 'Scenario "Stoppa", ändring 1: kostnadsraden "finns-ej" finns inte',
        path: ['scenarios', 2, 'changes', 0, 'line'],
        field: 'line',
      },
    ]);
  });

  it('a cycle in basedOn, and an unknown parent', () => {
    const plan = {
      ...minimal(),
      scenarios: [
        { id: 'a', name: 'A', basedOn: 'b', changes: [] },
        { id: 'b', name: 'B', basedOn: 'a', changes: [] },
      ],
    };
    const errors = errorsOf(parsePlan(plan));
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['scenario-cycle', ['scenarios', 0, 'basedOn']],
      ['scenario-cycle', ['scenarios', 1, 'basedOn']],
    ]);
    const orphan = { ...minimal(), scenarios: [{ id: 'a', name: 'A', basedOn: 'nope', changes: [] }] };
    expect(errorsOf(parsePlan(orphan))).toEqual([
      {
        code: 'unknown-scenario',
        message: 'Scenariot "A" bygger på "nope", som inte finns',
        path: ['scenarios', 0, 'basedOn'],
      },
    ]);
  });

  it('other references and ranges: unknown member, reversed period, impossible date, utilization over 1, missing state amounts', () => {
    const plan = rich();
    plan.costs[0] = { ...(plan.costs[0] as CostInput), member: 'ale' };
    plan.costs[2] = {
      id: 'proj',
      name: 'P',
      category: 'structural',
      amount: { type: 'period', start: '2024-07-01', end: '2023-06-30', total: '1' },
    };
    plan.costs[1] = {
      id: 'unga',
      name: 'U',
      category: 'individual',
      utilization: '1.1',
      amount: { type: 'yearly', amounts: {}, start: '2023-02-30' },
    } as unknown as CostInput;
    plan.members[0] = { id: 'fk', name: 'FK', group: 'state' } as (typeof plan.members)[number];
    const codes = errorsOf(parsePlan(plan)).map((e) => [e.code, (e.path ?? []).join('.')]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['unknown-member', 'costs.0.member'],
        ['period-reversed', 'costs.2.amount.end'],
        ['invalid-date', 'costs.1.amount.start'],
        ['rate-range', 'costs.1.utilization'],
        ['missing-amounts', 'members.0.amounts'],
      ]),
    );
  });

  it('kommuner sharing a derived contribution need populations', () => {
    const plan = rich();
    plan.members[3] = { id: 'mld', name: 'Mölndal', group: 'kommun' } as (typeof plan.members)[number];
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'missing-population',
        message: 'Mölndal: invånarantal behövs för att fördela medlemsbidraget',
        params: { member: 'Mölndal' },
        path: ['members', 3, 'population'],
        field: 'population',
      },
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const plan = rich();
    plan.costs[0] = { ...(plan.costs[0] as CostInput), project: 'landa' };
    plan.revenues[0] = { id: 'gg-rev', kind: 'esf', name: 'ESF', amounts: {} };
    plan.stated.push({ year: 2019, figure: 'costs', value: '1' } as (typeof plan.stated)[number]);
    expect(errorsOf(parsePlan(plan)).map((e) => e.code)).toEqual([
      'unknown-project',
      'unknown-project',
      'year-outside-plan',
    ]);
  });
});

describe('parseScenario', () => {
  it('checks a scenario against the plan and reports paths inside the scenario', () => {
    const plan = parsePlan(rich());
    if (!plan.ok) throw new Error('fixture');
    const good = parseScenario(
      { id: 's', name: 'S', changes: [{ type: 'state-allocation', fromYear: 2024, amount: '-72000' }] },
      plan.value,
    );
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.value.changes[0]).toMatchObject({ matching: true });
    expect(
      errorsOf(
        parseScenario(
          { id: 's', name: 'S', changes: [{ type: 'esf-decision', project: 'x', decision: 'rejected' }] },
          plan.value,
        ),
      ),
    ).toEqual([
      {
        code: 'unknown-project',
        message: 'Scenario "S", ändring 1: ESF-projektet "x" finns inte',
        path: ['changes', 0, 'project'],
        field: 'project',
      },
    ]);
    expect(
      errorsOf(
        parseScenario(
          { id: 's', name: 'S', changes: [{ type: 'state-allocation', fromYear: 2024, rate: '-0.1', amount: '5' }] },
          plan.value,
        ),
      )[0],
    ).toMatchObject({
      message: 'Ange antingen rate (andel) eller amount (kronor), inte båda',
      path: ['changes', 0, 'rate'],
    });
  });
});

describe('parsePlan never throws', () => {
  it('on arbitrary values (property)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
        (input) => {
          expectWellFormed(parsePlan(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON objects shaped a little like a plan (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            name: fc.jsonValue(),
            years: fc.jsonValue(),
            openingEquity: fc.jsonValue(),
            members: fc.jsonValue(),
            costs: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        (input) => {
          expectWellFormed(parsePlan(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on random mutations of a valid plan; an accepted mutant projects and audits without throwing (property)', () => {
    const paths: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) collect(v, [...path, i]);
      } else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) collect(v, [...path, k]);
    };
    collect(rich(), []);
    const replacement = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.constantFrom(
        '',
        '-1',
        '0',
        '1',
        '1.5',
        '2',
        '1e3',
        '12,5',
        '-0.001',
        '1000000000.01',
        '2024-02-30',
        '2023-13-01',
        'gbg',
        'gg',
        'cut',
        'mia',
        'team',
        'state',
        'staff',
        'period',
        'yearly',
      ),
      fc.integer({ min: 1985, max: 2205 }),
      fc.double(),
    );
    fc.assert(
      fc.property(
        fc.nat(paths.length - 1),
        fc.constantFrom('replace', 'delete', 'duplicate'),
        replacement,
        (index, op, value) => {
          const plan = rich();
          const path = paths[index] ?? [];
          if (path.length === 0) return;
          let parent: unknown = plan;
          for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
          const key = path.at(-1) as string | number;
          const node = parent as Record<string | number, unknown>;
          if (op === 'replace') node[key] = value;
          else if (op === 'delete') {
            if (Array.isArray(node)) node.splice(key as number, 1);
            else delete node[key];
          } else if (Array.isArray(node)) node.push(JSON.parse(JSON.stringify(node[key as number] ?? null)));
          else node[key] = value;
          const result = parsePlan(plan);
          expectWellFormed(result);
          if (!result.ok) return;
          expect(projectPlan(result.value).ok).toBe(true);
          for (const s of result.value.scenarios) {
            const projected = projectPlan(result.value, s);
            expect(projected.ok).toBe(true);
            expect(hasNaN(projected.ok ? projected.value.rows : null)).toBe(false);
          }
          expect(auditPlan(result.value).checked).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
