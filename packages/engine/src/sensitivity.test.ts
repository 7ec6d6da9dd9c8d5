import { describe, expect, it } from 'vitest';
import { goteborg, scenarioOf } from '../test/seedPlans.ts';
import { formatKronor, type Ore } from './money.ts';
import type { Plan } from './planSchema.ts';
import { projectPlan } from './projectPlan.ts';
import type { ScenarioInput } from './scenarioSchema.ts';
import { sensitivity } from './sensitivity.ts';
import { type UncertainLeverInput, UncertaintyModelSchema } from './uncertaintySchema.ts';

type ChangeInput = NonNullable<ScenarioInput['changes']>[number];

const plan = goteborg();
const base: ChangeInput[] = [
  {
    type: 'insats-new',
    line: {
      id: 'samordnare',
      name: 'Samordnare',
      category: 'individual',
      amount: { type: 'staff', fte: '2', monthlySalary: '45000' },
    },
  },
];
const scenario = scenarioOf(plan, { id: 'ny-tjanst', name: 'Ny tjänst', changes: base });
const levers: UncertainLeverInput[] = [
  { type: 'indexation', distribution: { type: 'uniform', min: '0.01', max: '0.04' } },
  { type: 'state-change', fromYear: 2024, distribution: { type: 'uniform', min: '-0.15', max: '0' } },
  { type: 'esf-approval', project: 'gransgangare', distribution: { type: 'bernoulli', p: '0.7' } },
  { type: 'utilization', distribution: { type: 'triangular', min: '0.85', mode: '0.95', max: '1' } },
];
const model = UncertaintyModelSchema.parse({ levers });

/** Closing equity 2025 of the scenario plus these changes, projected by hand. */
const closing = (p: Plan, ...changes: ChangeInput[]): string => {
  const s = scenarioOf(p, { id: 'hand', name: 'För hand', changes: [...base, ...changes] });
  const projected = projectPlan(p, s);
  if (!projected.ok) throw new Error(JSON.stringify(projected.errors));
  return formatKronor(projected.value.rows.at(-1)?.closingEquity as Ore);
};

const index = (rate: string): ChangeInput => ({ type: 'indexation', rate });
const state = (rate: string): ChangeInput => ({ type: 'state-allocation', fromYear: 2024, rate });
const esf = (approved: boolean): ChangeInput =>
  approved
    ? { type: 'esf-decision', project: 'gransgangare', decision: 'approved' }
    : { type: 'esf-decision', project: 'gransgangare', decision: 'rejected' };
const utilization = (rate: string): ChangeInput => ({ type: 'utilization', rate });

describe('sensitivity (the tornado chart)', () => {
  const result = sensitivity(plan, scenario, model);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { bars, central, year } = result.value;

  it('holds the others at their central value: mode, midpoint, the likelier ESF outcome', () => {
    expect(year).toBe(2025);
    expect(central.values).toEqual(['0.025', '-0.075', 'approved', '0.95']);
    expect(central.closingEquity).toBe(closing(plan, index('0.025'), state('-0.075'), esf(true), utilization('0.95')));
  });

  it('gives each end as the exact projection of that scenario', () => {
    const byLever = new Map(bars.map((b) => [b.lever, b]));
    const ends = (lever: number) => {
      const bar = byLever.get(lever);
      return [bar?.low.value, bar?.low.closingEquity, bar?.high.value, bar?.high.closingEquity];
    };
    const others = { idx: index('0.025'), state: state('-0.075'), esf: esf(true), util: utilization('0.95') };
    expect(ends(0)).toEqual([
      '0.01',
      closing(plan, index('0.01'), others.state, others.esf, others.util),
      '0.04',
      closing(plan, index('0.04'), others.state, others.esf, others.util),
    ]);
    expect(ends(1)).toEqual([
      '-0.15',
      closing(plan, others.idx, state('-0.15'), others.esf, others.util),
      '0',
      closing(plan, others.idx, state('0'), others.esf, others.util),
    ]);
    expect(ends(2)).toEqual([
      'rejected',
      closing(plan, others.idx, others.state, esf(false), others.util),
      'approved',
      closing(plan, others.idx, others.state, esf(true), others.util),
    ]);
    expect(ends(3)).toEqual([
      '0.85',
      closing(plan, others.idx, others.state, others.esf, utilization('0.85')),
      '1',
      closing(plan, others.idx, others.state, others.esf, utilization('1')),
    ]);
  });

  it('sorts by swing |high − low|, largest first', () => {
    const swings = bars.map((b) => Math.abs(Number(b.high.closingEquity) - Number(b.low.closingEquity)));
    expect(bars.map((b) => Number(b.swing))).toEqual(swings.map((s) => Math.round(s * 100) / 100));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    // Utilization 85–100 % of ~65 Mkr a year over three years moves ~29 Mkr; the state −15 % … 0 from 2024 moves
    // 30 667 000 × 0.15 × 2 (the region and the city follow) × 2 years = 18 400 200 kr exactly; ESF Gränsgångare
    // ~2 Mkr (its revenue less its costs); indexation of two salaries least.
    expect(bars[1]?.swing).toBe('18400200');
    expect(bars.map((b) => b.label)).toEqual([
      'Nyttjandegrad',
      'Statens anslag från 2024',
      'ESF-beslut: Gränsgångare',
      'Indexering',
    ]);
  });

  it('takes rejection as the central ESF outcome when p < 0.5, and approval at exactly 0.5', () => {
    const at = (p: string) => {
      const m = UncertaintyModelSchema.parse({
        levers: [{ type: 'esf-approval', project: 'gransgangare', distribution: { type: 'bernoulli', p } }],
      });
      const r = sensitivity(plan, scenario, m);
      return r.ok ? r.value.central.values[0] : r.errors;
    };
    expect([at('0.49'), at('0.5')]).toEqual(['rejected', 'approved']);
  });

  it('returns model errors as data', () => {
    const bad = UncertaintyModelSchema.parse({
      levers: [{ type: 'indexation', distribution: { type: 'triangular', min: '0.01', mode: '0', max: '0.04' } }],
    });
    const r = sensitivity(plan, scenario, bad);
    expect(!r.ok && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['mode-outside-range', ['levers', 0, 'distribution', 'mode']],
    ]);
  });
});
