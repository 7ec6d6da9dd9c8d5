import { describe, expect, it } from 'vitest';
import { applyScenario } from './applyScenario.ts';
import { compilePlan } from './compilePlan.ts';
import { kronor } from './money.ts';
import { parsePlan, parseScenario } from './parsePlan.ts';
import type { Plan, PlanInput } from './planSchema.ts';
import { type Projection, projectPlan } from './projectPlan.ts';
import type { Scenario, ScenarioInput } from './scenarioSchema.ts';

type ChangeInput = NonNullable<ScenarioInput['changes']>[number];

const each = (kr: string) => ({ '2023': kr, '2024': kr, '2025': kr });

/**
 * A small plan worked through by hand (kronor):
 * members 2 000 000 (state) + 1 000 000 (region) + 600 000 + 400 000 (kommuner) a year;
 * ESF Gränsgångare (approved) 500 000 a year, MIA (applied, so not in the base) 300 000; income 40 000.
 */
const input = (): PlanInput => ({
  name: 'Samordningsförbundet Handräknat',
  years: [2023, 2024, 2025],
  openingEquity: '5000000',
  members: [
    { id: 'fk', name: 'Försäkringskassan', group: 'state', amounts: each('2000000') },
    { id: 'vgr', name: 'Regionen', group: 'region', amounts: each('1000000') },
    { id: 'ka', name: 'Kommun A', group: 'kommun', amounts: each('600000') },
    { id: 'kb', name: 'Kommun B', group: 'kommun', amounts: each('400000') },
  ],
  esfProjects: [
    { id: 'gg', name: 'Gränsgångare', status: 'approved' },
    { id: 'mia', name: 'MIA Vidare', status: 'applied' },
  ],
  revenues: [
    { id: 'gg-rev', kind: 'esf', name: 'ESF Gränsgångare', project: 'gg', amounts: each('500000') },
    { id: 'mia-rev', kind: 'esf', name: 'ESF MIA', project: 'mia', amounts: each('300000') },
    { id: 'utb', kind: 'income', name: 'Utbildning', amounts: each('40000') },
  ],
  costs: [
    { id: 'team', name: 'Team', category: 'individual', amount: { type: 'yearly', amounts: each('1200000') } },
    {
      id: 'coach',
      name: 'Coacher',
      category: 'individual',
      amount: { type: 'yearly', amounts: { '2023': '1200000', '2024': '1200000' } },
    },
    {
      id: 'later',
      name: 'Senare insats',
      category: 'individual',
      amount: { type: 'yearly', amounts: { '2024': '1200000', '2025': '1200000' } },
    },
    {
      id: 'proj',
      name: 'Projekt',
      category: 'structural',
      amount: { type: 'period', start: '2022-07-01', end: '2024-06-30', total: '2400000' },
    },
    {
      id: 'gg-cost',
      name: 'Gränsgångare',
      category: 'individual',
      project: 'gg',
      amount: { type: 'yearly', amounts: each('400000') },
    },
    {
      id: 'gg-keep',
      name: 'Gränsgångare nätverk',
      category: 'structural',
      project: 'gg',
      amount: { type: 'yearly', amounts: each('100000') },
    },
    {
      id: 'mia-cost',
      name: 'MIA',
      category: 'individual',
      project: 'mia',
      amount: { type: 'yearly', amounts: each('250000') },
    },
    {
      id: 'kansli',
      name: 'Kansli',
      category: 'administration',
      amount: { type: 'staff', fte: '1.5', monthlySalary: '38000' },
    },
    {
      id: 'chef',
      name: 'Förbundschef',
      category: 'administration',
      amount: { type: 'staff', fte: '0.25', monthlySalary: '38000', employerAddOn: '0.30' },
    },
    {
      id: 'room',
      name: 'Utrymme nya insatser',
      category: 'unallocated',
      amount: { type: 'yearly', amounts: each('300000') },
    },
  ],
  assumptions: { utilization: '1', indexation: '0.02', employerAddOn: '0.32' },
});

