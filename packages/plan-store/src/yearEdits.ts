import { type Change, type CostLine, type Issue, MAX_YEARS, type Plan } from '@samplan/engine';

/**
 * The plan's horizon edited in place (a year added at the end, the first dropped, the whole plan
 * moved), as plain functions on the plan and on single values. `applyEditToDoc` uses the same
 * value functions on a Y.Doc, so both give the same plan.
 *
 * Where a year appears in a plan: `years`; the year keys of member, revenue and yearly cost amounts
 * (also of a scenario's new insats) and of indicator outcomes; a stated figure's `year`; a scenario
 * change's `fromYear`; a staff line's `salaryYear` (when absent, the first plan year). Dates (periods,
 * start and end, activity end dates) are calendar facts and never move.
 */

/** An edit the plan's horizon does not allow, with a Swedish message; `tryApplyPlanEdit` returns it as an issue. */
export class YearEditError extends Error {
  constructor(
    readonly code: 'too-many-years' | 'last-year' | 'invalid-shift',
    message: string,
  ) {
    super(message);
    this.name = 'YearEditError';
  }
}

/** Why a year edit cannot be applied to `plan`, or null when it can. */
export function yearEditIssue(
  plan: Pick<Plan, 'years'>,
  edit: { type: 'add-year' } | { type: 'drop-first-year' } | { type: 'shift-years'; by: number },
): Issue | null {
  switch (edit.type) {
    case 'add-year':
      return plan.years.length >= MAX_YEARS
        ? { code: 'too-many-years', message: `En plan har högst ${MAX_YEARS} år`, path: ['years'] }
        : null;
    case 'drop-first-year':
      return plan.years.length <= 1
        ? { code: 'last-year', message: 'Planens enda år kan inte tas bort', path: ['years'] }
        : null;
    case 'shift-years':
      return Number.isSafeInteger(edit.by)
        ? null
        : { code: 'invalid-shift', message: `Planen flyttas ett helt antal år, inte ${edit.by}`, path: ['years'] };
  }
}

/** Throws the issue of `yearEditIssue` as a `YearEditError`. */
export function assertYearEdit(plan: Pick<Plan, 'years'>, edit: Parameters<typeof yearEditIssue>[1]): void {
  const issue = yearEditIssue(plan, edit);
  if (issue) throw new YearEditError(issue.code as YearEditError['code'], issue.message);
}

/**
 * Whether a yearly cost line with this `end` date runs in `year` (no end: it does), so the new
 * year carries the last year's amount. A line that has ended gets no amount for the new year.
 */
export const runsInYear = (end: unknown, year: number): boolean =>
  typeof end !== 'string' || Number(end.slice(0, 4)) >= year;

/** A year map with every key moved by `by` years (non-year keys, never valid, kept as they are). */
export function shiftYearKeys<T>(record: Readonly<Record<string, T>>, by: number): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).map(([key, v]) => [/^\d{4}$/.test(key) ? String(Number(key) + by) : key, v]),
  );
}

/** A year map without `year`: the same object when it has no such key. */
export function withoutYear<T>(record: Readonly<Record<string, T>>, year: number): Record<string, T> {
  if (!Object.hasOwn(record, String(year))) return record as Record<string, T>;
  const { [String(year)]: _, ...rest } = record;
  return rest;
}

/** A year map with `to` set to the value of `from` (when it has one): the same object otherwise. */
export function carryYear<T>(record: Readonly<Record<string, T>>, from: number, to: number): Record<string, T> {
  const value = record[String(from)];
  return value === undefined ? (record as Record<string, T>) : { ...record, [String(to)]: value };
}

/** A cost line moved by `by` years: its yearly amounts' keys and its salary year. */
export function shiftCostLine(line: CostLine, by: number): CostLine {
  const a = line.amount;
  if (a.type === 'yearly') return { ...line, amount: { ...a, amounts: shiftYearKeys(a.amounts, by) } };
  if (a.type === 'staff' && a.salaryYear !== undefined)
    return { ...line, amount: { ...a, salaryYear: a.salaryYear + by } };
  return line;
}

/**
 * A cost line without `year` (the first year, being dropped): its yearly amount for it removed; a
 * staff line whose salary year was the default (the first plan year) keeps it explicitly, so its
 * later years cost the same.
 */
export function dropYearFromCostLine(line: CostLine, year: number): CostLine {
  const a = line.amount;
  if (a.type === 'yearly') {
    const amounts = withoutYear(a.amounts, year);
    return amounts === a.amounts ? line : { ...line, amount: { ...a, amounts } };
  }
  if (a.type === 'staff' && a.salaryYear === undefined) return { ...line, amount: { ...a, salaryYear: year } };
  return line;
}

