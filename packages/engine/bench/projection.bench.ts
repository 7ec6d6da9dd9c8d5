/**
 * Benchmark of the scenario engine: projection on a compiled plan, one scenario, cold
 * parse+compile+project, "after one edit, re-project all four scenarios" against a float64 loop
 * and a HyperFormula workbook, and the two goal-seek answers. Prints a table; never asserts on
 * timing (exits 0 unless something throws). Run with `npm run bench -w @samplan/engine`.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  type CostLine,
  compilePlan,
  type Plan,
  type Projection,
  parsePlan,
  projectChanges,
  projectChangesFully,
  projectPlan,
  resolveScenario,
  type Scenario,
  spendingRoom,
  stateCutTolerance,
} from '../src/index.ts';
import {
  compareWithEngine,
  createFloatProjection,
  type FloatScenario,
  projectFloat,
  toFloatPlan,
  toFloatScenario,
} from './floatBaseline.ts';
import { generatePlan } from './generatePlan.ts';
import { buildHyperFormula, editAndRecalculate, readClosingEquity } from './hyperformulaBaseline.ts';

const SIZES = [10, 100, 1000] as const;
const SEED = 20_250_101;
const EDIT_YEAR = '2026';
const EDIT_DELTA_KR = 12_345;
/** Each timed sample runs the operation in a batch lasting at least this long. */
const MIN_SAMPLE_MS = 0.2;

/** Per-operation timing, in milliseconds. */
interface Stat {
  median: number;
  p95: number;
  samples: number;
  batch: number;
}

interface Row {
  size: number;
  operation: string;
  stat: Stat;
  vsFloat?: number;
  vsHf?: number;
}

/** Keeps results alive so no work can be skipped. */
let sink = 0;

/**
 * Times `run` after a warm-up: batches of iterations so each sample lasts >= MIN_SAMPLE_MS,
 * `samples` samples, per-operation median and p95. `prepare(batch)` runs before each sample,
 * outside the timed region (fresh inputs for the batch).
 */
function measure(
  run: (k: number) => number,
  options: { samples: number; prepare?: (batch: number) => void; warmupMs?: number },
): Stat {
  const { samples, prepare } = options;
  const warmupMs = options.warmupMs ?? 150;
  let iterations = 0;
  let spent = 0;
  while ((spent < warmupMs || iterations < 20) && !(iterations >= 5 && spent > 4 * warmupMs)) {
    prepare?.(1);
    const t0 = performance.now();
    sink += run(0);
    spent += performance.now() - t0;
    iterations++;
  }
  const batch = Math.max(1, Math.ceil(MIN_SAMPLE_MS / (spent / iterations)));
  const times = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    prepare?.(batch);
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) sink += run(k);
    times[s] = (performance.now() - t0) / batch;
  }
  times.sort();
  return {
    median: ((times[Math.floor((samples - 1) / 2)] as number) + (times[Math.ceil((samples - 1) / 2)] as number)) / 2,
    p95: times[Math.min(samples - 1, Math.ceil(samples * 0.95) - 1)] as number,
    samples,
    batch,
  };
}

const lastClosing = (p: Projection): number => p.rows.at(-1)?.closingEquity ?? 0;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: unknown[] }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.value;
}

/** A copy of `plan` sharing every line object but the edited cost line (an immutable-store edit). */
function editPlan(plan: Plan, index: number, value: string): Plan {
  const old = plan.costs[index] as CostLine;
  if (old.amount.type !== 'yearly') throw new Error('edit line must be yearly');
  const line: CostLine = { ...old, amount: { ...old.amount, amounts: { ...old.amount.amounts, [EDIT_YEAR]: value } } };
  const costs = plan.costs.slice();
  costs[index] = line;
  return { ...plan, costs };
}

