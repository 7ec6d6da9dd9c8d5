import {
  type CostCategory,
  type Member,
  type Plan,
  type PlanInput,
  parsePlan,
  type StatedFigure,
} from '@samplan/engine';
import fc from 'fast-check';

// Random valid plans for the budget table's round trips: 1–10 years, every kind of row, amounts in
// kronor with öre, optional opening equity, stated figures of every kind the table writes (signs,
// lines, quotes, ESF assumptions). Names use only characters Windows-1252 has (so every encoding
// variant can hold them), include the separators and quotes, and are as the table keeps them:
// trimmed, one line, not starting with `#` or `!`. The engine exports no plan arbitrary; this
// follows plan-doc's test/planArbitrary.ts.

type CostInput = NonNullable<PlanInput['costs']>[number];
type StatedInput = NonNullable<PlanInput['stated']>[number];

/** Kronor as a decimal string from öre: 12345 → "123.45". */
export const kr = (ore: number): string => {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}` : ''}`;
};
const amount = (max = 10_000_000_000) => fc.integer({ min: 0, max }).map(kr);

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ0123456789';
const INNER = `${LETTERS}  ,;"'–-()&/.:%`;
/** A name as a budget table keeps it. */
export const arbName = fc
  .tuple(fc.constantFrom(...LETTERS), fc.string({ unit: fc.constantFrom(...INNER), maxLength: 14 }))
  .map(([first, rest]) => `${first}${rest}`.replace(/\s+/g, ' ').trim());

const rate = fc.constantFrom('0.5', '0.8', '0.9', '0.95', '1');

