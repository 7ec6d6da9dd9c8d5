import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generatePlan.ts';
import { goteborg, scenarioOf, sundbyberg } from '../test/seedPlans.ts';
import { compilePlan } from './compilePlan.ts';
import { formatKronor, type Ore } from './money.ts';
import { createMonteCarlo, type MonteCarlo, type MonteCarloSummary, runMonteCarlo } from './monteCarlo.ts';
import type { Plan } from './planSchema.ts';
import { type Projection, projectChanges, projectPlan } from './projectPlan.ts';
import { formatRate, rate } from './rate.ts';
import { resolveScenario } from './resolveScenario.ts';
import type { Change, Scenario, ScenarioInput } from './scenarioSchema.ts';
import { RATE_GRID } from './uncertainLevers.ts';
import { type UncertainLeverInput, type UncertaintyModel, UncertaintyModelSchema } from './uncertaintySchema.ts';

type ChangeInput = NonNullable<ScenarioInput['changes']>[number];

const modelOf = (...levers: UncertainLeverInput[]): UncertaintyModel => UncertaintyModelSchema.parse({ levers });
const uniform = (min: string, max = min) => ({ type: 'uniform' as const, min, max });
const triangular = (min: string, mode: string, max: string) => ({ type: 'triangular' as const, min, mode, max });
const bernoulli = (p: string) => ({ type: 'bernoulli' as const, p });

function start(plan: Plan, scenario: Scenario | undefined, model: UncertaintyModel, seed = 1): MonteCarlo {
  const mc = createMonteCarlo(plan, scenario, model, { seed });
  if (!mc.ok) throw new Error(JSON.stringify(mc.errors));
  return mc.value;
}

const project = (plan: Plan, scenario?: Scenario): Projection => {
  const p = projectPlan(plan, scenario);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};

const kronor = (p: Projection) => p.rows.map((r) => formatKronor(r.closingEquity));

/** Göteborg with four uncertain levers, none collapsed. */
const gbg = goteborg();
const gbgModel = modelOf(
  { type: 'state-change', fromYear: 2024, distribution: uniform('-0.15', '0') },
  { type: 'esf-approval', project: 'gransgangare', distribution: bernoulli('0.7') },
  { type: 'utilization', distribution: triangular('0.85', '0.95', '1') },
  { type: 'indexation', distribution: uniform('0.01', '0.04') },
);

describe('a seeded run is reproducible', () => {
  it('gives the same percentiles and draws twice, whatever the chunks', () => {
    const once = start(gbg, undefined, gbgModel, 7);
    once.run(3000);
    const chunked = start(gbg, undefined, gbgModel, 7);
    for (const n of [1, 999, 7, 1993]) chunked.run(n);
    const single = start(gbg, undefined, gbgModel, 7);
    for (let k = 0; k < 500; k++) single.run(1);
    single.run(2500);
    expect(chunked.summary()).toEqual(once.summary());
    expect(single.summary()).toEqual(once.summary());
    for (const k of [0, 1, 1234, 2999]) expect(chunked.draw(k)).toEqual(once.draw(k));
    expect(chunked.drawsAt(10, 2025, 7)).toEqual(once.drawsAt(10, 2025, 7));
    const streamed = runMonteCarlo(gbg, undefined, gbgModel, { draws: 3000, seed: 7, chunk: 250 });
    expect(streamed.ok && streamed.value).toEqual(once.summary());
    const other = start(gbg, undefined, gbgModel, 8);
    other.run(3000);
    expect(other.summary().years[2]?.p50).not.toEqual(once.summary().years[2]?.p50);
  });

  it('streams: a summary per chunk, and stops when asked', () => {
    const seen: MonteCarloSummary[] = [];
    const full = runMonteCarlo(gbg, undefined, gbgModel, {
      draws: 1000,
      chunk: 300,
      onChunk: (s) => seen.push(s),
    });
    expect(seen.map((s) => s.draws)).toEqual([300, 600, 900, 1000]);
    expect(full.ok && full.value.draws).toBe(1000);
    let chunks = 0;
    const stopped = runMonteCarlo(gbg, undefined, gbgModel, {
      draws: 1000,
      chunk: 300,
      shouldStop: () => ++chunks === 2,
    });
    expect(stopped.ok && stopped.value.draws).toBe(600);
    const byDefault = runMonteCarlo(gbg, undefined, gbgModel);
    expect(byDefault.ok && byDefault.value.draws).toBe(10_000);
  });
});

