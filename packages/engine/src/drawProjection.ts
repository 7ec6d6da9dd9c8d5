import { applyScenario } from './applyScenario.ts';
import { exceedsEquityCap } from './checkRules.ts';
import { type CompiledCost, type CompiledPlan, monthsOf, staffAmounts } from './compilePlan.ts';
import type { Ore } from './money.ts';
import { applyRate, mulRates, ONE, parseRate, type Rate, rate } from './rate.ts';
import type { Change } from './scenarioSchema.ts';
import type { CompiledLever } from './uncertainLevers.ts';

/**
 * The projection of one Monte Carlo draw, exact and fast. A draw is the scenario's changes
 * followed by one change per uncertain lever; `projectChanges` on that list is the definition,
 * and this module computes the same closing equity to the öre with the draw-independent work done
 * once:
 *
 * - lines no lever touches are summed once (from `applyScenario` of the scenario itself);
 * - ESF revenue, and cost lines that only an ESF decision touches, are projected once per outcome;
 * - a cost line that follows a utilization or indexation lever is `applyRate(gross, rate)` per
 *   year — the engine's own rounding of the same exact rational — with a staff line's gross
 *   recomputed by `staffAmounts` once per distinct indexation (codes are cached);
 * - the state lever moves the state members by `applyRate(amount, 1 + change)` and, with the
 *   matching rule, the other members by the same total (the engine's `allocate` splits it exactly,
 *   so the split does not change the sum);
 * - a cost line the scenario also stops, starts, extends or scales goes through `applyScenario`
 *   itself, on a compiled plan holding only those lines.
 *
 * The tests compare every draw with `projectChanges`.
 */
export interface DrawProjector {
  readonly years: readonly number[];
  /**
   * Projects the draw whose lever codes are `codes[offset … offset + levers − 1]`: writes revenue
   * and closing equity per year (öre) to the outputs. Throws a RangeError, as the projection
   * does, when a total leaves the exact range.
   */
  project(codes: ArrayLike<number>, offset: number, revenue: Float64Array, closing: Float64Array): void;
  /** Whether a closing equity exceeds the equity cap on that revenue (the `equity-cap` rule). */
  overCap(closing: number, revenue: number): boolean;
}

/** The outcome of an ESF project in the scenario, as `applyScenario` reads it. */
interface Outcome {
  runs: boolean;
  share: Rate;
  scaleCosts: boolean;
  keep: ReadonlySet<string>;
}

/** What the scenario's changes leave in force (the last change of each kind wins, as in `applyScenario`). */
interface Settings {
  utilization: Rate;
  lineUtilization: Map<string, Rate>;
  indexation: Rate;
  employerAddOn: Rate;
  esf: Map<string, Outcome>;
  /** Lines with a stop, start, extend or scale: their amounts come from `applyScenario`. */
  edited: Set<string>;
}

const rt = (text: string): Rate => parseRate(text) ?? rate(0);

function settingsOf(cp: CompiledPlan, changes: readonly Change[]): Settings {
  const s: Settings = {
    ...cp.assumptions,
    lineUtilization: new Map(),
    esf: new Map(
      [...cp.projects].map(([id, p]) => [
        id,
        { runs: p.status === 'approved', share: ONE, scaleCosts: false, keep: new Set<string>() },
      ]),
    ),
    edited: new Set(),
  };
  for (const c of changes) {
    if (c.type === 'utilization' && c.line === undefined) s.utilization = rt(c.rate);
    else if (c.type === 'utilization' && c.line !== undefined) s.lineUtilization.set(c.line, rt(c.rate));
    else if (c.type === 'indexation') s.indexation = rt(c.rate);
    else if (c.type === 'employer-add-on') s.employerAddOn = rt(c.rate);
    else if (c.type === 'esf-decision') {
      const runs = c.decision === 'approved';
      const share = runs && c.share !== undefined ? rt(c.share) : ONE;
      s.esf.set(c.project, { runs, share, scaleCosts: c.scaleCosts, keep: new Set(c.keepLines) });
    } else if (
      c.type === 'insats-stop' ||
      c.type === 'insats-start' ||
      c.type === 'insats-extend' ||
      c.type === 'insats-scale'
    ) {
      s.edited.add(c.line);
    }
  }
  return s;
}

