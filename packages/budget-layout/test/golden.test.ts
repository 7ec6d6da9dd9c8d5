import { importBudgetTable, readTableGrid } from '@samplan/budget-table';
import { readWorkbookGrid } from '@samplan/budget-xlsx';
import {
  type Audit,
  auditPlan,
  formatKronor,
  formatRate,
  type Plan,
  type Projection,
  projectPlan,
  type Scenario,
} from '@samplan/engine';
import type { SeedPlan } from '@samplan/seed-plans';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import {
  applyLayoutMapping,
  type LayoutMapping,
  type LayoutProposal,
  type LayoutUnit,
  proposeLayoutMapping,
  REASON_CODES,
  type RowRole,
  reasonSv,
  reasonsSv,
} from '../src/index.ts';
import { goteborgCsvLines, windows1252 } from './goteborgCsv.ts';
import { type SheetValue, writeLayoutWorkbook } from './layoutSheet.ts';
import { finnvedenSheet, goteborgSheet, sundbybergSheet } from './seedLayouts.ts';

/** The machine-format seed plan, as packages/seed-plans/test/golden.test.ts reads it. */
const machinePlan = (id: SeedPlan['id']): Plan => {
  const result = importBudgetTable(readSeedPlan(id), `${id}.csv`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
};

/** A correction the user makes in the review table: the row (by key) gets this role. */
interface Correction {
  key: string;
  role: RowRole;
}

const corrected = (mapping: LayoutMapping, corrections: readonly Correction[]): LayoutMapping => {
  const keys = new Set(mapping.rows.map((r) => r.key));
  for (const c of corrections) if (!keys.has(c.key)) throw new Error(`No row ${c.key} to correct`);
  return {
    ...mapping,
    rows: mapping.rows.map((r) => {
      const c = corrections.find((k) => k.key === r.key);
      return c ? { ...r, role: c.role, confidence: 'sure' } : r;
    }),
  };
};

/** Writes the sheet as a workbook, reads it back with the workbook reader, proposes, corrects and applies. */
async function importLayout(
  rows: SheetValue[][],
  file: string,
  review: { unit?: LayoutUnit; corrections?: readonly Correction[]; yearsAsDates?: boolean } = {},
): Promise<{ proposal: LayoutProposal; plan: Plan; asked: LayoutProposal }> {
  const bytes = await writeLayoutWorkbook('Budget', rows, {
    before: 'Anteckningar',
    ...(review.yearsAsDates ? { yearsAsDates: true } : {}),
  });
  const grid = await readWorkbookGrid(bytes, { file, sheet: 'Budget' });
  if (!grid.ok) throw new Error(JSON.stringify(grid.errors));
  const asked = proposeLayoutMapping(grid.value.rows, { file, sheet: grid.value.sheet });
  const proposed = review.unit
    ? proposeLayoutMapping(grid.value.rows, { file, sheet: grid.value.sheet, unit: review.unit })
    : asked;
  if (!asked.ok || !proposed.ok) throw new Error('no proposal');
  const mapping = corrected(proposed.value.mapping, review.corrections ?? []);
  const applied = applyLayoutMapping(grid.value.rows, mapping, { file, sheet: grid.value.sheet });
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors, null, 2));
  expect(applied.value.unmapped).toEqual([]);
  return { proposal: proposed.value, plan: applied.value.plan, asked: asked.value };
}