describe('with every range collapsed to a point, each draw is the deterministic projection', () => {
  const scenario = scenarioOf(gbg, {
    id: 'strategidag',
    name: 'Strategidag',
    changes: [
      { type: 'state-allocation', fromYear: 2024, rate: '-0.05' },
      { type: 'esf-decision', project: 'gransgangare', decision: 'approved', share: '0.9', scaleCosts: true },
      {
        type: 'insats-new',
        line: {
          id: 'samordnare',
          name: 'Samordnare',
          category: 'individual',
          amount: { type: 'staff', fte: '1', monthlySalary: '45000', start: '2023-04-01' },
        },
      },
      { type: 'insats-stop', line: 'vuxna', from: '2025-07-01' },
      { type: 'utilization', line: 'lokal', rate: '0.9' },
    ],
  });
  const cases: [string, string, ChangeInput][] = [
    ['approved', '1', { type: 'esf-decision', project: 'gransgangare', decision: 'approved' }],
    [
      'rejected, one line kept',
      '0',
      {
        type: 'esf-decision',
        project: 'gransgangare',
        decision: 'rejected',
        keepLines: ['esf-projekt-ledning-gransgangare'],
      },
    ],
  ];
  it.each(cases)('ESF %s: every draw, percentile and probability equals projectPlan to the öre', (_, p, decision) => {
    const model = modelOf(
      { type: 'state-change', fromYear: 2024, distribution: uniform('-0.1') },
      {
        type: 'esf-approval',
        project: 'gransgangare',
        distribution: bernoulli(p),
        keepLines: ['esf-projekt-ledning-gransgangare'],
      },
      { type: 'utilization', distribution: triangular('0.93', '0.93', '0.93') },
      { type: 'utilization', line: 'vuxna', distribution: uniform('0.8') },
      { type: 'utilization', line: 'samordnare', distribution: uniform('0.75') },
      { type: 'indexation', distribution: uniform('0.0351234') }, // off the 0.01 % grid: a point stays exact
    );
    // The equivalent deterministic scenario, written by hand.
    const point = scenarioOf(gbg, {
      id: 'punkt',
      name: 'Punktvärden',
      changes: [
        ...scenario.changes,
        { type: 'state-allocation', fromYear: 2024, rate: '-0.1' },
        decision,
        { type: 'utilization', rate: '0.93' },
        { type: 'utilization', line: 'vuxna', rate: '0.8' },
        { type: 'utilization', line: 'samordnare', rate: '0.75' },
        { type: 'indexation', rate: '0.0351234' },
      ],
    });
    const exact = project(gbg, point);
    const mc = start(gbg, scenario, model, 99);
    mc.run(200);
    for (let k = 0; k < 200; k++) expect(mc.draw(k).closingEquity).toEqual(kronor(exact));
    const summary = mc.summary();
    summary.years.forEach((y, i) => {
      const closing = formatKronor(exact.rows[i]?.closingEquity as Ore);
      expect([y.p10, y.p50, y.p90]).toEqual([closing, closing, closing]);
      const finding = (rule: string) => (exact.findings.some((f) => f.rule === rule && f.year === y.year) ? 1 : 0);
      expect([y.negative, y.overCap]).toEqual([finding('negative-equity'), finding('equity-cap')]);
    });
    expect(summary.negativeAnyYear).toBe(exact.findings.some((f) => f.rule === 'negative-equity') ? 1 : 0);
    // The case is not trivial: the levers move equity away from the scenario alone.
    expect(kronor(exact)).not.toEqual(kronor(project(gbg, scenario)));
  });
});

