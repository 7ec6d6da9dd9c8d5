import {
  type CostCategory,
  type CostLine,
  type Member,
  type Plan,
  type PlanInput,
  parsePlan,
  type RevenueLine,
  type ScenarioInput,
  type StatedFigure,
} from '@samplan/engine';
import type { PlanEdit } from '@samplan/plan-store';
import fc from 'fast-check';

// Random valid plans (1–10 years, every kind of record, amounts as decimal strings in kronor) and
// random edits of them. The shape follows packages/engine/src/projectPlan.property.test.ts.

type CostInput = NonNullable<PlanInput['costs']>[number];
type ChangeInput = NonNullable<ScenarioInput['changes']>[number];

/** Kronor as a decimal string from öre: 12345 → "123.45". */
export const kr = (ore: number): string => {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}` : ''}`;
};
const amount = (max = 2_000_000_000) => fc.integer({ min: 0, max }).map(kr);
/** A name: any text, emoji and combining marks included, never empty. */
export const arbName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 });
const rate = fc.constantFrom('0', '0.5', '0.8', '0.9', '0.95', '1');

const iso = (year: number, month: number, last: boolean) => {
  const day = last ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Amounts for some of the plan's years. */
export const yearAmounts = (years: readonly number[]) =>
  fc
    .tuple(...years.map(() => fc.option(amount(), { nil: undefined })))
    .map((values) =>
      Object.fromEntries(years.flatMap((y, i) => (values[i] === undefined ? [] : [[String(y), values[i]]]))),
    );

/** A cost line's amount of any of the three types, within the plan's years. */
export const arbCostAmount = (years: readonly number[]): fc.Arbitrary<CostInput['amount']> => {
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
      .record({ p: period, total: amount(5_000_000_000) })
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

const FIGURES: StatedFigure[] = [
  'revenue',
  'costs',
  'result',
  'closing-equity',
  'member-revenue',
  'esf-revenue',
  'other-revenue',
  'opening-equity',
  'lines',
];

/** Scenario changes that refer only to what the plan has. */
const arbChange = (years: readonly number[], members: string[], projects: string[], costs: string[]) => {
  const options: fc.Arbitrary<ChangeInput>[] = [
    fc
      .record({ fromYear: fc.constantFrom(...years), rate: fc.constantFrom('-0.1', '-0.05', '0.02') })
      .map((c) => ({ type: 'state-allocation' as const, matching: true, ...c })),
    fc.record({ rate: rate }).map((c) => ({ type: 'utilization' as const, ...c })),
    fc.constantFrom('0', '0.02', '0.03').map((r) => ({ type: 'indexation' as const, rate: r })),
  ];
  if (members.length)
    options.push(
      fc
        .record({ member: fc.constantFrom(...members), fromYear: fc.constantFrom(...years), amount: amount(1_000_000) })
        .map((c) => ({ type: 'member-contribution' as const, ...c })),
    );
  if (projects.length)
    options.push(
      fc
        .record({ project: fc.constantFrom(...projects), decision: fc.constantFrom('approved', 'rejected' as const) })
        .map((c) => ({ type: 'esf-decision' as const, scaleCosts: false, keepLines: [], ...c })),
    );
  if (costs.length)
    options.push(
      fc
        .record({ line: fc.constantFrom(...costs), share: fc.constantFrom('0.5', '0.8') })
        .map((c) => ({ type: 'insats-scale' as const, ...c })),
    );
  return fc.oneof(...options);
};

const parsed = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(`generated an invalid plan: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.value;
};

/** A random valid plan with members, ESF projects, revenue and cost lines, stated figures and scenarios. */
export const arbPlan: fc.Arbitrary<Plan> = fc
  .record({ y0: fc.integer({ min: 2018, max: 2030 }), n: fc.integer({ min: 1, max: 10 }) })
  .map(({ y0, n }) => Array.from({ length: n }, (_, i) => y0 + i))
  .chain((years) =>
    fc
      .record({
        name: arbName,
        openingEquity: fc.option(fc.integer({ min: -2_000_000_000, max: 5_000_000_000 }).map(kr), {
          nil: undefined,
          freq: 5,
        }),
        state: fc.array(yearAmounts(years), { minLength: 1, maxLength: 2 }),
        followers: fc.array(
          fc.record({
            group: fc.constantFrom('region' as const, 'kommun' as const),
            name: arbName,
            population: fc.integer({ min: 1, max: 1_000_000 }),
            amounts: fc.option(yearAmounts(years), { nil: undefined }),
          }),
          { maxLength: 4 },
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
            figure: fc.constantFrom(...FIGURES),
            value: amount(),
            precision: fc.option(fc.constant('1000'), { nil: undefined }),
            label: fc.string({ maxLength: 10 }),
            line: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
            negative: fc.boolean(),
            source: fc.constantFrom('csv', 'xlsx', 'text'),
            when: fc.option(fc.record({ p: fc.nat(), runs: fc.boolean() }), { nil: undefined }),
          }),
          { maxLength: 4 },
        ),
        utilization: rate,
        equityCap: fc.constantFrom('0.2', '0.25'),
        adminMax: fc.constantFrom('0.15', '0.14'),
        scenarioCount: fc.integer({ min: 0, max: 3 }),
      })
      .chain((r) => {
        const members: Member[] = [
          ...r.state.map((amounts, i) => ({ id: `s${i}`, name: `Staten ${i}`, group: 'state' as const, amounts })),
          ...r.followers.map((f, i) => ({
            id: `m${i}`,
            name: f.name,
            group: f.group,
            population: f.population,
            ...(f.amounts ? { amounts: f.amounts } : {}),
          })),
        ];
        const projectIds = r.projects.map((_, i) => `p${i}`);
        const costIds = r.costs.map((_, i) => `c${i}`);
        const changes = fc.array(
          arbChange(
            years,
            members.map((m) => m.id),
            projectIds,
            costIds,
          ),
          { maxLength: 4 },
        );
        return fc
          .tuple(
            ...Array.from({ length: r.scenarioCount }, () =>
              fc.record({ name: arbName, changes, based: fc.boolean() }),
            ),
          )
          .map((scenarios): Plan => {
            const revenues: RevenueLine[] = r.revenues.flatMap((line, i) => {
              const project = projectIds[line.p % Math.max(1, projectIds.length)];
              if (line.esf && project === undefined) return [];
              return [
                {
                  id: `r${i}`,
                  kind: line.esf ? 'esf' : 'income',
                  name: line.name,
                  amounts: line.amounts,
                  ...(line.esf ? { project } : {}),
                },
              ];
            });
            const costs: CostInput[] = r.costs.map((c, i) => ({
              id: `c${i}`,
              name: c.name,
              category: c.category,
              amount: c.amount,
              ...(c.utilization === undefined ? {} : { utilization: c.utilization }),
              ...(c.p === undefined || !projectIds.length ? {} : { project: projectIds[c.p % projectIds.length] }),
              ...(c.m === undefined ? {} : { member: members[c.m % members.length]?.id }),
            }));
            return parsed({
              name: r.name,
              years,
              ...(r.openingEquity === undefined ? {} : { openingEquity: r.openingEquity }),
              members,
              esfProjects: r.projects.map((p, i) => ({ id: `p${i}`, ...p })),
              revenues,
              costs,
              stated: r.stated.map(({ line, precision, when, negative, source, ...s }) => ({
                ...s,
                // a sum of lines needs lines: the state members always exist
                ...(s.figure === 'lines' ? { lines: [members[0]?.id as string] } : {}),
                ...(negative ? { sign: 'negative' as const } : {}),
                ...(when === undefined || !projectIds.length
                  ? {}
                  : { when: { project: projectIds[when.p % projectIds.length] as string, runs: when.runs } }),
                ...(precision === undefined ? {} : { precision }),
                ...(line === undefined
                  ? {}
                  : {
                      source:
                        source === 'csv'
                          ? { file: 'plan.csv', line }
                          : source === 'xlsx'
                            ? { file: 'plan.xlsx', sheet: 'Budget', row: line, column: 2 }
                            : { quote: `Budgetram ${line} tkr.` },
                    }),
              })),
              assumptions: { utilization: r.utilization, indexation: '0.02', employerAddOn: '0.32' },
              thresholds: { equityCap: r.equityCap, adminShare: { min: '0', max: r.adminMax } },
              scenarios: scenarios.map((s, i) => ({
                id: `sc${i}`,
                name: s.name,
                changes: s.changes,
                ...(s.based && i > 0 ? { basedOn: `sc${i - 1}` } : {}),
              })),
            });
          });
      }),
  );

/** A random edit of `plan`: mostly of records it has, sometimes of ones it does not; some make it invalid. */
export const arbEdit = (plan: Plan): fc.Arbitrary<PlanEdit> => {
  const years = plan.years;
  const year = fc.oneof(fc.constantFrom(...years), fc.constant((years[0] as number) - 1));
  const idOf = (records: readonly { id: string }[], prefix: string) =>
    fc.oneof(
      {
        weight: 5,
        arbitrary: records.length ? fc.constantFrom(...records.map((r) => r.id)) : fc.constant(`${prefix}0`),
      },
      { weight: 1, arbitrary: fc.constant(`${prefix}-saknas`) },
    );
  const memberId = idOf(plan.members, 'm');
  const revenueId = idOf(plan.revenues, 'r');
  const costId = idOf(plan.costs, 'c');
  const scenarioId = idOf(plan.scenarios, 'sc');
  const projectId = idOf(plan.esfProjects, 'p');
  const value = fc.option(amount(), { nil: null, freq: 4 });
  const fresh = fc.nat(99).map((n) => `ny${n}`);
  const newCost = fc
    .record({
      id: fresh,
      name: arbName,
      amount: arbCostAmount(years),
      category: fc.constantFrom<CostCategory>('individual', 'administration'),
    })
    .map((c): CostLine => c as CostLine);
  const edits: fc.Arbitrary<PlanEdit>[] = [
    arbName.map((name) => ({ type: 'set-name', name })),
    fc
      .option(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(kr), { nil: null, freq: 4 })
      .map((value) => ({ type: 'set-opening-equity', value })),
    fc.constant({ type: 'add-year' }),
    fc
      .option(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(kr), { nil: null, freq: 4 })
      .map((openingEquity) => ({ type: 'drop-first-year', openingEquity })),
    fc.integer({ min: -3, max: 3 }).map((by) => ({ type: 'shift-years', by })),
    fc.record({ id: memberId, year, value }).map((e) => ({ type: 'set-amount', collection: 'members', ...e })),
    fc.record({ id: revenueId, year, value }).map((e) => ({ type: 'set-amount', collection: 'revenues', ...e })),
    fc.record({ id: costId, year, value }).map((e) => ({ type: 'set-amount', collection: 'costs', ...e })),
    fc
      .record({
        id: memberId,
        patch: fc.oneof(
          arbName.map((name) => ({ name })),
          fc.integer({ min: 1, max: 99_999 }).map((population) => ({ population })),
          yearAmounts(years).map((amounts) => ({ amounts })),
          fc.constant({ amounts: undefined }),
        ),
      })
      .map((e) => ({ type: 'set-line', collection: 'members', ...e })),
    fc
      .record({
        id: revenueId,
        patch: fc.oneof(
          arbName.map((name) => ({ name })),
          yearAmounts(years).map((amounts) => ({ amounts })),
        ),
      })
      .map((e) => ({ type: 'set-line', collection: 'revenues', ...e })),
    fc
      .record({
        id: costId,
        patch: fc.oneof(
          fc.record({ name: arbName, category: fc.constantFrom<CostCategory>('structural', 'unallocated') }),
          arbCostAmount(years).map((amount) => ({ amount: amount as CostLine['amount'] })),
          fc.constantFrom({ utilization: undefined }, { utilization: '0.7' }, { project: undefined }),
          fresh.map((id) => ({ id })),
        ),
      })
      .map((e) => ({ type: 'set-line', collection: 'costs', ...e })),
    fc
      .record({
        id: fresh,
        name: arbName,
        population: fc.integer({ min: 1, max: 1000 }),
        amounts: fc.option(yearAmounts(years), { nil: undefined }),
      })
      .map(({ amounts, ...m }) => ({
        type: 'add-line',
        collection: 'members',
        line: { ...m, group: 'kommun', ...(amounts ? { amounts } : {}) },
      })),
    fc
      .record({ id: fresh, name: arbName, amounts: yearAmounts(years) })
      .map((line) => ({ type: 'add-line', collection: 'revenues', line: { ...line, kind: 'income' } })),
    newCost.map((line) => ({ type: 'add-line', collection: 'costs', line })),
    fc.oneof(
      memberId.map((id) => ({ type: 'remove-line', collection: 'members', id }) as const),
      revenueId.map((id) => ({ type: 'remove-line', collection: 'revenues', id }) as const),
      costId.map((id) => ({ type: 'remove-line', collection: 'costs', id }) as const),
    ),
    fc
      .record({
        id: fc.oneof(projectId, fresh),
        name: arbName,
        status: fc.constantFrom('approved', 'applied' as const),
      })
      .map((project) => ({ type: 'put-esf-project', project })),
    projectId.map((id) => ({ type: 'remove-esf-project', id })),
    fc
      .record({ key: fc.constantFrom('utilization', 'indexation', 'employerAddOn' as const), value: rate })
      .map((e) => ({ type: 'set-assumption', ...e })),
    fc
      .record({
        key: fc.constantFrom('equityCap', 'adminMin', 'adminMax' as const),
        value: fc.constantFrom('0.1', '0.2', '0.3'),
      })
      .map((e) => ({ type: 'set-threshold', ...e })),
    fc
      .record({
        id: fc.oneof(scenarioId, fresh),
        name: arbName,
        changes: fc.array(
          arbChange(
            years,
            plan.members.map((m) => m.id),
            plan.esfProjects.map((p) => p.id),
            plan.costs.map((c) => c.id),
          ),
          { maxLength: 3 },
        ),
        basedOn: fc.option(scenarioId, { nil: undefined }),
      })
      .map(({ basedOn, changes, ...s }) => ({
        type: 'put-scenario',
        scenario: { ...s, changes: changes as never, ...(basedOn === undefined ? {} : { basedOn }) },
      })),
    scenarioId.map((id) => ({ type: 'remove-scenario', id })),
    arbPlan.map((p) => ({ type: 'replace-plan', plan: p })),
  ];
  return fc.oneof(...edits);
};