const formatTime = (ms: number): string =>
  ms < 1 ? `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const formatRatio = (r: number | undefined): string =>
  r === undefined ? '' : `${r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;

const rows: Row[] = [];
const crossChecks: string[] = [];
const problems: string[] = [];
const started = performance.now();

console.log(`Samplan engine benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
console.log(`Plans: 5 years (2025–2029), seed ${SEED}; each sample >= ${MIN_SAMPLE_MS} ms of iterations.\n`);

for (const size of SIZES) {
  const samples = size >= 1000 ? 100 : 200;
  const generated = generatePlan(size, SEED + size);
  const { plan, json, scenarios, editLineId } = generated;
  const byId = (id: string) => scenarios.find((s) => s.id === id) as Scenario;
  const cp = compilePlan(plan);
  const resolved = scenarios.map((s) => unwrap(resolveScenario(plan, s), `resolve ${s.id}`));
  const combination = byId('kombination');
  const combinationChanges = unwrap(resolveScenario(plan, combination), 'resolve kombination');
  const editIndex = plan.costs.findIndex((c) => c.id === editLineId);
  const editLine = plan.costs[editIndex] as CostLine;
  const originalText = editLine.amount.type === 'yearly' ? (editLine.amount.amounts[EDIT_YEAR] ?? '0') : '0';
  const original = Number(originalText);
  const editedText = String(original + EDIT_DELTA_KR);

  // Float64 baseline, converted once.
  const fp = toFloatPlan(plan);
  const baseFs = toFloatScenario(fp, []);
  const scenarioFs: FloatScenario[] = resolved.map((changes) => toFloatScenario(fp, changes));
  const combinationFs = toFloatScenario(fp, combinationChanges);
  const allFs = [baseFs, ...scenarioFs];
  const out = createFloatProjection(fp.yearCount);
  const lastYear = fp.yearCount - 1;

  // Cross-check (not timed): float vs engine, base and each scenario.
  const labels = ['Bas', ...scenarios.map((s) => s.name)];
  allFs.forEach((fs, i) => {
    projectFloat(fp, fs, out);
    const exact = i === 0 ? projectChanges(cp, []) : projectChanges(cp, resolved[i - 1] ?? []);
    const cmp = compareWithEngine(out, exact);
    const agree = cmp.maxDiffOre <= 100 && cmp.ruleMismatches.length === 0;
    const line = `${String(size).padStart(4)} lines  ${(labels[i] as string).padEnd(15)} float vs engine: ${
      agree ? 'agree' : 'DISAGREE'
    } (max diff ${(cmp.maxDiffOre / 100).toFixed(2)} kr${cmp.where ? ` at ${cmp.where}` : ''}${
      cmp.ruleMismatches.length ? `; rules differ: ${cmp.ruleMismatches.join(', ')}` : ''
    }; closing ${formatKr(exact.rows.at(-1)?.closingEquity ?? 0)}, ${exact.findings.length} findings)`;
    crossChecks.push(line);
    if (!agree) problems.push(line);
  });

  // HyperFormula workbook: base + 4 scenarios.
  const tBuild = performance.now();
  const wb = buildHyperFormula(
    fp,
    allFs.map((fs, i) => ({ name: labels[i] as string, fs })),
  );
  const buildMs = performance.now() - tBuild;
  const hfClosing = new Float64Array(allFs.length * fp.yearCount);
  const editCell = wb.costCell(editIndex, Number(EDIT_YEAR) - (fp.years[0] ?? 0));
  {
    // Cross-check (not timed): HyperFormula vs engine after the edit.
    editAndRecalculate(wb, editCell, Number(editedText), hfClosing);
    const edited = editPlan(plan, editIndex, editedText);
    let maxDiff = 0;
    [undefined, ...scenarios].forEach((s, i) => {
      const p = unwrap(projectPlan(edited, s), 'project');
      p.rows.forEach((r, y) => {
        maxDiff = Math.max(maxDiff, Math.abs((hfClosing[i * fp.yearCount + y] as number) * 100 - r.closingEquity));
      });
    });
    const line = `${String(size).padStart(4)} lines  HyperFormula vs engine closing equity after an edit: ${
      maxDiff <= 100 ? 'agree' : 'DISAGREE'
    } (max diff ${(maxDiff / 100).toFixed(2)} kr); workbook build ${formatTime(buildMs)}`;
    crossChecks.push(line);
    if (maxDiff > 100) problems.push(line);
    editAndRecalculate(wb, editCell, original, hfClosing);
  }

  const add = (operation: string, stat: Stat) => {
    const row: Row = { size, operation, stat };
    rows.push(row);
    return row;
  };

  // 1. Base projection on a compiled plan, every line costed and summed (no incremental reuse).
  const base = add(
    '1 engine: project base (compiled)',
    measure(() => lastClosing(projectChangesFully(cp, [])), { samples }),
  );
  // 2. One scenario on a compiled plan, changes resolved once, from scratch.
  const one = add(
    '2 engine: project "Kombination" (compiled)',
    measure(() => lastClosing(projectChangesFully(cp, combinationChanges)), { samples }),
  );
  // 3. Cold: parse + compile + project, a fresh deep copy of the JSON each time.
  let copies: unknown[] = [];
  add(
    '3 engine: cold parse+compile+project',
    measure((k) => lastClosing(unwrap(projectPlan(unwrap(parsePlan(copies[k]), 'parse')), 'project')), {
      samples: size >= 1000 ? 50 : samples,
      prepare: (batch) => {
        copies = Array.from({ length: batch }, () => structuredClone(json));
      },
    }),
  );
  // 4. One edit (structural sharing), then base + 4 scenarios.
  let current = plan;
  let flip = 0;
  const edit = add(
    '4 engine: edit 1 line + base & 4 scenarios',
    measure(
      () => {
        flip ^= 1;
        current = editPlan(current, editIndex, flip ? editedText : originalText);
        let total = lastClosing(unwrap(projectPlan(current), 'project'));
        for (const s of scenarios) total += lastClosing(unwrap(projectPlan(current, s), 'project'));
        return total;
      },
      { samples },
    ),
  );
  // 4 without the incremental cost side: the same edit, every scenario re-costed and re-summed.
  let fullFlip = 0;
  let fullCurrent = plan;
  const editFull = add(
    '4 engine: the same, full re-projection',
    measure(
      () => {
        fullFlip ^= 1;
        fullCurrent = editPlan(fullCurrent, editIndex, fullFlip ? editedText : originalText);
        const fcp = compilePlan(fullCurrent);
        let total = lastClosing(projectChangesFully(fcp, []));
        for (const s of scenarios) {
          total += lastClosing(projectChangesFully(fcp, unwrap(resolveScenario(fullCurrent, s), 'resolve')));
        }
        return total;
      },
      { samples },
    ),
  );
  {
    // Cross-check (not timed): the incremental and the full re-projection agree to the öre.
    const a = editPlan(current, editIndex, '777777');
    const cpa = compilePlan(a);
    const same = [undefined, ...scenarios].every((s) => {
      const changes = s ? unwrap(resolveScenario(a, s), 'resolve') : [];
      const inc = unwrap(projectPlan(a, s), 'project');
      const full = projectChangesFully(cpa, changes);
      return (
        JSON.stringify(inc.rows) === JSON.stringify(full.rows) &&
        JSON.stringify(inc.lines) === JSON.stringify(full.lines)
      );
    });
    const line = `${String(size).padStart(4)} lines  incremental vs full re-projection after an edit: ${same ? 'identical' : 'DIFFERENT'} (rows and lines, base + 4 scenarios)`;
    crossChecks.push(line);
    if (!same) problems.push(line);
  }
  // HyperFormula: setCellContents on one base cell, read every scenario's closing equity.
  let hfFlip = 0;
  const hf = add(
    '4 HyperFormula: setCellContents + read 5×5',
    measure(
      () => {
        hfFlip ^= 1;
        editAndRecalculate(wb, editCell, hfFlip ? Number(editedText) : original, hfClosing);
        return hfClosing[hfClosing.length - 1] as number;
      },
      { samples },
    ),
  );
  edit.vsHf = edit.stat.median / hf.stat.median;
  editFull.vsHf = editFull.stat.median / hf.stat.median;
  // 5. Float64 loop: the same work as 1, 2 and 4.
  const floatBase = add(
    '5 float64: project base',
    measure(() => projectFloat(fp, baseFs, out) + (out.closing[lastYear] as number), { samples }),
  );
  const floatOne = add(
    '5 float64: project "Kombination"',
    measure(() => projectFloat(fp, combinationFs, out) + (out.closing[lastYear] as number), { samples }),
  );
  const editSlot = editIndex * fp.yearCount + (Number(EDIT_YEAR) - (fp.years[0] ?? 0));
  let floatFlip = 0;
  const floatEdit = add(
    '5 float64: edit 1 line + base & 4 scenarios',
    measure(
      () => {
        floatFlip ^= 1;
        fp.costAmounts[editSlot] = floatFlip ? Number(editedText) : original;
        let total = 0;
        for (const fs of allFs) {
          total += projectFloat(fp, fs, out) + (out.closing[lastYear] as number);
        }
        return total;
      },
      { samples },
    ),
  );
  fp.costAmounts[editSlot] = original;
  floatEdit.vsHf = floatEdit.stat.median / hf.stat.median;
  base.vsFloat = base.stat.median / floatBase.stat.median;
  one.vsFloat = one.stat.median / floatOne.stat.median;
  edit.vsFloat = edit.stat.median / floatEdit.stat.median;
  // 6. The two goal-seek answers.
  add(
    '6 engine: spendingRoom(plan)',
    measure(() => unwrap(spendingRoom(plan), 'spendingRoom').yearly ?? 0, { samples }),
  );
  add(
    '6 engine: stateCutTolerance(plan)',
    measure(() => Number(unwrap(stateCutTolerance(plan), 'stateCutTolerance').toleratedCut?.n ?? 0n), { samples }),
  );
  // Readback check, keeps the HyperFormula results alive.
  sink += readClosingEquity(wb, hfClosing)[0] as number;
  wb.hf.destroy();
}

function formatKr(ore: number): string {
  return `${Math.round(ore / 100).toLocaleString('sv-SE')} kr`;
}

// Table.
const header = ['lines', 'operation', 'median', 'p95', 'samples×batch', 'vs float64', 'vs HyperFormula'];
const table = rows.map((r) => [
  String(r.size),
  r.operation,
  formatTime(r.stat.median),
  formatTime(r.stat.p95),
  `${r.stat.samples}×${r.stat.batch}`,
  formatRatio(r.vsFloat),
  formatRatio(r.vsHf),
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => (t[c] as string).length)));
const align = (cells: string[]) =>
  cells.map((cell, c) => (c === 1 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ');
console.log(align(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
rows.forEach((_, i) => {
  if (i > 0 && rows[i - 1]?.size !== rows[i]?.size) console.log('');
  console.log(align(table[i] as string[]));
});
console.log('\nRatios are engine ÷ baseline by median (e.g. 3× = the engine takes three times as long).');

console.log('\nCross-checks (not timed):');
for (const line of crossChecks) console.log(`  ${line}`);

// Targets for the 100-line plan.
const at = (operation: string) => rows.find((r) => r.size === 100 && r.operation.startsWith(operation)) as Row;
const targets: [string, boolean, string][] = [
  ['projection median < 1 ms', at('1 engine').stat.median < 1, formatTime(at('1 engine').stat.median)],
  [
    'projection within 5× of float64',
    (at('1 engine').vsFloat ?? Number.POSITIVE_INFINITY) <= 5,
    formatRatio(at('1 engine').vsFloat),
  ],
  ...([100, 1000] as const).map((size): [string, boolean, string] => {
    const engine = rows.find((r) => r.size === size && r.operation.startsWith('4 engine: edit')) as Row;
    const sheet = rows.find((r) => r.size === size && r.operation.startsWith('4 HyperFormula')) as Row;
    return [
      `${size} lines: edit + base & 4 scenarios ≤ 0.33× HyperFormula`,
      (engine.vsHf ?? Number.POSITIVE_INFINITY) <= 0.33,
      `${formatRatio(engine.vsHf)} (${formatTime(engine.stat.median)} vs ${formatTime(sheet.stat.median)}; p95 ${formatTime(engine.stat.p95)} vs ${formatTime(sheet.stat.p95)})`,
    ];
  }),
  ['spendingRoom < 20 ms', at('6 engine: spending').stat.median < 20, formatTime(at('6 engine: spending').stat.median)],
  [
    'stateCutTolerance < 20 ms',
    at('6 engine: stateCut').stat.median < 20,
    formatTime(at('6 engine: stateCut').stat.median),
  ],
];
console.log('\nTargets (100-line plan unless named, medians):');
for (const [name, pass, value] of targets) console.log(`  ${pass ? 'PASS' : 'MISS'}  ${name.padEnd(52)} ${value}`);
console.log(
  `  info  ${'edit + base & 4 scenarios vs the float64 loop'.padEnd(52)} ${formatRatio(at('4 engine').vsFloat)} (no target: includes compiling the edited plan)`,
);
if (problems.length) {
  console.log('\nDisagreements (engine bug or baseline bug — investigate):');
  for (const p of problems) console.log(`  ${p}`);
}
console.log(
  `\nTotal bench time ${((performance.now() - started) / 1000).toFixed(1)} s (sink ${sink !== 0 ? 'ok' : '0'}).`,
);
