import { allocate } from './allocate.ts';
import { monthIndex } from './calendar.ts';
import { type CompiledCost, type CompiledPlan, compileCostLine, kr, monthsOf, staffAmounts } from './compilePlan.ts';
import type { Ore } from './money.ts';
import { addRates, applyRate, isOne, mulRates, ONE, parseRate, type Rate, rate } from './rate.ts';
import { assertNever } from './result.ts';
import type { Change } from './scenarioSchema.ts';

/** Every amount of one scenario, per line and plan year, in öre: what the projection sums. */
export interface ScenarioAmounts {
  members: Ore[][];
  revenues: Ore[][];
  /** The plan's cost lines followed by the scenario's new insatser. */
  costLines: CompiledCost[];
  costs: Ore[][];
  /** The global utilization in force (nyttjandegrad). */
  utilization: Rate;
}

/** An ESF project's outcome in a scenario. */
export interface EsfOutcome {
  runs: boolean;
  share: Rate;
  scaleCosts: boolean;
  keep: ReadonlySet<string>;
}

const rt = (text: string): Rate => parseRate(text) ?? rate(0);
const NO_LINES: ReadonlySet<string> = new Set();
/** A change to one insats's months or size. */
export type LineEdit = Extract<Change, { type: 'insats-stop' | 'insats-start' | 'insats-extend' | 'insats-scale' }>;

/** Index of the first plan year a change applies to (years before the horizon clamp to 0). */
const fromIndex = (years: readonly number[], fromYear: number): number =>
  Math.max(0, fromYear - (years[0] ?? fromYear));

/**
 * What a scenario's changes resolve to before any line is costed: member amounts, the ESF outcome
 * per project, utilization, indexation and PO-påslag in force, the stops/starts/scales per line and
 * the new insatser. A cost line's amounts depend only on the line and these terms
 * (`effectiveCost`), which is what lets a projection re-cost only the lines an edit touched.
 */
export interface ScenarioTerms {
  members: Ore[][];
  utilization: Rate;
  indexation: Rate;
  employerAddOn: Rate;
  lineUtilization: ReadonlyMap<string, Rate>;
  esf: ReadonlyMap<string, EsfOutcome>;
  edits: ReadonlyMap<string, LineEdit[]>;
  newLines: CompiledCost[];
  staffChanged: boolean;
  /** Shared zeros per year (never written): a line that does not run. */
  zeros: Ore[];
}

const zeroCache = new WeakMap<readonly number[], Ore[]>();
/** One array of zeros per plan years, shared (never written): the amounts of a line that does not run. */
function zerosFor(years: readonly number[]): Ore[] {
  let zeros = zeroCache.get(years);
  if (!zeros) {
    zeros = years.map(() => 0 as Ore);
    zeroCache.set(years, zeros);
  }
  return zeros;
}

/** Resolves a scenario's changes (parents first, in order) against a compiled plan; no line is costed. */
export function scenarioTerms(cp: CompiledPlan, changes: readonly Change[]): ScenarioTerms {
  const { years } = cp;
  let utilization = cp.assumptions.utilization;
  let indexation = cp.assumptions.indexation;
  let employerAddOn = cp.assumptions.employerAddOn;
  const lineUtilization = new Map<string, Rate>();
  const esf = new Map<string, EsfOutcome>();
  for (const [id, p] of cp.projects) {
    esf.set(id, { runs: p.status === 'approved', share: ONE, scaleCosts: false, keep: NO_LINES });
  }
  const edits = new Map<string, LineEdit[]>();
  const newLines: CompiledCost[] = [];
  const members = cp.members.map((m) => m.amounts);

  for (const change of changes) {
    switch (change.type) {
      case 'state-allocation':
        changeMembers(cp, members, change.fromYear, change.rate, change.amount, 'state', change.matching);
        break;
      case 'member-contribution':
        changeMembers(cp, members, change.fromYear, change.rate, change.amount, change.member, false);
        break;
      case 'esf-decision':
        esf.set(change.project, {
          runs: change.decision === 'approved',
          share: change.decision === 'approved' && change.share !== undefined ? rt(change.share) : ONE,
          scaleCosts: change.scaleCosts,
          keep: new Set(change.keepLines),
        });
        break;
      case 'insats-stop':
      case 'insats-start':
      case 'insats-extend':
      case 'insats-scale': {
        const list = edits.get(change.line) ?? [];
        list.push(change);
        edits.set(change.line, list);
        break;
      }
      case 'insats-new':
        newLines.push(compileCostLine(change.line, cp.plan));
        break;
      case 'utilization':
        if (change.line === undefined) utilization = rt(change.rate);
        else lineUtilization.set(change.line, rt(change.rate));
        break;
      case 'indexation':
        indexation = rt(change.rate);
        break;
      case 'employer-add-on':
        employerAddOn = rt(change.rate);
        break;
      default:
        assertNever(change, 'change');
    }
  }
  const staffChanged = indexation !== cp.assumptions.indexation || employerAddOn !== cp.assumptions.employerAddOn;
  return {
    members,
    utilization,
    indexation,
    employerAddOn,
    lineUtilization,
    esf,
    edits,
    newLines,
    staffChanged,
    zeros: zerosFor(years),
  };
}