/** A cost line whose amount follows a utilization or indexation lever (and maybe an ESF decision). */
interface LeverLine {
  /** Lever index of the utilization that applies, or -1. */
  utilization: number;
  /** Lever index of the indexation (staff lines), or -1. */
  indexation: number;
  /** Lever index of the ESF decision on its project, or -1. */
  esf: number;
  /** The rest of the line's rate (its own utilization, an ESF share) when it runs, and when rejected (null: gone). */
  running: Rate;
  rejected: Rate | null;
  /** Gross per year when no indexation lever applies. */
  gross: readonly Ore[];
  /** Gross per year by indexation code (staff lines under an indexation lever). */
  grossAt: ((code: number) => readonly Ore[]) | undefined;
}

/** Cost lines that follow levers: by formula, and those the scenario also edits (through `applyScenario`). */
interface Lines {
  formula: LeverLine[];
  edited: CompiledCost[];
}

const sumInto = (target: Float64Array, rows: readonly (readonly number[])[]): void => {
  for (const row of rows) for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) + (row[i] ?? 0);
};

/** A rate `num / den` of safe integers, reused for the product of two rates (no BigInt, no allocation). */
const scratch = {
  num: 1,
  den: 1,
  get n(): bigint {
    return BigInt(this.num);
  },
  get d(): bigint {
    return BigInt(this.den);
  },
};

/**
 * `amount × a × b` rounded once: the same öre as `applyRate(amount, mulRates(a, b))`. The product is
 * left unreduced, which cannot change the result: `applyRate` rounds the exact rational correctly
 * (its float division is exact enough whenever `amount × num` is a safe integer, and it falls back
 * to BigInt otherwise), and an unreduced fraction is the same rational.
 */
function applyTwo(amount: number, a: Rate, b: Rate): number {
  const num = a.num * b.num;
  const den = a.den * b.den;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return applyRate(amount as Ore, mulRates(a, b));
  scratch.num = num;
  scratch.den = den;
  return applyRate(amount as Ore, scratch);
}

