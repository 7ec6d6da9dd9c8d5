import { allocate } from './allocate.ts';
import { monthIndex } from './calendar.ts';
import { type Ore, parseKronor } from './money.ts';
import type { CostLine, EsfProject, MemberGroup, Plan } from './planSchema.ts';
import { parseRate, type Rate, rate } from './rate.ts';
import { spreadProRata } from './spreadProRata.ts';
import { type StaffTerms, staffCost } from './staffCost.ts';

/** A member with its contribution per plan year, derived ones resolved. */
export interface CompiledMember {
  id: string;
  name: string;
  group: MemberGroup;
  /** Index of the group in `MEMBER_GROUP_ORDER`. */
  groupIndex: number;
  amounts: Ore[];
}

/** An ESF or other-income line in öre per plan year. */
export interface CompiledRevenue {
  id: string;
  name: string;
  kind: 'esf' | 'income';
  project: string | undefined;
  amounts: Ore[];
}

/** A cost line in öre per plan year (gross, before utilization), with its active months. */
export interface CompiledCost {
  id: string;
  name: string;
  category: CostLine['category'];
  /** Index of the category in `COST_CATEGORY_ORDER`, for fast sums. */
  categoryIndex: number;
  project: string | undefined;
  member: string | undefined;
  utilization: Rate | undefined;
  /** Gross amount per plan year under the plan's assumptions. */
  amounts: Ore[];
  /** Active months over the horizon, 12 per plan year: 1 = the insats runs that month. */
  mask: Uint8Array;
  /** Present for staff lines: recomputed when a scenario changes indexation or PO-påslag. */
  staff: (Omit<StaffTerms, 'indexation' | 'employerAddOn'> & { employerAddOn: Rate | undefined }) | undefined;
}

/** A plan in exact öre, ready to project. Built once per plan object and cached. */
export interface CompiledPlan {
  plan: Plan;
  years: readonly number[];
  /** Opening equity of the first year; 0 when the plan states none. */
  openingEquity: Ore;
  /** Whether the plan states its opening equity (`openingEquity` present). */
  openingEquityStated: boolean;
  members: CompiledMember[];
  projects: ReadonlyMap<string, EsfProject>;
  revenues: CompiledRevenue[];
  costs: CompiledCost[];
  costIndex: ReadonlyMap<string, number>;
  memberIndex: ReadonlyMap<string, number>;
  assumptions: { utilization: Rate; indexation: Rate; employerAddOn: Rate };
  thresholds: { equityCap: Rate; adminMin: Rate; adminMax: Rate };
}

/** Category order of every per-category array in the engine. */
export const COST_CATEGORY_ORDER = ['individual', 'structural', 'administration', 'unallocated'] as const;
/** Member group order of every per-group array in the engine. */
export const MEMBER_GROUP_ORDER = ['state', 'region', 'kommun'] as const;

/** Parses a validated kronor string; validation (`validatePlan`) has already checked it. */
export const kr = (text: string | undefined): Ore => {
  const parsed = text === undefined ? null : parseKronor(text);
  return parsed?.ok ? parsed.value : (0 as Ore);
};
const rt = (text: string): Rate => parseRate(text) ?? rate(0);
const yearly = (amounts: Record<string, string> | undefined, years: readonly number[]): Ore[] =>
  years.map((y) => kr(amounts?.[String(y)]));

function maskFor(years: readonly number[], first: number, last: number): Uint8Array {
  const mask = new Uint8Array(years.length * 12);
  const base = (years[0] ?? 0) * 12;
  for (let m = Math.max(first, base); m <= Math.min(last, base + mask.length - 1); m++) mask[m - base] = 1;
  return mask;
}

/** Active months per plan year from a month mask. */
export function monthsOf(mask: Uint8Array, yearCount: number): number[] {
  const out = new Array<number>(yearCount).fill(0);
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[Math.floor(i / 12)] = (out[Math.floor(i / 12)] ?? 0) + 1;
  return out;
}

const lineCache = new WeakMap<CostLine, { years: readonly number[]; assumptions: object; compiled: CompiledCost }>();