describe('every draw equals projectChanges of its scenario (fast path = exact path)', () => {
  const generated = generatePlan(40, 20_250_140);
  // The same plan with the region and kommuner derived from the state by the matching rule, and every
  // fourth line with its own utilization (which a global utilization lever does not move).
  const derived: Plan = {
    ...generated.plan,
    members: generated.plan.members.map((m) => (m.group === 'state' ? m : { ...m, amounts: undefined })),
    costs: generated.plan.costs.map((c, j) => (j % 4 === 1 ? { ...c, utilization: '0.8' } : c)),
  };
  const plans = [generated.plan, derived];
  const plan0 = generated.plan;
  const years = plan0.years;
  const lines = plan0.costs.map((c) => c.id);
  const projects = plan0.esfProjects.map((p) => p.id);
  const linesOf = (project: string) => plan0.costs.filter((c) => c.project === project).map((c) => c.id);
  /** A decimal rate in [min, max] with up to six decimals (often off the 0.01 % grid). */
  const dec = (min: number, max: number) =>
    fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) }).map((k) => formatRate(rate(k, 1e6), 6));
  const range = (min: number, max: number) =>
    fc.oneof(
      fc.tuple(dec(min, max), dec(min, max)).map(([a, b]) => (Number(a) <= Number(b) ? uniform(a, b) : uniform(b, a))),
      fc.tuple(dec(min, max), dec(min, max), dec(min, max)).map((t) => {
        const [a, c, b] = [...t].sort((x, y) => Number(x) - Number(y)) as [string, string, string];
        return triangular(a, c, b);
      }),
      dec(min, max).map((a) => uniform(a)),
    );
  const year = fc.constantFrom(...years);
  const date = fc
    .record({
      y: fc.integer({ min: years[0] as number, max: years.at(-1) as number }),
      m: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}-01`);
  const change: fc.Arbitrary<ChangeInput> = fc.oneof(
    fc
      .record({ fromYear: year, rate: dec(-0.2, 0.1), matching: fc.boolean() })
      .map((c) => ({ type: 'state-allocation' as const, ...c })),
    fc
      .record({ fromYear: year, amount: fc.constantFrom('-250000', '100000.5') })
      .map((c) => ({ type: 'state-allocation' as const, ...c })),
    fc
      .record({ member: fc.constantFrom(...plan0.members.map((m) => m.id)), fromYear: year, rate: dec(-0.1, 0.1) })
      .map((c) => ({ type: 'member-contribution' as const, ...c })),
    fc
      .record({
        project: fc.constantFrom(...projects),
        share: fc.option(dec(0.5, 1), { nil: undefined }),
        scaleCosts: fc.boolean(),
      })
      .map(({ share, ...c }) => ({
        type: 'esf-decision' as const,
        decision: 'approved' as const,
        ...c,
        ...(share === undefined ? {} : { share }),
      })),
    fc
      .constantFrom(...projects)
      .chain((project) =>
        fc
          .subarray(linesOf(project))
          .map((keepLines) => ({ type: 'esf-decision' as const, project, decision: 'rejected' as const, keepLines })),
      ),
    fc.record({ line: fc.constantFrom(...lines), from: date }).map((c) => ({ type: 'insats-stop' as const, ...c })),
    fc.record({ line: fc.constantFrom(...lines), from: date }).map((c) => ({ type: 'insats-start' as const, ...c })),
    fc.record({ line: fc.constantFrom(...lines), until: date }).map((c) => ({ type: 'insats-extend' as const, ...c })),
    fc
      .record({ line: fc.constantFrom(...lines), share: dec(0, 1.2), fromYear: year })
      .map((c) => ({ type: 'insats-scale' as const, ...c })),
    fc
      .record({
        fte: fc.constantFrom('0.5', '1'),
        project: fc.option(fc.constantFrom(...projects), { nil: undefined }),
        from: date,
      })
      .map(({ fte, project, from }) => ({
        type: 'insats-new' as const,
        line: {
          id: 'ny-tjanst',
          name: 'Ny tjänst',
          category: 'individual' as const,
          ...(project ? { project } : {}),
          amount: { type: 'staff' as const, fte, monthlySalary: '41000', start: from },
        },
      })),
    fc
      .record({ rate: dec(0.6, 1), line: fc.option(fc.constantFrom(...lines), { nil: undefined }) })
      .map(({ line, ...c }) => ({ type: 'utilization' as const, ...c, ...(line ? { line } : {}) })),
    dec(-0.02, 0.06).map((r) => ({ type: 'indexation' as const, rate: r })),
    dec(0.25, 0.4).map((r) => ({ type: 'employer-add-on' as const, rate: r })),
  );
  // At most one new insats (ids are unique).
  const scenarioChanges = fc
    .array(change, { maxLength: 6 })
    .map((list) =>
      list.filter((c, k) => c.type !== 'insats-new' || list.findIndex((d) => d.type === 'insats-new') === k),
    );
  const levers: fc.Arbitrary<UncertainLeverInput[]> = fc
    .record({
      state: fc.array(fc.record({ fromYear: year, matching: fc.boolean(), distribution: range(-0.2, 0.1) }), {
        maxLength: 2,
      }),
      esf: fc.subarray(projects).chain((ps) =>
        fc.tuple(
          ...ps.map((project) =>
            fc.record({
              project: fc.constant(project),
              distribution: fc.constantFrom('0', '0.3', '0.5', '1').map(bernoulli),
              share: fc.option(dec(0.5, 1), { nil: undefined }),
              scaleCosts: fc.boolean(),
              keepLines: fc.subarray(linesOf(project)),
            }),
          ),
        ),
      ),
      utilization: fc.option(range(0.7, 1), { nil: undefined }),
      lineUtilization: fc
        .uniqueArray(fc.constantFrom(...lines, 'ny-tjanst'), { maxLength: 3 })
        .chain((ids) => fc.tuple(...ids.map((line) => range(0.5, 1).map((distribution) => ({ line, distribution }))))),
      indexation: fc.option(range(-0.01, 0.05), { nil: undefined }),
    })
    .map(({ state, esf, utilization, lineUtilization, indexation }) => [
      ...state.map((s) => ({ type: 'state-change' as const, ...s })),
      ...esf.map(({ share, ...e }) => ({
        type: 'esf-approval' as const,
        ...e,
        ...(share === undefined ? {} : { share }),
      })),
      ...(utilization ? [{ type: 'utilization' as const, distribution: utilization }] : []),
      ...lineUtilization.map((l) => ({ type: 'utilization' as const, ...l })),
      ...(indexation ? [{ type: 'indexation' as const, distribution: indexation }] : []),
    ]);

  it('for random scenarios and models on a generated 40-line plan', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), scenarioChanges, levers, fc.integer(), (which, changes, leverList, seed) => {
        const plan = plans[which] as Plan;
        const scenario = scenarioOf(plan, { id: 's', name: 'S', changes });
        const parsed = UncertaintyModelSchema.parse({ levers: leverList });
        const hasNewLine = changes.some((c) => c.type === 'insats-new');
        const model = hasNewLine
          ? parsed
          : { ...parsed, levers: parsed.levers.filter((l) => l.type !== 'utilization' || l.line !== 'ny-tjanst') };
        const mc = start(plan, scenario, model, seed);
        const draws = 20;
        mc.run(draws);
        const cp = compilePlan(plan);
        const resolved = resolveScenario(plan, scenario);
        if (!resolved.ok) throw new Error('resolve');
        const negative = years.map(() => 0);
        const over = years.map(() => 0);
        for (let k = 0; k < draws; k++) {
          const draw = mc.draw(k);
          const exact = projectChanges(cp, [...resolved.value, ...(draw.changes as Change[])]);
          expect(draw.closingEquity).toEqual(kronor(exact));
          for (const f of exact.findings) {
            const i = years.indexOf(f.year);
            if (f.rule === 'negative-equity') negative[i] = (negative[i] as number) + 1;
            if (f.rule === 'equity-cap') over[i] = (over[i] as number) + 1;
          }
        }
        const summary = mc.summary();
        expect(summary.years.map((y) => y.negativeCount)).toEqual(negative);
        expect(summary.years.map((y) => y.overCapCount)).toEqual(over);
      }),
      { numRuns: 80, seed: 424_242 },
    );
  });
});

describe('probabilities and sampled values within the sampling error', () => {
  it('one ESF project at p = 0.5, all else fixed: P(negative equity 2022) = P(rejected) ≈ 0.5 (Sundbyberg)', () => {
    // Without MIA Vidare (applied) equity ends 2022 at −225 tkr; with it, positive; 2020 and 2021 are positive either way.
    const plan = sundbyberg();
    expect(kronor(project(plan))).toEqual(['265000', '30000', '-225000']);
    const approved = scenarioOf(plan, {
      id: 'mia',
      name: 'MIA beviljas',
      changes: [{ type: 'esf-decision', project: 'mia-vidare', decision: 'approved' }],
    });
    const withMia = kronor(project(plan, approved));
    expect(withMia.every((v) => Number(v) > 0)).toBe(true);
    const model = modelOf({ type: 'esf-approval', project: 'mia-vidare', distribution: bernoulli('0.5') });
    const n = 4000;
    const mc = start(plan, undefined, model, 2020);
    mc.run(n);
    const s = mc.summary();
    const rejected = Array.from({ length: n }, (_, k) => mc.draw(k)).filter((d) => d.levers[0]?.value === 'rejected');
    expect(s.years.map((y) => y.negativeCount)).toEqual([0, 0, rejected.length]);
    expect(s.negativeAnyYearCount).toBe(rejected.length);
    const p = s.years[2]?.negative as number;
    expect(Math.abs(p - 0.5)).toBeLessThan(3 * Math.sqrt((0.5 * 0.5) / n));
    expect(s.years[2]?.p10).toBe('-225000');
    expect(s.years[2]?.p90).toBe(withMia[2]);
  });

  it('uniform and triangular draws: on the grid, inside the range, with the right mean; ESF with its p', () => {
    const model = modelOf(
      { type: 'utilization', distribution: uniform('0.85', '1') },
      { type: 'indexation', distribution: triangular('0.01', '0.015', '0.04') },
      { type: 'state-change', fromYear: 2023, distribution: triangular('-0.15', '-0.12', '0') },
      { type: 'esf-approval', project: 'landa-och-move-on', distribution: bernoulli('0.3') },
    );
    const n = 5000;
    const mc = start(gbg, undefined, model, 31);
    mc.run(n);
    const values = (k: number) => Array.from({ length: n }, (_, i) => mc.draw(i).levers[k]?.value as string);
    const check = (k: number, min: number, max: number, mean: number, variance: number) => {
      const xs = values(k).map(Number);
      const onGrid = (x: number) => Math.abs(x * RATE_GRID - Math.round(x * RATE_GRID)) < 1e-6;
      expect(xs.every((x) => x >= min && x <= max && onGrid(x))).toBe(true);
      const average = xs.reduce((a, b) => a + b, 0) / n;
      expect(Math.abs(average - mean)).toBeLessThan(3.5 * Math.sqrt(variance / n));
    };
    const tri = (a: number, c: number, b: number) =>
      [(a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18] as const;
    check(0, 0.85, 1, 0.925, 0.15 ** 2 / 12);
    check(1, 0.01, 0.04, ...tri(0.01, 0.015, 0.04));
    check(2, -0.15, 0, ...tri(-0.15, -0.12, 0));
    const approved = values(3).filter((v) => v === 'approved').length / n;
    expect(Math.abs(approved - 0.3)).toBeLessThan(3 * Math.sqrt((0.3 * 0.7) / n));
    expect(new Set(values(0)).size).toBeGreaterThan(1000);
  });

  it('p = 0 and p = 1 decide every draw', () => {
    for (const [p, value] of [
      ['0', 'rejected'],
      ['1', 'approved'],
    ] as const) {
      const mc = start(
        gbg,
        undefined,
        modelOf({ type: 'esf-approval', project: 'gransgangare', distribution: bernoulli(p) }),
      );
      mc.run(500);
      expect(new Set(Array.from({ length: 500 }, (_, k) => mc.draw(k).levers[0]?.value))).toEqual(new Set([value]));
    }
  });
});

describe('percentiles and the draws behind them', () => {
  const model = modelOf({ type: 'state-change', fromYear: 2023, distribution: uniform('-0.2', '0.05') });
  const mc = start(gbg, undefined, model, 5);
  mc.run(10);
  const closing2025 = Array.from({ length: 10 }, (_, k) => mc.draw(k))
    .map((d) => ({ index: d.index, value: Number(d.closingEquity[2]) }))
    .sort((a, b) => a.value - b.value || a.index - b.index);

  it('uses the nearest rank: the ceil(p/100 × n)-th smallest draw', () => {
    const at = (rank: number) => Math.round((closing2025[rank - 1]?.value as number) * 100);
    expect([0, 10, 11, 50, 90, 91, 100].map((p) => mc.percentile(p, 2025))).toEqual([1, 1, 2, 5, 9, 10, 10].map(at));
    expect(mc.summary().years[2]).toMatchObject({
      year: 2025,
      p10: formatKronor(at(1) as Ore),
      p50: formatKronor(at(5) as Ore),
      p90: formatKronor(at(9) as Ore),
    });
  });

  it('returns the draws nearest a percentile, lowest first, each reproducible as a scenario', () => {
    expect(mc.drawsAt(50, 2025, 3).map((d) => d.index)).toEqual(closing2025.slice(3, 6).map((d) => d.index));
    expect(mc.drawsAt(10, 2025, 3).map((d) => d.index)).toEqual(closing2025.slice(0, 3).map((d) => d.index));
    expect(mc.drawsAt(100, 2025, 4).map((d) => d.index)).toEqual(closing2025.slice(6).map((d) => d.index));
    for (const d of mc.drawsAt(90, 2025, 2)) {
      const scenario = scenarioOf(gbg, { id: `drag-${d.index}`, name: 'Dragning', changes: d.changes });
      expect(kronor(project(gbg, scenario))).toEqual(d.closingEquity);
      expect(d.levers[0]).toMatchObject({ lever: 0, label: 'Statens anslag från 2023' });
      expect(d.changes[0]).toEqual({
        type: 'state-allocation',
        fromYear: 2023,
        rate: d.levers[0]?.value,
        matching: true,
      });
    }
  });

  it('before any draw there is nothing to tell', () => {
    const empty = start(gbg, undefined, model);
    expect(empty.summary()).toMatchObject({ draws: 0, negativeAnyYear: 0 });
    expect(empty.summary().years[0]).toMatchObject({ p10: null, p50: null, p90: null, negative: 0, overCap: 0 });
    expect(empty.percentile(50, 2024)).toBeNull();
    expect(empty.drawsAt(50, 2024)).toEqual([]);
    expect(() => empty.percentile(50, 2030)).toThrow(RangeError);
    expect(() => empty.draw(0)).toThrow(RangeError);
  });
});

describe('bad input comes back as data', () => {
  it('an invalid model, a scenario that does not resolve, a seed that is not an integer', () => {
    const bad = createMonteCarlo(gbg, undefined, modelOf({ type: 'utilization', distribution: uniform('1', '0.5') }));
    expect(!bad.ok && bad.errors.map((e) => e.code)).toEqual(['range-reversed']);
    const orphan: Scenario = { id: 'x', name: 'X', basedOn: 'saknas', changes: [] };
    const unresolved = createMonteCarlo(gbg, orphan, modelOf());
    expect(!unresolved.ok && unresolved.errors.map((e) => e.code)).toEqual(['unknown-scenario']);
    const seed = createMonteCarlo(gbg, undefined, modelOf(), { seed: 1.5 });
    expect(!seed.ok && seed.errors.map((e) => e.code)).toEqual(['seed']);
  });

  it('with no uncertain levers, every draw is the plan itself', () => {
    const mc = start(gbg, undefined, modelOf());
    mc.run(3);
    expect(mc.draw(2).closingEquity).toEqual(kronor(project(gbg)));
    expect(mc.draw(2).changes).toEqual([]);
  });
});
