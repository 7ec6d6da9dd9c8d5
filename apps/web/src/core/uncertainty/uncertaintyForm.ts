import {
  type Issue,
  type Plan,
  parseUncertainty,
  type Result,
  type Scenario,
  type UncertainLeverInput,
  type UncertaintyModel,
} from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { percentText, readPercent } from '../../format/amounts.ts';

/** A range lever as edited: percentages as typed (`-15`, `2,5`). */
export interface RangeForm {
  on: boolean;
  shape: 'uniform' | 'triangular';
  min: string;
  mode: string;
  max: string;
}

/** The uncertain levers of one scenario (or the base plan), as the view edits them. */
export interface UncertaintyForm {
  state: RangeForm & { fromYear: number; matching: boolean };
  /** Per ESF project: uncertain or not, and the probability of approval in % as typed. */
  esf: Record<string, { on: boolean; p: string }>;
  utilization: RangeForm;
  indexation: RangeForm;
}

/** Where a problem is in the form: a lever (`state`, `esf:<project>`, `utilization`, `indexation`) and a field. */
export interface FormIssue {
  lever: string;
  field: string;
  message: string;
}

const range = (on: boolean, min: string, max: string): RangeForm => ({
  on,
  shape: 'uniform',
  min,
  mode: new Decimal(min.replace(',', '.')).plus(max.replace(',', '.')).dividedBy(2).toFixed().replace('.', ','),
  max,
});

/** The year a state change starts by default: the plan's second year (the first is usually decided). */
const defaultFromYear = (plan: Plan): number => plan.years[1] ?? plan.years[0] ?? 0;

/**
 * The issue's example ranges: state −15 … 0 %, each ESF project approved with 50 %, utilization
 * 85–100 %, indexation 1–4 % (all uniform). `on` false gives the same values switched off, so a
 * lever switched on starts from them.
 */
export function exampleForm(plan: Plan, on = true): UncertaintyForm {
  return {
    state: { ...range(on, '-15', '0'), fromYear: defaultFromYear(plan), matching: true },
    esf: Object.fromEntries(plan.esfProjects.map((p) => [p.id, { on, p: '50' }])),
    utilization: range(on, '85', '100'),
    indexation: range(on, '1', '4'),
  };
}

/** The order the levers go into the model; a model issue's lever index maps back through it. */
const leverOrder = (plan: Plan, form: UncertaintyForm): string[] => [
  ...(form.state.on ? ['state'] : []),
  ...plan.esfProjects.filter((p) => form.esf[p.id]?.on).map((p) => `esf:${p.id}`),
  ...(form.utilization.on ? ['utilization'] : []),
  ...(form.indexation.on ? ['indexation'] : []),
];

/**
 * The engine's uncertainty model for the form, checked with `parseUncertainty` against the plan
 * and the scenario. Problems come back per lever and field (the engine's messages are Swedish;
 * `badPercent` is the message for a percentage that does not read).
 */
export function formToModel(
  form: UncertaintyForm,
  plan: Plan,
  scenario: Scenario | undefined,
  badPercent: string,
): Result<UncertaintyModel, FormIssue> {
  const issues: FormIssue[] = [];
  const percent = (lever: string, field: string, text: string): string => {
    const value = readPercent(text);
    if (value === null) issues.push({ lever, field, message: badPercent });
    return value ?? '0';
  };
  const distribution = (lever: string, r: RangeForm) =>
    r.shape === 'triangular'
      ? {
          type: 'triangular' as const,
          min: percent(lever, 'min', r.min),
          mode: percent(lever, 'mode', r.mode),
          max: percent(lever, 'max', r.max),
        }
      : { type: 'uniform' as const, min: percent(lever, 'min', r.min), max: percent(lever, 'max', r.max) };
  const levers: UncertainLeverInput[] = [];
  if (form.state.on)
    levers.push({
      type: 'state-change',
      fromYear: form.state.fromYear,
      matching: form.state.matching,
      distribution: distribution('state', form.state),
    });
  for (const project of plan.esfProjects) {
    const esf = form.esf[project.id];
    if (esf?.on)
      levers.push({
        type: 'esf-approval',
        project: project.id,
        distribution: { type: 'bernoulli', p: percent(`esf:${project.id}`, 'p', esf.p) },
      });
  }
  if (form.utilization.on)
    levers.push({ type: 'utilization', distribution: distribution('utilization', form.utilization) });
  if (form.indexation.on)
    levers.push({ type: 'indexation', distribution: distribution('indexation', form.indexation) });
  if (issues.length) return { ok: false, errors: issues };
  const parsed = parseUncertainty({ ...(scenario ? { scenario: scenario.id } : {}), levers }, plan, scenario);
  if (parsed.ok) return parsed;
  const order = leverOrder(plan, form);
  return { ok: false, errors: parsed.errors.map((issue) => formIssue(issue, order)) };
}

