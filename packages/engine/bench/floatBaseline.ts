import type { Change, CostCategory, Plan, Projection } from '../src/index.ts';

/**
 * The plain float64 version of the projection loop: the speed limit for JavaScript. Amounts are
 * kronor in Float64Arrays (line-major: `[line * yearCount + year]`), converted from the plan once,
 * outside any timed region. No exactness, no objects in the loop, no allocation per projection.
 */
export interface FloatPlan {
  years: readonly number[];
  yearCount: number;
  openingEquity: number;
  memberCount: number;
  memberAmounts: Float64Array;
  /** 1 for the state member(s). */
  memberIsState: Uint8Array;
  revenueCount: number;
  revenueAmounts: Float64Array;
  /** Project index of each revenue line, -1 for none. */
  revenueProject: Int32Array;
  /** 1 for ESF lines, 0 for other income. */
  revenueIsEsf: Uint8Array;
  costCount: number;
  costIds: readonly string[];
  costIndex: ReadonlyMap<string, number>;
  costAmounts: Float64Array;
  /** Index into `CATEGORIES`. */
  costCategory: Uint8Array;
  /** Project index of each cost line, -1 for none. */
  costProject: Int32Array;
  /** The line's own utilization, NaN when it follows the plan's. */
  costUtilization: Float64Array;
  projectIds: readonly string[];
  /** 1 when the project's base status is `approved` (it runs in the base plan). */
  projectApproved: Uint8Array;
  utilization: number;
  equityCap: number;
  adminMin: number;
  adminMax: number;
}

/** A scenario as float factors, built once from its resolved changes. */
export interface FloatScenario {
  utilization: number;
  /** Per cost line, NaN when there is no line-level utilization change. */
  lineUtilization: Float64Array;
  /** Per project: 1 when it runs. */
  projectRuns: Uint8Array;
  /** Per year: factor on the state members' contributions. */
  stateFactor: Float64Array;
  /** Per year: factor on the other members (the matching rule). */
  followerFactor: Float64Array;
  /** Per cost line: insats-scale share, applied from `scaleFrom` (a year index). */
  scale: Float64Array;
  scaleFrom: Int32Array;
}

/** The output of one float projection, preallocated and reused. Kronor per year. */
export interface FloatProjection {
  members: Float64Array;
  esf: Float64Array;
  income: Float64Array;
  revenue: Float64Array;
  /** `[year * 4 + category]`. */
  byCategory: Float64Array;
  costs: Float64Array;
  result: Float64Array;
  opening: Float64Array;
  closing: Float64Array;
  negativeEquity: Uint8Array;
  equityCap: Uint8Array;
  adminShare: Uint8Array;
}

export const CATEGORIES: readonly CostCategory[] = ['individual', 'structural', 'administration', 'unallocated'];

const money = (text: string | undefined): number => (text === undefined ? 0 : Math.round(Number(text) * 100) / 100);
const monthOf = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const overlap = (first: number, last: number, year: number): number =>
  Math.max(0, Math.min(last, year * 12 + 11) - Math.max(first, year * 12) + 1);

/**
 * Converts a validated plan to float arrays, independently of the engine's compiler (so the
 * cross-check checks compilation too). Period lines are spread pro rata by month and staff lines
 * costed as FTE × salary × months × (1 + PO) × (1 + indexation)^years, each rounded to öre once.
 * Supports explicit member amounts only.
 */
