import { exportBudgetTable, importBudgetTable } from '@samplan/budget-table';
import { type Plan, type Projection, parsePlan, projectionToJson, projectPlan } from '@samplan/engine';
import { SEED_PLANS } from '@samplan/seed-plans';
import { readSeedPlan } from '@samplan/seed-plans/node';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportBudgetWorkbook, importBudgetWorkbook, KRONOR_FORMAT, ORE_FORMAT, SHARE_FORMAT } from '../src/index.ts';

const seed = (id: (typeof SEED_PLANS)[number]['id']): Plan => {
  const r = importBudgetTable(readSeedPlan(id), `${id}.csv`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const project = (plan: Plan, scenario?: Plan['scenarios'][number]): Projection => {
  const p = projectPlan(plan, scenario);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};
const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
};
/** A plan's stated figures without their source positions (the file names differ). */
const withoutSources = (plan: Plan) => ({ ...plan, stated: plan.stated.map(({ source, ...s }) => s) });

/** Three scenarios on a seed plan: a state cut, an ESF rejection with lower utilization, and one built on the cut. */
const withScenarios = (plan: Plan): Plan => {
  const esf = plan.esfProjects[0];
  const parsed = parsePlan({
    ...plan,
    scenarios: [
      {
        id: 'cut',
        name: 'Staten −10 %',
        changes: [{ type: 'state-allocation', fromYear: plan.years[1], rate: '-0.1' }],
      },
      {
        id: 'esf',
        name: esf ? `ESF avslag – ${esf.name}` : 'Nyttjande 90 %',
        changes: [
          ...(esf ? [{ type: 'esf-decision', project: esf.id, decision: 'rejected' }] : []),
          { type: 'utilization', rate: '0.9' },
        ],
      },
      {
        id: 'cut-index',
        name: 'Staten −10 % och 3 % uppräkning: ett långt namn med [hakparenteser] och snedstreck/',
        basedOn: 'cut',
        changes: [{ type: 'indexation', rate: '0.03' }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
};

/** A sheet's rows as plain values, keyed by the first cell. */
const rowsByLabel = (ws: ExcelJS.Worksheet): Map<string, unknown[]> => {
  const out = new Map<string, unknown[]>();
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    out.set(String(values[0]).trim(), values.slice(1));
  });
  return out;
};
const kr = (json: string) => Number(json);

describe.each(SEED_PLANS)('$title: export → import', ({ id }) => {
  it('gives the same projection, and the plan the CSV importer gives for the same table', async () => {
    const plan = seed(id);
    const back = await importBudgetWorkbook(await exportBudgetWorkbook(plan), `${id}.xlsx`);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(projectionToJson(project(back.value))).toEqual(projectionToJson(project(plan)));
    const viaCsv = importBudgetTable(exportBudgetTable(plan), `${id}.csv`);
    if (!viaCsv.ok) throw new Error(JSON.stringify(viaCsv.errors));
    expect(withoutSources(back.value)).toEqual(withoutSources(viaCsv.value));
    expect(back.value.stated[0]?.source?.file).toBe(`${id}.xlsx[Budget]`);
  });

  it('writes each scenario sheet with the engine’s figures, and the comparison against the base', async () => {
    const plan = withScenarios(seed(id));
    const workbook = await load(await exportBudgetWorkbook(plan));
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      'Budget',
      'Grundbudget',
      'Staten −10 %',
      ...(plan.esfProjects[0] ? [`ESF avslag – ${plan.esfProjects[0].name}`.slice(0, 31).trim()] : ['Nyttjande 90 %']),
      'Staten −10 % och 3 % uppräkning',
      'Jämförelse',
    ]);
    const base = project(plan);
    const sheets = [undefined, ...plan.scenarios].map((scenario, k) => ({
      scenario,
      projection: project(plan, scenario),
      ws: workbook.worksheets[k + 1] as ExcelJS.Worksheet,
    }));
    for (const { projection, ws } of sheets) {
      const rows = rowsByLabel(ws);
      const json = projectionToJson(projection).years;
      expect(rows.get('Belopp i kr')).toEqual(plan.years);
      const expected: [string, (y: (typeof json)[number]) => string][] = [
        ['Medlemsintäkter', (y) => y.revenueBySource.members],
        ['Summa intäkter', (y) => y.revenue],
        ['Individinriktade insatser', (y) => y.costsByCategory.individual],
        ['Strukturövergripande insatser', (y) => y.costsByCategory.structural],
        ['Förvaltning', (y) => y.costsByCategory.administration],
        ['Ej fördelade medel', (y) => y.costsByCategory.unallocated],
        ['Summa kostnader', (y) => y.costs],
        ['Resultat', (y) => y.result],
        ['Ingående eget kapital', (y) => y.openingEquity],
        ['Utgående eget kapital', (y) => y.closingEquity],
      ];
      for (const [label, pick] of expected) expect(rows.get(label), label).toEqual(json.map((y) => kr(pick(y))));
      for (const line of projection.lines.filter((l) => l.kind !== 'cost'))
        expect(rows.get(line.name), line.name).toEqual(line.amounts.map((a) => a / 100));
      // The administration share is the engine's own adminShare.
      const shares: number[][] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value !== 'andel av summa kostnader') return;
        shares.push((row.values as number[]).slice(2));
        expect(row.getCell(2).numFmt).toBe(SHARE_FORMAT);
      });
      expect(shares.length).toBe(4);
      expect(shares[2]).toEqual(json.map((y) => (y.adminShare === null ? undefined : Number(y.adminShare))));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(20);
    }
    const comparison = workbook.getWorksheet('Jämförelse') as ExcelJS.Worksheet;
    const compared: unknown[][] = [];
    comparison.eachRow((row, n) => {
      if (n > 1) compared.push((row.values as unknown[]).slice(1));
    });
    expect(compared).toEqual(
      sheets.flatMap(({ scenario, projection }) =>
        projection.rows.map((y, i) => {
          const b = base.rows[i] as Projection['rows'][number];
          return [
            scenario?.name ?? 'Grundbudget',
            y.year,
            y.result / 100,
            (y.result - b.result) / 100,
            y.closingEquity / 100,
            (y.closingEquity - b.closingEquity) / 100,
          ];
        }),
      ),
    );
    comparison.eachRow((row, n) => {
      if (n > 1) for (const k of [3, 4, 5, 6]) expect(row.getCell(k).numFmt).toBe(KRONOR_FORMAT);
    });
  });
});

