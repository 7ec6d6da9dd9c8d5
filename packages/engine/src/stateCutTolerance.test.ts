import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKronor, type Ore, parseKronor } from './money.ts';
import { parsePlan, parseScenario } from './parsePlan.ts';
import type { Plan, PlanInput } from './planSchema.ts';
import { type Projection, projectPlan } from './projectPlan.ts';
import { compareRates, formatRate, type Rate, rate } from './rate.ts';
import { stateCutTolerance } from './stateCutTolerance.ts';

const parse = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** Projects the plan with the state cut by `cut` from `fromYear`, built independently of the engine's search. */
const withCut = (plan: Plan, cut: Rate, fromYear: number, matching: boolean): Projection => {
  const s = parseScenario(
    {
      id: 'cut',
      name: 'Neddragning',
      changes: [{ type: 'state-allocation', fromYear, rate: formatRate(rate(-cut.n, cut.d), 6), matching }],
    },
    plan,
  );
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  const p = projectPlan(plan, s.value);
  if (!p.ok) throw new Error('projection');
  return p.value;
};

const firstNegative = (p: Projection) => p.rows.find((r) => r.closingEquity < 0)?.year ?? null;
const is = (actual: Rate | null | undefined, n: number, d: number) =>
  expect(actual && compareRates(actual, rate(n, d))).toBe(0);

/** Revenue 4 000 000 kr a year (state 2 000 000, region and kommun derived), costs 3 000 000, opening 1 000 000. */
const simple = (costs = '3000000', opening = '1000000') =>
  parse({
    name: 'Tåligt förbund',
    years: [2023, 2024, 2025],
    openingEquity: opening,
    members: [
      { id: 'fk', name: 'FK', group: 'state', amounts: { '2023': '2000000', '2024': '2000000', '2025': '2000000' } },
      { id: 'reg', name: 'Regionen', group: 'region' },
      { id: 'kom', name: 'Kommunen', group: 'kommun' },
    ],
    costs: [
      {
        id: 'ins',
        name: 'Insatser',
        category: 'individual',
        amount: { type: 'yearly', amounts: { '2023': costs, '2024': costs, '2025': costs } },
      },
    ],
  });

describe('stateCutTolerance by hand', () => {
  it('with matching: 33.33 % is tolerated, 33.34 % breaks in 2025', () => {
    // 1 000 000 + 3 × (4 000 000 × (1 − c) − 3 000 000) ≥ 0  ⇔  c ≤ 33.333… %
    const result = stateCutTolerance(simple());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    is(result.value.toleratedCut, 3333, 10_000);
    is(result.value.breakingCut, 3334, 10_000);
    expect(result.value).toMatchObject({ breakingYear: 2025, fromYear: 2023, matching: true });
  });

  it('without matching the state alone can fall twice as far', () => {
    // 1 000 000 + 3 × (4 000 000 − 2 000 000 c − 3 000 000) ≥ 0  ⇔  c ≤ 66.666… %
    const result = stateCutTolerance(simple(), undefined, { matching: false });
    if (!result.ok) throw new Error('result');
    is(result.value.toleratedCut, 6666, 10_000);
    is(result.value.breakingCut, 6667, 10_000);
    expect(result.value).toMatchObject({ breakingYear: 2025, matching: false });
  });

  it('from a later year', () => {
    // 2 000 000 + 2 × (4 000 000 (1 − c) − 3 000 000) ≥ 0  ⇔  c ≤ 50 %
    const result = stateCutTolerance(simple(), undefined, { fromYear: 2024 });
    if (!result.ok) throw new Error('result');
    is(result.value.toleratedCut, 1, 2);
    is(result.value.breakingCut, 5001, 10_000);
    expect(result.value).toMatchObject({ breakingYear: 2025, fromYear: 2024 });
  });

  it('an already negative plan breaks at 0 % in its first negative year', () => {
    // costs 4 600 000: closing 400 000, −200 000, …
    const result = stateCutTolerance(simple('4600000'));
    if (!result.ok) throw new Error('result');
    is(result.value.breakingCut, 0, 1);
    expect(result.value.toleratedCut).toBeNull();
    expect(result.value.breakingYear).toBe(2024);
  });

  it('a plan that survives a 100 % cut gives null', () => {
    const result = stateCutTolerance(simple('0'));
    if (!result.ok) throw new Error('result');
    expect(result.value.breakingCut).toBeNull();
    expect(result.value.breakingYear).toBeNull();
    is(result.value.toleratedCut, 1, 1);
  });

  it('answers under a scenario, and reports its errors as data', () => {
    const plan = simple();
    const half = parseScenario(
      { id: 'h', name: 'Halva insatser', changes: [{ type: 'insats-scale', line: 'ins', share: '0.5' }] },
      plan,
    );
    if (!half.ok) throw new Error('scenario');
    // costs 1 500 000: 1 000 000 + 3 × (4 000 000 (1 − c) − 1 500 000) ≥ 0  ⇔  c ≤ 70.833… %
    const result = stateCutTolerance(plan, half.value);
    if (!result.ok) throw new Error('result');
    is(result.value.toleratedCut, 7083, 10_000);
    expect(stateCutTolerance(plan, { id: 'x', name: 'X', basedOn: 'nope', changes: [] })).toMatchObject({
      ok: false,
      errors: [{ code: 'unknown-scenario' }],
    });
  });
});

