import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKronor, type Ore, parseKronor } from './money.ts';
import { parsePlan, parseScenario } from './parsePlan.ts';
import type { Plan, PlanInput } from './planSchema.ts';
import { type Projection, projectPlan } from './projectPlan.ts';
import type { ScenarioInput } from './scenarioSchema.ts';
import { extraSpend, ROOM_LINE_ID, spendingRoom } from './spendingRoom.ts';

type ChangeInput = NonNullable<ScenarioInput['changes']>[number];

const parse = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const project = (plan: Plan, changes: ChangeInput[]): Projection => {
  const s = parseScenario({ id: 'x', name: 'X', changes }, plan);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  const p = projectPlan(plan, s.value);
  if (!p.ok) throw new Error('projection');
  return p.value;
};

/** New insatser of `yearly` öre a year from `fromYear`, fully spent: what "room" means, built independently. */
const spend = (plan: Plan, fromYear: number, yearly: number): ChangeInput => ({
  type: 'insats-new',
  line: {
    id: 'ny-insats',
    name: 'Ny insats',
    category: 'structural',
    utilization: '1',
    amount: {
      type: 'yearly',
      amounts: Object.fromEntries(
        plan.years.filter((y) => y >= fromYear).map((y) => [String(y), formatKronor(yearly as Ore)]),
      ),
    },
  },
});

/** Revenue 4 000 000 kr a year (state 2 000 000, region and kommun derived), costs 3 000 000, opening equity 1 000 000. */
const simple = (costs = '3000000', opening = '1000000') =>
  parse({
    name: 'Rumförbundet',
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
    assumptions: { utilization: '0.9' },
  });

