import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generatePlan.ts';
import { compilePlan } from './compilePlan.ts';
import { parseScenario } from './parsePlan.ts';
import type { CostLine, Plan } from './planSchema.ts';
import type { Projection } from './projection.ts';
import { projectChanges, projectChangesFully, projectPlan } from './projectPlan.ts';
import { changesOf } from './resolveScenario.ts';
import type { Scenario } from './scenarioSchema.ts';

// Incremental projection (`projectChanges` re-costs only the cost lines an edit replaced) must give
// exactly what a projection from scratch gives, after any sequence of immutable edits.

const generated = generatePlan(24, 20_250_777);
const costIds = generated.plan.costs.map((c) => c.id);
const [approved, applied] = generated.plan.esfProjects.map((p) => p.id) as [string, string];

/** Scenarios that touch every kind of cost change: stops, extensions, scales, new lines, ESF, staff terms. */
function scenariosFor(plan: Plan): Scenario[] {
  const inputs = [
    ...generated.scenarios,
    {
      id: 'blandat',
      name: 'Blandat',
      changes: [
        { type: 'indexation', rate: '0.035' },
        { type: 'employer-add-on', rate: '0.4' },
        { type: 'utilization', line: costIds[3], rate: '0.55' },
        { type: 'insats-stop', line: costIds[5], from: '2027-07-01' },
        { type: 'insats-extend', line: costIds[7], until: '2029-12-31' },
        { type: 'esf-decision', project: applied, decision: 'approved', share: '0.6', scaleCosts: true },
        {
          type: 'insats-new',
          line: {
            id: 'ny-insats',
            name: 'Ny insats',
            category: 'structural',
            amount: { type: 'yearly', amounts: { '2027': '250000', '2028': '260000' } },
          },
        },
      ],
    },
    {
      id: 'pa-blandat',
      name: 'På blandat',
      basedOn: 'blandat',
      changes: [
        { type: 'state-allocation', fromYear: 2027, amount: '-400000', matching: false },
        { type: 'esf-decision', project: approved, decision: 'rejected', keepLines: [] },
        { type: 'utilization', rate: '0.8' },
      ],
    },
  ];
  const scenarios: Scenario[] = [];
  for (const input of inputs) {
    const parsed = parseScenario(input, { ...plan, scenarios });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    scenarios.push(parsed.value);
  }
  return scenarios;
}

const basePlan: Plan = { ...generated.plan, scenarios: scenariosFor(generated.plan) };

type Edit =
  | { kind: 'amount'; line: number; year: number; kr: number }
  | { kind: 'category'; line: number; category: CostLine['category'] }
  | { kind: 'utilization'; line: number; rate: string | undefined }
  | { kind: 'project'; line: number; project: string | undefined }
  | { kind: 'staff'; line: number; fte: string }
  | { kind: 'period'; line: number; total: number }
  | { kind: 'assumptions'; utilization: string }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'noop' };

const line = fc.integer({ min: 0, max: costIds.length - 1 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('amount' as const),
      line,
      year: fc.integer({ min: 2025, max: 2029 }),
      kr: fc.integer({ min: 0, max: 5_000_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('category' as const),
      line,
      category: fc.constantFrom('individual', 'structural', 'administration', 'unallocated'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('utilization' as const),
      line,
      rate: fc.constantFrom(undefined, '0.7', '1', '0.333'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('project' as const),
      line,
      project: fc.constantFrom(undefined, approved, applied),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('staff' as const), line, fte: fc.constantFrom('0.25', '1', '1.5') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('period' as const), line, total: fc.integer({ min: 0, max: 9_000_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('assumptions' as const),
      utilization: fc.constantFrom('0.9', '0.95', '1'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: line, b: line }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'noop' as const }) },
);

/** A new plan object sharing every line but the edited ones, as a store edit makes it. */
function applyEdit(plan: Plan, e: Edit): Plan {
  if (e.kind === 'noop') return { ...plan };
  if (e.kind === 'assumptions') return { ...plan, assumptions: { ...plan.assumptions, utilization: e.utilization } };
  const costs = plan.costs.slice();
  if (e.kind === 'swap') {
    [costs[e.a], costs[e.b]] = [costs[e.b] as CostLine, costs[e.a] as CostLine];
    return { ...plan, costs };
  }
  const old = costs[e.line] as CostLine;
  let next: CostLine;
  switch (e.kind) {
    case 'amount': {
      const amounts = old.amount.type === 'yearly' ? old.amount.amounts : {};
      next = { ...old, amount: { type: 'yearly', amounts: { ...amounts, [String(e.year)]: String(e.kr) } } };
      break;
    }
    case 'category':
      next = { ...old, category: e.category };
      break;
    case 'utilization': {
      const { utilization: _, ...rest } = old;
      next = e.rate === undefined ? rest : { ...rest, utilization: e.rate };
      break;
    }
    case 'project': {
      const { project: _, ...rest } = old;
      next = e.project === undefined ? rest : { ...rest, project: e.project };
      break;
    }
    case 'staff':
      next = { ...old, amount: { type: 'staff', fte: e.fte, monthlySalary: '41000', indexed: true } };
      break;
    case 'period':
      next = { ...old, amount: { type: 'period', total: String(e.total), start: '2025-04-01', end: '2028-09-30' } };
      break;
  }
  costs[e.line] = next;
  return { ...plan, costs };
}

const figures = (p: Projection) => ({
  rows: p.rows,
  findings: p.findings,
  lines: p.lines.map((l) => ({ id: l.id, kind: l.kind, group: l.group, project: l.project, amounts: [...l.amounts] })),
});

describe('incremental projection', () => {
  it('equals a projection from scratch, to the öre, after every edit of random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let plan = basePlan;
        for (const e of edits) {
          plan = applyEdit(plan, e);
          const cp = compilePlan(plan);
          // The reference shares no object with earlier plans, so it is compiled and costed from scratch.
          const copy = JSON.parse(JSON.stringify(plan)) as Plan;
          const copyCp = compilePlan(copy);
          for (const [k, scenario] of [undefined, ...plan.scenarios].entries()) {
            const changes = changesOf(plan, scenario);
            if (!changes.ok) throw new Error(JSON.stringify(changes.errors));
            const copyChanges = changesOf(copy, k === 0 ? undefined : copy.scenarios[k - 1]);
            if (!copyChanges.ok) throw new Error(JSON.stringify(copyChanges.errors));
            const full = projectChangesFully(copyCp, copyChanges.value);
            const incremental = projectPlan(plan, scenario);
            if (!incremental.ok) throw new Error(JSON.stringify(incremental.errors));
            expect(figures(incremental.value)).toEqual(figures(full));
            expect(figures(projectChanges(cp, changes.value))).toEqual(figures(full));
          }
        }
      }),
      { numRuns: 60, seed: 20_251_207 },
    );
  });

  it('reuses the projected line objects of lines an edit did not touch', () => {
    const before = projectPlan(basePlan).ok ? (projectPlan(basePlan) as { value: Projection }).value : undefined;
    const edited = applyEdit(basePlan, { kind: 'amount', line: 2, year: 2026, kr: 123_456 });
    const after = projectPlan(edited);
    if (!before || !after.ok) throw new Error('projection failed');
    const changed = after.value.lines.filter((l, i) => l !== before.lines[i]).map((l) => l.id);
    expect(changed).toEqual([costIds[2]]);
  });
});
