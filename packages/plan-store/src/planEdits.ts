import {
  type Activity,
  type CostLine,
  type EsfProject,
  fail,
  type Goal,
  type Indicator,
  type Issue,
  type Member,
  ok,
  type Plan,
  type Result,
  type RevenueLine,
  type Scenario,
} from '@samplan/engine';
import { addYear, dropFirstYear, shiftYears, YearEditError } from './yearEdits.ts';

/** The line collections a plan has. */
export type LineCollection = 'members' | 'revenues' | 'costs';
type LineOf<C extends LineCollection> = C extends 'members' ? Member : C extends 'revenues' ? RevenueLine : CostLine;

/**
 * One edit of the plan, as data: the local store applies it to a plain object, the collaboration
 * store will apply it to a Y.Doc. Amounts are decimal strings in kronor; `null` clears a cell.
 */
export type PlanEdit =
  | { type: 'set-name'; name: string }
  /** Sets the opening equity of the first year; `null` clears it (the plan states none). */
  | { type: 'set-opening-equity'; value: string | null }
  | { type: 'set-amount'; collection: LineCollection; id: string; year: number; value: string | null }
  | { type: 'set-line'; collection: 'members'; id: string; patch: Partial<Member> }
  | { type: 'set-line'; collection: 'revenues'; id: string; patch: Partial<RevenueLine> }
  | { type: 'set-line'; collection: 'costs'; id: string; patch: Partial<CostLine> }
  | { type: 'add-line'; collection: 'members'; line: Member }
  | { type: 'add-line'; collection: 'revenues'; line: RevenueLine }
  | { type: 'add-line'; collection: 'costs'; line: CostLine }
  | { type: 'remove-line'; collection: LineCollection; id: string }
  /** Adds an ESF project, or replaces the one with the same id (name, status). */
  | { type: 'put-esf-project'; project: EsfProject }
  /**
   * Removes an ESF project with its revenue lines; cost lines that referred to it stay, without the
   * project. Refused by the store while a scenario or a stated figure still refers to the project.
   */
  | { type: 'remove-esf-project'; id: string }
  | { type: 'set-assumption'; key: keyof Plan['assumptions']; value: string }
  | { type: 'set-threshold'; key: 'equityCap' | 'adminMin' | 'adminMax'; value: string }
  | { type: 'put-scenario'; scenario: Scenario }
  | { type: 'remove-scenario'; id: string }
  /** Adds a goal, or replaces the one with the same id. */
  | { type: 'put-goal'; goal: Goal }
  /** Removes a goal with its indicators and activities, and unlinks it from every insats. */
  | { type: 'remove-goal'; id: string }
  | { type: 'put-indicator'; indicator: Indicator }
  | { type: 'remove-indicator'; id: string }
  | { type: 'put-activity'; activity: Activity }
  | { type: 'remove-activity'; id: string }
  /** Appends the year after the last, amounts carried from the last year (see `addYear`); refused beyond ten years. */
  | { type: 'add-year' }
  /**
   * Removes the first year with its amounts and stated figures and sets the opening equity (the
   * caller passes the dropped year's projected closing equity; null: none); refused for one year.
   */
  | { type: 'drop-first-year'; openingEquity: string | null }
  /** Moves the whole plan by `by` whole years: every year and year key; dates stay (see `shiftYears`). */
  | { type: 'shift-years'; by: number }
  | { type: 'replace-plan'; plan: Plan };

/** Adds `record` at the end, or puts it in the place of the one with the same id. */
function putById<T extends { id: string }>(records: readonly T[], record: T): T[] {
  return records.some((r) => r.id === record.id)
    ? records.map((r) => (r.id === record.id ? record : r))
    : [...records, record];
}

const setAmounts = (amounts: Record<string, string> | undefined, year: number, value: string | null) => {
  const next = { ...(amounts ?? {}) };
  if (value === null) delete next[String(year)];
  else next[String(year)] = value;
  return next;
};

function mapLine<C extends LineCollection>(
  plan: Plan,
  collection: C,
  id: string,
  f: (line: LineOf<C>) => LineOf<C>,
): Plan {
  const lines = plan[collection] as LineOf<C>[];
  return { ...plan, [collection]: lines.map((l) => (l.id === id ? f(l) : l)) };
}