const iso = (year: number, month: number, last: boolean) => {
  const day = last ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Amounts for some of the plan's years (at least one with `filled`). */
const yearAmounts = (years: readonly number[], filled = false) =>
  fc
    .tuple(...years.map(() => fc.option(amount(), { nil: undefined })))
    .map((values) =>
      Object.fromEntries(years.flatMap((y, i) => (values[i] === undefined ? [] : [[String(y), values[i]]]))),
    )
    .filter((amounts) => !filled || Object.keys(amounts).length > 0);

/** A cost line's amount of any of the three types, within the plan's years. */
const arbCostAmount = (years: readonly number[]): fc.Arbitrary<CostInput['amount']> => {
  const y0 = years[0] as number;
  const yN = years.at(-1) as number;
  const month = fc.record({ year: fc.integer({ min: y0, max: yN }), month: fc.integer({ min: 1, max: 12 }) });
  const period = fc.tuple(month, month).map(([a, b]) => {
    const [s, e] = a.year * 12 + a.month <= b.year * 12 + b.month ? [a, b] : [b, a];
    return { start: iso(s.year, s.month, false), end: iso(e.year, e.month, true) };
  });
  return fc.oneof(
    yearAmounts(years).map((amounts) => ({ type: 'yearly' as const, amounts })),
    fc
      .record({ p: period, total: amount(50_000_000_000) })
      .map(({ p, total }) => ({ type: 'period' as const, ...p, total })),
    fc
      .record({
        fte: fc.constantFrom('0.25', '0.5', '1', '1.5'),
        monthlySalary: fc.integer({ min: 2_000_000, max: 8_000_000 }).map(kr),
        salaryYear: fc.option(fc.constantFrom(...years), { nil: undefined }),
        employerAddOn: fc.option(fc.constantFrom('0.3142', '0.35'), { nil: undefined }),
        indexed: fc.boolean(),
        p: fc.option(period, { nil: undefined }),
      })
      .map(({ p, salaryYear, employerAddOn, ...rest }) => ({
        type: 'staff' as const,
        ...rest,
        ...(salaryYear === undefined ? {} : { salaryYear }),
        ...(employerAddOn === undefined ? {} : { employerAddOn }),
        ...(p ?? {}),
      })),
  );
};

const AMOUNT_FIGURES: StatedFigure[] = [
  'revenue',
  'costs',
  'result',
  'closing-equity',
  'opening-equity',
  'member-revenue',
  'esf-revenue',
  'other-revenue',
  'cost-administration',
  'cost-operations',
  'lines',
];
const SHARE_FIGURES: StatedFigure[] = ['share-administration', 'share-member-state', 'share-lines'];

const parsed = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(`generated an invalid plan: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.value;
};

/** A random valid plan, as a budget table can hold it. */
export const arbTablePlan: fc.Arbitrary<Plan> = fc
  .record({ y0: fc.integer({ min: 2018, max: 2030 }), n: fc.integer({ min: 1, max: 10 }) })
  .map(({ y0, n }) => Array.from({ length: n }, (_, i) => y0 + i))
  .chain((years) =>
    fc.record({
      years: fc.constant(years),
      name: arbName,
      openingEquity: fc.option(fc.integer({ min: -500_000_000, max: 5_000_000_000 }).map(kr), {
        nil: undefined,
        freq: 4,
      }),
      state: yearAmounts(years, true),
      followers: fc.array(
        fc.record({
          group: fc.constantFrom('region' as const, 'kommun' as const),
          name: arbName,
          population: fc.integer({ min: 1, max: 1_000_000 }),
          amounts: fc.option(yearAmounts(years, true), { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
      projects: fc.array(fc.record({ name: arbName, status: fc.constantFrom('approved', 'applied' as const) }), {
        maxLength: 2,
      }),
      revenues: fc.array(fc.record({ esf: fc.boolean(), name: arbName, amounts: yearAmounts(years), p: fc.nat() }), {
        maxLength: 3,
      }),
      costs: fc.array(
        fc.record({
          name: arbName,
          category: fc.constantFrom<CostCategory>('individual', 'structural', 'administration', 'unallocated'),
          amount: arbCostAmount(years),
          utilization: fc.option(rate, { nil: undefined }),
          p: fc.option(fc.nat(), { nil: undefined }),
          m: fc.option(fc.nat(), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      stated: fc.array(
        fc.record({
          year: fc.constantFrom(...years),
          share: fc.boolean(),
          amountFigure: fc.constantFrom(...AMOUNT_FIGURES),
          shareFigure: fc.constantFrom(...SHARE_FIGURES),
          value: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
          shareValue: fc.integer({ min: 0, max: 1000 }),
          precision: fc.option(fc.constantFrom('1000', '100'), { nil: undefined }),
          label: arbName,
          sign: fc.boolean(),
          quote: fc.option(arbName, { nil: undefined, freq: 3 }),
          when: fc.option(fc.record({ p: fc.nat(), runs: fc.boolean() }), { nil: undefined }),
          lines: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        }),
        { maxLength: 5 },
      ),
      utilization: rate,
    }),
  )
  .map((r) => {
    const years = r.years;
    const members: Member[] = [
      { id: 's0', name: 'Staten', group: 'state', amounts: r.state },
      ...r.followers.map((f, i) => ({
        id: `m${i}`,
        name: f.name,
        group: f.group,
        population: f.population,
        ...(f.amounts ? { amounts: f.amounts } : {}),
      })),
    ];
    const esfProjects = r.projects.map((p, i) => ({ id: `p${i}`, name: p.name, status: p.status }));
    const revenues = r.revenues
      .filter((v) => !v.esf || esfProjects.length > 0)
      .map((v, i) => ({
        id: `r${i}`,
        kind: v.esf ? ('esf' as const) : ('income' as const),
        name: v.name,
        ...(v.esf ? { project: (esfProjects[v.p % esfProjects.length] as { id: string }).id } : {}),
        amounts: v.amounts,
      }));
    const costs = r.costs.map((c, i) => ({
      id: `c${i}`,
      name: c.name,
      category: c.category,
      amount: c.amount,
      ...(c.utilization ? { utilization: c.utilization } : {}),
      ...(c.p !== undefined && esfProjects.length
        ? { project: (esfProjects[c.p % esfProjects.length] as { id: string }).id }
        : {}),
      ...(c.m !== undefined ? { member: (members[c.m % members.length] as Member).id } : {}),
    }));
    const costIds = costs.map((c) => c.id);
    const revenueIds = revenues.map((v) => v.id);
    const stated: StatedInput[] = r.stated.map((s) => {
      const figure = s.share ? s.shareFigure : s.amountFigure;
      // Lines of one kind: cost lines, or the revenue lines when asked for and there are some.
      const pool = s.lines[0] !== undefined && s.lines[0] % 2 === 1 && revenueIds.length ? revenueIds : costIds;
      const lines = [...new Set(s.lines.map((k) => pool[k % pool.length] as string))];
      const base: StatedInput = {
        year: s.year,
        figure,
        label: s.label,
        value: s.share ? (s.shareValue / 1000).toString() : kr(s.value),
        ...(figure === 'lines' || figure === 'share-lines' ? { lines } : {}),
        ...(s.when && esfProjects.length
          ? { when: { project: (esfProjects[s.when.p % esfProjects.length] as { id: string }).id, runs: s.when.runs } }
          : {}),
        ...(s.quote ? { source: { quote: s.quote } } : {}),
      };
      if (s.share) return { ...base, precision: '0.001' };
      return {
        ...base,
        ...(s.precision ? { precision: s.precision } : {}),
        ...(s.sign ? { sign: 'negative' as const } : {}),
      };
    });
    return parsed({
      name: r.name,
      years,
      ...(r.openingEquity !== undefined ? { openingEquity: r.openingEquity } : {}),
      members,
      esfProjects,
      revenues,
      costs,
      assumptions: { utilization: r.utilization, indexation: '0.02', employerAddOn: '0.32' },
      stated,
    });
  });
