/**
 * Browser benchmark: time from a budget-cell edit to the updated figures on screen, for the
 * generated 100-line, 5-year plan with 4 scenarios, in Debian's chromium against the built app.
 * The app marks `samplan:edit` when an edit is applied, `samplan:requested` when the worker is
 * asked, and `samplan:shown` on the frame after the new figures render. Prints median and p95 of
 * the whole path and, as the same-run baseline, of the worker's own computation.
 */
import { generatePlan } from '@samplan/engine/bench/generatePlan';
import { launchChromium } from '../test/e2e/browser.ts';
import { serveApp } from '../test/e2e/serveApp.ts';

const WARMUP = 10;
/** Finds this edit's marks: edit → requested → sent → worker → received → shown (all in ms). */
const MEASURE = `(() => {
  const marks = (name) => performance.getEntriesByName(name);
  const edit = marks('samplan:edit')[0];
  if (!edit) return null;
  const request = marks('samplan:requested').find((m) => m.startTime >= edit.startTime);
  if (!request) return null;
  const id = Number(request.detail);
  const exact = (name) => marks(name).find((m) => Number(m.detail) === id);
  const done = marks('samplan:shown').find((m) => Number(m.detail) >= id);
  const received = marks('samplan:received').find((m) => Number(m.detail) >= id);
  const sent = exact('samplan:sent');
  const wStart = exact('samplan:worker-start');
  const wEnd = exact('samplan:worker-end');
  if (!done || !received || !sent || !wStart || !wEnd) return null;
  return {
    latency: done.startTime - edit.startTime,
    compute: document.querySelector('[data-testid="compute-state"]').textContent,
    toRequest: request.startTime - edit.startTime,
    toReceive: received.startTime - request.startTime,
    toShow: done.startTime - received.startTime,
    split: [sent.startTime - request.startTime, wStart.startTime - sent.startTime, wEnd.startTime - wStart.startTime, received.startTime - wEnd.startTime],
  };
})()`;
const EDITS = 60;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (v: number) => `${v.toFixed(1)} ms`;

const app = await serveApp();
const url = app.url;

const generated = generatePlan(100, 20250101);
const plan = { ...generated.plan, scenarios: generated.scenarios };
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript((json: string) => localStorage.setItem('samplan.plan.v1', json), JSON.stringify(plan));
  const page = await context.newPage();
  await page.goto(`${url}#budget`);
  await page.waitForSelector('[data-testid="live-summary"]');
  const cell = page.getByTestId(`cell-${generated.editLineId}-2026`);
  await cell.waitFor();
  const original = await cell.inputValue();

  const latencies: number[] = [];
  const computes: number[] = [];
  const splits: number[][] = [];
  const phases = { request: [] as number[], receive: [] as number[], show: [] as number[] };
  for (let i = 0; i < WARMUP + EDITS; i++) {
    await page.evaluate(() => performance.clearMarks());
    await cell.fill(i % 2 === 0 ? `${100 + i}` : original);
    await cell.press('Enter');
    // A plain-JS string: tsx would otherwise wrap helpers in `__name`, which the page lacks.
    const result = await page.waitForFunction(MEASURE);
    const { latency, compute, toRequest, toReceive, toShow, split } = (await result.jsonValue()) as {
      split: number[];
      latency: number;
      compute: string;
      toRequest: number;
      toReceive: number;
      toShow: number;
    };
    if (i >= WARMUP) {
      latencies.push(latency);
      phases.request.push(toRequest);
      phases.receive.push(toReceive);
      phases.show.push(toShow);
      splits.push(split);
      const m = /([\d,]+) ms/.exec(compute);
      if (m) computes.push(Number((m[1] ?? '0').replace(',', '.')));
    }
  }
  latencies.sort((a, b) => a - b);
  computes.sort((a, b) => a - b);
  const median = quantile(latencies, 0.5);
  const p95 = quantile(latencies, 0.95);
  const workerMedian = quantile(computes, 0.5);
  console.log(
    `Samplan workspace benchmark — Debian chromium, ${generated.plan.costs.length} cost lines × 5 years, 4 scenarios`,
  );
  console.log(`edits measured: ${latencies.length} (after ${WARMUP} warm-up)`);
  console.log(
    `edit → updated figures on screen: median ${ms(median)}, p95 ${ms(p95)}, max ${ms(latencies.at(-1) ?? 0)}`,
  );
  console.log(
    `worker computation (base + 4 scenarios, audit, answers): median ${ms(workerMedian)}, p95 ${ms(quantile(computes, 0.95))}`,
  );
  console.log(`ratio whole path / worker computation (median): ${(median / workerMedian).toFixed(1)}×`);
  for (const [name, values] of Object.entries(phases)) {
    values.sort((a, b) => a - b);
    const what = {
      request: 'edit → worker asked (validate, render editors)',
      receive: 'worker asked → answer back (clone, compute, clone)',
      show: 'answer → next frame with new figures (render)',
    }[name];
    console.log(`  ${what}: median ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}`);
  }
  const names = ['requested → sent', 'sent → worker starts', 'worker computes', 'worker done → main receives'];
  names.forEach((name, k) => {
    const v = splits.map((s) => s[k] ?? 0).sort((a, b) => a - b);
    console.log(`    ${name}: median ${ms(quantile(v, 0.5))}, p95 ${ms(quantile(v, 0.95))}`);
  });
  console.log(`${p95 < 50 ? 'PASS' : 'MISS'}  target p95 < 50 ms: ${ms(p95)}`);
} finally {
  await browser.close();
  await app.close();
}
