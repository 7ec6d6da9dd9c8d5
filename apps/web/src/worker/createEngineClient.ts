import type { Plan, Scenario } from '@samplan/engine';
import { transfer, wrap } from 'comlink';
import type { EngineApi, PlanMessage, ProjectDeltaResponse, ProjectResponse, ScenarioProjection } from './engineApi.ts';
import type { ImportOutcome, ImportRequest, LayoutPreview } from './importApi.ts';
import { latestOnly } from './latestOnly.ts';
import { applyPatch, diffJson } from './resultPatch.ts';

/** The engine as the UI sees it: projections that never arrive out of order. */
export interface EngineClient {
  /**
   * Asks for a projection of the plan and the scenarios. While one is computing, only the newest
   * request waits; older ones are dropped, and a response older than one already shown is never
   * delivered, so stale numbers cannot flicker back. Returns the request's id.
   */
  project(plan: Plan, scenarioIds: readonly string[]): number;
  /**
   * Projects the base plan and scenarios that are not in it (the strategy day's), outside `project`'s
   * queue: its answer goes to the caller only, never to `onResult`'s listeners.
   */
  projectScenarios(plan: Plan, scenarios: readonly Scenario[]): Promise<ScenarioProjection[]>;
  /** Called with each fresh response. */
  onResult(listener: (response: ProjectResponse) => void): () => void;
  /** The id of the newest request; compare with a response's `requestId` to know if it is current. */
  latestRequest(): number;
  /** Reads a budget table in the worker; errors carry file, line and column. */
  importCsv(text: string, file: string): Promise<ReturnType<EngineApi['importCsv']>>;
  /** Writes the plan as a budget table in the worker. */
  exportCsv(plan: Plan): Promise<string>;
  /** Writes the plan as an Excel workbook (.xlsx) in the worker. */
  exportXlsx(plan: Plan): Promise<Uint8Array>;
  /** Reads a file to import in the worker (a copy of the bytes is transferred; `data` stays usable). */
  inspectImport(data: ArrayBuffer, request: ImportRequest): Promise<ImportOutcome>;
  /** The plan, projection and audit a reviewed layout mapping gives; nothing is written. */
  previewLayout(...args: Parameters<EngineApi['previewLayout']>): Promise<LayoutPreview>;
  terminate(): void;
}

/**
 * The response a delta stands for: its results in full, or the held response's results with the
 * patch applied, so every scenario, year and line whose figures did not change is the same object
 * as in the response before (a memoized view can skip it by identity).
 */
export function withResults(delta: ProjectDeltaResponse, held: ProjectResponse | null): ProjectResponse {
  const { requestId, computeMs, workerProjections, startedAt, finishedAt } = delta;
  let results: ScenarioProjection[];
  if ('full' in delta) results = delta.full;
  else if (held && held.requestId === delta.since) results = applyPatch(held.results, delta.patch);
  else throw new Error(`A patch against response ${delta.since} arrived while ${held?.requestId ?? 'none'} is held`);
  return { requestId, results, computeMs, workerProjections, startedAt, finishedAt };
}

/** Starts the engine worker and returns its client. */
export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'samplan-engine' });
  const api = wrap<EngineApi>(worker);
  const listeners = new Set<(response: ProjectResponse) => void>();
  // `samplan.bench.fullResults` in localStorage asks for every result in full: the benchmark's
  // same-run baseline for what sending only the changes saves.
  const patches = globalThis.localStorage?.getItem('samplan.bench.fullResults') !== '1';
  // The last plan sent, to send the next one as a patch against it.
  let sentPlan: { requestId: number; plan: Plan } | null = null;
  // The last response received: the worker sends the next results as a patch against it.
  let held: ProjectResponse | null = null;
  const queue = latestOnly(
    async (job: { plan: Plan; scenarioIds: readonly string[] }, id: number) => {
      // The plan goes as a patch against the last one sent: only the edited parts are cloned, and
      // the worker keeps its objects for the rest (so the engine re-projects incrementally).
      const message: PlanMessage =
        patches && sentPlan
          ? { base: sentPlan.requestId, patch: diffJson(sentPlan.plan, job.plan) }
          : { plan: job.plan };
      sentPlan = { requestId: id, plan: job.plan };
      performance.mark('samplan:sent', { detail: id });
      const since = patches ? (held?.requestId ?? null) : null;
      let answer = await api.projectChanged(id, message, [...job.scenarioIds], since);
      // The worker did not have the plan the patch was made against: send it in full.
      if ('resend' in answer) answer = await api.projectChanged(id, { plan: job.plan }, [...job.scenarioIds], since);
      if ('resend' in answer) throw new Error('The engine worker refused a plan sent in full');
      const delta = answer;
      performance.mark('samplan:received', { detail: delta.requestId });
      const response = withResults(delta, held);
      held = response;
      performance.mark('samplan:applied', { detail: response.requestId });
      performance.mark('samplan:worker-start', {
        detail: response.requestId,
        startTime: response.startedAt - performance.timeOrigin,
      });
      performance.mark('samplan:worker-end', {
        detail: response.requestId,
        startTime: response.finishedAt - performance.timeOrigin,
      });
      return response;
    },
    (response) => {
      for (const listener of listeners) listener(response);
    },
  );

  return {
    project: (plan, scenarioIds) => queue.request({ plan, scenarioIds }),
    latestRequest: () => queue.latest(),
    onResult(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    projectScenarios: (plan, scenarios) => api.projectScenarios(plan, [...scenarios]),
    importCsv: (text, file) => api.importCsv(text, file),
    exportCsv: (plan) => api.exportCsv(plan),
    exportXlsx: (plan) => api.exportXlsx(plan),
    inspectImport: (data, request) => {
      const copy = data.slice(0);
      return api.inspectImport(transfer(copy, [copy]), request);
    },
    previewLayout: (grid, mapping, options) => api.previewLayout(grid, mapping, options),
    terminate: () => worker.terminate(),
  };
}