/** Compiles one cost line for the given years and assumptions (cached per line object). */
export function compileCostLine(line: CostLine, plan: Pick<Plan, 'years' | 'assumptions'>): CompiledCost {
  const hit = lineCache.get(line);
  if (hit && hit.years === plan.years && hit.assumptions === plan.assumptions) return hit.compiled;
  const { years } = plan;
  const a = line.amount;
  const horizonFirst = (years[0] ?? 0) * 12;
  const horizonLast = (years.at(-1) ?? 0) * 12 + 11;
  let amounts: Ore[];
  let mask: Uint8Array;
  let staff: CompiledCost['staff'];
  switch (a.type) {
    case 'yearly': {
      amounts = yearly(a.amounts, years);
      if (a.start !== undefined || a.end !== undefined) {
        mask = maskFor(years, a.start ? monthIndex(a.start) : horizonFirst, a.end ? monthIndex(a.end) : horizonLast);
      } else {
        mask = new Uint8Array(years.length * 12);
        amounts.forEach((v, i) => {
          if (v !== 0) mask.fill(1, i * 12, i * 12 + 12);
        });
      }
      break;
    }
    case 'period':
      amounts = spreadProRata(kr(a.total), a.start, a.end, years);
      mask = maskFor(years, monthIndex(a.start), monthIndex(a.end));
      break;
    case 'staff': {
      mask = maskFor(years, a.start ? monthIndex(a.start) : horizonFirst, a.end ? monthIndex(a.end) : horizonLast);
      staff = {
        fte: rt(a.fte),
        monthlySalary: kr(a.monthlySalary),
        salaryYear: a.salaryYear ?? years[0] ?? 0,
        employerAddOn: a.employerAddOn === undefined ? undefined : rt(a.employerAddOn),
        indexed: a.indexed,
      };
      amounts = staffAmounts(
        staff,
        years,
        monthsOf(mask, years.length),
        rt(plan.assumptions.indexation),
        rt(plan.assumptions.employerAddOn),
      );
      break;
    }
  }
  const compiled: CompiledCost = {
    id: line.id,
    name: line.name,
    category: line.category,
    categoryIndex: COST_CATEGORY_ORDER.indexOf(line.category),
    project: line.project,
    member: line.member,
    utilization: line.utilization === undefined ? undefined : rt(line.utilization),
    amounts,
    mask,
    staff,
  };
  lineCache.set(line, { years: plan.years, assumptions: plan.assumptions, compiled });
  return compiled;
}

/** Yearly amounts of a staff line under the given indexation and default PO-påslag. */
export function staffAmounts(
  staff: NonNullable<CompiledCost['staff']>,
  years: readonly number[],
  months: readonly number[],
  indexation: Rate,
  employerAddOn: Rate,
): Ore[] {
  const terms: StaffTerms = { ...staff, indexation, employerAddOn: staff.employerAddOn ?? employerAddOn };
  return years.map((y, i) => staffCost(terms, y, months[i] ?? 0));
}

/**
 * Member contributions per year. A region or kommun without amounts is derived from the matching
 * rule: the region group pays half of what the state pays and the kommun group the other half;
 * kommuner without amounts share what the explicit ones leave, by population.
 */
function compileMembers(plan: Plan): CompiledMember[] {
  const { years } = plan;
  const explicit = plan.members.map((m) => (m.amounts ? yearly(m.amounts, years) : undefined));
  const state = years.map((_, i) =>
    plan.members.reduce((sum, m, j) => (m.group === 'state' ? sum + (explicit[j]?.[i] ?? 0) : sum), 0),
  );
  const derived = new Map<number, Ore[]>();
  for (const group of ['region', 'kommun'] as const) {
    const open = plan.members.flatMap((m, j) => (m.group === group && !explicit[j] ? [j] : []));
    if (open.length === 0) continue;
    const perYear = years.map((_, i) => {
      const half = allocate(state[i] as Ore, [1, 1])[group === 'region' ? 0 : 1] as Ore;
      const taken = plan.members.reduce((s, m, j) => (m.group === group ? s + (explicit[j]?.[i] ?? 0) : s), 0);
      return allocate(
        (half - taken) as Ore,
        open.map((j) => plan.members[j]?.population ?? 1),
      );
    });
    for (const [k, j] of open.entries())
      derived.set(
        j,
        perYear.map((parts) => parts[k] as Ore),
      );
  }
  return plan.members.map((m, j) => ({
    id: m.id,
    name: m.name,
    group: m.group,
    groupIndex: MEMBER_GROUP_ORDER.indexOf(m.group),
    amounts: explicit[j] ?? derived.get(j) ?? years.map(() => 0 as Ore),
  }));
}

const planCache = new WeakMap<Plan, CompiledPlan>();
const memberCache = new WeakMap<Plan['members'], { years: readonly number[]; compiled: CompiledMember[] }>();
const revenueCache = new WeakMap<Plan['revenues'][number], { years: readonly number[]; compiled: CompiledRevenue }>();

