import {
  type CostCategory,
  type Plan,
  type PlanInput,
  parsePlan,
  type Scenario,
  type ScenarioInput,
} from '../src/index.ts';

/** The plan years every generated plan covers. */
export const BENCH_YEARS = [2025, 2026, 2027, 2028, 2029] as const;

/** Ids of the four benchmark scenarios, in the order `benchScenarios` returns them. */
export const SCENARIO_IDS = ['staten-10', 'esf-avslag', 'nyttjande-90', 'kombination'] as const;

/** A generated plan: the JSON as a user would save it, the parsed plan and the ids the bench edits. */
export interface GeneratedPlan {
  /** Plain JSON data (decimal strings in kronor), ready for `parsePlan`. */
  json: PlanInput;
  /** `json` parsed and validated. */
  plan: Plan;
  /** The four benchmark scenarios, as parsed into `plan.scenarios`. */
  scenarios: Scenario[];
  /** A non-project individual `yearly` cost line the bench edits (not the scaled one). */
  editLineId: string;
  /** The cost line the "Kombination" scenario scales to 80 %. */
  scaledLineId: string;
  /** The ESF project with status `approved` (the one "ESF avslag" rejects). */
  approvedProjectId: string;
}

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The four benchmark scenarios for a plan: state cut, ESF rejection, utilization and a combination. */
export function benchScenarios(approvedProjectId: string, scaledLineId: string): ScenarioInput[] {
  return [
    {
      id: 'staten-10',
      name: 'Staten −10 %',
      changes: [{ type: 'state-allocation', fromYear: 2026, rate: '-0.1', matching: true }],
    },
    {
      id: 'esf-avslag',
      name: 'ESF avslag',
      changes: [{ type: 'esf-decision', project: approvedProjectId, decision: 'rejected' }],
    },
    { id: 'nyttjande-90', name: 'Nyttjande 90 %', changes: [{ type: 'utilization', rate: '0.9' }] },
    {
      id: 'kombination',
      name: 'Kombination',
      basedOn: 'staten-10',
      changes: [{ type: 'insats-scale', line: scaledLineId, share: '0.8' }],
    },
  ];
}

const CATEGORY_SHARES: readonly [CostCategory, number][] = [
  ['individual', 0.65],
  ['structural', 0.15],
  ['administration', 0.12],
  ['unallocated', 0.08],
];