/** A scenario change moved by `by` years: its `fromYear`, and a new insats' years. */
export function shiftChange(change: Change, by: number): Change {
  if (change.type === 'insats-new') return { ...change, line: shiftCostLine(change.line, by) };
  if ('fromYear' in change && typeof change.fromYear === 'number') return { ...change, fromYear: change.fromYear + by };
  return change;
}

/**
 * A scenario change once `year`, the first, is dropped: a new insats loses its amount for it. A
 * `fromYear` is left as it is: a change from a year before the horizon applies from its start.
 */
export function dropYearFromChange(change: Change, year: number): Change {
  if (change.type !== 'insats-new') return change;
  const line = dropYearFromCostLine(change.line, year);
  return line === change.line ? change : { ...change, line };
}

/** Maps `f` over `records`, keeping the array itself when no record changes. */
function mapSame<T>(records: readonly T[], f: (record: T) => T): T[] {
  let changed = false;
  const out = records.map((r) => {
    const next = f(r);
    if (next !== r) changed = true;
    return next;
  });
  return changed ? out : (records as T[]);
}

const scenariosWith = (plan: Plan, f: (change: Change) => Change): Plan['scenarios'] =>
  mapSame(plan.scenarios, (s) => {
    const changes = mapSame(s.changes, f);
    return changes === s.changes ? s : { ...s, changes };
  });

/**
 * Appends the year after the last (refused beyond ten years): members, revenue lines and yearly
 * cost lines still running carry the last year's amount; staff lines are costed for the new year by
 * the engine (indexed when the line is indexed); period lines spread over their own dates. Stated
 * figures, scenarios and indicators get no value for the new year.
 */
export function addYear(plan: Plan): Plan {
  assertYearEdit(plan, { type: 'add-year' });
  const last = plan.years.at(-1) as number;
  const next = last + 1;
  return {
    ...plan,
    years: [...plan.years, next],
    members: mapSame(plan.members, (m) => {
      if (!m.amounts) return m;
      const amounts = carryYear(m.amounts, last, next);
      return amounts === m.amounts ? m : { ...m, amounts };
    }),
    revenues: mapSame(plan.revenues, (r) => {
      const amounts = carryYear(r.amounts, last, next);
      return amounts === r.amounts ? r : { ...r, amounts };
    }),
    costs: mapSame(plan.costs, (c) => {
      const a = c.amount;
      if (a.type !== 'yearly' || !runsInYear(a.end, next)) return c;
      const amounts = carryYear(a.amounts, last, next);
      return amounts === a.amounts ? c : { ...c, amount: { ...a, amounts } };
    }),
  };
}

/**
 * Removes the first year (refused for a one-year plan): its amounts and stated figures go, and the
 * opening equity becomes `openingEquity` (the caller passes the dropped year's projected closing
 * equity; null: the plan states none).
 */
export function dropFirstYear(plan: Plan, openingEquity: string | null): Plan {
  assertYearEdit(plan, { type: 'drop-first-year' });
  const first = plan.years[0] as number;
  const { openingEquity: _, ...rest } = plan;
  return {
    ...rest,
    ...(openingEquity === null ? {} : { openingEquity }),
    years: plan.years.slice(1),
    members: mapSame(plan.members, (m) => {
      if (!m.amounts) return m;
      const amounts = withoutYear(m.amounts, first);
      return amounts === m.amounts ? m : { ...m, amounts };
    }),
    revenues: mapSame(plan.revenues, (r) => {
      const amounts = withoutYear(r.amounts, first);
      return amounts === r.amounts ? r : { ...r, amounts };
    }),
    costs: mapSame(plan.costs, (c) => dropYearFromCostLine(c, first)),
    stated: plan.stated.some((s) => s.year === first) ? plan.stated.filter((s) => s.year !== first) : plan.stated,
    scenarios: scenariosWith(plan, (c) => dropYearFromChange(c, first)),
  };
}

/** Moves the whole plan by `by` years: every year and year key; dates stay (see the module comment). */
export function shiftYears(plan: Plan, by: number): Plan {
  assertYearEdit(plan, { type: 'shift-years', by });
  if (by === 0) return plan;
  return {
    ...plan,
    years: plan.years.map((y) => y + by),
    members: plan.members.map((m) => (m.amounts ? { ...m, amounts: shiftYearKeys(m.amounts, by) } : m)),
    revenues: plan.revenues.map((r) => ({ ...r, amounts: shiftYearKeys(r.amounts, by) })),
    costs: mapSame(plan.costs, (c) => shiftCostLine(c, by)),
    stated: plan.stated.map((s) => ({ ...s, year: s.year + by })),
    scenarios: scenariosWith(plan, (c) => shiftChange(c, by)),
    indicators: mapSame(plan.indicators, (i) =>
      Object.keys(i.outcomes).length ? { ...i, outcomes: shiftYearKeys(i.outcomes, by) } : i,
    ),
  };
}
