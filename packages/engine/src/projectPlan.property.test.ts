import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKronor, type Ore, parseKronor } from './money.ts';
import { parsePlan, parseScenario } from './parsePlan.ts';
import type { CostCategory, Plan, PlanInput } from './planSchema.ts';
import { type Projection, projectPlan } from './projectPlan.ts';
import { applyRate, formatRate, parseRate, type Rate, rate } from './rate.ts';
import type { Scenario, ScenarioInput } from './scenarioSchema.ts';

type ChangeInput = NonNullable<ScenarioInput['changes']>[number];
type CostInput = NonNullable<PlanInput['costs']>[number];
type MemberInput = PlanInput['members'][number];

// ---------------------------------------------------------------------------------------------
// Generators: random valid plans (1–10 years, decimal strings in kronor) and random scenarios.
// ---------------------------------------------------------------------------------------------

const kr = (o: number) => formatKronor(o as Ore);
const toOre = (text: string): number => {
  const parsed = parseKronor(text);
  if (!parsed.ok) throw new Error(`bad amount ${text}`);
  return parsed.value;
};
const lastDay = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
const isoStart = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
const isoEnd = (m: number) =>
  `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${lastDay(Math.floor(m / 12), m % 12)}`;
const rateText = (min: number, max: number, scale = 10_000) =>
  fc.integer({ min, max }).map((n) => formatRate(rate(n, scale), 6));

interface Shape {
  years: number[];
  /** Month indexes (year × 12 + month) a little around the horizon. */
  month: fc.Arbitrary<number>;
}

const shape: fc.Arbitrary<Shape> = fc
  .record({ y0: fc.integer({ min: 2018, max: 2032 }), n: fc.integer({ min: 1, max: 10 }) })
  .map(({ y0, n }) => {
    const years = Array.from({ length: n }, (_, i) => y0 + i);
    return { years, month: fc.integer({ min: (y0 - 1) * 12, max: (y0 + n) * 12 + 11 }) };
  });

const yearAmounts = (years: number[], max: number) =>
  fc
    .tuple(...years.map(() => fc.oneof(fc.constant(-1), fc.integer({ min: 0, max }))))
    .map((values) =>
      Object.fromEntries(years.flatMap((y, i) => ((values[i] ?? -1) < 0 ? [] : [[String(y), kr(values[i] ?? 0)]]))),
    );

const period = (s: Shape) => fc.tuple(s.month, s.month).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

const costAmount = (s: Shape): fc.Arbitrary<CostInput['amount']> =>
  fc.oneof(
    fc
      .record({
        type: fc.constant('yearly' as const),
        amounts: yearAmounts(s.years, 2_000_000_000),
        dates: fc.option(period(s), { nil: undefined }),
      })
      .map(({ type, amounts, dates }) => {
        if (!dates) return { type, amounts };
        // A line with dates has amounts only in the years its period touches (see the bug test in applyScenario.test.ts).
        const inPeriod = Object.fromEntries(
          Object.entries(amounts).filter(
            ([y]) => Number(y) >= Math.floor(dates[0] / 12) && Number(y) <= Math.floor(dates[1] / 12),
          ),
        );
        return { type, amounts: inPeriod, start: isoStart(dates[0]), end: isoEnd(dates[1]) };
      }),
    fc.record({ dates: period(s), total: fc.integer({ min: 0, max: 5_000_000_000 }) }).map(({ dates, total }) => ({
      type: 'period' as const,
      start: isoStart(dates[0]),
      end: isoEnd(dates[1]),
      total: kr(total),
    })),
    fc
      .record({
        fte: fc.constantFrom('0.25', '0.5', '1', '1.5', '0.33', '2'),
        salary: fc.integer({ min: 2_000_000, max: 8_000_000 }),
        salaryYear: fc.option(fc.constantFrom(...s.years), { nil: undefined }),
        addOn: fc.option(fc.constantFrom('0.3142', '0.35', '0'), { nil: undefined }),
        indexed: fc.boolean(),
        start: fc.option(s.month, { nil: undefined }),
        end: fc.option(s.month, { nil: undefined }),
      })
      .map(({ fte, salary, salaryYear, addOn, indexed, start, end }) => {
        const [a, b] = start !== undefined && end !== undefined && end < start ? [end, start] : [start, end];
        return {
          type: 'staff' as const,
          fte,
          monthlySalary: kr(salary),
          indexed,
          ...(salaryYear === undefined ? {} : { salaryYear }),
          ...(addOn === undefined ? {} : { employerAddOn: addOn }),
          ...(a === undefined ? {} : { start: isoStart(a) }),
          ...(b === undefined ? {} : { end: isoEnd(b) }),
        };
      }),
  );