function compileRevenue(r: Plan['revenues'][number], years: readonly number[]): CompiledRevenue {
  const hit = revenueCache.get(r);
  if (hit && hit.years === years) return hit.compiled;
  const compiled: CompiledRevenue = {
    id: r.id,
    name: r.name,
    kind: r.kind,
    project: r.project,
    amounts: yearly(r.amounts, years),
  };
  revenueCache.set(r, { years, compiled });
  return compiled;
}

/** The last plans compiled, most recent first: an edited plan is compiled from the one it was edited from. */
const recentPlans: CompiledPlan[] = [];
const RECENT_PLANS = 4;

/**
 * Compiles an edited plan from an earlier compiled version with the same years, assumptions and
 * number of cost lines: unchanged line objects keep their compiled lines and, when no line moved
 * or changed its id, the id index is the earlier one (no map is rebuilt for a one-cell edit).
 */
function compileFrom(plan: Plan, prev: CompiledPlan): CompiledPlan {
  const before = prev.plan.costs;
  const costs = new Array<CompiledCost>(plan.costs.length);
  let sameIds = true;
  for (let j = 0; j < costs.length; j++) {
    const line = plan.costs[j] as CostLine;
    if (line === before[j]) costs[j] = prev.costs[j] as CompiledCost;
    else {
      const compiled = compileCostLine(line, plan);
      costs[j] = compiled;
      if (compiled.id !== prev.costs[j]?.id) sameIds = false;
    }
  }
  const memberHit = memberCache.get(plan.members);
  const members =
    plan.members === prev.plan.members
      ? prev.members
      : memberHit && memberHit.years === plan.years
        ? memberHit.compiled
        : compileMembers(plan);
  memberCache.set(plan.members, { years: plan.years, compiled: members });
  return {
    plan,
    years: plan.years,
    openingEquity: kr(plan.openingEquity),
    openingEquityStated: plan.openingEquity !== undefined,
    members,
    projects:
      plan.esfProjects === prev.plan.esfProjects ? prev.projects : new Map(plan.esfProjects.map((p) => [p.id, p])),
    revenues:
      plan.revenues === prev.plan.revenues ? prev.revenues : plan.revenues.map((r) => compileRevenue(r, plan.years)),
    costs,
    costIndex: sameIds ? prev.costIndex : new Map(costs.map((c, i) => [c.id, i])),
    memberIndex: members === prev.members ? prev.memberIndex : new Map(members.map((m, i) => [m.id, i])),
    assumptions: prev.assumptions,
    thresholds:
      plan.thresholds === prev.plan.thresholds
        ? prev.thresholds
        : {
            equityCap: rt(plan.thresholds.equityCap),
            adminMin: rt(plan.thresholds.adminShare.min),
            adminMax: rt(plan.thresholds.adminShare.max),
          },
  };
}

/** Converts a validated plan to exact öre arrays. Cached per plan object; cost lines per line object. */
export function compilePlan(plan: Plan): CompiledPlan {
  const hit = planCache.get(plan);
  if (hit) return hit;
  const prev = recentPlans.find(
    (c) =>
      c.plan.years === plan.years &&
      c.plan.assumptions === plan.assumptions &&
      c.plan.costs.length === plan.costs.length,
  );
  const compiled = prev ? compileFrom(plan, prev) : compileFresh(plan);
  planCache.set(plan, compiled);
  recentPlans.unshift(compiled);
  if (recentPlans.length > RECENT_PLANS) recentPlans.pop();
  return compiled;
}

/** Compiles every part of a plan (each line still through its own cache). */
function compileFresh(plan: Plan): CompiledPlan {
  const years = plan.years;
  const costs = plan.costs.map((line) => compileCostLine(line, plan));
  const memberHit = memberCache.get(plan.members);
  const members = memberHit && memberHit.years === years ? memberHit.compiled : compileMembers(plan);
  memberCache.set(plan.members, { years, compiled: members });
  const compiled: CompiledPlan = {
    plan,
    years,
    openingEquity: kr(plan.openingEquity),
    openingEquityStated: plan.openingEquity !== undefined,
    members,
    projects: new Map(plan.esfProjects.map((p) => [p.id, p])),
    revenues: plan.revenues.map((r) => compileRevenue(r, years)),
    costs,
    costIndex: new Map(costs.map((c, i) => [c.id, i])),
    memberIndex: new Map(members.map((m, i) => [m.id, i])),
    assumptions: {
      utilization: rt(plan.assumptions.utilization),
      indexation: rt(plan.assumptions.indexation),
      employerAddOn: rt(plan.assumptions.employerAddOn),
    },
    thresholds: {
      equityCap: rt(plan.thresholds.equityCap),
      adminMin: rt(plan.thresholds.adminShare.min),
      adminMax: rt(plan.thresholds.adminShare.max),
    },
  };
  return compiled;
}