// ---------------------------------------------------------------------------------------------

const money = (max: number) => fc.integer({ min: 0, max }).map((o) => formatKronor(o as Ore));

const arbPlan = fc
  .record({ y0: fc.integer({ min: 2020, max: 2030 }), n: fc.integer({ min: 1, max: 10 }) })
  .chain(({ y0, n }) => {
    const years = Array.from({ length: n }, (_, i) => y0 + i);
    const perYear = (max: number) =>
      fc
        .tuple(...years.map(() => money(max)))
        .map((v) => Object.fromEntries(years.map((y, i) => [String(y), v[i] ?? '0'])));
    return fc.record({
      years: fc.constant(years),
      state: fc.array(perYear(5_000_000_000), { minLength: 1, maxLength: 2 }),
      followers: fc.array(fc.option(perYear(3_000_000_000), { nil: undefined }), { maxLength: 3 }),
      opening: money(2_000_000_000),
      costs: fc.array(perYear(3_000_000_000), { minLength: 1, maxLength: 4 }),
      income: perYear(100_000_000),
    });
  })
  .map(
    (g): Plan =>
      parse({
        name: 'Slump',
        years: g.years,
        openingEquity: g.opening,
        members: [
          ...g.state.map((amounts, i) => ({ id: `s${i}`, name: `Staten ${i}`, group: 'state' as const, amounts })),
          ...g.followers.map((amounts, i) => ({
            id: `f${i}`,
            name: `Medlem ${i}`,
            group: i === 0 ? ('region' as const) : ('kommun' as const),
            population: 1000 + i,
            ...(amounts ? { amounts } : {}),
          })),
        ],
        revenues: [{ id: 'inc', kind: 'income', name: 'Övrigt', amounts: g.income }],
        costs: g.costs.map((amounts, i) => ({
          id: `c${i}`,
          name: `Insats ${i}`,
          category: 'individual',
          amount: { type: 'yearly', amounts },
        })),
      }),
  );

/** Mostly plans whose base equity never goes negative (opening equity raised just enough, plus a margin). */
const arbMostlySolvent = arbPlan.chain((plan) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(plan) },
    {
      weight: 4,
      arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }).map((margin) => {
        const base = projectPlan(plan);
        if (!base.ok) throw new Error('base');
        const lowest = Math.min(...base.value.rows.map((r) => r.closingEquity));
        const parsed = parseKronor(plan.openingEquity ?? '0');
        const opening = parsed.ok ? parsed.value : 0;
        const raised = Math.min(100_000_000_000, opening + Math.max(0, -lowest) + margin);
        return parse({ ...plan, openingEquity: formatKronor(raised as Ore) });
      }),
    },
  ),
);

describe('stateCutTolerance (property)', () => {
  it('the tolerated cut keeps equity ≥ 0; tolerated + 0.01 % makes it negative in breakingYear', () => {
    fc.assert(
      fc.property(
        arbMostlySolvent.chain((plan) => fc.tuple(fc.constant(plan), fc.constantFrom(...plan.years), fc.boolean())),
        ([plan, fromYear, matching]) => {
          const result = stateCutTolerance(plan, undefined, { fromYear, matching });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { toleratedCut, breakingCut, breakingYear } = result.value;
          if (toleratedCut === null) {
            // already negative without a cut
            const base = projectPlan(plan);
            expect(base.ok && firstNegative(base.value)).toBe(breakingYear);
            is(breakingCut, 0, 1);
            return;
          }
          expect(firstNegative(withCut(plan, toleratedCut, fromYear, matching))).toBeNull();
          if (breakingCut === null) {
            is(toleratedCut, 1, 1);
            expect(breakingYear).toBeNull();
            return;
          }
          expect(
            compareRates(breakingCut, rate(toleratedCut.n * 10_000n + toleratedCut.d, toleratedCut.d * 10_000n)),
          ).toBe(0);
          expect(firstNegative(withCut(plan, breakingCut, fromYear, matching))).toBe(breakingYear);
          expect(breakingYear).toBeGreaterThanOrEqual(fromYear);
        },
      ),
    );
  });
});