export function toFloatPlan(plan: Plan): FloatPlan {
  const years = plan.years;
  const Y = years.length;
  const first = (years[0] ?? 0) * 12;
  const last = (years.at(-1) ?? 0) * 12 + 11;
  const projectIds = plan.esfProjects.map((p) => p.id);
  const projectIndex = (id: string | undefined) => (id === undefined ? -1 : projectIds.indexOf(id));
  const indexation = Number(plan.assumptions.indexation);
  const employerAddOn = Number(plan.assumptions.employerAddOn);

  const memberAmounts = new Float64Array(plan.members.length * Y);
  plan.members.forEach((m, i) => {
    if (!m.amounts) throw new Error(`toFloatPlan: member ${m.id} has no explicit amounts`);
    years.forEach((y, k) => {
      memberAmounts[i * Y + k] = money(m.amounts?.[String(y)]);
    });
  });
  const revenueAmounts = new Float64Array(plan.revenues.length * Y);
  plan.revenues.forEach((r, i) => {
    years.forEach((y, k) => {
      revenueAmounts[i * Y + k] = money(r.amounts[String(y)]);
    });
  });
  const costAmounts = new Float64Array(plan.costs.length * Y);
  plan.costs.forEach((c, i) => {
    const a = c.amount;
    years.forEach((y, k) => {
      let value: number;
      if (a.type === 'yearly') value = money(a.amounts[String(y)]);
      else if (a.type === 'period') {
        const from = monthOf(a.start);
        const to = monthOf(a.end);
        value = (Number(a.total) * overlap(from, to, y)) / (to - from + 1);
      } else {
        const months = overlap(a.start ? monthOf(a.start) : first, a.end ? monthOf(a.end) : last, y);
        const po = a.employerAddOn === undefined ? employerAddOn : Number(a.employerAddOn);
        const steps = a.indexed ? y - (a.salaryYear ?? years[0] ?? y) : 0;
        value = Number(a.fte) * Number(a.monthlySalary) * months * (1 + po) * (1 + indexation) ** steps;
      }
      costAmounts[i * Y + k] = Math.round(value * 100) / 100;
    });
  });

  return {
    years,
    yearCount: Y,
    openingEquity: money(plan.openingEquity),
    memberCount: plan.members.length,
    memberAmounts,
    memberIsState: Uint8Array.from(plan.members, (m) => (m.group === 'state' ? 1 : 0)),
    revenueCount: plan.revenues.length,
    revenueAmounts,
    revenueProject: Int32Array.from(plan.revenues, (r) => projectIndex(r.project)),
    revenueIsEsf: Uint8Array.from(plan.revenues, (r) => (r.kind === 'esf' ? 1 : 0)),
    costCount: plan.costs.length,
    costIds: plan.costs.map((c) => c.id),
    costIndex: new Map(plan.costs.map((c, i) => [c.id, i])),
    costAmounts,
    costCategory: Uint8Array.from(plan.costs, (c) => CATEGORIES.indexOf(c.category)),
    costProject: Int32Array.from(plan.costs, (c) => projectIndex(c.project)),
    costUtilization: Float64Array.from(plan.costs, (c) =>
      c.utilization === undefined ? Number.NaN : Number(c.utilization),
    ),
    projectIds,
    projectApproved: Uint8Array.from(plan.esfProjects, (p) => (p.status === 'approved' ? 1 : 0)),
    utilization: Number(plan.assumptions.utilization),
    equityCap: Number(plan.thresholds.equityCap),
    adminMin: Number(plan.thresholds.adminShare.min),
    adminMax: Number(plan.thresholds.adminShare.max),
  };
}

/**
 * Turns resolved scenario changes (parents first) into float factors. Supports the changes the
 * benchmark uses: state-allocation by rate, esf-decision without share or kept lines,
 * utilization and insats-scale. Throws on anything else.
 */
