import { exportBudgetTable, importBudgetTable } from '@samplan/budget-table';
import {
  type Audit,
  auditPlan,
  type Issue,
  type Plan,
  type ProjectionDetailJson,
  projectionDetailToJson,
  projectPlan,
  type Result,
  type Scenario,
  spendingRoom,
  stateCutTolerance,
} from '@samplan/engine';
import { transfer } from 'comlink';
import { importApi } from './importApi.ts';
import { applyPatch, diffJson, type Patch } from './resultPatch.ts';

/** One projection of the plan: the base (`id: null`) or a scenario. */
export type ScenarioProjection =
  | { id: string | null; name: string; ok: true; projection: ProjectionDetailJson }
  | { id: string | null; name: string; ok: false; errors: Issue[] };

/** What the worker answers for one edit: every open scenario projected, with the audit and answers. */
export interface ProjectResponse {
  requestId: number;
  results: ScenarioProjection[];
  /** Milliseconds the worker spent computing. */
  computeMs: number;
  /** How many projection requests this worker has answered (tests assert the work happens here). */
  workerProjections: number;
  /** Wall-clock start and end of the computation (`performance.timeOrigin + now()`), for profiling. */
  startedAt: number;
  finishedAt: number;
}

let answered = 0;

/**
 * What `projectChanged` answers: the results in full, or a patch against the results of the
 * response `since` (the last one this worker sent, which the client holds), so only what changed
 * is cloned to the main thread.
 */
export type ProjectDeltaResponse = Omit<ProjectResponse, 'results'> &
  ({ full: ScenarioProjection[] } | { since: number; patch: Patch | null });

/** The last results `projectChanged` sent, to diff the next ones against. */
let lastSent: { requestId: number; results: ScenarioProjection[] } | null = null;

/**
 * The plan of a `projectChanged` request: in full, or as a patch against the plan of request
 * `base` (the last one this worker received). A patch keeps every part of the plan it does not
 * touch the same object as before, which is what lets the engine re-project incrementally (a
 * plan cloned in full is all new objects, and the engine would cost every line again).
 */
export type PlanMessage = { plan: Plan } | { base: number; patch: Patch | null };

/** The plan of the last request, rebuilt from its patch; its unchanged parts are the objects of the one before. */
let lastPlan: { requestId: number; plan: Plan } | null = null;

let xlsxModule: Promise<typeof import('@samplan/budget-xlsx')> | undefined;
/**
 * The workbook package (and exceljs with it), loaded on the first export or import of a workbook:
 * a chunk of its own, so neither the main bundle nor the worker's start grows.
 */
const loadXlsx = () => {
  xlsxModule ??= import('@samplan/budget-xlsx');
  return xlsxModule;
};

/**
 * The engine's face towards the UI: plain data in, plain data out (decimal strings, errors as
 * values). Runs inside the web worker; tests also call it directly.
 */
export const engineApi = {
  /** Projects the base plan and the given scenarios, with audit and goal-seek answers for each. */
  project(requestId: number, plan: Plan, scenarioIds: readonly string[]): ProjectResponse {
    const started = performance.now();
    const audit = auditPlan(plan);
    const results: ScenarioProjection[] = [null, ...scenarioIds].map((id) => {
      const scenario = id === null ? undefined : plan.scenarios.find((s) => s.id === id);
      if (id !== null && !scenario)
        return {
          id,
          name: id,
          ok: false,
          errors: [{ code: 'unknown-scenario', message: `Scenariot ${id} finns inte` }],
        };
      return projectOne(plan, audit, scenario, { lines: true });
    });
    answered++;
    const finished = performance.now();
    const origin = performance.timeOrigin;
    return {
      requestId,
      results,
      computeMs: finished - started,
      workerProjections: answered,
      startedAt: origin + started,
      finishedAt: origin + finished,
    };
  },

  /**
   * The same as `project` with the plan as a message (a patch against the last plan received; a
   * patch against another plan is answered with `resend`, for the plan in full), answered as a patch
   * against the response `since` when that is the last one this worker sent (the client passes the
   * id of the response it holds), else in full.
   */
  projectChanged(
    requestId: number,
    message: PlanMessage,
    scenarioIds: readonly string[],
    since: number | null,
  ): ProjectDeltaResponse | { requestId: number; resend: true } {
    let plan: Plan;
    if ('plan' in message) plan = message.plan;
    else if (lastPlan?.requestId === message.base) plan = applyPatch(lastPlan.plan, message.patch);
    else return { requestId, resend: true };
    lastPlan = { requestId, plan };
    const { results, ...response } = engineApi.project(requestId, plan, scenarioIds);
    const previous = lastSent;
    lastSent = { requestId, results };
    if (since === null || previous?.requestId !== since) return { ...response, full: results };
    const patch = diffJson(previous.results, results);
    // The diff is the worker's work too: the figures are ready to send when it is done.
    const finished = performance.now();
    return {
      ...response,
      computeMs: finished + performance.timeOrigin - response.startedAt,
      finishedAt: performance.timeOrigin + finished,
      since,
      patch,
    };
  },

  /**
   * Projects the base plan and scenarios that are not (yet) in the plan, such as the strategy day's
   * live scenario and proposals, each on the base plan; without the lines. Answers at once, beside
   * `project`'s newest-only queue, so it never replaces the workspace's projections.
   */
  projectScenarios(plan: Plan, scenarios: readonly Scenario[]): ScenarioProjection[] {
    const audit = auditPlan(plan);
    return [undefined, ...scenarios].map((scenario) => projectOne(plan, audit, scenario, { lines: false }));
  },

  /** Reads a budget table; errors carry file, line and column. */
  importCsv(text: string, file: string): Result<Plan> {
    return importBudgetTable(text, file);
  },

  /** Writes the plan as a budget table. */
  exportCsv(plan: Plan): string {
    return exportBudgetTable(plan);
  },
  /** Writes the plan as an Excel workbook (budget sheet, one sheet per scenario, comparison); the bytes are transferred. */
  async exportXlsx(plan: Plan): Promise<Uint8Array> {
    const { exportBudgetWorkbook } = await loadXlsx();
    const bytes = await exportBudgetWorkbook(plan);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  ...importApi,
};

export type EngineApi = typeof engineApi;

/** One projection, with the audit and the goal-seek answers: the base plan (no scenario) or a scenario. */
function projectOne(
  plan: Plan,
  audit: Audit,
  scenario: Scenario | undefined,
  options: { lines: boolean },
): ScenarioProjection {
  const id = scenario?.id ?? null;
  const name = scenario?.name ?? 'Grundplan';
  const projection = projectPlan(plan, scenario);
  if (!projection.ok) return { id, name, ok: false, errors: projection.errors };
  const room = spendingRoom(plan, scenario);
  const cut = stateCutTolerance(plan, scenario);
  return {
    id,
    name,
    ok: true,
    // With `lines`, every line's amounts (the budget rows, live figures in the text).
    projection: projectionDetailToJson(
      projection.value,
      audit,
      { ...(room.ok ? { spendingRoom: room.value } : {}), ...(cut.ok ? { stateCut: cut.value } : {}) },
      options,
    ),
  };
}
