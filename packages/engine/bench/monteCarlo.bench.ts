/**
 * Benchmark of the Monte Carlo path: 10 000 draws of the generated 100-line, 5-year plan with all
 * four lever kinds uncertain (state change, ESF approval, utilization, indexation), exact, against
 * a float64 loop that samples the same values and projects them with `projectFloat` (the
 * projection bench's float baseline, staff lines recosted per draw). Prints the times, draws per
 * second, the ratio and the verdict on the target (< 1 s); never asserts on timing. Run with
 * `npm run bench -w @samplan/engine` (after projection.bench.ts).
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  compilePlan,
  createMonteCarlo,
  type MonteCarloSummary,
  type Plan,
  projectChanges,
  RATE_GRID,
  type Scenario,
  type UncertaintyModel,
  UncertaintyModelSchema,
  xoshiro128ss,
} from '../src/index.ts';
import { createFloatProjection, type FloatPlan, projectFloat, toFloatPlan, toFloatScenario } from './floatBaseline.ts';
import { generatePlan } from './generatePlan.ts';

const SEED = 20_250_101; // the projection bench's seed: the same 100-line plan
const DRAWS = 10_000;
const RUNS = 10;
const MC_SEED = 2025;

const generated = generatePlan(100, SEED + 100);
const { plan } = generated;
const model: UncertaintyModel = UncertaintyModelSchema.parse({
  levers: [
    { type: 'state-change', fromYear: 2026, distribution: { type: 'uniform', min: '-0.15', max: '0' } },
    { type: 'esf-approval', project: 'esf-steg-for-steg', distribution: { type: 'bernoulli', p: '0.5' } },
    { type: 'esf-approval', project: 'esf-vagen-in', distribution: { type: 'bernoulli', p: '0.9' } },
    { type: 'utilization', distribution: { type: 'triangular', min: '0.85', mode: '0.95', max: '1' } },
    { type: 'indexation', distribution: { type: 'uniform', min: '0.01', max: '0.04' } },
  ],
});

let sink = 0;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] as number;
  const median =
    (sorted[Math.floor((sorted.length - 1) / 2)] as number) / 2 +
    (sorted[Math.ceil((sorted.length - 1) / 2)] as number) / 2;
  return { median, p95: at(0.95), min: sorted[0] as number };
};

// ─── Exact: createMonteCarlo + run(10 000) + summary(), fresh each run ──────────────────────────────
interface ExactRun {
  total: number;
  setup: number;
  draws: number;
  summary: number;
  result: MonteCarloSummary;
}
function exactRun(scenario?: Scenario): ExactRun {
  const t0 = performance.now();
  const created = createMonteCarlo(plan, scenario, model, { seed: MC_SEED });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const mc = created.value;
  const t1 = performance.now();
  const ran = mc.run(DRAWS);
  if (!ran.ok) throw new Error(JSON.stringify(ran.errors));
  const t2 = performance.now();
  const result = mc.summary();
  const t3 = performance.now();
  return { total: t3 - t0, setup: t1 - t0, draws: t2 - t1, summary: t3 - t2, result };
}

// ─── Float64: the same draws as plain numbers ─────────────────────────────────────────────────────
/** Staff lines as float terms: K × (1 + indexation)^steps a year, K = FTE × salary × months × (1 + PO). */
function staffTerms(p: Plan, fp: FloatPlan) {
  const first = (p.years[0] ?? 0) * 12;
  const last = (p.years.at(-1) ?? 0) * 12 + 11;
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return p.costs.flatMap((c, j) => {
    const a = c.amount;
    if (a.type !== 'staff') return [];
    const from = a.start ? month(a.start) : first;
    const to = a.end ? month(a.end) : last;
    const po = Number(a.employerAddOn ?? p.assumptions.employerAddOn);
    const k = p.years.map((y) => {
      const months = Math.max(0, Math.min(to, y * 12 + 11) - Math.max(from, y * 12) + 1);
      return Number(a.fte) * Number(a.monthlySalary) * months * (1 + po);
    });
    const steps = p.years.map((y) => (a.indexed ? y - (a.salaryYear ?? p.years[0] ?? y) : 0));
    return [{ slot: j * fp.yearCount, k, steps, step: [] as number[] }];
  });
}

/** The levers as float samplers over the same uint32 stream: inverse CDF, the 0.01 % grid, clamped. */
function floatSamplers() {
  return model.levers.map((lever) => {
    if (lever.type === 'esf-approval') {
      const threshold = Math.ceil(Number(lever.distribution.p) * 4_294_967_296);
      return (u32: number) => (u32 < threshold ? 1 : 0);
    }
    const d = lever.distribution;
    const a = Number(d.min);
    const b = Number(d.max);
    const c = d.type === 'triangular' ? Number(d.mode) : 0;
    return (u32: number) => {
      const u = u32 / 4_294_967_296;
      let x: number;
      if (d.type === 'uniform') x = a + (b - a) * u;
      else if (u < (c - a) / (b - a)) x = a + Math.sqrt(u * (b - a) * (c - a));
      else x = b - Math.sqrt((1 - u) * (b - a) * (b - c));
      return Math.min(b, Math.max(a, Math.round(x * RATE_GRID) / RATE_GRID));
    };
  });
}