export function toFloatScenario(fp: FloatPlan, changes: readonly Change[]): FloatScenario {
  const Y = fp.yearCount;
  const fs: FloatScenario = {
    utilization: fp.utilization,
    lineUtilization: new Float64Array(fp.costCount).fill(Number.NaN),
    projectRuns: fp.projectApproved.slice(),
    stateFactor: new Float64Array(Y).fill(1),
    followerFactor: new Float64Array(Y).fill(1),
    scale: new Float64Array(fp.costCount).fill(1),
    scaleFrom: new Int32Array(fp.costCount),
  };
  const from = (year: number | undefined) => Math.max(0, (year ?? fp.years[0] ?? 0) - (fp.years[0] ?? 0));
  const line = (id: string) => {
    const j = fp.costIndex.get(id);
    if (j === undefined) throw new Error(`toFloatScenario: unknown line ${id}`);
    return j;
  };
  for (const c of changes) {
    switch (c.type) {
      case 'state-allocation': {
        if (c.rate === undefined) throw new Error('toFloatScenario: state-allocation by amount is not supported');
        const factor = 1 + Number(c.rate);
        for (let y = from(c.fromYear); y < Y; y++) {
          fs.stateFactor[y] = (fs.stateFactor[y] ?? 1) * factor;
          if (c.matching) fs.followerFactor[y] = (fs.followerFactor[y] ?? 1) * factor;
        }
        break;
      }
      case 'esf-decision':
        if (c.share !== undefined || c.keepLines.length) throw new Error('toFloatScenario: ESF share/keepLines');
        fs.projectRuns[fp.projectIds.indexOf(c.project)] = c.decision === 'approved' ? 1 : 0;
        break;
      case 'utilization':
        if (c.line === undefined) fs.utilization = Number(c.rate);
        else fs.lineUtilization[line(c.line)] = Number(c.rate);
        break;
      case 'insats-scale': {
        const j = line(c.line);
        if (fs.scale[j] !== 1 && fs.scaleFrom[j] !== from(c.fromYear)) throw new Error('toFloatScenario: mixed scales');
        fs.scale[j] = (fs.scale[j] ?? 1) * Number(c.share);
        fs.scaleFrom[j] = from(c.fromYear);
        break;
      }
      default:
        throw new Error(`toFloatScenario: ${c.type} is not supported`);
    }
  }
  return fs;
}

/** Allocates the output arrays of a float projection once. */
export function createFloatProjection(yearCount: number): FloatProjection {
  const f = () => new Float64Array(yearCount);
  const u = () => new Uint8Array(yearCount);
  return {
    members: f(),
    esf: f(),
    income: f(),
    revenue: f(),
    byCategory: new Float64Array(yearCount * 4),
    costs: f(),
    result: f(),
    opening: f(),
    closing: f(),
    negativeEquity: u(),
    equityCap: u(),
    adminShare: u(),
  };
}

/**
 * The float projection loop: per line and year, the scenario factors (matching state cut on the
 * members; ESF rejection zeroing revenue and project costs; utilization on individual and
 * structural lines; insats-scale), the sums by source and category, result, the equity
 * roll-forward and the three rule checks. Writes `out`; returns the number of findings.
 */