/** Whether a change can move a cost line (every change but the member contributions can). */
export const affectsCosts = (change: Change): boolean =>
  change.type !== 'state-allocation' && change.type !== 'member-contribution';

/**
 * A cost line's amounts per plan year under the terms. An unchanged line returns its compiled
 * array itself; a line of an ESF project that does not run (and is not kept) returns `terms.zeros`.
 */
export function effectiveCost(terms: ScenarioTerms, years: readonly number[], line: CompiledCost): Ore[] {
  const { esf, lineUtilization, edits, indexation, employerAddOn } = terms;
  const outcome = line.project === undefined ? undefined : esf.get(line.project);
  if (outcome && !outcome.runs && !outcome.keep.has(line.id)) return terms.zeros;
  let common = (lineUtilization.size ? lineUtilization.get(line.id) : undefined) ?? line.utilization;
  if (common === undefined) common = line.categoryIndex <= 1 ? terms.utilization : ONE;
  if (outcome?.runs && outcome.scaleCosts) common = mulRates(common, outcome.share);
  const lineEdits = edits.size ? edits.get(line.id) : undefined;
  let gross =
    line.staff && terms.staffChanged
      ? staffAmounts(line.staff, years, monthsOf(line.mask, years.length), indexation, employerAddOn)
      : line.amounts;
  if (!lineEdits) return isOne(common) ? gross : gross.map((g) => applyRate(g, common));
  let mask = line.mask;
  const factors: Rate[] = years.map(() => ONE);
  for (const edit of lineEdits) {
    if (edit.type === 'insats-scale') {
      const share = rt(edit.share);
      for (let i = fromIndex(years, edit.fromYear ?? years[0] ?? 0); i < years.length; i++) {
        factors[i] = mulRates(factors[i] as Rate, share);
      }
    } else {
      const next = editMask(mask, edit, (years[0] ?? 0) * 12);
      gross = line.staff
        ? staffAmounts(line.staff, years, monthsOf(next, years.length), indexation, employerAddOn)
        : reshape(gross, monthsOf(mask, years.length), monthsOf(next, years.length));
      mask = next;
    }
  }
  return gross.map((g, i) => applyRate(g, mulRates(common, factors[i] as Rate)));
}

/** Revenue lines per plan year under the terms (an ESF line follows its project's outcome). */
export function scenarioRevenues(cp: CompiledPlan, terms: ScenarioTerms): Ore[][] {
  return cp.revenues.map((r) => {
    const outcome = r.project === undefined ? undefined : terms.esf.get(r.project);
    if (!outcome) return r.amounts;
    if (!outcome.runs) return terms.zeros;
    return isOne(outcome.share) ? r.amounts : r.amounts.map((a) => applyRate(a, outcome.share));
  });
}

/**
 * Applies a scenario's changes (parents first, in order) to a compiled plan. Pure: the compiled
 * plan is not modified; unchanged lines share their arrays with it.
 */
export function applyScenario(cp: CompiledPlan, changes: readonly Change[]): ScenarioAmounts {
  const terms = scenarioTerms(cp, changes);
  const costLines = terms.newLines.length ? [...cp.costs, ...terms.newLines] : cp.costs;
  const costs = new Array<Ore[]>(costLines.length);
  for (let j = 0; j < costLines.length; j++) costs[j] = effectiveCost(terms, cp.years, costLines[j] as CompiledCost);
  return {
    members: terms.members,
    revenues: scenarioRevenues(cp, terms),
    costLines,
    costs,
    utilization: terms.utilization,
  };
}