const plan = (extra: Partial<PlanInput> = {}): Plan => {
  const result = parsePlan({ ...input(), ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const PLAN = plan();

const scenario = (changes: ChangeInput[], p: Plan = PLAN, extra: Partial<ScenarioInput> = {}): Scenario => {
  const result = parseScenario({ id: 'test', name: 'Test', changes, ...extra }, p);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const run = (changes: ChangeInput[], p: Plan = PLAN): Projection => {
  const result = projectPlan(p, scenario(changes, p));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const baseline = (() => {
  const result = projectPlan(PLAN);
  if (!result.ok) throw new Error('base');
  return result.value;
})();

/** A line's amounts in kronor (numbers, exact to öre for these figures). */
const kr = (p: Projection, id: string): number[] => {
  const line = p.lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id}`);
  return line.amounts.map((a) => a / 100);
};
const closing = (p: Projection) => p.rows.map((r) => r.closingEquity / 100);
const members = (p: Projection) => p.rows.map((r) => r.revenueBySource.members / 100);

/** Every line equal to the base except the listed ones. */
function expectOthersUnchanged(p: Projection, changed: string[]): void {
  for (const l of p.lines) if (!changed.includes(l.id)) expect(kr(p, l.id), l.id).toEqual(kr(baseline, l.id));
}

describe('the hand-made plan', () => {
  it('projects as worked out by hand', () => {
    expect(kr(baseline, 'proj')).toEqual([1_200_000, 600_000, 0]);
    expect(kr(baseline, 'kansli')).toEqual([902_880, 920_937.6, 939_356.35]);
    expect(kr(baseline, 'chef')).toEqual([148_200, 151_164, 154_187.28]);
    expect(kr(baseline, 'mia-rev')).toEqual([0, 0, 0]);
    expect(kr(baseline, 'mia-cost')).toEqual([0, 0, 0]);
    expect(baseline.rows.map((r) => r.revenue / 100)).toEqual([4_540_000, 4_540_000, 4_540_000]);
    expect(baseline.rows.map((r) => r.costs / 100)).toEqual([5_451_080, 6_072_101.6, 4_293_543.63]);
    expect(closing(baseline)).toEqual([4_088_920, 2_556_818.4, 2_803_274.77]);
    expect(baseline.rows[0]?.costsByCategory).toEqual({
      individual: kronor(2_800_000),
      structural: kronor(1_300_000),
      administration: kronor(1_051_080),
      unallocated: kronor(300_000),
    });
  });
});

describe('insats changes', () => {
  it('insats-stop mid-year: 1 200 000 a year stopped from 2024-07-01 gives 600 000 in 2024 and 0 after', () => {
    const p = run([{ type: 'insats-stop', line: 'team', from: '2024-07-01' }]);
    expect(kr(p, 'team')).toEqual([1_200_000, 600_000, 0]);
    expectOthersUnchanged(p, ['team']);
    expect(closing(p)).toEqual([4_088_920, 2_556_818.4 + 600_000, 2_803_274.77 + 1_800_000]);
  });

  it('insats-stop on a staff line recomputes its months', () => {
    const p = run([{ type: 'insats-stop', line: 'kansli', from: '2024-07-01' }]);
    expect(kr(p, 'kansli')).toEqual([902_880, 460_468.8, 0]);
  });

  it('insats-stop on a period line keeps its monthly rate', () => {
    const p = run([{ type: 'insats-stop', line: 'proj', from: '2023-04-01' }]);
    expect(kr(p, 'proj')).toEqual([300_000, 0, 0]);
  });

  it('insats-stop before the horizon removes the line entirely', () => {
    const p = run([{ type: 'insats-stop', line: 'team', from: '2020-01-01' }]);
    expect(kr(p, 'team')).toEqual([0, 0, 0]);
  });

  it('insats-start earlier: a line starting in 2024 started from 2023-07-01 gets half a year in 2023', () => {
    const p = run([{ type: 'insats-start', line: 'later', from: '2023-07-01' }]);
    expect(kr(p, 'later')).toEqual([600_000, 1_200_000, 1_200_000]);
    expectOthersUnchanged(p, ['later']);
  });

  it('insats-start later: a running line started from 2024-04-01 gets nothing before and nine months in 2024', () => {
    const p = run([{ type: 'insats-start', line: 'team', from: '2024-04-01' }]);
    expect(kr(p, 'team')).toEqual([0, 900_000, 1_200_000]);
  });

  it('insats-extend: a line ending in year 2 extended into year 3 keeps its monthly rate', () => {
    expect(kr(run([{ type: 'insats-extend', line: 'coach', until: '2025-12-31' }]), 'coach')).toEqual([
      1_200_000, 1_200_000, 1_200_000,
    ]);
    expect(kr(run([{ type: 'insats-extend', line: 'coach', until: '2025-06-30' }]), 'coach')).toEqual([
      1_200_000, 1_200_000, 600_000,
    ]);
  });

  it('insats-extend on a period line: 100 000 a month carries on to the new end', () => {
    const p = run([{ type: 'insats-extend', line: 'proj', until: '2025-06-30' }]);
    expect(kr(p, 'proj')).toEqual([1_200_000, 1_200_000, 600_000]);
  });

  it('insats-scale from a year keeps the earlier years', () => {
    expect(kr(run([{ type: 'insats-scale', line: 'team', share: '0.8', fromYear: 2024 }]), 'team')).toEqual([
      1_200_000, 960_000, 960_000,
    ]);
    expect(kr(run([{ type: 'insats-scale', line: 'team', share: '0.8' }]), 'team')).toEqual([
      960_000, 960_000, 960_000,
    ]);
  });

  it('insats-scale twice multiplies', () => {
    const p = run([
      { type: 'insats-scale', line: 'team', share: '0.5' },
      { type: 'insats-scale', line: 'team', share: '0.5', fromYear: 2025 },
    ]);
    expect(kr(p, 'team')).toEqual([600_000, 600_000, 300_000]);
  });

  it('insats-new adds a line with its own amounts to its category', () => {
    const p = run([
      {
        type: 'insats-new',
        line: {
          id: 'ny',
          name: 'Ny insats',
          category: 'structural',
          amount: { type: 'period', start: '2024-01-01', end: '2025-12-31', total: '480000' },
        },
      },
    ]);
    expect(kr(p, 'ny')).toEqual([0, 240_000, 240_000]);
    expect(
      p.rows.map(
        (r) => (r.costsByCategory.structural - (baseline.rows[r.year - 2023]?.costsByCategory.structural ?? 0)) / 100,
      ),
    ).toEqual([0, 240_000, 240_000]);
    expectOthersUnchanged(p, ['ny']);
  });

  it('insats-new can be stopped and given its own utilization later in the same scenario', () => {
    const p = run([
      {
        type: 'insats-new',
        line: { id: 'ny', name: 'Ny', category: 'individual', amount: { type: 'yearly', amounts: each('500000') } },
      },
      { type: 'insats-stop', line: 'ny', from: '2025-01-01' },
      { type: 'utilization', line: 'ny', rate: '0.5' },
    ]);
    expect(kr(p, 'ny')).toEqual([250_000, 250_000, 0]);
  });
});

describe('member contributions and the state allocation', () => {
  it('member-contribution by amount changes that member only, from the year', () => {
    const p = run([{ type: 'member-contribution', member: 'ka', fromYear: 2024, amount: '100000' }]);
    expect(kr(p, 'ka')).toEqual([600_000, 700_000, 700_000]);
    expectOthersUnchanged(p, ['ka']);
    expect(members(p)).toEqual([4_000_000, 4_100_000, 4_100_000]);
  });

  it('member-contribution by rate', () => {
    const p = run([{ type: 'member-contribution', member: 'vgr', fromYear: 2025, rate: '0.1' }]);
    expect(kr(p, 'vgr')).toEqual([1_000_000, 1_000_000, 1_100_000]);
    expectOthersUnchanged(p, ['vgr']);
  });

  it('state-allocation by amount with matching: the others follow in proportion, total moves by twice the cut', () => {
    const p = run([{ type: 'state-allocation', fromYear: 2024, amount: '-100000' }]);
    expect(kr(p, 'fk')).toEqual([2_000_000, 1_900_000, 1_900_000]);
    expect(kr(p, 'vgr')).toEqual([1_000_000, 950_000, 950_000]);
    expect(kr(p, 'ka')).toEqual([600_000, 570_000, 570_000]);
    expect(kr(p, 'kb')).toEqual([400_000, 380_000, 380_000]);
    expect(members(p)).toEqual([4_000_000, 3_800_000, 3_800_000]);
    expectOthersUnchanged(p, ['fk', 'vgr', 'ka', 'kb']);
  });

  it('state-allocation by amount without matching moves the state only', () => {
    const p = run([{ type: 'state-allocation', fromYear: 2024, amount: '-100000', matching: false }]);
    expect(kr(p, 'fk')).toEqual([2_000_000, 1_900_000, 1_900_000]);
    expect(members(p)).toEqual([4_000_000, 3_900_000, 3_900_000]);
    expectOthersUnchanged(p, ['fk']);
  });

  it('state-allocation by rate with matching (Göteborg 2023: state −72 tkr, total −144 tkr)', () => {
    const p = run([{ type: 'state-allocation', fromYear: 2024, rate: '-0.1' }]);
    expect(kr(p, 'fk')).toEqual([2_000_000, 1_800_000, 1_800_000]);
    expect(kr(p, 'vgr')).toEqual([1_000_000, 900_000, 900_000]);
    expect(members(p)).toEqual([4_000_000, 3_600_000, 3_600_000]);
    const gbg = run([{ type: 'state-allocation', fromYear: 2023, amount: '-72000' }]);
    expect(members(gbg)).toEqual([3_856_000, 3_856_000, 3_856_000]);
  });

  it('the matching rule follows derived members too (Finnveden 2021 split by population)', () => {
    const p = plan({
      members: [
        { id: 'fk', name: 'FK', group: 'state', amounts: each('2579000') },
        { id: 'rj', name: 'Region Jönköpings län', group: 'region' },
        { id: 'vmo', name: 'Värnamo', group: 'kommun', population: 5203 },
        { id: 'gno', name: 'Gnosjö', group: 'kommun', population: 1687 },
        { id: 'gis', name: 'Gislaved', group: 'kommun', population: 6005 },
      ],
    });
    const before = projectPlan(p);
    if (!before.ok) throw new Error('base');
    expect(kr(before.value, 'rj')).toEqual([1_289_500, 1_289_500, 1_289_500]);
    expect([kr(before.value, 'vmo')[0], kr(before.value, 'gno')[0], kr(before.value, 'gis')[0]]).toEqual([
      520_300, 168_700, 600_500,
    ]);
    const cut = run([{ type: 'state-allocation', fromYear: 2025, amount: '-257900' }], p);
    expect(members(cut)).toEqual([5_158_000, 5_158_000, 4_642_200]);
    expect(kr(cut, 'rj')[2]).toBe(1_160_550);
  });
});

describe('assumptions', () => {
  it('indexation changes staff lines from the salary year on', () => {
    const p = run([{ type: 'indexation', rate: '0.03' }]);
    expect(kr(p, 'kansli')).toEqual([902_880, 929_966.4, 957_865.39]);
    expect(kr(p, 'chef')).toEqual([148_200, 152_646, 157_225.38]);
    expectOthersUnchanged(p, ['kansli', 'chef']);
  });

  it('employer add-on changes staff lines without their own add-on', () => {
    const p = run([{ type: 'employer-add-on', rate: '0.35' }]);
    expect(kr(p, 'kansli')).toEqual([923_400, 941_868, 960_705.36]);
    expectOthersUnchanged(p, ['kansli']);
  });

  it('indexation and employer add-on together, after a stop', () => {
    const p = run([
      { type: 'insats-stop', line: 'kansli', from: '2025-07-01' },
      { type: 'indexation', rate: '0.03' },
      { type: 'employer-add-on', rate: '0.35' },
    ]);
    expect(kr(p, 'kansli')).toEqual([923_400, 951_102, 489_817.53]);
  });

  it('utilization scales individual and structural lines, not administration or unallocated room', () => {
    const p = run([{ type: 'utilization', rate: '0.9' }]);
    expect(kr(p, 'team')).toEqual([1_080_000, 1_080_000, 1_080_000]);
    expect(kr(p, 'proj')).toEqual([1_080_000, 540_000, 0]);
    expect(kr(p, 'gg-keep')).toEqual([90_000, 90_000, 90_000]);
    expectOthersUnchanged(p, ['team', 'coach', 'later', 'proj', 'gg-cost', 'gg-keep']);
  });

  it('utilization of one line', () => {
    const p = run([{ type: 'utilization', rate: '0.5', line: 'team' }]);
    expect(kr(p, 'team')).toEqual([600_000, 600_000, 600_000]);
    expectOthersUnchanged(p, ['team']);
  });

  it('a line’s own utilization is not overridden by the general one', () => {
    const own = input();
    own.costs = (own.costs ?? []).map((c) => (c.id === 'team' ? { ...c, utilization: '0.75' } : c));
    const p = plan(own);
    expect(kr(run([{ type: 'utilization', rate: '0.9' }], p), 'team')).toEqual([900_000, 900_000, 900_000]);
  });
});

describe('ESF decisions', () => {
  it('rejected removes the project’s revenue and cost lines', () => {
    const p = run([{ type: 'esf-decision', project: 'gg', decision: 'rejected' }]);
    expect(kr(p, 'gg-rev')).toEqual([0, 0, 0]);
    expect(kr(p, 'gg-cost')).toEqual([0, 0, 0]);
    expect(kr(p, 'gg-keep')).toEqual([0, 0, 0]);
    expectOthersUnchanged(p, ['gg-rev', 'gg-cost', 'gg-keep']);
  });

  it('rejected with keepLines keeps those insatser on own funds', () => {
    const p = run([{ type: 'esf-decision', project: 'gg', decision: 'rejected', keepLines: ['gg-keep'] }]);
    expect(kr(p, 'gg-keep')).toEqual([100_000, 100_000, 100_000]);
    expect(kr(p, 'gg-cost')).toEqual([0, 0, 0]);
  });

  it('approving an applied project brings in its revenue and costs', () => {
    const p = run([{ type: 'esf-decision', project: 'mia', decision: 'approved' }]);
    expect(kr(p, 'mia-rev')).toEqual([300_000, 300_000, 300_000]);
    expect(kr(p, 'mia-cost')).toEqual([250_000, 250_000, 250_000]);
    expectOthersUnchanged(p, ['mia-rev', 'mia-cost']);
  });

  it('approved at a lower share scales revenue, and costs only with scaleCosts', () => {
    const p = run([{ type: 'esf-decision', project: 'gg', decision: 'approved', share: '0.5' }]);
    expect(kr(p, 'gg-rev')).toEqual([250_000, 250_000, 250_000]);
    expectOthersUnchanged(p, ['gg-rev']);
    const scaled = run([{ type: 'esf-decision', project: 'gg', decision: 'approved', share: '0.5', scaleCosts: true }]);
    expect(kr(scaled, 'gg-cost')).toEqual([200_000, 200_000, 200_000]);
    expect(kr(scaled, 'gg-keep')).toEqual([50_000, 50_000, 50_000]);
  });

  it('the last decision on a project wins', () => {
    const p = run([
      { type: 'esf-decision', project: 'gg', decision: 'rejected' },
      { type: 'esf-decision', project: 'gg', decision: 'approved' },
    ]);
    expectOthersUnchanged(p, []);
  });
});

describe('scenarios built on scenarios', () => {
  const parent: ScenarioInput = {
    id: 'minus100',
    name: 'Staten −100 tkr',
    changes: [{ type: 'state-allocation', fromYear: 2024, amount: '-100000' }],
  };

  it('applies the parent’s changes first', () => {
    const p = plan({ scenarios: [parent] });
    const child = scenario([{ type: 'state-allocation', fromYear: 2024, rate: '-0.1' }], p, {
      id: 'child',
      basedOn: 'minus100',
    });
    const result = projectPlan(p, child);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // (2 000 000 − 100 000) × 0.9, not 2 000 000 × 0.9 − 100 000
    expect(kr(result.value, 'fk')).toEqual([2_000_000, 1_710_000, 1_710_000]);
    expect(kr(result.value, 'vgr')).toEqual([1_000_000, 855_000, 855_000]);
    expect(kr(result.value, 'ka')).toEqual([600_000, 513_000, 513_000]);
    expect(kr(result.value, 'kb')).toEqual([400_000, 342_000, 342_000]);
    expect(members(result.value)).toEqual([4_000_000, 3_420_000, 3_420_000]);
  });

  it('a cycle in basedOn is an error, not a hang', () => {
    const p: Plan = {
      ...PLAN,
      scenarios: [
        { id: 'a', name: 'A', basedOn: 'b', changes: [] },
        { id: 'b', name: 'B', basedOn: 'a', changes: [] },
      ],
    };
    const result = projectPlan(p, p.scenarios[0]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({ code: 'scenario-cycle', path: ['scenarios', 'a', 'basedOn'] });
    const self = projectPlan(PLAN, { id: 's', name: 'S', basedOn: 's', changes: [] });
    expect(self.ok).toBe(false);
  });

  it('an unknown parent or line is an error', () => {
    expect(projectPlan(PLAN, { id: 's', name: 'S', basedOn: 'nope', changes: [] })).toMatchObject({
      ok: false,
      errors: [{ code: 'unknown-scenario' }],
    });
    expect(
      projectPlan(PLAN, { id: 's', name: 'S', changes: [{ type: 'insats-stop', line: 'nope', from: '2024-01-01' }] }),
    ).toMatchObject({ ok: false, errors: [{ code: 'unknown-line', path: ['scenarios', 's', 'changes', 0, 'line'] }] });
  });
});

describe('applyScenario', () => {
  it('is pure: the compiled plan is not changed and the same changes give the same amounts', () => {
    const cp = compilePlan(PLAN);
    const snapshot = cp.members.map((m) => [...m.amounts]);
    const changes = scenario([
      { type: 'state-allocation', fromYear: 2023, rate: '-0.5' },
      { type: 'member-contribution', member: 'ka', fromYear: 2023, amount: '1' },
      { type: 'insats-stop', line: 'team', from: '2023-01-01' },
    ]).changes;
    const first = applyScenario(cp, changes);
    expect(cp.members.map((m) => m.amounts)).toEqual(snapshot);
    expect(applyScenario(cp, changes)).toEqual(first);
    expect(first.members[0]).toEqual([100_000_000, 100_000_000, 100_000_000]);
    expect(first.costs[0]).toEqual([0, 0, 0]);
    expect(projectPlan(PLAN)).toEqual({ ok: true, value: baseline });
  });

  it('reports the utilization in force', () => {
    const cp = compilePlan(PLAN);
    expect(applyScenario(cp, scenario([{ type: 'utilization', rate: '0.9' }]).changes).utilization).toMatchObject({
      n: 9n,
      d: 10n,
    });
  });
});

describe('out-of-range and out-of-period input is refused, never dropped', () => {
  it('a scenario amount above the 1 000 000 000 kr cell limit is an error with its path', () => {
    const cut = parseScenario(
      {
        id: 'c',
        name: 'Stor neddragning',
        changes: [{ type: 'state-allocation', fromYear: 2023, amount: '-5000000000' }],
      },
      PLAN,
    );
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.errors.map((e) => [e.code, e.path])).toEqual([['amount-range', ['changes', 0, 'amount']]]);
    const big = parseScenario(
      {
        id: 'n',
        name: 'Stor insats',
        changes: [
          {
            type: 'insats-new',
            line: {
              id: 'ny',
              name: 'Ny',
              category: 'individual',
              amount: { type: 'yearly', amounts: { '2023': '2000000000' } },
            },
          },
        ],
      },
      PLAN,
    );
    expect(!big.ok && big.errors.map((e) => e.code)).toEqual(['amount-range']);
  });

  it('a new insats is checked like a plan line: unknown member and project', () => {
    const bad = parseScenario(
      {
        id: 'n',
        name: 'Ny',
        changes: [
          {
            type: 'insats-new',
            line: {
              id: 'ny',
              name: 'Ny',
              category: 'individual',
              member: 'okand',
              project: 'okant',
              amount: { type: 'yearly', amounts: { '2023': '1' } },
            },
          },
        ],
      },
      PLAN,
    );
    expect(!bad.ok && bad.errors.map((e) => e.code).sort()).toEqual(['unknown-member', 'unknown-project']);
  });

  it('yearly amounts outside the line’s own dates are refused, so a stop always empties the years after it', () => {
    const result = parsePlan({
      ...(PLAN as unknown as PlanInput),
      costs: [
        {
          id: 'team',
          name: 'Team',
          category: 'individual',
          amount: { type: 'yearly', amounts: each('1200000'), end: '2024-06-30' },
        },
      ],
    });
    expect(!result.ok && result.errors.map((e) => [e.code, e.path])).toEqual([
      ['amount-outside-period', ['costs', 0, 'amount', 'amounts', '2025']],
    ]);
    const inside = plan({
      costs: [
        {
          id: 'team',
          name: 'Team',
          category: 'individual',
          amount: { type: 'yearly', amounts: { '2023': '1200000', '2024': '600000' }, end: '2024-06-30' },
        },
      ],
    });
    const stopped = run([{ type: 'insats-stop', line: 'team', from: '2024-01-01' }], inside);
    expect(kr(stopped, 'team')).toEqual([1_200_000, 0, 0]);
  });
});