export function projectFloat(fp: FloatPlan, fs: FloatScenario, out: FloatProjection): number {
  const Y = fp.yearCount;
  const { members, esf, income, byCategory } = out;
  members.fill(0);
  esf.fill(0);
  income.fill(0);
  byCategory.fill(0);

  const ma = fp.memberAmounts;
  for (let m = 0; m < fp.memberCount; m++) {
    const factor = fp.memberIsState[m] === 1 ? fs.stateFactor : fs.followerFactor;
    const base = m * Y;
    for (let y = 0; y < Y; y++) members[y] = (members[y] as number) + (ma[base + y] as number) * (factor[y] as number);
  }

  const ra = fp.revenueAmounts;
  for (let r = 0; r < fp.revenueCount; r++) {
    const p = fp.revenueProject[r] as number;
    if (p >= 0 && fs.projectRuns[p] === 0) continue;
    const target = fp.revenueIsEsf[r] === 1 ? esf : income;
    const base = r * Y;
    for (let y = 0; y < Y; y++) target[y] = (target[y] as number) + (ra[base + y] as number);
  }

  const ca = fp.costAmounts;
  for (let j = 0; j < fp.costCount; j++) {
    const p = fp.costProject[j] as number;
    if (p >= 0 && fs.projectRuns[p] === 0) continue;
    const cat = fp.costCategory[j] as number;
    let u = fs.lineUtilization[j] as number;
    if (Number.isNaN(u)) u = fp.costUtilization[j] as number;
    if (Number.isNaN(u)) u = cat < 2 ? fs.utilization : 1;
    const share = fs.scale[j] as number;
    const scaleFrom = fs.scaleFrom[j] as number;
    const base = j * Y;
    for (let y = 0; y < Y; y++) {
      const k = y * 4 + cat;
      byCategory[k] = (byCategory[k] as number) + (ca[base + y] as number) * u * (y >= scaleFrom ? share : 1);
    }
  }

  let opening = fp.openingEquity;
  let findings = 0;
  for (let y = 0; y < Y; y++) {
    const revenue = (members[y] as number) + (esf[y] as number) + (income[y] as number);
    const admin = byCategory[y * 4 + 2] as number;
    const costs =
      (byCategory[y * 4] as number) + (byCategory[y * 4 + 1] as number) + admin + (byCategory[y * 4 + 3] as number);
    const result = revenue - costs;
    const closing = opening + result;
    out.revenue[y] = revenue;
    out.costs[y] = costs;
    out.result[y] = result;
    out.opening[y] = opening;
    out.closing[y] = closing;
    const negative = closing < 0 ? 1 : 0;
    const cap = revenue > 0 && closing > fp.equityCap * revenue ? 1 : 0;
    const share = costs !== 0 ? admin / costs : Number.NaN;
    const band = share > fp.adminMax || (fp.adminMin > 0 && share < fp.adminMin) ? 1 : 0;
    out.negativeEquity[y] = negative;
    out.equityCap[y] = cap;
    out.adminShare[y] = band;
    findings += negative + cap + band;
    opening = closing;
  }
  return findings;
}

/** How a float projection compares with the engine's: the largest difference and rule mismatches. */
export interface FloatComparison {
  /** Largest absolute difference over every compared figure and year, in öre. */
  maxDiffOre: number;
  /** Where the largest difference is. */
  where: string;
  /** Rule findings that differ, as `rule year (engine|float)`. */
  ruleMismatches: string[];
}

/** Compares a float projection with the engine's projection of the same plan and scenario (not timed). */
export function compareWithEngine(out: FloatProjection, projection: Projection): FloatComparison {
  let maxDiffOre = 0;
  let where = '';
  const ruleMismatches: string[] = [];
  const check = (label: string, float: number, exact: number) => {
    const diff = Math.abs(float * 100 - exact);
    if (diff > maxDiffOre || Number.isNaN(diff)) {
      maxDiffOre = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff;
      where = label;
    }
  };
  projection.rows.forEach((row, y) => {
    const at = (name: string) => `${name} ${row.year}`;
    check(at('members'), out.members[y] as number, row.revenueBySource.members);
    check(at('esf'), out.esf[y] as number, row.revenueBySource.esf);
    check(at('income'), out.income[y] as number, row.revenueBySource.income);
    check(at('revenue'), out.revenue[y] as number, row.revenue);
    CATEGORIES.forEach((c, k) => {
      check(at(c), out.byCategory[y * 4 + k] as number, row.costsByCategory[c]);
    });
    check(at('costs'), out.costs[y] as number, row.costs);
    check(at('result'), out.result[y] as number, row.result);
    check(at('opening'), out.opening[y] as number, row.openingEquity);
    check(at('closing'), out.closing[y] as number, row.closingEquity);
    const rules = [
      ['negative-equity', out.negativeEquity],
      ['equity-cap', out.equityCap],
      ['admin-share', out.adminShare],
    ] as const;
    for (const [rule, flags] of rules) {
      const engine = projection.findings.some((f) => f.rule === rule && f.year === row.year);
      if (engine !== (flags[y] === 1)) ruleMismatches.push(`${rule} ${row.year} (${engine ? 'engine' : 'float'})`);
    }
  });
  return { maxDiffOre, where, ruleMismatches };
}