/** Applies an edit, sharing every untouched object with the old plan. Validation is the store's job. */
export function applyPlanEdit(plan: Plan, edit: PlanEdit): Plan {
  switch (edit.type) {
    case 'set-name':
      return { ...plan, name: edit.name };
    case 'set-opening-equity': {
      if (edit.value !== null) return { ...plan, openingEquity: edit.value };
      const { openingEquity: _, ...rest } = plan;
      return rest;
    }
    case 'set-amount':
      if (edit.collection === 'costs') {
        return mapLine(plan, 'costs', edit.id, (line) =>
          line.amount.type === 'yearly'
            ? { ...line, amount: { ...line.amount, amounts: setAmounts(line.amount.amounts, edit.year, edit.value) } }
            : line,
        );
      }
      if (edit.collection === 'members') {
        return mapLine(plan, 'members', edit.id, (line) => ({
          ...line,
          amounts: setAmounts(line.amounts, edit.year, edit.value),
        }));
      }
      return mapLine(plan, 'revenues', edit.id, (line) => ({
        ...line,
        amounts: setAmounts(line.amounts, edit.year, edit.value),
      }));
    case 'set-line':
      return mapLine(plan, edit.collection, edit.id, (line) => ({ ...line, ...edit.patch }) as never);
    case 'add-line':
      return { ...plan, [edit.collection]: [...(plan[edit.collection] as unknown[]), edit.line] };
    case 'remove-line':
      return {
        ...plan,
        [edit.collection]: (plan[edit.collection] as { id: string }[]).filter((l) => l.id !== edit.id),
      };
    case 'put-esf-project': {
      const exists = plan.esfProjects.some((p) => p.id === edit.project.id);
      return {
        ...plan,
        esfProjects: exists
          ? plan.esfProjects.map((p) => (p.id === edit.project.id ? edit.project : p))
          : [...plan.esfProjects, edit.project],
      };
    }
    case 'remove-esf-project': {
      const refers = (line: { project?: string }) => line.project === edit.id;
      return {
        ...plan,
        esfProjects: plan.esfProjects.filter((p) => p.id !== edit.id),
        revenues: plan.revenues.some(refers) ? plan.revenues.filter((r) => !refers(r)) : plan.revenues,
        costs: plan.costs.some(refers)
          ? plan.costs.map((c) => {
              if (!refers(c)) return c;
              const { project: _, ...rest } = c;
              return rest;
            })
          : plan.costs,
      };
    }
    case 'set-assumption':
      return { ...plan, assumptions: { ...plan.assumptions, [edit.key]: edit.value } };
    case 'set-threshold':
      if (edit.key === 'equityCap') return { ...plan, thresholds: { ...plan.thresholds, equityCap: edit.value } };
      return {
        ...plan,
        thresholds: {
          ...plan.thresholds,
          adminShare: { ...plan.thresholds.adminShare, [edit.key === 'adminMin' ? 'min' : 'max']: edit.value },
        },
      };
    case 'put-scenario': {
      const exists = plan.scenarios.some((s) => s.id === edit.scenario.id);
      return {
        ...plan,
        scenarios: exists
          ? plan.scenarios.map((s) => (s.id === edit.scenario.id ? edit.scenario : s))
          : [...plan.scenarios, edit.scenario],
      };
    }
    case 'remove-scenario':
      return {
        ...plan,
        scenarios: plan.scenarios
          .filter((s) => s.id !== edit.id)
          .map((s) => (s.basedOn === edit.id ? { ...s, basedOn: undefined } : s)),
      };
    case 'put-goal':
      return { ...plan, goals: putById(plan.goals, edit.goal) };
    case 'remove-goal':
      return {
        ...plan,
        goals: plan.goals.filter((g) => g.id !== edit.id),
        indicators: plan.indicators.filter((i) => i.goal !== edit.id),
        activities: plan.activities.filter((a) => a.goal !== edit.id),
        costs: plan.costs.map((c) =>
          c.goals?.includes(edit.id) ? { ...c, goals: c.goals.filter((g) => g !== edit.id) } : c,
        ),
      };
    case 'put-indicator':
      return { ...plan, indicators: putById(plan.indicators, edit.indicator) };
    case 'remove-indicator':
      return { ...plan, indicators: plan.indicators.filter((i) => i.id !== edit.id) };
    case 'put-activity':
      return { ...plan, activities: putById(plan.activities, edit.activity) };
    case 'remove-activity':
      return { ...plan, activities: plan.activities.filter((a) => a.id !== edit.id) };
    case 'add-year':
      return addYear(plan);
    case 'drop-first-year':
      return dropFirstYear(plan, edit.openingEquity);
    case 'shift-years':
      return shiftYears(plan, edit.by);
    case 'replace-plan':
      return edit.plan;
  }
}

/** `applyPlanEdit` as a result: an edit that cannot be applied comes back as an issue, not a throw. */
export function tryApplyPlanEdit(plan: Plan, edit: PlanEdit): Result<Plan> {
  try {
    return ok(applyPlanEdit(plan, edit));
  } catch (e) {
    if (e instanceof YearEditError) return fail<Issue>({ code: e.code, message: e.message, path: ['years'] });
    return fail<Issue>({ code: 'edit-failed', message: e instanceof Error ? e.message : String(e) });
  }
}