interface PlanOptions {
  /** Region and kommuner always derived from the state (they pay the same as the state). */
  derivedFollowers?: boolean;
  /** Plan utilization fixed to this value. */
  utilization?: string;
}

const planInput = (options: PlanOptions = {}): fc.Arbitrary<PlanInput> =>
  shape.chain((s) => {
    const state = fc.array(yearAmounts(s.years, 5_000_000_000), { minLength: 1, maxLength: 2 });
    const follower = (group: 'region' | 'kommun') =>
      fc.record({
        explicit: options.derivedFollowers
          ? fc.constant(null)
          : fc.option(yearAmounts(s.years, 3_000_000_000), { nil: null }),
        population: fc.integer({ min: 1, max: 1_000_000 }),
        group: fc.constant(group),
      });
    const followers = fc.tuple(
      fc.array(follower('region'), { minLength: options.derivedFollowers ? 1 : 0, maxLength: 1 }),
      fc.array(follower('kommun'), { minLength: options.derivedFollowers ? 1 : 0, maxLength: 3 }),
    );
    const projects = fc.array(fc.constantFrom('approved' as const, 'applied' as const), { maxLength: 2 });
    return fc
      .record({ state, followers, projects })
      .chain(({ state: stateAmounts, followers: [regions, kommuner], projects: statuses }) => {
        const projectIds = statuses.map((_, i) => `p${i}`);
        const projectOf = projectIds.length
          ? fc.option(fc.constantFrom(...projectIds), { nil: undefined, freq: 2 })
          : fc.constant(undefined);
        const revenue = fc.record({
          kind: fc.constantFrom('esf' as const, 'income' as const),
          project: projectIds.length ? fc.constantFrom(...projectIds) : fc.constant(undefined),
          amounts: yearAmounts(s.years, 1_000_000_000),
        });
        const cost = fc.record({
          category: fc.constantFrom<CostCategory>('individual', 'structural', 'administration', 'unallocated'),
          project: projectOf,
          utilization: fc.option(fc.constantFrom('0.8', '0.95', '1', '0.5'), { nil: undefined, freq: 3 }),
          amount: costAmount(s),
        });
        return fc
          .record({
            revenues: fc.array(revenue, { maxLength: 4 }),
            costs: fc.array(cost, { minLength: 1, maxLength: 8 }),
            openingEquity: fc.option(fc.integer({ min: -2_000_000_000, max: 5_000_000_000 }), {
              nil: undefined,
              freq: 5,
            }),
            utilization: options.utilization
              ? fc.constant(options.utilization)
              : fc.constantFrom('1', '0.9', '0.95', '0.875'),
            indexation: fc.constantFrom('0', '0.02', '0.025', '-0.01'),
            employerAddOn: fc.constantFrom('0.32', '0.3142', '0.4'),
          })
          .map(({ revenues, costs, openingEquity, utilization, indexation, employerAddOn }): PlanInput => {
            const members: MemberInput[] = [
              ...stateAmounts.map((amounts, i) => ({
                id: `s${i}`,
                name: `Staten ${i}`,
                group: 'state' as const,
                amounts,
              })),
              ...[...regions, ...kommuner].map((f, i) => ({
                id: `f${i}`,
                name: `${f.group} ${i}`,
                group: f.group,
                population: f.population,
                ...(f.explicit ? { amounts: f.explicit } : {}),
              })),
            ];
            return {
              name: 'Slumpförbundet',
              years: s.years,
              ...(openingEquity === undefined ? {} : { openingEquity: kr(openingEquity) }),
              members,
              esfProjects: statuses.map((status, i) => ({ id: `p${i}`, name: `Projekt ${i}`, status })),
              revenues: revenues
                .filter((r) => r.kind === 'income' || r.project !== undefined)
                .map((r, i) => ({
                  id: `r${i}`,
                  kind: r.kind,
                  name: `Intäkt ${i}`,
                  amounts: r.amounts,
                  ...(r.kind === 'esf' ? { project: r.project } : {}),
                })),
              costs: costs.map((c, i) => ({
                id: `c${i}`,
                name: `Insats ${i}`,
                category: c.category,
                amount: c.amount,
                ...(c.project === undefined ? {} : { project: c.project }),
                ...(c.utilization === undefined ? {} : { utilization: c.utilization }),
              })),
              assumptions: { utilization, indexation, employerAddOn },
            };
          });
      });
  });