/**
 * Changes member contributions from a year on, by a rate or an amount per year. For the state
 * with `matching`, the region and kommuner follow with the same amount in total, split in
 * proportion to what each pays (the matching rule: total member revenue moves by twice the cut).
 */
function changeMembers(
  cp: CompiledPlan,
  members: Ore[][],
  fromYear: number,
  rateText: string | undefined,
  amountText: string | undefined,
  target: 'state' | string,
  matching: boolean,
): void {
  const chosen = cp.members.flatMap((m, j) =>
    (target === 'state' ? m.group === 'state' : m.id === target) ? [j] : [],
  );
  const followers = matching ? cp.members.flatMap((m, j) => (m.group !== 'state' ? [j] : [])) : [];
  const change = rateText === undefined ? undefined : addRates(ONE, rt(rateText));
  const amount = amountText === undefined ? (0 as Ore) : kr(amountText);
  for (const j of [...chosen, ...followers]) members[j] = [...(members[j] as Ore[])];
  for (let i = fromIndex(cp.years, fromYear); i < cp.years.length; i++) {
    const before = chosen.map((j) => members[j]?.[i] as Ore);
    const after = change
      ? before.map((a) => applyRate(a, change))
      : allocate(amount, before.some((a) => a !== 0) ? before : before.map(() => 1)).map(
          (d, k) => ((before[k] as Ore) + d) as Ore,
        );
    chosen.forEach((j, k) => {
      (members[j] as Ore[])[i] = after[k] as Ore;
    });
    if (followers.length === 0) continue;
    const delta = (after.reduce((s, a) => s + a, 0) - before.reduce((s, a) => s + a, 0)) as Ore;
    const weights = followers.map((j) => Math.max(0, members[j]?.[i] ?? 0));
    const parts = allocate(delta, weights.some((w) => w > 0) ? weights : weights.map(() => 1));
    followers.forEach((j, k) => {
      (members[j] as Ore[])[i] = ((members[j]?.[i] ?? 0) + (parts[k] ?? 0)) as Ore;
    });
  }
}

/** Applies a stop, start or extend to a month mask (indexes relative to the horizon start `base`). */
function editMask(mask: Uint8Array, edit: Exclude<LineEdit, { type: 'insats-scale' }>, base: number): Uint8Array {
  const next = mask.slice();
  const active = [...mask.keys()].filter((i) => mask[i]);
  const first = active[0];
  const last = active.at(-1);
  const clamp = (m: number) => Math.min(mask.length, Math.max(0, m));
  switch (edit.type) {
    case 'insats-stop':
      next.fill(0, clamp(monthIndex(edit.from) - base));
      break;
    case 'insats-start': {
      const from = clamp(monthIndex(edit.from) - base);
      next.fill(0, 0, from);
      next.fill(1, from, clamp(first !== undefined && first > from ? first : last === undefined ? mask.length : from));
      break;
    }
    case 'insats-extend': {
      const until = clamp(monthIndex(edit.until) - base + 1);
      next.fill(1, clamp(last === undefined ? until : last + 1), until);
      next.fill(0, until);
      break;
    }
    default:
      assertNever(edit, 'edit');
  }
  return next;
}

/**
 * New yearly amounts after the active months change: a year keeps its monthly rate; a year that
 * becomes active takes the monthly rate of the nearest active year (earlier years first).
 */
function reshape(gross: readonly Ore[], before: readonly number[], after: readonly number[]): Ore[] {
  return gross.map((g, i) => {
    const now = after[i] ?? 0;
    const was = before[i] ?? 0;
    if (now === was) return g;
    if (now === 0) return 0 as Ore;
    if (was > 0) return applyRate(g, rate(now, was));
    let ref = -1;
    for (let d = 1; d < gross.length && ref < 0; d++) {
      if ((before[i - d] ?? 0) > 0) ref = i - d;
      else if ((before[i + d] ?? 0) > 0) ref = i + d;
    }
    return ref < 0 ? (0 as Ore) : applyRate(gross[ref] as Ore, rate(now, before[ref] ?? 12));
  });
}