interface FloatRun {
  total: number;
  draws: number;
  p: { p10: number; p50: number; p90: number }[];
  negative: number[];
  overCap: number[];
  closings: Float64Array;
}
function floatRun(): FloatRun {
  const t0 = performance.now();
  const fp = toFloatPlan(plan);
  const fs = toFloatScenario(fp, []);
  const out = createFloatProjection(fp.yearCount);
  const staff = staffTerms(plan, fp);
  // (1 + indexation)^steps once per distinct number of steps and draw.
  const steps = [...new Set(staff.flatMap((s) => s.steps))];
  const growth = new Float64Array(steps.length);
  for (const s of staff) s.step = s.steps.map((k) => steps.indexOf(k));
  const samplers = floatSamplers();
  const Y = fp.yearCount;
  const from = 2026 - (fp.years[0] ?? 0);
  const esfIndex = ['esf-steg-for-steg', 'esf-vagen-in'].map((id) => fp.projectIds.indexOf(id));
  const closings = new Float64Array(DRAWS * Y);
  const negative = new Array<number>(Y).fill(0);
  const overCap = new Array<number>(Y).fill(0);
  const random = xoshiro128ss(MC_SEED);
  const values = new Float64Array(samplers.length);
  const tDraws = performance.now();
  for (let k = 0; k < DRAWS; k++) {
    for (let l = 0; l < samplers.length; l++) values[l] = (samplers[l] as (u: number) => number)(random());
    const [state = 0, esfA = 1, esfB = 1, utilization = 1, indexation = 0] = values;
    for (let y = 0; y < Y; y++) {
      const factor = y >= from ? 1 + state : 1;
      fs.stateFactor[y] = factor;
      fs.followerFactor[y] = factor;
    }
    fs.projectRuns[esfIndex[0] as number] = esfA;
    fs.projectRuns[esfIndex[1] as number] = esfB;
    fs.utilization = utilization;
    for (let t = 0; t < steps.length; t++) growth[t] = (1 + indexation) ** (steps[t] as number);
    for (const s of staff) {
      for (let y = 0; y < Y; y++) {
        fp.costAmounts[s.slot + y] =
          Math.round((s.k[y] as number) * (growth[s.step[y] as number] as number) * 100) / 100;
      }
    }
    projectFloat(fp, fs, out);
    for (let y = 0; y < Y; y++) {
      closings[k * Y + y] = out.closing[y] as number;
      negative[y] = (negative[y] as number) + (out.negativeEquity[y] as number);
      overCap[y] = (overCap[y] as number) + (out.equityCap[y] as number);
    }
  }
  const draws = performance.now() - tDraws;
  const p = Array.from({ length: Y }, (_, y) => {
    const column = new Float64Array(DRAWS);
    for (let k = 0; k < DRAWS; k++) column[k] = closings[k * Y + y] as number;
    column.sort();
    const rank = (q: number) => column[Math.max(1, Math.ceil((q * DRAWS) / 100)) - 1] as number;
    return { p10: rank(10), p50: rank(50), p90: rank(90) };
  });
  return { total: performance.now() - t0, draws, p, negative, overCap, closings };
}