const parsed = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(`generator made an invalid plan: ${JSON.stringify(result.errors)}`);
  return result.value;
};

const arbPlan = (options?: PlanOptions) => planInput(options).map(parsed);

const project = (plan: Plan, changes: ChangeInput[] = []): Projection => {
  const scenario = parseScenario({ id: 'prop', name: 'Egenskap', changes }, plan);
  if (!scenario.ok) throw new Error(`invalid scenario: ${JSON.stringify(scenario.errors)}`);
  const result = projectPlan(plan, scenario.value);
  if (!result.ok) throw new Error(`projection failed: ${JSON.stringify(result.errors)}`);
  return result.value;
};

const base = (plan: Plan): Projection => {
  const result = projectPlan(plan);
  if (!result.ok) throw new Error('base projection failed');
  return result.value;
};

/** Random changes that refer only to what the plan has. */
const arbChange = (plan: Plan): fc.Arbitrary<ChangeInput> => {
  const y0 = plan.years[0] as number;
  const yN = plan.years.at(-1) as number;
  const fromYear = fc.integer({ min: y0 - 1, max: yN + 1 });
  const date = fc.integer({ min: (y0 - 1) * 12, max: (yN + 1) * 12 + 11 }).map(isoStart);
  const lineIds = plan.costs.map((c) => c.id);
  const line = fc.constantFrom(...lineIds);
  const amount = fc.integer({ min: -500_000_000, max: 500_000_000 }).map(kr);
  const options: fc.Arbitrary<ChangeInput>[] = [
    fc
      .record({ fromYear, matching: fc.boolean(), rate: rateText(-10_000, 5_000) })
      .map((c) => ({ type: 'state-allocation' as const, ...c })),
    fc.record({ fromYear, matching: fc.boolean(), amount }).map((c) => ({ type: 'state-allocation' as const, ...c })),
    fc
      .record({
        member: fc.constantFrom(...plan.members.map((m) => m.id)),
        fromYear,
        change: fc.oneof(
          rateText(-10_000, 5_000).map((r) => ({ rate: r })),
          amount.map((a) => ({ amount: a })),
        ),
      })
      .map(({ member, fromYear: y, change }) => ({
        type: 'member-contribution' as const,
        member,
        fromYear: y,
        ...change,
      })),
    fc.record({ line, from: date }).map((c) => ({ type: 'insats-stop' as const, ...c })),
    fc.record({ line, from: date }).map((c) => ({ type: 'insats-start' as const, ...c })),
    fc.record({ line, until: date }).map((c) => ({ type: 'insats-extend' as const, ...c })),
    fc.record({ line, share: rateText(0, 20_000), fromYear: fc.option(fromYear, { nil: undefined }) }).map((c) => ({
      type: 'insats-scale' as const,
      line: c.line,
      share: c.share,
      ...(c.fromYear === undefined ? {} : { fromYear: c.fromYear }),
    })),
    fc.record({ rate: rateText(0, 10_000), line: fc.option(line, { nil: undefined }) }).map((c) => ({
      type: 'utilization' as const,
      rate: c.rate,
      ...(c.line === undefined ? {} : { line: c.line }),
    })),
    rateText(-500, 1000).map((r) => ({ type: 'indexation' as const, rate: r })),
    rateText(0, 6000).map((r) => ({ type: 'employer-add-on' as const, rate: r })),
    fc
      .record({
        category: fc.constantFrom<CostCategory>('individual', 'structural', 'administration', 'unallocated'),
        amounts: yearAmounts(plan.years, 1_000_000_000),
        n: fc.nat(1000),
      })
      .map(({ category, amounts, n }) => ({
        type: 'insats-new' as const,
        line: { id: `ny-${n}`, name: 'Ny insats', category, amount: { type: 'yearly' as const, amounts } },
      })),
  ];
  if (plan.esfProjects.length) {
    options.push(
      fc
        .record({
          project: fc.constantFrom(...plan.esfProjects.map((p) => p.id)),
          decision: fc.constantFrom('approved' as const, 'rejected' as const),
          share: fc.option(rateText(0, 10_000), { nil: undefined }),
          scaleCosts: fc.boolean(),
          keep: fc.array(fc.nat(), { maxLength: 3 }),
        })
        .map(({ project: id, decision, share, scaleCosts, keep }) => {
          const own = plan.costs.filter((c) => c.project === id).map((c) => c.id);
          const keepLines = own.length ? [...new Set(keep.map((k) => own[k % own.length] as string))] : [];
          return {
            type: 'esf-decision' as const,
            project: id,
            decision,
            scaleCosts,
            keepLines,
            ...(share === undefined ? {} : { share }),
          };
        }),
    );
  }
  return fc.oneof(...options);
};