describe('spendingRoom by hand', () => {
  // With utilization 0.9 the 3 000 000 of insatser cost 2 700 000: closing 2 300 000, 3 600 000, 4 900 000.
  const plan = simple();

  it('the smallest equity / years-of-spend sets the answer', () => {
    const room = spendingRoom(plan);
    expect(room.ok).toBe(true);
    if (!room.ok) return;
    // min(2 300 000 / 1, 3 600 000 / 2, 4 900 000 / 3) = 1 633 333.33 kr, set by 2025
    expect(room.value).toEqual({
      yearly: 163_333_333,
      fromYear: 2023,
      minEquity: 0,
      bindingYear: 2025,
      closingEquity: [66_666_667, 33_333_334, 1],
    });
  });

  it('respects fromYear', () => {
    const room = spendingRoom(plan, undefined, { fromYear: 2024 });
    // min(3 600 000 / 1, 4 900 000 / 2) = 2 450 000, set by 2025; 2023 is untouched
    expect(room.ok && room.value).toMatchObject({
      yearly: 245_000_000,
      fromYear: 2024,
      bindingYear: 2025,
      closingEquity: [230_000_000, 115_000_000, 0],
    });
    expect(spendingRoom(plan, undefined, { fromYear: 2025 })).toMatchObject({
      ok: true,
      value: { yearly: 490_000_000 },
    });
    // A year before the plan means its first year.
    expect(spendingRoom(plan, undefined, { fromYear: 2019 })).toMatchObject({
      ok: true,
      value: { fromYear: 2023, yearly: 163_333_333 },
    });
  });

  it('respects minEquity', () => {
    const room = spendingRoom(plan, undefined, { minEquity: 100_000_000 as Ore });
    // min(1 300 000, 2 600 000 / 2, 3 900 000 / 3) = 1 300 000 in every year: the first one binds.
    expect(room.ok && room.value).toMatchObject({
      yearly: 130_000_000,
      minEquity: 100_000_000,
      bindingYear: 2023,
      closingEquity: [100_000_000, 100_000_000, 100_000_000],
    });
  });

  it('is null when equity is already below the floor, naming the year', () => {
    expect(spendingRoom(plan, undefined, { minEquity: 250_000_000 as Ore })).toMatchObject({
      ok: true,
      value: { yearly: null, bindingYear: 2023, closingEquity: [230_000_000, 360_000_000, 490_000_000] },
    });
    // Costs 5 000 000 × 0.9 = 4 500 000: closing 500 000, 0, −500 000.
    const broke = spendingRoom(simple('5000000'));
    expect(broke).toMatchObject({ ok: true, value: { yearly: null, bindingYear: 2025 } });
  });

  it('answers under a scenario, and reports its errors as data', () => {
    const cut = parseScenario(
      { id: 'cut', name: 'Staten −10 %', changes: [{ type: 'state-allocation', fromYear: 2024, rate: '-0.1' }] },
      plan,
    );
    if (!cut.ok) throw new Error('scenario');
    // Revenue 3 600 000 from 2024: closing 2 300 000, 3 200 000, 4 100 000 → min(2 300 000, 1 600 000, 1 366 666.67)
    expect(spendingRoom(plan, cut.value)).toMatchObject({
      ok: true,
      value: { yearly: 136_666_666, bindingYear: 2025 },
    });
    expect(
      spendingRoom(plan, {
        id: 'bad',
        name: 'Fel',
        changes: [{ type: 'insats-stop', line: 'nope', from: '2024-01-01' }],
      }),
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'unknown-line' }],
    });
  });

  it('extraSpend is a fully spent new individual insats from the year on', () => {
    expect(extraSpend([2023, 2024, 2025], 2024, 12_345_678 as Ore)).toEqual({
      type: 'insats-new',
      line: {
        id: ROOM_LINE_ID,
        name: 'Utrymme för nya insatser',
        category: 'individual',
        utilization: '1',
        amount: { type: 'yearly', amounts: { '2024': '123456.78', '2025': '123456.78' } },
      },
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
    const cost = fc.oneof(
      perYear(1_000_000_000).map((amounts) => ({ type: 'yearly' as const, amounts })),
      fc
        .record({ fte: fc.constantFrom('0.5', '1', '2.5'), monthlySalary: money(8_000_000) })
        .map((s) => ({ type: 'staff' as const, ...s })),
      fc
        .record({
          a: fc.integer({ min: 0, max: n * 12 - 1 }),
          b: fc.integer({ min: 0, max: n * 12 - 1 }),
          total: money(3_000_000_000),
        })
        .map(({ a, b, total }) => {
          const [s, e] = a <= b ? [a, b] : [b, a];
          const iso = (m: number, end: boolean) =>
            `${y0 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${end ? '28' : '01'}`;
          return { type: 'period' as const, start: iso(s, false), end: iso(e, true), total };
        }),
    );
    return fc.record({
      years: fc.constant(years),
      state: perYear(5_000_000_000),
      opening: money(5_000_000_000),
      costs: fc.array(
        fc.record({
          category: fc.constantFrom('individual', 'structural', 'administration', 'unallocated' as const),
          amount: cost,
        }),
        { minLength: 1, maxLength: 4 },
      ),
      esf: fc.option(perYear(500_000_000), { nil: undefined }),
      utilization: fc.constantFrom('1', '0.9'),
    });
  })
  .map(
    (g): Plan =>
      parse({
        name: 'Slump',
        years: g.years,
        openingEquity: g.opening,
        members: [
          { id: 'fk', name: 'FK', group: 'state', amounts: g.state },
          { id: 'reg', name: 'Region', group: 'region' },
          { id: 'kom', name: 'Kommun', group: 'kommun' },
        ],
        esfProjects: g.esf ? [{ id: 'esf', name: 'ESF' }] : [],
        revenues: g.esf ? [{ id: 'esf-rev', kind: 'esf', name: 'ESF', project: 'esf', amounts: g.esf }] : [],
        costs: g.costs.map((c, i) => ({
          id: `c${i}`,
          name: `Insats ${i}`,
          category: c.category,
          amount: c.amount,
          ...(g.esf && i === 0 ? { project: 'esf' } : {}),
        })),
        assumptions: { utilization: g.utilization },
      }),
  );

const closings = (p: Projection) => p.rows.map((r) => r.closingEquity);

/** Plans whose base equity never goes negative: opening equity raised just enough, plus a margin. */
const arbSolvent = arbPlan.chain((plan) =>
  fc.integer({ min: 0, max: 2_000_000_000 }).map((margin) => {
    const base = projectPlan(plan);
    if (!base.ok) throw new Error('base');
    const lowest = Math.min(...base.value.rows.map((r) => r.closingEquity));
    const parsed = parseKronor(plan.openingEquity ?? '0');
    const opening = (parsed.ok ? parsed.value : 0) + Math.max(0, -lowest) + margin;
    return parse({ ...plan, openingEquity: formatKronor(Math.min(opening, 100_000_000_000) as Ore) });
  }),
);

describe('spendingRoom (property)', () => {
  it('S keeps every closing equity ≥ 0 and S + 1 öre breaks it, for plans with non-negative equity', () => {
    fc.assert(
      fc.property(arbSolvent, (plan) => {
        const base = projectPlan(plan);
        if (!base.ok) throw new Error('base');
        fc.pre(base.value.rows.every((r) => r.closingEquity >= 0));
        const room = spendingRoom(plan);
        expect(room.ok).toBe(true);
        if (!room.ok) return;
        const S = room.value.yearly;
        expect(S).not.toBeNull();
        if (S === null) return;
        expect(S).toBeGreaterThanOrEqual(0);
        const first = plan.years[0] as number;
        const withS = project(plan, [spend(plan, first, S)]);
        expect(closings(withS).every((c) => c >= 0)).toBe(true);
        expect(room.value.closingEquity).toEqual(closings(withS));
        const more = project(plan, [spend(plan, first, S + 1)]);
        expect(closings(more).some((c) => c < 0)).toBe(true);
        const binding = more.rows.find((r) => r.year === room.value.bindingYear);
        expect(binding && binding.closingEquity < 0).toBe(true);
      }),
    );
  });

  it('respects fromYear and minEquity', () => {
    fc.assert(
      fc.property(
        arbPlan.chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            fc.integer({ min: (plan.years[0] as number) - 1, max: plan.years.at(-1) as number }),
            fc.integer({ min: -1_000_000_000, max: 2_000_000_000 }),
          ),
        ),
        ([plan, fromYear, minEquity]) => {
          const room = spendingRoom(plan, undefined, { fromYear, minEquity: minEquity as Ore });
          expect(room.ok).toBe(true);
          if (!room.ok) return;
          const base = projectPlan(plan);
          if (!base.ok) throw new Error('base');
          const below = base.value.rows.find((r) => r.closingEquity < minEquity);
          if (below) {
            expect(room.value.yearly).toBeNull();
            expect(room.value.bindingYear).toBe(below.year);
            return;
          }
          const S = room.value.yearly as number;
          const from = Math.max(fromYear, plan.years[0] as number);
          expect(room.value.fromYear).toBe(from);
          const withS = project(plan, [spend(plan, from, S)]);
          const more = project(plan, [spend(plan, from, S + 1)]);
          expect(closings(withS).every((c) => c >= minEquity)).toBe(true);
          expect(closings(more).some((c) => c < minEquity)).toBe(true);
          // years before fromYear are untouched
          withS.rows.forEach((r, i) => {
            if (r.year < from) expect(r.closingEquity).toBe(base.value.rows[i]?.closingEquity);
          });
        },
      ),
    );
  });
});

describe('edge cases come back as data', () => {
  it('a fromYear after the plan horizon is an error', () => {
    const room = spendingRoom(simple(), undefined, { fromYear: 2026 });
    expect(!room.ok && room.errors.map((e) => e.code)).toEqual(['year-outside-plan']);
  });

  it('room larger than one cell (1 000 000 000 kr) is still exact and verified', () => {
    const room = spendingRoom(simple('0', '1000000000'), undefined, { fromYear: 2025 });
    expect(room.ok).toBe(true);
    if (!room.ok || room.value.yearly === null) return;
    expect(room.value.yearly).toBeGreaterThan(100_000_000_000);
    expect(room.value.closingEquity.at(-1)).toBe(0);
  });
});