// ─── Run ─────────────────────────────────────────────────────────────────────────────────────────
console.log(
  `\nSamplan Monte Carlo benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
);
console.log(
  `Plan: generated, 100 cost lines, 5 years (seed ${SEED + 100}); ` +
    `${DRAWS.toLocaleString('en')} draws, Monte Carlo seed ${MC_SEED};`,
);
console.log(`levers: ${model.levers.map((l) => l.type).join(', ')}.\n`);

const cold = exactRun();
const exact: ExactRun[] = [];
const float: FloatRun[] = [];
floatRun(); // warm-up
for (let r = 0; r < RUNS; r++) {
  exact.push(exactRun());
  float.push(floatRun());
}
const e = stats(exact.map((x) => x.total));
const f = stats(float.map((x) => x.total));
const part = (pick: (x: ExactRun) => number) => ms(stats(exact.map(pick)).median);

// Cross-check: same percentiles from run to run; float vs exact.
const last = exact.at(-1) as ExactRun;
const reproducible = exact.every((x) => JSON.stringify(x.result) === JSON.stringify(cold.result));
const lastFloat = float.at(-1) as FloatRun;
let maxPercentileDiff = 0;
last.result.years.forEach((y, i) => {
  const fy = lastFloat.p[i] as FloatRun['p'][number];
  for (const [exactKr, floatKr] of [
    [y.p10, fy.p10],
    [y.p50, fy.p50],
    [y.p90, fy.p90],
  ] as const) {
    maxPercentileDiff = Math.max(maxPercentileDiff, Math.abs(Number(exactKr) - floatKr));
  }
});
const countsAgree = last.result.years.every(
  (y, i) => y.negativeCount === lastFloat.negative[i] && y.overCapCount === lastFloat.overCap[i],
);

// For scale: the exact engine one draw at a time (projectChanges of the scenario plus the draw's changes).
const naiveDraws = 1000;
const created = createMonteCarlo(plan, undefined, model, { seed: MC_SEED });
if (!created.ok) throw new Error('create');
created.value.run(naiveDraws);
const cp = compilePlan(plan);
const drawChanges = Array.from({ length: naiveDraws }, (_, k) => created.value.draw(k).changes);
const tNaive = performance.now();
let naiveMismatches = 0;
drawChanges.forEach((changes, k) => {
  const closing = projectChanges(cp, changes).rows.at(-1)?.closingEquity ?? 0;
  sink += closing;
  if ((closing / 100).toFixed(2) !== Number(created.value.draw(k).closingEquity[4]).toFixed(2)) naiveMismatches++;
});
const naivePerDraw = (performance.now() - tNaive) / naiveDraws;

const kombination = generated.scenarios.find((s) => s.id === 'kombination');
const withEdit = stats(Array.from({ length: 5 }, () => exactRun(kombination).total));

const rows: [string, string, string, string][] = [
  [
    'exact (createMonteCarlo + run + summary)',
    ms(e.median),
    ms(e.p95),
    `${Math.round(DRAWS / (e.median / 1000)).toLocaleString('en')}`,
  ],
  ['  of which setup (compile, classify lines)', part((x) => x.setup), '', ''],
  ['  of which 10 000 draws', part((x) => x.draws), '', ''],
  ['  of which summary (percentiles)', part((x) => x.summary), '', ''],
  [
    'float64 reference loop (same draws)',
    ms(f.median),
    ms(f.p95),
    `${Math.round(DRAWS / (f.median / 1000)).toLocaleString('en')}`,
  ],
  ['  of which 10 000 draws', ms(stats(float.map((x) => x.draws)).median), '', ''],
];
const widths = [44, 10, 10, 12];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
console.log(line(['10 000 draws, 100 lines × 5 years', 'median', 'p95', 'draws/s']));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(
  `\nRuns: ${RUNS} of each after one cold run; each run starts fresh (createMonteCarlo: nothing cached between runs).`,
);
console.log(`  cold first run (JIT warming up, as a worker's first run): ${ms(cold.total)}`);
console.log(`  ratio exact ÷ float64 (medians): ${(e.median / f.median).toFixed(2)}×`);
console.log(
  `  the "Kombination" scenario (a scaled line: applyScenario per utilization value): median ${ms(withEdit.median)}`,
);
console.log(
  `  for scale, projectChanges per draw (nothing prepared): ${(naivePerDraw * 1000).toFixed(1)} µs a draw, ` +
    `≈ ${ms(naivePerDraw * DRAWS)} for ${DRAWS.toLocaleString('en')}`,
);

console.log('\nCross-checks (not timed):');
console.log(`  ${reproducible ? 'same' : 'DIFFERENT'} summary in all ${RUNS + 1} exact runs (seed ${MC_SEED})`);
console.log(
  `  ${naiveMismatches === 0 ? 'every one' : `${naiveMismatches} DIFFER`} of ${naiveDraws} draws equal projectChanges of the draw's scenario to the öre`,
);
console.log(
  `  float64 vs exact: P10/P50/P90 within ${maxPercentileDiff.toFixed(2)} kr; negative-equity and equity-cap counts ${countsAgree ? 'agree' : 'DIFFER'}`,
);
const y5 = last.result.years[4];
console.log(
  `  2029: P10 ${y5?.p10} kr, P50 ${y5?.p50} kr, P90 ${y5?.p90} kr; negative ${(100 * (y5?.negative ?? 0)).toFixed(1)} %, over the cap ${(100 * (y5?.overCap ?? 0)).toFixed(1)} %`,
);

console.log('\nTarget:');
console.log(
  `  ${e.median < 1000 ? 'PASS' : 'MISS'}  10 000 draws of the 100-line, 5-year plan < 1 s (median)   ${ms(e.median)}`,
);
console.log(
  `  ${cold.total < 1000 ? 'PASS' : 'MISS'}  … also the cold first run                                  ${ms(cold.total)}`,
);
console.log(`\n(sink ${sink !== 0 ? 'ok' : '0'})`);