const arbPlanWithScenario = arbPlan().chain((plan) =>
  fc.array(arbChange(plan), { maxLength: 6 }).map((changes) => ({
    plan,
    changes: changes.filter(
      (c, i) =>
        c.type !== 'insats-new' || changes.findIndex((d) => d.type === 'insats-new' && d.line.id === c.line.id) === i,
    ),
  })),
);

// ---------------------------------------------------------------------------------------------
// Invariants every projection must satisfy.
// ---------------------------------------------------------------------------------------------

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function expectInvariants(plan: Plan, p: Projection): void {
  expect(p.years).toEqual(plan.years);
  expect(p.rows.map((r) => r.year)).toEqual(plan.years);
  const amountsOf = (kind: string, group?: string) =>
    p.lines.filter((l) => l.kind === kind && (group === undefined || l.group === group));
  let opening = toOre(plan.openingEquity ?? '0');
  p.rows.forEach((row, i) => {
    const at = (lines: { amounts: readonly number[] }[]) => sum(lines.map((l) => l.amounts[i] ?? Number.NaN));
    // (8) no NaN, every amount a safe integer
    const amounts = [
      row.revenue,
      row.costs,
      row.result,
      row.openingEquity,
      row.closingEquity,
      ...Object.values(row.revenueBySource),
      ...Object.values(row.membersByGroup),
      ...Object.values(row.costsByCategory),
    ];
    for (const a of amounts) expect(Number.isSafeInteger(a)).toBe(true);
    for (const l of p.lines) {
      expect(l.amounts).toHaveLength(plan.years.length);
      expect(Number.isSafeInteger(l.amounts[i])).toBe(true);
    }
    // (1) equity roll-forward
    expect(row.openingEquity).toBe(opening);
    expect(row.result).toBe(row.revenue - row.costs);
    expect(row.closingEquity).toBe(row.openingEquity + row.revenue - row.costs);
    opening = row.closingEquity;
    // (2) categories sum to total cost; lines sum to the categories
    const c = row.costsByCategory;
    expect(row.costs).toBe(c.individual + c.structural + c.administration + c.unallocated);
    for (const cat of ['individual', 'structural', 'administration', 'unallocated'] as const) {
      expect(c[cat]).toBe(at(amountsOf('cost', cat)));
    }
    expect(row.costs).toBe(at(amountsOf('cost')));
    // (3) revenue = members + ESF + income, opening equity kept apart
    const src = row.revenueBySource;
    expect(row.revenue).toBe(src.members + src.esf + src.income);
    expect(src.members).toBe(at(amountsOf('member')));
    expect(src.members).toBe(row.membersByGroup.state + row.membersByGroup.region + row.membersByGroup.kommun);
    for (const g of ['state', 'region', 'kommun'] as const)
      expect(row.membersByGroup[g]).toBe(at(amountsOf('member', g)));
    expect(src.esf).toBe(at(amountsOf('esf')));
    expect(src.income).toBe(at(amountsOf('income')));
    // ratios are exact
    if (row.revenue === 0) expect(row.equityRatio).toBeNull();
    else
      expect((row.equityRatio as Rate).n * BigInt(row.revenue)).toBe(
        BigInt(row.closingEquity) * (row.equityRatio as Rate).d,
      );
    if (row.costs === 0) expect(row.adminShare).toBeNull();
    else
      expect((row.adminShare as Rate).n * BigInt(row.costs)).toBe(
        BigInt(c.administration) * (row.adminShare as Rate).d,
      );
  });
  // findings agree with the rows
  const negative = p.rows.filter((r) => r.closingEquity < 0).map((r) => r.year);
  expect(p.findings.filter((f) => f.rule === 'negative-equity').map((f) => f.year)).toEqual(negative);
  // a plan without opening equity says so once, on its first year
  expect(p.findings.filter((f) => f.rule === 'no-opening-equity').map((f) => f.year)).toEqual(
    plan.openingEquity === undefined ? [plan.years[0]] : [],
  );
}

