import { importBudgetTable } from '@samplan/budget-table';
import {
  auditPlan,
  formatKronor,
  formatRate,
  type Plan,
  type Projection,
  projectPlan,
  type Scenario,
  spendingRoom,
  stateCutTolerance,
} from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import type { SeedPlan } from '../src/index.ts';
import { readSeedPlan } from '../src/readSeedPlan.ts';

const load = (id: SeedPlan['id']): Plan => {
  const result = importBudgetTable(readSeedPlan(id), `${id}.csv`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
};

const project = (plan: Plan, scenario?: Scenario): Projection => {
  const result = projectPlan(plan, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** Per year in tkr as decimal strings: revenue, costs, result, opening and closing equity. */
const tkrTable = (p: Projection) =>
  p.rows.map((r) =>
    [r.year, r.revenue, r.costs, r.result, r.openingEquity, r.closingEquity].map((v, i) =>
      i === 0 ? v : formatKronor(v as never).replace(/000$/, '') || '0',
    ),
  );

const auditRows = (plan: Plan) =>
  auditPlan(plan).entries.map((e) =>
    e.unit === 'kr'
      ? [e.year, e.figure, formatKronor(e.stated), formatKronor(e.computed), formatKronor(e.difference)]
      : [e.year, e.figure, formatRate(e.stated), formatRate(e.computed), formatRate(e.difference)],
  );

describe('Göteborg 2023–2025 (seed 000, tkr)', () => {
  const plan = load('goteborg-2023');
  const base = project(plan);

  it('reproduces revenue, costs, result and equity as DOMAIN.md works them out', () => {
    expect(tkrTable(base)).toEqual([
      [2023, '67294', '75724', '-8430', '12604', '4174'],
      [2024, '66682', '68049', '-1367', '4174', '2807'],
      [2025, '66231', '66918', '-687', '2807', '2120'],
    ]);
  });

  it('keeps opening equity out of revenue and reproduces the category sums', () => {
    const [y2023] = base.rows;
    expect(y2023?.revenueBySource.members).toBe(61_334_000_00);
    expect(y2023?.costsByCategory).toEqual({
      individual: 66_816_000_00,
      structural: 1_950_000_00,
      administration: 6_958_000_00,
      unallocated: 0,
    });
    expect(formatRate(y2023?.adminShare ?? (null as never), 3)).toBe('0.092');
  });

  it('reports exactly the document’s own slips, with the difference', () => {
    expect(auditRows(plan)).toEqual([
      [2024, 'revenue-with-equity', '70747000', '70856000', '-109000'],
      [2025, 'revenue-with-equity', '68914000', '69038000', '-124000'],
      [2024, 'opening-equity', '4065000', '4174000', '-109000'],
      [2025, 'opening-equity', '2683000', '2807000', '-124000'],
      [2023, 'member-revenue', '61224000', '61334000', '-110000'],
      [2024, 'share-administration', '0.102', '0.102588', '-0.000588'],
    ]);
    expect(auditPlan(plan).checked).toBe(34);
  });

  it('follows the matching rule: the state’s −72 tkr takes 144 tkr from total member revenue', () => {
    const cut = project(plan, {
      id: 'cut',
      name: 'Staten −72 tkr',
      changes: [{ type: 'state-allocation', fromYear: 2023, amount: '-72000', matching: true }],
    });
    expect(base.rows.map((r, i) => r.revenueBySource.members - (cut.rows[i]?.revenueBySource.members ?? 0))).toEqual([
      144_000_00, 144_000_00, 144_000_00,
    ]);
  });

  it('rejecting Gränsgångare removes its revenue and its costs', () => {
    const rejected = project(plan, {
      id: 'esf',
      name: 'ESF avslag',
      changes: [
        { type: 'esf-decision', project: 'gransgangare', decision: 'rejected', scaleCosts: false, keepLines: [] },
      ],
    });
    expect(rejected.rows.map((r) => formatKronor(r.revenueBySource.esf))).toEqual(['449000', '0', '0']);
    expect(rejected.rows.map((r, i) => formatKronor((r.costs - (base.rows[i]?.costs ?? 0)) as never))).toEqual([
      '-4596000',
      '-4802000',
      '-4841000',
    ]);
  });

  it('answers the two strategy-day questions', () => {
    const room = spendingRoom(plan);
    expect(room.ok && room.value.yearly !== null && formatKronor(room.value.yearly)).toBe('706666.66');
    expect(room.ok && room.value.bindingYear).toBe(2025);
    const cut = stateCutTolerance(plan);
    expect(cut.ok && cut.value.breakingCut && formatRate(cut.value.breakingCut)).toBe('0.0116');
    expect(cut.ok && cut.value.breakingYear).toBe(2025);
  });
});

describe('Finnveden 2021–2023 (seed 001, kr)', () => {
  const plan = load('finnveden-2021');
  const base = project(plan);

  it('reproduces every figure of the table, to the krona', () => {
    expect(
      base.rows.map((r) =>
        [r.year, r.revenue, r.costs, r.openingEquity, r.closingEquity].map((v, i) =>
          i ? formatKronor(v as never) : v,
        ),
      ),
    ).toEqual([
      [2021, '5158000', '6932800', '1824471', '49671'],
      [2022, '5158000', '5157600', '49671', '50071'],
      [2023, '5158000', '5122700', '50071', '85371'],
    ]);
  });

  it('finds nothing to correct in a document whose arithmetic is right', () => {
    expect(auditPlan(plan)).toEqual({ checked: 18, entries: [], errors: [] });
    expect(base.findings).toEqual([]);
  });

  it('matches the law’s split: region and kommuner together pay what the state pays', () => {
    for (const r of base.rows) {
      expect(r.membersByGroup.region + r.membersByGroup.kommun).toBe(r.membersByGroup.state);
    }
  });

  it('with the general 10 % deduction applied on top, equity grows instead', () => {
    const util = project(plan, { id: 'u', name: 'Nyttjande 90 %', changes: [{ type: 'utilization', rate: '0.9' }] });
    // 10 % of individual and structural costs: 342 780, 127 860 and 112 170 kr.
    expect(util.rows.map((r) => formatKronor(r.closingEquity))).toEqual(['392451', '520711', '668181']);
  });
});

describe('Sundbyberg 2020–2022 (seed 003): with and without MIA Vidare', () => {
  const plan = load('sundbyberg-2020');
  const without = project(plan);
  const withMia: Scenario = {
    id: 'mia',
    name: 'MIA Vidare beviljas',
    changes: [{ type: 'esf-decision', project: 'mia-vidare', decision: 'approved', scaleCosts: false, keepLines: [] }],
  };
  const mia = project(plan, withMia);

  it('without MIA (the table’s plain figures) the förbund borrows in 2022', () => {
    expect(without.rows.map((r) => [r.year, formatKronor(r.costs), formatKronor(r.closingEquity)])).toEqual([
      [2020, '2270000', '265000'],
      [2021, '2235000', '30000'],
      [2022, '2255000', '-225000'],
    ]);
    const negative = without.findings.filter((f) => f.rule === 'negative-equity');
    expect(negative.map((f) => f.message)).toEqual([
      'Eget kapital blir negativt 2022: −225 tkr. Ett samordningsförbund får inte låna.',
    ]);
  });

  it('with MIA (the figures in parentheses) equity stays positive but exceeds the 20 % cap', () => {
    expect(
      mia.rows.map((r) => [r.year, formatKronor(r.revenue), formatKronor(r.costs), formatKronor(r.closingEquity)]),
    ).toEqual([
      [2020, '2545000', '2660000', '420000'],
      [2021, '2934000', '2755000', '599000'],
      [2022, '2725500', '2740150', '584350'],
    ]);
    expect(mia.findings.filter((f) => f.rule === 'equity-cap').map((f) => f.year)).toEqual([2021, 2022]);
    expect(mia.findings.some((f) => f.rule === 'negative-equity')).toBe(false);
  });

  it('reports the 2020 sum that leaves out 18 000 kr and the 2022 chain of slips', () => {
    const rows = auditRows(plan).filter((r) => !String(r[1]).includes('MIA'));
    expect(rows.slice(0, 9)).toEqual([
      [2021, 'revenue-with-equity', '2283000', '2265000', '18000'],
      [2022, 'revenue-with-equity', '2023000', '2030000', '-7000'],
      [2021, 'opening-equity', '283000', '265000', '18000'],
      [2022, 'opening-equity', '23000', '30000', '-7000'],
      [2020, 'costs', '2252000', '2270000', '-18000'],
      [2022, 'costs', '2265000', '2255000', '10000'],
      [2020, 'closing-equity', '283000', '265000', '18000'],
      [2021, 'closing-equity', '48000', '30000', '18000'],
      [2022, 'closing-equity', '-232000', '-225000', '-7000'],
    ]);
  });

  it('checks the figures in parentheses against the plan with MIA Vidare running', () => {
    const mia = auditPlan(plan).entries.filter((e) => e.when?.project === 'mia-vidare');
    expect(mia.map((e) => [e.year, e.figure, e.unit === 'kr' ? formatKronor(e.difference) : ''])).toEqual([
      [2020, 'revenue-with-equity', '1000'],
      [2021, 'revenue-with-equity', '-139000'],
      [2022, 'revenue-with-equity', '-86000'],
      [2021, 'opening-equity', '-139000'],
      [2022, 'opening-equity', '-86000'],
      [2020, 'costs', '140000'],
      [2021, 'costs', '-55000'],
      [2022, 'costs', '49850'],
      [2020, 'closing-equity', '-139000'],
      [2021, 'closing-equity', '-86000'],
      [2022, 'closing-equity', '-135850'],
    ]);
  });

  it('without MIA there is no room for new insatser and no state cut it can take', () => {
    const room = spendingRoom(plan);
    expect(room.ok && room.value.yearly).toBeNull();
    const cut = stateCutTolerance(plan);
    expect(cut.ok && [cut.value.breakingCut && formatRate(cut.value.breakingCut), cut.value.toleratedCut]).toEqual([
      '0',
      null,
    ]);
  });
});