const project = (plan: Plan, scenario?: Scenario): Projection => {
  const result = projectPlan(plan, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** Every year: revenue, costs, result, opening and closing equity, and the parts by source, member group and category. */
const figures = (p: Projection) =>
  p.rows.map((r) => ({
    year: r.year,
    revenue: r.revenue,
    costs: r.costs,
    result: r.result,
    openingEquity: r.openingEquity,
    closingEquity: r.closingEquity,
    bySource: r.revenueBySource,
    byMember: r.membersByGroup,
    byCategory: r.costsByCategory,
  }));

/** An audit's slips as [year, figure, stated, computed, difference, made with the ESF project running]. */
const slips = (audit: Audit) =>
  audit.entries
    .map((e) => [
      e.year,
      e.figure,
      ...(e.unit === 'kr'
        ? [formatKronor(e.stated), formatKronor(e.computed), formatKronor(e.difference)]
        : [formatRate(e.stated), formatRate(e.computed), formatRate(e.difference)]),
      e.when?.runs === true,
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The machine-format audit's slips, but for the figures its table takes from the document's prose. */
const tableSlips = (plan: Plan) =>
  slips({ ...auditPlan(plan), entries: auditPlan(plan).entries.filter((e) => !e.label.includes('(text')) });

const unknownRows = (p: LayoutProposal) => p.rows.filter((r) => r.confidence === 'unknown');
const row = (p: LayoutProposal, key: string) => {
  const found = p.rows.find((r) => r.key === key);
  if (!found) throw new Error(`No row ${key}`);
  return found;
};

describe('Göteborg 2023 as its document prints it (xlsx, tkr)', async () => {
  const { proposal, plan } = await importLayout(goteborgSheet(), 'goteborg-2023.xlsx');
  const machine = machinePlan('goteborg-2023');

  it('reads the unit from the sheet and needs no correction', () => {
    expect(proposal.unit).toBe('tkr');
    expect(proposal.unitExplanation).toBe('"Intäkter tkr" (rad 5, kolumn 1) → belopp i tkr');
    expect(proposal.years).toEqual([2023, 2024, 2025]);
    expect(unknownRows(proposal)).toEqual([]);
  });

  it('keeps the opening equity apart and splits the one member row by the law', () => {
    expect(row(proposal, 'ingående eget kapital')).toMatchObject({
      role: { kind: 'opening-equity' },
      confidence: 'sure',
      explanation: "'Ingående eget kapital' bland intäkterna → ingående eget kapital (ingen intäkt)",
    });
    expect(row(proposal, 'medlemsintäkter')).toMatchObject({ role: { kind: 'member-total' }, confidence: 'guess' });
    expect(plan.openingEquity).toBe('12604000');
    expect(plan.members.map((m) => [m.group, m.amounts?.['2023']])).toEqual([
      ['state', '30667000'],
      ['region', '15333500'],
      ['kommun', '15333500'],
    ]);
  });

  it('finds each SUMMA: row’s category from the rows it sums, and the shares in the headings', () => {
    expect(['summa:', 'summa:#2', 'summa:#3', 'summa kostnader:'].map((k) => row(proposal, k).role)).toEqual([
      { kind: 'stated', figure: 'cost-structural' },
      { kind: 'stated', figure: 'cost-individual' },
      { kind: 'stated', figure: 'cost-administration' },
      { kind: 'stated', figure: 'costs' },
    ]);
    expect(row(proposal, 'summa:#2').explanation).toBe(
      "'SUMMA' och raderna ovanför summerar till den → summa individinriktade insatser",
    );
    expect(row(proposal, 'lokal').explanation).toBe(
      "under rubriken 'Individinriktade insatser' → individinriktad insats",
    );
    expect(plan.stated.filter((s) => s.figure === 'share-administration').map((s) => [s.year, s.value])).toEqual([
      [2023, '0.092'],
      [2024, '0.102'],
      [2025, '0.105'],
    ]);
  });

  it('projects exactly as the machine-format table, every year', () => {
    expect(figures(project(plan))).toEqual(figures(project(machine)));
  });

  it('imports the same with the year headers typed as Excel dates', async () => {
    const bytes = await writeLayoutWorkbook('Budget', goteborgSheet(), { yearsAsDates: true });
    const read = await readWorkbookGrid(bytes, { file: 'goteborg-2023.xlsx' });
    expect(read.ok && read.value.rows[4]?.slice(1).map((c) => [c.text, c.value instanceof Date])).toEqual([
      ['2023', true],
      ['2024', true],
      ['2025', true],
    ]);
    const dated = await importLayout(goteborgSheet(), 'goteborg-2023.xlsx', { yearsAsDates: true });
    expect(dated.proposal.years).toEqual([2023, 2024, 2025]);
    expect(dated.plan).toEqual(plan);
  });

  it('audits exactly the document’s slips in its tables, and names the cell of each', () => {
    const audit = auditPlan(plan);
    expect(slips(audit)).toEqual(tableSlips(machine));
    expect(slips(audit)).toEqual([
      [2024, 'opening-equity', '4065000', '4174000', '-109000', false],
      [2024, 'revenue-with-equity', '70747000', '70856000', '-109000', false],
      [2024, 'share-administration', '0.102', '0.102588', '-0.000588', false],
      [2025, 'opening-equity', '2683000', '2807000', '-124000', false],
      [2025, 'revenue-with-equity', '68914000', '69038000', '-124000', false],
    ]);
    expect(audit.errors).toEqual([]);
    expect(audit.checked).toBe(27);
    const slip = audit.entries.find((e) => e.figure === 'opening-equity' && e.year === 2024);
    expect(slip?.label).toBe('Ingående eget kapital');
    expect(slip?.source).toEqual({ file: 'goteborg-2023.xlsx', line: 10, column: 3, sheet: 'Budget', row: 10 });
    const share = audit.entries.find((e) => e.figure === 'share-administration');
    expect(share?.source).toEqual({ file: 'goteborg-2023.xlsx', line: 35, column: 3, sheet: 'Budget', row: 35 });
  });
});

describe('Finnveden 2021 as its document prints it (xlsx, kr, beside last year’s budget and forecast)', async () => {
  // The review: the user answers "kr" (the sheet does not say) and gives two insatser their category.
  const corrections: Correction[] = [
    { key: 'projekt samverkan i gg(v)', role: { kind: 'cost', category: 'structural' } },
    { key: 'gemensamma projektkostnader', role: { kind: 'cost', category: 'structural' } },
  ];
  const { proposal, plan, asked } = await importLayout(finnvedenSheet(), 'finnveden-2021.xlsx', {
    unit: 'kr',
    corrections,
  });
  const machine = machinePlan('finnveden-2021');

  it('does not guess the unit, and reads only the plan years', () => {
    expect(asked.unit).toBeNull();
    expect(asked.unitExplanation).toBe('Bladet säger inte om beloppen är i kr eller tkr: ange enheten');
    expect(proposal.years).toEqual([2021, 2022, 2023]);
    expect(proposal.notes).toContain('Kolumnen "Prognos 2020" gäller ett år före planen och läses inte.');
    expect(unknownRows(proposal)).toEqual([]);
  });

  it('settles the subtotals by their arithmetic and the closing equity by the totals', () => {
    expect(row(proposal, 'delsumma verksamheter').role).toEqual({ kind: 'stated', figure: 'cost-operations' });
    expect(row(proposal, 'information')).toMatchObject({
      role: { kind: 'cost', category: 'administration' },
      explanation:
        "under rubriken Kostnader → kostnad; 'Delsumma administration' summerar raden → förvaltning/administration",
    });
    expect(row(proposal, 'prel balanserat resultat')).toMatchObject({
      role: { kind: 'stated', figure: 'closing-equity' },
      confidence: 'sure',
    });
    expect(row(proposal, 'balanserat resultat').role).toEqual({ kind: 'opening-equity' });
  });

  it('projects exactly as the machine-format table, every year', () => {
    expect(figures(project(plan))).toEqual(figures(project(machine)));
  });

  it('finds nothing to correct in a document whose arithmetic is right', () => {
    const audit = auditPlan(plan);
    expect(slips(audit)).toEqual(tableSlips(machine));
    expect(audit).toMatchObject({ checked: 18, entries: [], errors: [] });
  });
});

describe('Sundbyberg 2020 as its document prints it (xlsx, kr, MIA Vidare in parentheses)', async () => {
  const { proposal, plan, asked } = await importLayout(sundbybergSheet(), 'sundbyberg-2020.xlsx', { unit: 'kr' });
  const machine = machinePlan('sundbyberg-2020');
  const withMia = (p: Plan): Scenario => ({
    id: 'mia',
    name: 'MIA Vidare beviljas',
    changes: [
      {
        type: 'esf-decision',
        project: p.esfProjects[0]?.id ?? '',
        decision: 'approved',
        scaleCosts: false,
        keepLines: [],
      },
    ],
  });

  it('reads the parentheses as the applied project’s figures', () => {
    expect(asked.unit).toBeNull();
    expect(unknownRows(proposal)).toEqual([]);
    expect(plan.esfProjects).toEqual([{ id: 'mia-vidare', name: 'MIA Vidare', status: 'applied' }]);
    expect(row(proposal, 'finsamteam inkl lots och insatskatalog (om esf mia)').alternative).toEqual({
      project: 'MIA Vidare',
    });
    expect(plan.costs.find((c) => c.project === 'mia-vidare')?.amount).toEqual({
      type: 'yearly',
      amounts: { 2020: '390000', 2021: '520000', 2022: '485150' },
    });
    expect(row(proposal, 'insatskatalog 2019').role).toEqual({ kind: 'ignore' });
  });

  it('projects exactly as the machine-format table, without and with MIA Vidare', () => {
    expect(figures(project(plan))).toEqual(figures(project(machine)));
    expect(figures(project(plan, withMia(plan)))).toEqual(figures(project(machine, withMia(machine))));
  });

  it('audits exactly the document’s slips, without and with MIA Vidare', () => {
    const audit = auditPlan(plan);
    expect(slips(audit)).toEqual(tableSlips(machine));
    expect(slips(audit).filter((s) => s[5] === false)).toEqual([
      [2020, 'closing-equity', '283000', '265000', '18000', false],
      [2020, 'costs', '2252000', '2270000', '-18000', false],
      [2021, 'closing-equity', '48000', '30000', '18000', false],
      [2021, 'opening-equity', '283000', '265000', '18000', false],
      [2021, 'revenue-with-equity', '2283000', '2265000', '18000', false],
      [2022, 'closing-equity', '-232000', '-225000', '-7000', false],
      [2022, 'costs', '2265000', '2255000', '10000', false],
      [2022, 'opening-equity', '23000', '30000', '-7000', false],
      [2022, 'revenue-with-equity', '2023000', '2030000', '-7000', false],
    ]);
    expect(audit.entries.filter((e) => e.when?.runs)).toHaveLength(11);
    expect(audit.errors).toEqual([]);
  });
});

describe('Göteborg 2023 as Swedish Excel saves it: CSV (semikolonavgränsad), Windows-1252, costs negative', () => {
  const file = 'goteborg-2023.csv';
  const bytes = windows1252(`${goteborgCsvLines().join('\r\n')}\r\n`);
  const grid = readTableGrid(bytes, file);
  const proposed = proposeLayoutMapping(grid.rows, { file });
  if (!proposed.ok) throw new Error(JSON.stringify(proposed.errors));
  const proposal = proposed.value;
  const applied = applyLayoutMapping(grid.rows, proposal.mapping, { file });
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors, null, 2));
  const { plan } = applied.value;
  const machine = machinePlan('goteborg-2023');

  it('is read as Windows-1252 with semicolons, in tkr as the sheet says, with no correction', () => {
    expect([grid.encoding, grid.separator]).toEqual(['windows-1252', ';']);
    expect(grid.notes).toEqual([
      `${file}: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')`,
    ]);
    expect(row(proposal, 'nätverk').printed).toEqual(['-208', '-125', '-125']);
    expect(proposal.unit).toBe('tkr');
    expect(proposal.unitExplanation).toBe('"Belopp i tkr" (rad 3, kolumn 1) → belopp i tkr');
    expect(unknownRows(proposal)).toEqual([]);
    expect(row(proposal, 'västra götalandsregionen').role).toEqual({ kind: 'member', group: 'region' });
    expect(row(proposal, 'summa medlemsintäkter').role).toEqual({ kind: 'stated', figure: 'member-revenue' });
    expect(applied.value.unmapped).toEqual([]);
  });

  it('reads the costs printed negative as costs, and compares their totals with the sign they are printed in', () => {
    expect(proposal.costSign).toBe('negative');
    expect(proposal.notes).toContain(
      'Kostnaderna är tryckta med minustecken → läses som kostnader (positiva i planen).',
    );
    expect(row(proposal, 'summa kostnader:')).toMatchObject({
      role: { kind: 'stated', figure: 'costs', sign: 'negative' },
      confidence: 'sure',
      explanation:
        "'SUMMA' och kostnadsraderna summerar till den → summa kostnader; tryckt med minustecken → jämförs med omvänt tecken",
    });
    expect(plan.costs.find((c) => c.name === 'Kansli')?.amount).toEqual({
      type: 'yearly',
      amounts: { 2023: '4908000', 2024: '4931000', 2025: '4959000' },
    });
    expect(plan.members.map((m) => m.amounts?.['2023'])).toEqual(['30667000', '15333500', '15333500']);
  });

  it('projects exactly as the machine-format table, every year', () => {
    expect(figures(project(plan))).toEqual(figures(project(machine)));
  });

  it('audits exactly the document’s slips in its tables: no false slip from a negative total', () => {
    const audit = auditPlan(plan);
    expect(slips(audit)).toEqual(tableSlips(machine));
    expect(audit.checked).toBe(30);
    const slip = audit.entries.find((e) => e.figure === 'revenue-with-equity' && e.year === 2025);
    expect(slip?.source).toEqual({ file, line: 14, column: 30 });
  });
});

describe('the reasons of the seed layouts', async () => {
  const imported = await Promise.all([
    importLayout(goteborgSheet(), 'goteborg-2023.xlsx'),
    importLayout(finnvedenSheet(), 'finnveden-2021.xlsx', { unit: 'kr' }),
    importLayout(sundbybergSheet(), 'sundbyberg-2020.xlsx', { unit: 'kr' }),
  ]);

  it('say every explanation, the unit and the notes in Swedish from the reasons, which are plain data', () => {
    const codes = new Set<string>();
    for (const { proposal, asked } of imported)
      for (const p of [proposal, asked]) {
        for (const r of p.rows) {
          expect(r.explanation, r.key).toBe(reasonsSv(r.reasons));
          for (const reason of r.reasons) codes.add(reason.code);
        }
        expect(p.unitExplanation).toBe(reasonSv(p.unitReason));
        expect(p.notes).toEqual(p.noteReasons.map(reasonSv));
        expect(JSON.parse(JSON.stringify(p.rows.map((r) => r.reasons)))).toEqual(p.rows.map((r) => r.reasons));
      }
    for (const code of codes) expect(REASON_CODES).toContain(code);
    // The seed documents exercise most of the row reasons: a sum of the rows above, an ESF condition, a member clue.
    expect([...codes]).toEqual(
      expect.arrayContaining(['total-sums', 'label-clue', 'alternative-figures', 'under-heading']),
    );
  });
});
