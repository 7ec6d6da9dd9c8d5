import { importBudgetTable } from '@samplan/budget-table';
import {
  createMonteCarlo,
  type MonteCarloSummary,
  type Plan,
  runMonteCarlo,
  sensitivity,
  type UncertaintyModel,
  UncertaintyModelSchema,
} from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import { createMonteCarloApi, type MonteCarloProgress } from './monteCarloApi.ts';

const goteborg = (): Plan => {
  const imported = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!imported.ok) throw new Error('seed plan');
  return imported.value;
};

/** The example ranges on the Göteborg plan. */
const model: UncertaintyModel = UncertaintyModelSchema.parse({
  levers: [
    { type: 'state-change', fromYear: 2024, distribution: { type: 'uniform', min: '-0.15', max: '0' } },
    { type: 'esf-approval', project: 'landa-och-move-on', distribution: { type: 'bernoulli', p: '0.5' } },
    { type: 'esf-approval', project: 'gransgangare', distribution: { type: 'bernoulli', p: '0.5' } },
    { type: 'utilization', distribution: { type: 'uniform', min: '0.85', max: '1' } },
    { type: 'indexation', distribution: { type: 'uniform', min: '0.01', max: '0.04' } },
  ],
});

const plan = goteborg();

describe('the Monte Carlo worker API', () => {
  it('streams a summary per chunk, each the engine’s summary after as many draws, and ends on runMonteCarlo’s', async () => {
    const api = createMonteCarloApi({ chunk: 250, summaryEveryMs: 0 });
    const seen: MonteCarloProgress[] = [];
    const outcome = await api.start(plan, null, model, { draws: 2_000, seed: 42 }, (p) => seen.push(p));
    const engineChunks: MonteCarloSummary[] = [];
    const expected = runMonteCarlo(plan, undefined, model, {
      draws: 2_000,
      seed: 42,
      chunk: 250,
      onChunk: (s) => engineChunks.push(s),
    });
    if (!expected.ok) throw new Error(JSON.stringify(expected.errors));
    expect(seen.map((p) => p.done)).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
    expect(seen.every((p) => p.total === 2_000)).toBe(true);
    expect(seen.map((p) => p.summary)).toEqual(engineChunks);
    expect(outcome).toMatchObject({ state: 'done', total: 2_000, chunks: 8 });
    expect(outcome.state !== 'failed' && outcome.summary).toEqual(expected.value);
  });

  it('runs the default 10 000 draws with fewer summaries than chunks, the final one the engine’s', async () => {
    const api = createMonteCarloApi();
    const seen: MonteCarloProgress[] = [];
    const outcome = await api.start(plan, null, model, { seed: 7 }, (p) => seen.push(p));
    const expected = runMonteCarlo(plan, undefined, model, { seed: 7 });
    if (!expected.ok || outcome.state === 'failed') throw new Error('run failed');
    expect(seen).toHaveLength(40);
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 40 }, (_, k) => (k + 1) * 250));
    expect(seen[0]?.summary?.draws).toBe(250);
    expect(seen.at(-1)?.summary).toEqual(expected.value);
    // Every summary sent is the engine's for that many draws (it reads the same draws so far).
    const check = createMonteCarlo(plan, undefined, model, { seed: 7 });
    if (!check.ok) throw new Error('create');
    for (const p of seen) {
      if (!p.summary) continue;
      check.value.run(p.done - check.value.done);
      expect(p.summary).toEqual(check.value.summary());
    }
    expect(outcome.summary).toEqual(expected.value);
    // The draws behind a percentile come from the finished run.
    expect(api.drawsAt(50, 2025, 3)).toEqual(check.value.drawsAt(50, 2025, 3));
    expect(api.drawsAt(10, 1999)).toEqual([]);
  });

  it('stops within one chunk of cancel() (asked for from the progress callback) and keeps the draws done', async () => {
    const api = createMonteCarloApi({ chunk: 250, summaryEveryMs: 0 });
    const seen: MonteCarloProgress[] = [];
    let cancelled: Promise<{ done: number; wasRunning: boolean }> | undefined;
    const outcome = await api.start(plan, null, model, { draws: 10_000, seed: 3 }, (p) => {
      seen.push(p);
      if (p.done === 1_000) cancelled = api.cancel();
    });
    const report = await cancelled;
    expect(outcome.state).toBe('cancelled');
    expect(report).toMatchObject({ wasRunning: true, done: 1_000 });
    expect(seen.filter((p) => p.done > 1_000)).toEqual([]);
    const expected = runMonteCarlo(plan, undefined, model, { draws: 1_000, seed: 3 });
    expect(outcome.state !== 'failed' && outcome.summary).toEqual(expected.ok && expected.value);
    expect(api.drawsAt(90, 2024, 1)).toHaveLength(1);
    expect(await api.cancel()).toMatchObject({ wasRunning: false, done: 1_000 });
  });

  it('stops under 100 ms after cancel() arrives between chunks, as a message does in the worker', async () => {
    const api = createMonteCarloApi({ chunk: 250 });
    const doneAt: number[] = [];
    /** Time between two progress reports (the first from start()): a chunk, its summary and a turn of the loop. */
    const gaps: number[] = [];
    let previous = performance.now();
    let requestedAt = 0;
    let cancelledAtDone = -1;
    let stoppedAfterMs = Number.NaN;
    let cancelled: Promise<unknown> | undefined;
    const outcome = await api.start(plan, null, model, { draws: 100_000, seed: 5 }, (p) => {
      doneAt.push(p.done);
      gaps.push(performance.now() - previous);
      previous = performance.now();
      // A timer, like a message from the page, fires at the next turn of the event loop (between chunks).
      if (p.done === 2_000)
        setTimeout(() => {
          requestedAt = performance.now();
          cancelledAtDone = doneAt.at(-1) ?? 0;
          cancelled = api.cancel().then(() => {
            stoppedAfterMs = performance.now() - requestedAt;
          });
        }, 0);
    });
    await cancelled;
    expect(outcome.state).toBe('cancelled');
    const last = outcome.state === 'failed' ? 0 : outcome.summary.draws;
    // At most one more chunk ran after the cancel was asked for.
    expect(doneAt.filter((d) => d > cancelledAtDone && d !== last).length).toBe(0);
    expect(last - cancelledAtDone).toBeLessThanOrEqual(250);
    expect(last).toBeLessThan(100_000);
    // In the worker a cancel can arrive just as a chunk starts: it then waits for that chunk too.
    const worstChunk = Math.max(...gaps);
    console.log(
      `Monte Carlo cancel: stopped ${stoppedAfterMs.toFixed(2)} ms after cancel() (at ${cancelledAtDone} draws, stopped at ${last}); longest chunk ${worstChunk.toFixed(2)} ms, so at worst ${(worstChunk + stoppedAfterMs).toFixed(2)} ms`,
    );
    expect(stoppedAfterMs).toBeLessThan(100);
    expect(worstChunk + stoppedAfterMs).toBeLessThan(100);
  });

  it('refuses a model that does not fit the plan, with the engine’s Swedish message', async () => {
    const api = createMonteCarloApi();
    const bad = UncertaintyModelSchema.parse({
      levers: [{ type: 'indexation', distribution: { type: 'uniform', min: '0.04', max: '0.01' } }],
    });
    const outcome = await api.start(plan, null, bad, { draws: 100 }, () => {});
    expect(outcome.state).toBe('failed');
    expect(outcome.state === 'failed' && outcome.errors[0]?.message).toContain('max (0.01) är mindre än min (0.04)');
    const unknown = await api.start(plan, 'nope', model, { draws: 100 }, () => {});
    expect(unknown.state === 'failed' && unknown.errors[0]?.code).toBe('unknown-scenario');
    expect((await api.start(plan, null, model, { draws: 0 }, () => {})).state).toBe('failed');
  });

  it('gives the tornado data of the engine’s sensitivity()', () => {
    const api = createMonteCarloApi();
    const answer = api.sensitivity(plan, null, model);
    expect(answer).toEqual(sensitivity(plan, undefined, model));
    expect(answer.ok && answer.value.bars[0]?.type).toBe('utilization');
  });
});