const formIssue = (issue: Issue, order: string[]): FormIssue => {
  const [root, index, ...rest] = issue.path ?? [];
  const lever = root === 'levers' && typeof index === 'number' ? (order[index] ?? '') : '';
  return { lever, field: String(rest.at(-1) ?? ''), message: issue.message };
};

const rangeOf = (
  d: { type: 'uniform'; min: string; max: string } | { type: 'triangular'; min: string; mode: string; max: string },
): RangeForm => {
  const base = range(true, percentText(d.min), percentText(d.max));
  return d.type === 'triangular' ? { ...base, shape: 'triangular', mode: percentText(d.mode) } : base;
};

/** The form of a (validated) model: its levers on, the others off with the example values. */
export function modelToForm(model: UncertaintyModel, plan: Plan): UncertaintyForm {
  const form = exampleForm(plan, false);
  for (const lever of model.levers) {
    switch (lever.type) {
      case 'state-change':
        form.state = { ...rangeOf(lever.distribution), fromYear: lever.fromYear, matching: lever.matching };
        break;
      case 'esf-approval':
        form.esf[lever.project] = { on: true, p: percentText(lever.distribution.p) };
        break;
      case 'utilization':
        // The view edits the global utilization; a model with per-line ranges comes from elsewhere.
        if (lever.line === undefined) form.utilization = rangeOf(lever.distribution);
        break;
      case 'indexation':
        form.indexation = rangeOf(lever.distribution);
        break;
    }
  }
  return form;
}

/** The browser storage key of a plan's uncertainty models. */
export const storageKey = (planKey: string): string => `samplan.uncertainty.${planKey}`;

/** The key of the base plan's model among a plan's stored models. */
const BASE = '';

/**
 * The uncertainty models stored for a plan, one per scenario (`''`: the base plan). Each is read
 * with the engine's `parseUncertainty` against the plan as it is now; one that no longer fits (a
 * removed project or scenario, a year outside the plan) or does not read is left out.
 */
export function loadModels(storage: Pick<Storage, 'getItem'> | undefined, planKey: string, plan: Plan) {
  const models = new Map<string, UncertaintyModel>();
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(storageKey(planKey)) ?? 'null');
  } catch {
    return models;
  }
  if (!stored || typeof stored !== 'object') return models;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const scenario = key === BASE ? undefined : plan.scenarios.find((s) => s.id === key);
    if (key !== BASE && !scenario) continue;
    const parsed = parseUncertainty(withinYears(value, plan), plan, scenario);
    if (parsed.ok) models.set(key, parsed.value);
  }
  return models;
}

/**
 * A stored model whose state change starts in a year the plan no longer has (its first year was
 * dropped, or the plan was moved) starts in the nearest year the plan has, as the engine reads a
 * scenario's year before the horizon as "from the start" — rather than being thrown away.
 */
function withinYears(value: unknown, plan: Plan): unknown {
  const first = plan.years[0];
  const last = plan.years.at(-1);
  if (first === undefined || last === undefined || !value || typeof value !== 'object') return value;
  const levers = (value as { levers?: unknown }).levers;
  if (!Array.isArray(levers)) return value;
  return {
    ...value,
    levers: levers.map((lever) => {
      const year = (lever as { type?: unknown; fromYear?: unknown })?.fromYear;
      if ((lever as { type?: unknown })?.type !== 'state-change' || typeof year !== 'number') return lever;
      return { ...lever, fromYear: Math.min(last, Math.max(first, year)) };
    }),
  };
}

/** Stores a scenario's model (null: the base plan's) beside the plan's others. */
export function saveModel(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  planKey: string,
  scenarioId: string | null,
  model: UncertaintyModel,
): void {
  if (!storage) return;
  let stored: Record<string, unknown> = {};
  try {
    const current = JSON.parse(storage.getItem(storageKey(planKey)) ?? '{}');
    if (current && typeof current === 'object') stored = current;
  } catch {
    // An unreadable entry is replaced.
  }
  stored[scenarioId ?? BASE] = model;
  try {
    storage.setItem(storageKey(planKey), JSON.stringify(stored));
  } catch {
    // Storage full or blocked: the model stays for this session only.
  }
}