/** Prepares the exact projection of draws of `levers` on top of the resolved `changes`. */
export function prepareDraws(
  cp: CompiledPlan,
  changes: readonly Change[],
  levers: readonly CompiledLever[],
): DrawProjector {
  const { years } = cp;
  const n = years.length;
  const fromIndex = (year: number) => Math.max(0, year - (years[0] ?? year));
  const base = applyScenario(cp, changes);
  const settings = settingsOf(cp, changes);

  // Which lever sets what.
  let globalUtilization = -1;
  let indexation = -1;
  const lineUtilization = new Map<string, number>();
  const esfLever = new Map<string, number>();
  const stateLevers: { lever: CompiledLever; from: number; followers: number }[] = [];
  const hasFollowers = cp.members.some((m) => m.group !== 'state');
  for (const l of levers) {
    const v = l.lever;
    if (v.type === 'utilization' && v.line === undefined) globalUtilization = l.index;
    else if (v.type === 'utilization' && v.line !== undefined) lineUtilization.set(v.line, l.index);
    else if (v.type === 'indexation') indexation = l.index;
    else if (v.type === 'esf-approval') esfLever.set(v.project, l.index);
    else if (v.type === 'state-change')
      stateLevers.push({ lever: l, from: fromIndex(v.fromYear), followers: v.matching && hasFollowers ? 1 : 0 });
  }

  // Members: the scenario's total, and the state members' amounts the state levers start from.
  const members = new Float64Array(n);
  sumInto(members, base.members);
  const stateMembers = cp.members.flatMap((m, j) => (m.group === 'state' ? [base.members[j] as Ore[]] : []));
  const state = stateMembers.map(() => new Float64Array(n));
  const onePlus = levers.map((l) => {
    const cache = new Array<Rate | undefined>(l.codes);
    return (code: number): Rate => {
      let r = cache[code];
      if (r === undefined) {
        const change = l.rate(code);
        r = rate(change.d + change.n, change.d);
        cache[code] = r;
      }
      return r;
    };
  });

  // Revenue and costs: what no lever touches, and per ESF lever and outcome.
  const fixedRevenue = new Float64Array(n);
  const fixedCost = new Float64Array(n);
  const esfRevenue = new Map<number, Float64Array[]>();
  for (const [project, e] of esfLever) {
    const lever = levers[e] as CompiledLever;
    const rows = [0, 1].map((code) => {
      const row = new Float64Array(n);
      const { revenues } = applyScenario(cp, [...changes, lever.change(code)]);
      sumInto(
        row,
        revenues.filter((_, j) => cp.revenues[j]?.project === project),
      );
      return row;
    });
    esfRevenue.set(e, rows);
  }
  cp.revenues.forEach((r, j) => {
    if (r.project === undefined || !esfLever.has(r.project)) sumInto(fixedRevenue, [base.revenues[j] as Ore[]]);
  });
  /** Lines that follow one lever: their cost per year is cached per code of that lever. */
  const groups = new Map<number, Lines & { memo: Float64Array; known: Uint8Array }>();
  /** Lines that follow two or more levers (a staff line under utilization and indexation, say). */
  const multi: Lines = { formula: [], edited: [] };
  const follow = (k: number | undefined): Lines => {
    if (k === undefined) return multi;
    let group = groups.get(k);
    if (!group) {
      const codes = (levers[k] as CompiledLever).codes;
      group = { formula: [], edited: [], memo: new Float64Array(codes * n), known: new Uint8Array(codes) };
      groups.set(k, group);
    }
    return group;
  };
  base.costLines.forEach((line, j) => {
    const esf = line.project === undefined ? -1 : (esfLever.get(line.project) ?? -1);
    const own = settings.lineUtilization.get(line.id) ?? line.utilization;
    const utilization =
      lineUtilization.get(line.id) ?? (own === undefined && line.categoryIndex <= 1 ? globalUtilization : -1);
    const indexed = line.staff && indexation >= 0 ? indexation : -1;
    const outcome = line.project === undefined ? undefined : settings.esf.get(line.project);
    const gone = esf < 0 && outcome !== undefined && !outcome.runs && !outcome.keep.has(line.id);
    if ((esf < 0 && utilization < 0 && indexed < 0) || gone) {
      sumInto(fixedCost, [base.costs[j] as Ore[]]);
      return;
    }
    const follows = [esf, utilization, indexed].filter((k) => k >= 0);
    const lines = follow(follows.length === 1 ? follows[0] : undefined);
    if (settings.edited.has(line.id)) {
      lines.edited.push(line);
      return;
    }
    const fixed = utilization >= 0 ? ONE : (own ?? (line.categoryIndex <= 1 ? settings.utilization : ONE));
    let running = fixed;
    let rejected: Rate | null = null;
    if (esf >= 0) {
      const v = (levers[esf] as CompiledLever).lever as Extract<CompiledLever['lever'], { type: 'esf-approval' }>;
      if (v.scaleCosts && v.share !== undefined) running = mulRates(fixed, rt(v.share));
      rejected = v.keepLines.includes(line.id) ? fixed : null;
    } else if (outcome?.runs && outcome.scaleCosts) running = mulRates(fixed, outcome.share);
    const staff = line.staff;
    const months = monthsOf(line.mask, n);
    const gross = staff
      ? staffAmounts(staff, years, months, settings.indexation, settings.employerAddOn)
      : line.amounts;
    const lever = indexed >= 0 ? (levers[indexed] as CompiledLever) : undefined;
    const grossByCode = lever && new Array<readonly Ore[] | undefined>(lever.codes);
    const grossAt =
      staff && lever && grossByCode
        ? (code: number) => {
            let hit = grossByCode[code];
            if (hit === undefined) {
              hit = staffAmounts(staff, years, months, lever.rate(code), settings.employerAddOn);
              grossByCode[code] = hit;
            }
            return hit;
          }
        : undefined;
    lines.formula.push({ utilization, indexation: indexed, esf, running, rejected, gross, grossAt });
  });
  /** A lever line's cost per year under the draw's codes, added to `target`. */
  const addLeverLine = (line: LeverLine, codes: ArrayLike<number>, offset: number, target: Float64Array): void => {
    const rest = line.esf < 0 || codes[offset + line.esf] === 1 ? line.running : line.rejected;
    if (rest === null) return;
    const u =
      line.utilization < 0
        ? ONE
        : (levers[line.utilization] as CompiledLever).rate(codes[offset + line.utilization] as number);
    const gross = line.grossAt ? line.grossAt(codes[offset + line.indexation] as number) : line.gross;
    addLine(target, rest, u, gross);
  };

  // Lines the scenario edits (stop, start, extend, scale) and a lever moves: applyScenario itself,
  // on a compiled plan holding only those lines, with the scenario's line changes and the draw's.
  const editedChanges = changes.filter(
    (c) => c.type !== 'state-allocation' && c.type !== 'member-contribution' && c.type !== 'insats-new',
  );
  const costLevers = levers.filter((l) => l.lever.type !== 'state-change');
  const onlyThese = (lines: CompiledCost[]): CompiledPlan | undefined =>
    lines.length
      ? { ...cp, members: [], revenues: [], costs: lines, costIndex: new Map(lines.map((c, i) => [c.id, i])) }
      : undefined;
  /** All lines of a set under the draw's codes, added to `target`. */
  const addLines = (
    set: { formula: LeverLine[]; plan: CompiledPlan | undefined },
    codes: ArrayLike<number>,
    offset: number,
    target: Float64Array,
  ): void => {
    for (const line of set.formula) addLeverLine(line, codes, offset, target);
    if (set.plan) {
      const draw = costLevers.map((l) => l.change(codes[offset + l.index] as number));
      sumInto(target, applyScenario(set.plan, [...editedChanges, ...draw]).costs);
    }
  };
  const groupList = [...groups].map(([lever, g]) => ({ lever, ...g, plan: onlyThese(g.edited) }));
  const multiLines = { formula: multi.formula, plan: onlyThese(multi.edited) };

  const { openingEquity } = cp;
  const cap = cp.thresholds.equityCap;
  const esfEntries = [...esfRevenue];
  const cost = new Float64Array(n);

  return {
    years,
    overCap: (closing, revenue) => exceedsEquityCap(closing as Ore, revenue as Ore, cap),
    project(codes, offset, revenue, closing) {
      revenue.set(members);
      for (let s = 0; s < state.length; s++) (state[s] as Float64Array).set(stateMembers[s] as Ore[]);
      for (const { lever, from, followers } of stateLevers) {
        const factor = (onePlus[lever.index] as (code: number) => Rate)(codes[offset + lever.index] as number);
        for (let i = from; i < n; i++) {
          let delta = 0;
          for (const amounts of state) {
            const before = amounts[i] as number;
            const after = applyRate(before as Ore, factor);
            amounts[i] = after;
            delta += after - before;
          }
          revenue[i] = (revenue[i] as number) + delta * (1 + followers);
        }
      }
      cost.set(fixedCost);
      for (let i = 0; i < n; i++) revenue[i] = (revenue[i] as number) + (fixedRevenue[i] as number);
      for (const [e, rows] of esfEntries) {
        const rev = rows[codes[offset + e] as number] as Float64Array;
        for (let i = 0; i < n; i++) revenue[i] = (revenue[i] as number) + (rev[i] as number);
      }
      for (const g of groupList) {
        const code = codes[offset + g.lever] as number;
        const row = g.memo.subarray(code * n, code * n + n);
        if (!g.known[code]) {
          addLines(g, codes, offset, row);
          g.known[code] = 1;
        }
        for (let i = 0; i < n; i++) cost[i] = (cost[i] as number) + (row[i] as number);
      }
      addLines(multiLines, codes, offset, cost);
      let equity = openingEquity as number;
      for (let i = 0; i < n; i++) {
        const r = revenue[i] as number;
        const c = cost[i] as number;
        equity += r - c;
        closing[i] = equity;
        if (!Number.isSafeInteger(equity) || !Number.isSafeInteger(r) || !Number.isSafeInteger(c)) {
          throw new RangeError('Plan totals exceed the exact range');
        }
      }
    },
  };
}

/** Whether a rate is exactly 1 or 0, from its number mirror (NaN when large: then neither, which is still correct). */
const one = (r: Rate): boolean => r.num === r.den;
const zero = (r: Rate): boolean => r.num === 0;

/** Adds a line's cost per year, `gross × u × rest` rounded once per year (nothing when `rest` is null). */
function addLine(target: Float64Array, rest: Rate | null, u: Rate, gross: readonly Ore[]): void {
  if (rest === null || zero(rest) || zero(u)) return;
  const n = target.length;
  if (one(rest) && one(u)) {
    for (let i = 0; i < n; i++) target[i] = (target[i] as number) + (gross[i] as number);
  } else if (one(rest) || one(u)) {
    const r = one(rest) ? u : rest;
    for (let i = 0; i < n; i++) target[i] = (target[i] as number) + applyRate(gross[i] as Ore, r);
  } else {
    for (let i = 0; i < n; i++) target[i] = (target[i] as number) + applyTwo(gross[i] as number, u, rest);
  }
}