describe('the Budget sheet', () => {
  it('holds amounts as number cells with number formats, shares as percentages, text as text', async () => {
    const plan = seed('goteborg-2023');
    const withOre: Plan = { ...plan, openingEquity: '12604000.5' };
    const ws = (await load(await exportBudgetWorkbook(withOre))).getWorksheet('Budget') as ExcelJS.Worksheet;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => {
      rows.push(row);
    });
    const byKind = (kind: string) => rows.filter((r) => r.getCell(1).value === kind);
    const header = rows.find((r) => r.getCell(1).value === 'kind') as ExcelJS.Row;
    expect((header.values as unknown[]).slice(1)).toEqual([
      'kind',
      'name',
      'group',
      'project',
      'start',
      'end',
      'total',
      '2023',
      '2024',
      '2025',
    ]);
    expect(header.font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header.number });
    const staten = byKind('member')[0] as ExcelJS.Row;
    for (const k of [8, 9, 10]) {
      expect(staten.getCell(k).type).toBe(ExcelJS.ValueType.Number);
      expect(staten.getCell(k).value).toBe(30667000);
      expect(staten.getCell(k).numFmt).toBe(KRONOR_FORMAT);
    }
    const equity = byKind('equity')[0] as ExcelJS.Row;
    expect([equity.getCell(8).value, equity.getCell(8).numFmt]).toEqual([12604000.5, ORE_FORMAT]);
    const adminShare = byKind('stated').find((r) => r.getCell(3).value === 'share-administration') as ExcelJS.Row;
    expect([adminShare.getCell(8).value, adminShare.getCell(8).numFmt]).toEqual([0.092, SHARE_FORMAT]);
    const costs = byKind('cost');
    expect(costs.length).toBe(plan.costs.length);
    for (const row of costs)
      row.eachCell((cell, k) => {
        if (k >= 8) expect(typeof cell.value === 'number' || cell.value === '' || cell.value === null).toBe(true);
      });
    expect(rows[0]?.getCell(1).value).toBe('# plan: Samordningsförbundet Göteborg 2023–2025');
  });

  it('names the sheets as Excel allows: 31 characters, no [ ] : * ? / \\, unique', async () => {
    const plan = seed('finnveden-2021');
    const scenario = (id: string, name: string) => ({
      id,
      name,
      changes: [{ type: 'utilization' as const, rate: '0.9' }],
    });
    const parsed = parsePlan({
      ...plan,
      scenarios: [
        scenario('a', 'Budget'),
        scenario('b', 'budget'),
        scenario('c', "'Jämförelse'"),
        scenario('d', 'a:b/c\\d?e*f[g]h'),
        scenario('e', 'x'.repeat(40)),
        scenario('f', 'x'.repeat(40)),
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const all = await load(await exportBudgetWorkbook(parsed.value));
    expect(all.worksheets.map((ws) => ws.name)).toEqual([
      'Budget',
      'Grundbudget',
      'Budget (2)',
      'budget (3)',
      'Jämförelse (2)',
      'a-b-c-d-e-f-g-h',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'Jämförelse',
    ]);
    const some = await load(await exportBudgetWorkbook(parsed.value, { scenarios: ['d', 'a'], now: new Date(0) }));
    expect(some.worksheets.map((ws) => ws.name)).toEqual([
      'Budget',
      'Grundbudget',
      'a-b-c-d-e-f-g-h',
      'Budget (2)',
      'Jämförelse',
    ]);
    expect(some.created).toEqual(new Date(0));
    await expect(exportBudgetWorkbook(parsed.value, { scenarios: ['nope'] })).rejects.toThrow(
      'Planen har inget scenario med id "nope"',
    );
  });
});
