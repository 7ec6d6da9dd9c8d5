import type { MonteCarloDraw, Plan, Result, Sensitivity, UncertaintyModelInput } from '@samplan/engine';
import { proxy, wrap } from 'comlink';
import type {
  MonteCarloApi,
  MonteCarloCancelled,
  MonteCarloOutcome,
  MonteCarloProgress,
  MonteCarloRunOptions,
} from './monteCarloApi.ts';

/** The Monte Carlo worker as the UI sees it. */
export interface MonteCarloClient {
  /**
   * Starts a run (stopping the one going); `onProgress` is called after every chunk, with a summary
   * now and then. Resolves when the run is done or cancelled.
   */
  start(
    plan: Plan,
    scenarioId: string | null,
    model: UncertaintyModelInput,
    options: MonteCarloRunOptions,
    onProgress: (progress: MonteCarloProgress) => void,
  ): Promise<MonteCarloOutcome>;
  /**
   * Stops the run; resolves once the worker has stopped. `stopMs` is the time from this call to the
   * worker's stop (both wall clocks), without the answer's way back.
   */
  cancel(): Promise<MonteCarloCancelled & { stopMs: number }>;
  /** The draws of the last run nearest the `p`th percentile in `year`. */
  drawsAt(p: number, year: number, count?: number): Promise<MonteCarloDraw[]>;
  /** The tornado chart's data, computed in the worker. */
  sensitivity(plan: Plan, scenarioId: string | null, model: UncertaintyModelInput): Promise<Result<Sensitivity>>;
  terminate(): void;
}

/** Starts a Monte Carlo worker (its own chunk, loaded with the uncertainty view) and returns its client. */
export function createMonteCarloClient(): MonteCarloClient {
  const worker = new Worker(new URL('./monteCarlo.worker.ts', import.meta.url), {
    type: 'module',
    name: 'samplan-monte-carlo',
  });
  const api = wrap<MonteCarloApi>(worker);
  return {
    start: (plan, scenarioId, model, options, onProgress) =>
      api.start(plan, scenarioId, model, options, proxy(onProgress)),
    async cancel() {
      const sentAt = performance.timeOrigin + performance.now();
      const stopped = await api.cancel();
      return { ...stopped, stopMs: Math.max(0, stopped.stoppedAt - sentAt) };
    },
    drawsAt: (p, year, count) => api.drawsAt(p, year, count),
    sensitivity: (plan, scenarioId, model) => api.sensitivity(plan, scenarioId, model),
    terminate: () => worker.terminate(),
  };
}