const lineAmounts = (p: Projection, id: string): readonly number[] => {
  const line = p.lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id}`);
  return line.amounts;
};

// ---------------------------------------------------------------------------------------------

describe('projection invariants (property)', () => {
  it('(1–3, 8) hold for random plans: equity rolls forward, categories and lines add up, revenue excludes equity', () => {
    fc.assert(
      fc.property(arbPlan(), (plan) => {
        expectInvariants(plan, base(plan));
      }),
    );
  });

  it('(1–3, 8) hold under random scenarios too', () => {
    fc.assert(
      fc.property(arbPlanWithScenario, ({ plan, changes }) => {
        expectInvariants(plan, project(plan, changes));
      }),
      { numRuns: 150 },
    );
  });

  it('(3) opening equity moves equity only, never revenue, costs or result', () => {
    fc.assert(
      fc.property(arbPlan(), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (plan, delta) => {
        const shifted = toOre(plan.openingEquity ?? '0') + delta;
        fc.pre(Math.abs(shifted) <= 100_000_000_000);
        const other = parsed({ ...plan, openingEquity: kr(shifted) });
        const a = base(plan);
        const b = base(other);
        a.rows.forEach((row, i) => {
          const moved = b.rows[i];
          expect(moved?.revenue).toBe(row.revenue);
          expect(moved?.costs).toBe(row.costs);
          expect(moved?.result).toBe(row.result);
          expect(moved?.openingEquity).toBe(row.openingEquity + delta);
          expect(moved?.closingEquity).toBe(row.closingEquity + delta);
        });
      }),
    );
  });

  it('(4) an empty scenario equals the base projection exactly', () => {
    fc.assert(
      fc.property(arbPlan(), (plan) => {
        const empty: Scenario = { id: 'tom', name: 'Tomt scenario', changes: [] };
        const result = projectPlan(plan, empty);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toEqual(base(plan));
      }),
    );
  });
});

describe('state allocation and the matching rule (property)', () => {
  const arbCut = (plan: Plan) =>
    fc.record({
      fromYear: fc.integer({ min: (plan.years[0] as number) - 1, max: (plan.years.at(-1) as number) + 1 }),
      rate: rateText(-10_000, 3_000),
    });

  it('(5) with matching, total member revenue moves by exactly twice the state’s change from the year on; earlier years untouched', () => {
    fc.assert(
      fc.property(
        arbPlan({ derivedFollowers: true }).chain((plan) => fc.tuple(fc.constant(plan), arbCut(plan))),
        ([plan, cut]) => {
          fc.pre(plan.members.some((m) => m.group !== 'state'));
          const before = base(plan);
          const after = project(plan, [
            { type: 'state-allocation', fromYear: cut.fromYear, rate: cut.rate, matching: true },
          ]);
          plan.years.forEach((year, i) => {
            const b = before.rows[i];
            const a = after.rows[i];
            if (!a || !b) throw new Error('rows');
            const stateDelta = a.membersByGroup.state - b.membersByGroup.state;
            if (year < cut.fromYear) {
              expect(after.lines.filter((l) => l.kind === 'member').map((l) => l.amounts[i])).toEqual(
                before.lines.filter((l) => l.kind === 'member').map((l) => l.amounts[i]),
              );
              return;
            }
            // every state line follows the rate exactly
            const r = parseRate(cut.rate) as Rate;
            for (const m of plan.members.filter((x) => x.group === 'state')) {
              expect(lineAmounts(after, m.id)[i]).toBe(
                applyRate(lineAmounts(before, m.id)[i] as Ore, rate(r.d + r.n, r.d)),
              );
            }
            expect(a.revenueBySource.members - b.revenueBySource.members).toBe(2 * stateDelta);
            // region + kommuner paid the same as the state before, and still do
            expect(b.membersByGroup.region + b.membersByGroup.kommun).toBe(b.membersByGroup.state);
            expect(a.membersByGroup.region + a.membersByGroup.kommun).toBe(a.membersByGroup.state);
            expect(a.costs).toBe(b.costs);
          });
        },
      ),
    );
  });

  it('(5) without matching only the state lines change', () => {
    fc.assert(
      fc.property(
        arbPlan().chain((plan) => fc.tuple(fc.constant(plan), arbCut(plan))),
        ([plan, cut]) => {
          const before = base(plan);
          const after = project(plan, [
            { type: 'state-allocation', fromYear: cut.fromYear, rate: cut.rate, matching: false },
          ]);
          const r = parseRate(cut.rate) as Rate;
          for (const m of plan.members) {
            const a = lineAmounts(after, m.id);
            const b = lineAmounts(before, m.id);
            plan.years.forEach((year, i) => {
              const expected =
                m.group === 'state' && year >= cut.fromYear ? applyRate(b[i] as Ore, rate(r.d + r.n, r.d)) : b[i];
              expect(a[i]).toBe(expected);
            });
          }
          after.rows.forEach((row, i) => {
            const b = before.rows[i];
            expect(row.revenueBySource.members - (b?.revenueBySource.members ?? 0)).toBe(
              row.membersByGroup.state - (b?.membersByGroup.state ?? 0),
            );
          });
        },
      ),
    );
  });

  it('(5) a cut by amount with matching moves the state by the amount and the total by twice it', () => {
    fc.assert(
      fc.property(
        arbPlan().chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            fc.constantFrom(...plan.years),
            fc.integer({ min: -500_000_000, max: 500_000_000 }),
          ),
        ),
        ([plan, fromYear, amount]) => {
          fc.pre(plan.members.some((m) => m.group !== 'state'));
          const before = base(plan);
          const after = project(plan, [{ type: 'state-allocation', fromYear, amount: kr(amount), matching: true }]);
          plan.years.forEach((year, i) => {
            const a = after.rows[i];
            const b = before.rows[i];
            if (!a || !b) throw new Error('rows');
            const expected = year >= fromYear ? amount : 0;
            expect(a.membersByGroup.state - b.membersByGroup.state).toBe(expected);
            expect(a.revenueBySource.members - b.revenueBySource.members).toBe(2 * expected);
          });
        },
      ),
    );
  });
});

describe('ESF decisions (property)', () => {
  const withProject = arbPlan()
    .filter((plan) => plan.esfProjects.length > 0)
    .chain((plan) =>
      fc.record({
        plan: fc.constant(plan),
        project: fc.constantFrom(...plan.esfProjects.map((p) => p.id)),
        keepMask: fc.array(fc.boolean(), { minLength: plan.costs.length, maxLength: plan.costs.length }),
        share: rateText(0, 10_000),
      }),
    );

  it('(6) rejected removes the project’s revenue and its cost lines except the kept ones; nothing else moves', () => {
    fc.assert(
      fc.property(withProject, ({ plan, project: id, keepMask }) => {
        const keepLines = plan.costs.filter((c, i) => c.project === id && keepMask[i]).map((c) => c.id);
        const approved = project(plan, [{ type: 'esf-decision', project: id, decision: 'approved' }]);
        const rejected = project(plan, [{ type: 'esf-decision', project: id, decision: 'rejected', keepLines }]);
        for (const l of rejected.lines) {
          const other = lineAmounts(approved, l.id);
          const removed =
            (l.kind === 'esf' && l.project === id) ||
            (l.kind === 'cost' && l.project === id && !keepLines.includes(l.id));
          expect(l.amounts).toEqual(removed ? plan.years.map(() => 0) : other);
        }
      }),
    );
  });

  it('(6) approved at share s scales its revenue by s; costs stay, or shrink by s within 1 öre with scaleCosts', () => {
    fc.assert(
      fc.property(withProject, ({ plan, project: id, share }) => {
        const s = parseRate(share) as Rate;
        const full = project(plan, [{ type: 'esf-decision', project: id, decision: 'approved' }]);
        const part = project(plan, [{ type: 'esf-decision', project: id, decision: 'approved', share }]);
        const scaled = project(plan, [
          { type: 'esf-decision', project: id, decision: 'approved', share, scaleCosts: true },
        ]);
        for (const l of part.lines) {
          const f = lineAmounts(full, l.id);
          if (l.kind === 'esf' && l.project === id) expect(l.amounts).toEqual(f.map((a) => applyRate(a as Ore, s)));
          else expect(l.amounts).toEqual(f);
          const sc = lineAmounts(scaled, l.id);
          if (l.kind === 'cost' && l.project === id) {
            sc.forEach((a, i) => {
              const diff = BigInt(a) * s.d - BigInt(f[i] ?? 0) * s.n;
              expect(diff <= s.d && -diff <= s.d).toBe(true);
            });
          } else expect(sc).toEqual(l.amounts);
        }
      }),
    );
  });
});

describe('utilization (property)', () => {
  it('(7) scales individual and structural lines by u within rounding; administration, unallocated and lines with their own utilization stay', () => {
    fc.assert(
      fc.property(arbPlan(), rateText(0, 10_000), (plan, u) => {
        const r = parseRate(u) as Rate;
        const before = base(plan);
        const gross = project(plan, [{ type: 'utilization', rate: '1' }]);
        const after = project(plan, [{ type: 'utilization', rate: u }]);
        for (const c of plan.costs) {
          const a = lineAmounts(after, c.id);
          const scaled = (c.category === 'individual' || c.category === 'structural') && c.utilization === undefined;
          if (!scaled) {
            expect(a).toEqual(lineAmounts(before, c.id));
            continue;
          }
          const g = lineAmounts(gross, c.id);
          a.forEach((v, i) => {
            // |v − g·u| ≤ ½ öre
            const diff = 2n * (BigInt(v) * r.d - BigInt(g[i] ?? 0) * r.n);
            expect(diff <= r.d && -diff <= r.d).toBe(true);
          });
        }
      }),
    );
  });

  it('(7) the category totals move by u within one öre per line-year', () => {
    fc.assert(
      fc.property(arbPlan({ utilization: '1' }), rateText(0, 10_000), (plan, u) => {
        const r = parseRate(u) as Rate;
        const before = base(plan);
        const after = project(plan, [{ type: 'utilization', rate: u }]);
        after.rows.forEach((row, i) => {
          const b = before.rows[i];
          if (!b) throw new Error('rows');
          for (const cat of ['individual', 'structural'] as const) {
            const own = plan.costs.filter((c) => c.category === cat && c.utilization !== undefined);
            const ownSum = sum(own.map((c) => lineAmounts(before, c.id)[i] ?? 0));
            const lines = BigInt(plan.costs.filter((c) => c.category === cat).length);
            const diff =
              BigInt(row.costsByCategory[cat] - ownSum) * r.d - BigInt(b.costsByCategory[cat] - ownSum) * r.n;
            expect(diff <= lines * r.d && -diff <= lines * r.d).toBe(true);
          }
          expect(row.costsByCategory.administration).toBe(b.costsByCategory.administration);
          expect(row.costsByCategory.unallocated).toBe(b.costsByCategory.unallocated);
        });
      }),
    );
  });
});

describe('insats edits (property)', () => {
  const withLine = arbPlan().chain((plan) =>
    fc.record({
      plan: fc.constant(plan),
      line: fc.constantFrom(...plan.costs.map((c) => c.id)),
      month: fc.integer({
        min: ((plan.years[0] as number) - 1) * 12,
        max: ((plan.years.at(-1) as number) + 1) * 12 + 11,
      }),
      share: rateText(0, 20_000),
      fromYear: fc.constantFrom(...plan.years),
    }),
  );

  it('a stop leaves years before it untouched and empties the years after it', () => {
    fc.assert(
      fc.property(withLine, ({ plan, line, month }) => {
        const stopYear = Math.floor(month / 12);
        const before = lineAmounts(base(plan), line);
        const after = lineAmounts(project(plan, [{ type: 'insats-stop', line, from: isoStart(month) }]), line);
        plan.years.forEach((y, i) => {
          if (y < stopYear) expect(after[i]).toBe(before[i]);
          if (y > stopYear || (y === stopYear && month % 12 === 0)) expect(after[i]).toBe(0);
        });
      }),
    );
  });

  it('a scale from a year leaves earlier years and scales later ones by the share within one öre', () => {
    fc.assert(
      fc.property(withLine, ({ plan, line, share, fromYear }) => {
        const s = parseRate(share) as Rate;
        const before = lineAmounts(base(plan), line);
        const after = lineAmounts(project(plan, [{ type: 'insats-scale', line, share, fromYear }]), line);
        plan.years.forEach((y, i) => {
          if (y < fromYear) {
            expect(after[i]).toBe(before[i]);
            return;
          }
          // both are rounded once: |after − before·s| ≤ ½ + ½·s
          const diff = 2n * (BigInt(after[i] ?? 0) * s.d - BigInt(before[i] ?? 0) * s.n);
          expect(diff <= s.d + s.n && -diff <= s.d + s.n).toBe(true);
        });
      }),
    );
  });

  it('changes to one line never move another line', () => {
    fc.assert(
      fc.property(
        withLine,
        fc.constantFrom('insats-stop', 'insats-start', 'insats-extend'),
        ({ plan, line, month }, type) => {
          const change: ChangeInput =
            type === 'insats-extend' ? { type, line, until: isoEnd(month) } : { type, line, from: isoStart(month) };
          const before = base(plan);
          const after = project(plan, [change]);
          for (const l of after.lines) if (l.id !== line) expect(l.amounts).toEqual(lineAmounts(before, l.id));
        },
      ),
    );
  });
});
