import {
  createMonteCarlo,
  DEFAULT_SEED,
  fail,
  type Issue,
  type MonteCarlo,
  type MonteCarloDraw,
  type MonteCarloSummary,
  type Plan,
  parseUncertainty,
  type Result,
  type Scenario,
  type Sensitivity,
  sensitivity,
  type UncertaintyModelInput,
} from '@samplan/engine';

/** What one run is asked for. */
export interface MonteCarloRunOptions {
  /** Number of draws; default 10 000. */
  draws?: number;
  /** The generator's seed: same seed, same draws, same summary. */
  seed?: number;
}

/** Sent after every chunk: how far the run is, and (at most every `summaryEveryMs`) the summary so far. */
export interface MonteCarloProgress {
  done: number;
  total: number;
  /** The summary of the `done` draws; null when this chunk skipped it (see `summaryEveryMs`). */
  summary: MonteCarloSummary | null;
}

/** How a run ended: all draws done, cancelled part-way (the summary covers the draws done), or refused. */
export type MonteCarloOutcome =
  | { state: 'done' | 'cancelled'; summary: MonteCarloSummary; total: number; chunks: number; ms: number }
  | { state: 'failed'; errors: Issue[] };

/** What `cancel()` reports once the run has stopped. */
export interface MonteCarloCancelled {
  /** False when no run was going. */
  wasRunning: boolean;
  /** Draws the stopped run had done. */
  done: number;
  /** Wall-clock time the run stopped (`performance.timeOrigin + now()`), to compare with the caller's clock. */
  stoppedAt: number;
}

/** How the worker runs: chunk size, summary pace and how it yields (tests change these). */
export interface MonteCarloApiOptions {
  /**
   * Draws between two looks at the message queue. A chunk of 250 draws of a seed plan takes a few
   * milliseconds, so a `cancel()` waits at most that long before the run stops.
   */
  chunk?: number;
  /**
   * The least time between two summaries. Progress (draws done) goes out after every chunk, but a
   * summary sorts every draw per year (about 1 ms per 1 000 draws here), so after each 250 draws
   * it would cost more than the draws themselves on a long run; a screen shows at most one per
   * frame anyway. 0: a summary after every chunk. The first and the last chunk always carry one.
   */
  summaryEveryMs?: number;
  /** Lets queued messages (a cancel) through between chunks. */
  yieldToEventLoop?: () => Promise<void>;
}

export const DEFAULT_DRAWS = 10_000;
export const MAX_DRAWS = 100_000;
export const DEFAULT_CHUNK = 250;
export const DEFAULT_SUMMARY_EVERY_MS = 30;

const now = () => performance.timeOrigin + performance.now();

/**
 * Gives the event loop a turn: a message to ourselves through a fresh MessageChannel, which (unlike
 * a nested `setTimeout(0)`, clamped to 4 ms after five levels) comes back at once, after messages
 * already queued such as a `cancel()`.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const scenarioOf = (plan: Plan, scenarioId: string | null): Result<Scenario | undefined> => {
  if (scenarioId === null) return { ok: true, value: undefined };
  const scenario = plan.scenarios.find((s) => s.id === scenarioId);
  return scenario
    ? { ok: true, value: scenario }
    : fail({ code: 'unknown-scenario', message: `Scenariot ${scenarioId} finns inte` });
};

/**
 * The Monte Carlo worker's API: plain data in and out, a progress callback (a comlink proxy in the
 * worker). One run at a time; a new `start` stops the one going. The worker exposes one of these;
 * tests call it directly.
 */