/** Splits `total` into whole counts proportional to `shares` (largest remainder). */
function quota(total: number, shares: readonly number[]): number[] {
  const raw = shares.map((s) => s * total);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, r: r - Math.floor(r) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const kronorText = (kr: number) => String(Math.round(kr));

/** Yearly amounts keyed by year (absent years are zero), in whole kronor. */
type Yearly = Record<string, string>;

interface LineDraft {
  category: CostCategory;
  project: string | undefined;
  type: 'yearly' | 'period' | 'staff';
}

/**
 * Generates a realistic, deterministic plan with `lineCount` cost lines over 2025–2029: one state
 * member, one region and three kommuner with explicit amounts (region + kommuner = state), two ESF
 * projects (one approved, one applied) with an ESF revenue line and a few project-bound cost lines
 * each, one other-income line, cost lines spread over the four categories and the three amount
 * types, member revenue sized so the plan runs a modest deficit, and the four benchmark scenarios.
 * Throws if the result does not pass `parsePlan`.
 */
export function generatePlan(lineCount: number, seed: number): GeneratedPlan {
  if (!Number.isInteger(lineCount) || lineCount < 8) throw new RangeError('generatePlan needs at least 8 cost lines');
  const random = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const logBetween = (lo: number, hi: number) => Math.exp(between(Math.log(lo), Math.log(hi)));
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  };
  const years = [...BENCH_YEARS];

  // Categories by quota, shuffled; then project lines, then amount types, by quota too.
  const counts = quota(
    lineCount,
    CATEGORY_SHARES.map(([, s]) => s),
  );
  const drafts: LineDraft[] = shuffle(
    CATEGORY_SHARES.flatMap(([category], k) =>
      Array.from({ length: counts[k] ?? 0 }, () => ({ category, project: undefined, type: 'yearly' as const })),
    ),
  );
  const perProject = Math.max(1, Math.min(4, Math.floor(lineCount / 20)));
  const projectIds = ['esf-vagen-in', 'esf-steg-for-steg'];
  const candidates = drafts.filter((d) => d.category === 'individual' || d.category === 'structural');
  projectIds.forEach((id, p) => {
    for (let k = 0; k < perProject; k++) {
      const d = candidates[p * perProject + k];
      if (d) d.project = id;
    }
  });
  // Staff and period lines among the free insatser; the first kansli line stays yearly and no
  // kansli line is a time-limited grant (period).
  const firstAdmin = drafts.find((d) => d.category === 'administration');
  const free = shuffle(
    drafts.filter((d) => d.project === undefined && d.category !== 'unallocated' && d !== firstAdmin),
  );
  const staffCount = Math.max(1, Math.round(lineCount * 0.05));
  const periodCount = Math.max(1, Math.round(lineCount * 0.1));
  for (const d of free.slice(0, staffCount)) d.type = 'staff';
  for (const d of free
    .slice(staffCount)
    .filter((d) => d.category !== 'administration')
    .slice(0, periodCount)) {
    d.type = 'period';
  }

  // ESF projects: the approved one runs 2025–2027, the applied one would run 2026–2028.
  const projectYears: Record<string, readonly number[]> = {
    'esf-vagen-in': [2025, 2026, 2027],
    'esf-steg-for-steg': [2026, 2027, 2028],
  };
  const projectCost: Record<string, number[]> = {
    'esf-vagen-in': [0, 0, 0, 0, 0],
    'esf-steg-for-steg': [0, 0, 0, 0, 0],
  };
  /** Base-plan cost per year in kronor (the applied project left out), to size member revenue. */
  const baseCost = [0, 0, 0, 0, 0];
  /** Base-plan administration cost per year from staff lines; kansli yearly lines are sized last. */
  const adminFixed = [0, 0, 0, 0, 0];
  const kansli: { amounts: Yearly; weights: number[] }[] = [];

  const costs: NonNullable<PlanInput['costs']> = drafts.map((d, i) => {
    const id = `c${String(i + 1).padStart(4, '0')}`;
    const label = {
      individual: 'Insats',
      structural: 'Strukturinsats',
      administration: 'Kansli',
      unallocated: 'Ej fördelat',
    }[d.category];
    const name = `${label} ${i + 1}`;
    let perYear: number[];
    let amount: NonNullable<PlanInput['costs']>[number]['amount'];
    if (d.type === 'period') {
      const monthly = int(5_000, 250_000);
      const startYear = int(2024, 2027);
      const startMonth = int(1, 12);
      const months = int(12, 36);
      const first = startYear * 12 + startMonth - 1;
      const last = first + months - 1;
      const endYear = Math.floor(last / 12);
      const endMonth = (last % 12) + 1;
      amount = {
        type: 'period',
        start: `${startYear}-${pad2(startMonth)}-01`,
        end: `${endYear}-${pad2(endMonth)}-${pad2(lastDay(endYear, endMonth))}`,
        total: kronorText(monthly * months),
      };
      perYear = years.map((y) => monthly * Math.max(0, Math.min(last, y * 12 + 11) - Math.max(first, y * 12) + 1));
    } else if (d.type === 'staff') {
      const fte = ['0.25', '0.5', '0.75', '1', '0.4', '0.8'][int(0, 5)] as string;
      const monthlySalary = int(34_000, 62_000);
      const startsLater = random() < 0.3;
      const startYear = startsLater ? int(2026, 2028) : 2025;
      const startMonth = startsLater ? int(1, 12) : 1;
      amount = {
        type: 'staff',
        fte,
        monthlySalary: kronorText(monthlySalary),
        ...(startsLater ? { start: `${startYear}-${pad2(startMonth)}-01` } : {}),
      };
      perYear = years.map((y, k) => {
        const months = y < startYear ? 0 : y === startYear ? 13 - startMonth : 12;
        return Number(fte) * monthlySalary * months * 1.32 * 1.02 ** k;
      });
    } else if (d.category === 'administration') {
      // Kansli runs every year; its amounts are sized below, once the rest of the plan is known.
      let level = logBetween(200_000, 1_200_000);
      const line = { amounts: {} as Yearly, weights: years.map(() => (level *= between(0.99, 1.05))) };
      kansli.push(line);
      amount = { type: 'yearly', amounts: line.amounts };
      perYear = years.map(() => 0);
    } else {
      const runs = d.project ? (projectYears[d.project] as readonly number[]) : undefined;
      const partial = !runs && random() < 0.2;
      const from = partial ? int(2025, 2028) : 2025;
      const to = partial ? int(from + 1, 2029) : 2029;
      let level = logBetween(50_000, 2_500_000);
      const amounts: Yearly = {};
      perYear = years.map((y) => {
        level *= between(0.99, 1.05);
        const active = runs ? runs.includes(y) : y >= from && y <= to;
        const kr = active ? Math.min(3_000_000, Math.max(50_000, Math.round(level))) : 0;
        if (active) amounts[String(y)] = kronorText(kr);
        return kr;
      });
      amount = { type: 'yearly', amounts };
    }
    perYear.forEach((kr, k) => {
      if (d.category === 'administration') adminFixed[k] = (adminFixed[k] ?? 0) + kr;
      const cost = d.project ? projectCost[d.project] : undefined;
      if (cost) cost[k] = (cost[k] ?? 0) + kr;
      if (d.project !== 'esf-steg-for-steg') baseCost[k] = (baseCost[k] ?? 0) + kr;
    });
    return { id, name, category: d.category, ...(d.project ? { project: d.project } : {}), amount };
  });

  // Kansli sized so administration is 10–12.5 % of the base plan's cost every year (the band is 0–15 %).
  years.forEach((y, k) => {
    const share = between(0.1, 0.125);
    const other = (baseCost[k] ?? 0) - (adminFixed[k] ?? 0);
    const target = Math.max(0, (share * other) / (1 - share) - (adminFixed[k] ?? 0));
    const weight = kansli.reduce((sum, line) => sum + (line.weights[k] ?? 0), 0);
    for (const line of kansli) {
      const kr = Math.min(3_000_000, Math.max(50_000, Math.round((target * (line.weights[k] ?? 0)) / weight)));
      line.amounts[String(y)] = kronorText(kr);
      baseCost[k] = (baseCost[k] ?? 0) + kr;
    }
  });

  // ESF pays about 80 % of each project's costs; one other-income line.
  const esfRevenue = (project: string): Yearly => {
    const out: Yearly = {};
    (projectCost[project] as number[]).forEach((kr, k) => {
      if (kr > 0) out[String(years[k])] = kronorText(kr * 0.8);
    });
    return out;
  };
  const otherIncome = years.map(() => int(50_000, 300_000));
  const approvedEsf = (projectCost['esf-vagen-in'] as number[]).map((kr) => Math.round(kr * 0.8));

  // Member revenue: what the base plan costs, less ESF and income, less a modest deficit (~2.5 %).
  const state: number[] = [];
  const region: number[] = [];
  const kommuner: number[][] = [[], [], []];
  const population = [143_000, 14_600, 8_200];
  const popTotal = population.reduce((a, b) => a + b, 0);
  years.forEach((_, k) => {
    const members = (baseCost[k] ?? 0) * 0.975 - (approvedEsf[k] ?? 0) - (otherIncome[k] ?? 0);
    const s = Math.max(2, 2 * Math.round(members / 4));
    state.push(s);
    const r = s / 2;
    region.push(r);
    let left = s - r;
    population.forEach((p, j) => {
      const part = j === population.length - 1 ? left : Math.round(((s - r) * p) / popTotal);
      (kommuner[j] as number[]).push(part);
      left -= part;
    });
  });
  const byYear = (values: readonly number[]): Yearly =>
    Object.fromEntries(years.map((y, k) => [String(y), kronorText(values[k] ?? 0)]));

  const individualFree = costs.filter(
    (c) => c.category === 'individual' && c.project === undefined && c.amount.type === 'yearly',
  );
  const scaledLineId = individualFree[0]?.id;
  const editLineId = individualFree.at(-1)?.id;
  if (!scaledLineId || !editLineId || scaledLineId === editLineId) throw new Error('generatePlan: too few insatser');
  const approvedProjectId = 'esf-vagen-in';

  const json: PlanInput = {
    version: 1,
    name: `Samordningsförbundet Benchmark (${lineCount} rader, seed ${seed})`,
    years,
    openingEquity: kronorText((baseCost[0] ?? 0) * 0.18),
    members: [
      { id: 'staten', name: 'Försäkringskassan och Arbetsförmedlingen', group: 'state', amounts: byYear(state) },
      { id: 'region', name: 'Region Östergötland', group: 'region', amounts: byYear(region) },
      ...['Norrköping', 'Söderköping', 'Valdemarsvik'].map((name, j) => ({
        id: `kommun-${name.toLowerCase().replace('ö', 'o')}`,
        name: `${name}s kommun`,
        group: 'kommun' as const,
        population: population[j],
        amounts: byYear(kommuner[j] as number[]),
      })),
    ],
    esfProjects: [
      { id: 'esf-vagen-in', name: 'Vägen in', status: 'approved' },
      { id: 'esf-steg-for-steg', name: 'Steg för steg', status: 'applied' },
    ],
    revenues: [
      {
        id: 'esf-vagen-in-intakt',
        kind: 'esf',
        name: 'ESF-stöd Vägen in',
        project: 'esf-vagen-in',
        amounts: esfRevenue('esf-vagen-in'),
      },
      {
        id: 'esf-steg-for-steg-intakt',
        kind: 'esf',
        name: 'ESF-stöd Steg för steg',
        project: 'esf-steg-for-steg',
        amounts: esfRevenue('esf-steg-for-steg'),
      },
      { id: 'ovriga-intakter', kind: 'income', name: 'Övriga intäkter', amounts: byYear(otherIncome) },
    ],
    costs,
    assumptions: { utilization: '1', indexation: '0.02', employerAddOn: '0.32' },
    scenarios: benchScenarios(approvedProjectId, scaledLineId),
  };
  const parsed = parsePlan(json);
  if (!parsed.ok) {
    throw new Error(`generatePlan produced an invalid plan: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  }
  return {
    json,
    plan: parsed.value,
    scenarios: parsed.value.scenarios,
    editLineId,
    scaledLineId,
    approvedProjectId,
  };
}