export function createMonteCarloApi(options: MonteCarloApiOptions = {}) {
  const chunk = Math.max(1, Math.floor(options.chunk ?? DEFAULT_CHUNK));
  const summaryEveryMs = options.summaryEveryMs ?? DEFAULT_SUMMARY_EVERY_MS;
  const pause = options.yieldToEventLoop ?? yieldToEventLoop;
  /** The last run's draws, for `drawsAt` after it ended. */
  let last: MonteCarlo | null = null;
  let running: { stop: boolean; mc: MonteCarlo; finished: Promise<unknown> } | null = null;

  const cancel = async (): Promise<MonteCarloCancelled> => {
    const run = running;
    if (!run) return { wasRunning: false, done: last?.done ?? 0, stoppedAt: now() };
    run.stop = true;
    await run.finished;
    return { wasRunning: true, done: run.mc.done, stoppedAt: now() };
  };

  return {
    /**
     * Runs `draws` draws of `model` on `scenarioId` (null: the base plan) in chunks, calling
     * `onProgress` after each and looking at the message queue in between, so `cancel()` stops it
     * within a chunk. Resolves when the run is done or cancelled.
     */
    async start(
      plan: Plan,
      scenarioId: string | null,
      model: UncertaintyModelInput,
      runOptions: MonteCarloRunOptions,
      onProgress: (progress: MonteCarloProgress) => unknown,
    ): Promise<MonteCarloOutcome> {
      if (running) await cancel();
      const total = runOptions.draws ?? DEFAULT_DRAWS;
      if (!(Number.isSafeInteger(total) && total >= 1 && total <= MAX_DRAWS))
        return { state: 'failed', errors: [{ code: 'draws', message: `Antalet dragningar ska vara 1–${MAX_DRAWS}` }] };
      const scenario = scenarioOf(plan, scenarioId);
      if (!scenario.ok) return { state: 'failed', errors: scenario.errors };
      const parsed = parseUncertainty(model, plan, scenario.value);
      if (!parsed.ok) return { state: 'failed', errors: parsed.errors };
      const created = createMonteCarlo(plan, scenario.value, parsed.value, { seed: runOptions.seed ?? DEFAULT_SEED });
      if (!created.ok) return { state: 'failed', errors: created.errors };
      const mc = created.value;
      last = mc;
      let finish = () => {};
      const run = { stop: false, mc, finished: new Promise<void>((resolve) => (finish = resolve)) };
      running = run;
      const started = performance.now();
      let chunks = 0;
      let summarizedAt = Number.NEGATIVE_INFINITY;
      const report = (progress: MonteCarloProgress) => {
        // A comlink proxy answers with a promise; the run does not wait for the page.
        void Promise.resolve(onProgress(progress)).catch(() => {});
      };
      try {
        while (mc.done < total) {
          const ran = mc.run(Math.min(chunk, total - mc.done));
          chunks++;
          if (!ran.ok) return { state: 'failed', errors: ran.errors };
          const at = performance.now();
          const withSummary = chunks === 1 || mc.done === total || at - summarizedAt >= summaryEveryMs;
          if (withSummary) summarizedAt = at;
          report({ done: mc.done, total, summary: withSummary ? mc.summary() : null });
          if (mc.done === total || run.stop) break;
          await pause();
          if (run.stop) break;
        }
        const summary = mc.summary();
        if (mc.done < total) report({ done: mc.done, total, summary });
        return {
          state: mc.done < total ? 'cancelled' : 'done',
          summary,
          total,
          chunks,
          ms: performance.now() - started,
        };
      } finally {
        if (running === run) running = null;
        finish();
      }
    },

    /** Stops the run going (if any); resolves once it has stopped, with the draws it had done. */
    cancel,

    /** The `count` draws of the last run nearest the `p`th percentile of closing equity in `year`, lowest first. */
    drawsAt(p: number, year: number, count = 5): MonteCarloDraw[] {
      if (!last?.years.includes(year) || !(p >= 0 && p <= 100)) return [];
      return last.drawsAt(p, year, count);
    },

    /** The tornado chart: closing equity at the horizon with each lever at either end of its range. */
    sensitivity(plan: Plan, scenarioId: string | null, model: UncertaintyModelInput): Result<Sensitivity> {
      const scenario = scenarioOf(plan, scenarioId);
      if (!scenario.ok) return scenario;
      const parsed = parseUncertainty(model, plan, scenario.value);
      if (!parsed.ok) return parsed;
      return sensitivity(plan, scenario.value, parsed.value);
    },
  };
}

export type MonteCarloApi = ReturnType<typeof createMonteCarloApi>;
