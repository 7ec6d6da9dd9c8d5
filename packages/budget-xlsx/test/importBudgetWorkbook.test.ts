import { crc32 } from 'node:zlib';
import { importBudgetTable } from '@samplan/budget-table';
import { type Issue, type Plan, projectPlan } from '@samplan/engine';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importBudgetWorkbook } from '../src/index.ts';

type Value = ExcelJS.CellValue;

/** A workbook made with exceljs: sheets of rows, with number formats per cell address. */
const workbook = async (
  sheets: Record<string, Value[][]>,
  formats: Record<string, Record<string, string>> = {},
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
    for (const [address, numFmt] of Object.entries(formats[name] ?? {})) ws.getCell(address).numFmt = numFmt;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
const located = (e: Issue) => `${e.file}:${e.line}:${e.column}: ${e.message}`;
const errorsOf = async (bytes: Uint8Array | ArrayBuffer, file?: string) => {
  const result = await importBudgetWorkbook(bytes, file, { unit: 'kr' });
  return result.ok ? [] : result.errors.map(located);
};
const csvMessages = (text: string) => {
  const result = importBudgetTable(text, 'plan.csv', { unit: 'kr' });
  return result.ok ? [] : result.errors.map((e) => e.message);
};
const withoutSources = (plan: Plan) => ({ ...plan, stated: plan.stated.map(({ source, ...s }) => s) });

const HEADER: Value[] = ['kind', 'name', 'group', 'project', 'start', 'end', 'total', 2023, 2024, 2025];
const budget = (...rows: Value[][]): Value[][] => [
  HEADER,
  ['member', 'Staten', 'state', null, null, null, null, 1000, 1000, 1000],
  ['equity', 'Eget kapital', null, null, null, null, null, 500],
  ...rows,
];

describe('importBudgetWorkbook on a workbook made by hand', () => {
  it('reads Swedish text amounts, formulas by their result, dates, and the budget sheet wherever it is', async () => {
    const bytes = await workbook(
      {
        'Min budget': [
          ['# unit: tkr'],
          HEADER,
          ['member', 'Staten', 'state', null, null, null, null, '30 667', '30\u00a0667', 30667],
          ['member', 'Regionen', 'region', null, null, null, null, '15 333,5', 15333.5, '15333.5'],
          ['equity', 'Ingående eget kapital', null, null, null, null, null, '12 604'],
          [
            'cost',
            'Vuxna',
            'individual',
            null,
            null,
            null,
            null,
            '\u221214 616',
            { formula: 'H6-1316', result: -13300 },
            { formula: 'ROUND(-13125.4,0)', result: -13125 },
          ],
          [
            'cost',
            'Projekt',
            'structural',
            null,
            new Date(Date.UTC(2022, 6, 1)),
            new Date(Date.UTC(2024, 5, 30)),
            { formula: '600*2', result: 1200 },
          ],
          ['stated', 'Resultat', 'result', null, null, null, null, '−8 430'],
          ['stated', 'Förvaltningens andel', 'share-administration', null, null, null, null, 0.092, '9,2 %'],
        ],
        Anteckningar: [['kind'], ['inget här']],
      },
      { 'Min budget': { H9: '0.0 %' } },
    );
    const result = await importBudgetWorkbook(bytes, 'uppladdad/plan.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const plan = result.value;
    expect(plan.name).toBe('plan');
    expect(plan.members.map((m) => m.amounts)).toEqual([
      { '2023': '30667000', '2024': '30667000', '2025': '30667000' },
      { '2023': '15333500', '2024': '15333500', '2025': '15333500' },
    ]);
    expect(plan.openingEquity).toBe('12604000');
    expect(plan.costs.map((c) => c.amount)).toEqual([
      { type: 'yearly', amounts: { '2023': '14616000', '2024': '13300000', '2025': '13125000' } },
      { type: 'period', start: '2022-07-01', end: '2024-06-30', total: '1200000' },
    ]);
    expect(plan.stated[0]).toMatchObject({
      year: 2023,
      figure: 'result',
      value: '-8430000',
      precision: '1000',
      source: { file: 'uppladdad/plan.xlsx[Min budget]', line: 8, column: 8, sheet: 'Min budget', row: 8 },
    });
    expect(plan.stated.slice(1).map((s) => [s.year, s.value, s.precision])).toEqual([
      [2023, '0.092', '0.001'],
      [2024, '0.092', '0.001'],
    ]);
    // The same cells as a Swedish Excel CSV give the same plan.
    const csv = [
      '# unit: tkr',
      'kind;name;group;project;start;end;total;2023;2024;2025',
      'member;Staten;state;;;;;30 667;30 667;30667',
      'member;Regionen;region;;;;;15 333,5;15333,5;15333.5',
      'equity;Ingående eget kapital;;;;;;12 604;;',
      'cost;Vuxna;individual;;;;;−14 616;-13300;-13125',
      'cost;Projekt;structural;;2022-07-01;2024-06-30;1200;;;',
      'stated;Resultat;result;;;;;−8 430;;',
      'stated;Förvaltningens andel;share-administration;;;;;9,2 %;9,2 %;',
    ].join('\n');
    const fromCsv = importBudgetTable(csv, 'plan.csv');
    if (!fromCsv.ok) throw new Error(JSON.stringify(fromCsv.errors));
    expect(withoutSources(plan)).toEqual(withoutSources(fromCsv.value));
    const projection = projectPlan(plan);
    expect(projection.ok && projection.value.rows.map((r) => r.costs)).toEqual([
      // 2022-07 to 2024-06: 12 of the 24 months in 2023, 6 in 2024.
      (14_616_000 + 600_000) * 100,
      (13_300_000 + 300_000) * 100,
      13_125_000 * 100,
    ]);
  });

  it('reads number cells exactly, with the decimals their format shows (the printed precision)', async () => {
    const bytes = await workbook(
      {
        Budget: [
          ['# unit: tkr'],
          ...budget(['stated', 'Kostnader', 'costs', null, null, null, null, 1234.5671, 0.1, 4065]),
        ],
      },
      { Budget: { J5: '#,##0.0' } },
    );
    const result = await importBudgetWorkbook(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.stated.map((s) => [s.value, s.precision])).toEqual([
      ['1234567.1', undefined],
      ['100', '100'],
      ['4065000', '100'],
    ]);
  });
});

describe('importBudgetWorkbook errors', () => {
  it('names the row and column of a bad amount, as the CSV importer words it', async () => {
    const rows = budget(
      ['cost', 'Vuxna', 'individual', null, null, null, null, 100, '12 6O4', 1],
      ['cost', 'Unga', 'individual', null, null, null, null, 'abc', 1, 1],
    );
    expect(await errorsOf(await workbook({ Budget: rows }))).toEqual([
      'budget.xlsx[Budget]:4:9: Ogiltigt belopp "12 6O4" i kolumn 2024',
      'budget.xlsx[Budget]:5:8: Ogiltigt belopp "abc" i kolumn 2023',
    ]);
    expect(
      csvMessages(
        [
          'kind,name,group,project,start,end,total,2023,2024,2025',
          'member,Staten,state,,,,,1000,1000,1000',
          'equity,Eget kapital,,,,,,500,,',
          'cost,Vuxna,individual,,,,,100,12 6O4,1',
          'cost,Unga,individual,,,,,abc,1,1',
        ].join('\n'),
      ),
    ).toEqual(['Ogiltigt belopp "12 6O4" i kolumn 2024', 'Ogiltigt belopp "abc" i kolumn 2023']);
  });

  it('reports more decimals than öre in a number cell, a formula without a result, and bad dates, together', async () => {
    const rows = budget(
      ['cost', 'Öre', 'individual', null, null, null, null, 0.001, 1 / 3, { formula: 'H4*2' } as Value],
      ['cost', 'Datum', 'individual', null, 'första juli', 45108, null, 1, 1, 1],
    );
    expect(await errorsOf(await workbook({ Budget: rows }))).toEqual([
      'budget.xlsx[Budget]:4:10: Formeln =H4*2 i Budget!J4 har inget sparat värde: öppna filen i Excel och spara den igen',
      'budget.xlsx[Budget]:4:8: Beloppet "0.001" har fler decimaler än öre i kolumn 2023',
      'budget.xlsx[Budget]:4:9: Beloppet "0.333333333333333" har fler decimaler än öre i kolumn 2024',
      'budget.xlsx[Budget]:5:5: Datum "första juli" ska skrivas ÅÅÅÅ-MM-DD',
      'budget.xlsx[Budget]:5:6: Datum "45108" ska skrivas ÅÅÅÅ-MM-DD',
    ]);
  });

  it('rounds the float noise of a cached result to the öre, with a note naming the cell', async () => {
    const rows = budget([
      'cost',
      'Kansli',
      'administration',
      null,
      null,
      null,
      null,
      { formula: 'H2*8.562', result: 8562.000000000002 } as Value,
      0.1 + 0.2,
      1,
    ]);
    const result = await importBudgetWorkbook(await workbook({ Budget: [['# unit: tkr'], ...rows] }), 'b.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.costs[0]?.amount).toEqual({
      type: 'yearly',
      amounts: { '2023': '8562000', '2024': '300', '2025': '1000' },
    });
    expect(result.notes).toEqual([
      'Budget!H5: det sparade värdet 8562.000000000002 har flyttalsbrus; det lästes som 8562',
      'Budget!I5: det sparade värdet 0.30000000000000004 har flyttalsbrus; det lästes som 0.3',
    ]);
  });

  it('points at the header when it is missing or wrong', async () => {
    const header = (...years: Value[]) => [[...HEADER.slice(0, 7), ...years]];
    const NO_BUDGET =
      'budget.xlsx:1:1: Inget blad i arbetsboken har budgettabellens rubrikrad (kind,name,group,project,start,end,total,år…); bladen heter';
    expect(await errorsOf(await workbook({ Budget: [['# unit: kr'], []] }))).toEqual([`${NO_BUDGET} "Budget"`]);
    expect(await errorsOf(await workbook({ Budget: [['# unit: kr'], ...budget().slice(1)], Blad2: [] }))).toEqual([
      `${NO_BUDGET} "Budget", "Blad2"`,
    ]);
    const grupp = [['kind', 'name', 'grupp', ...HEADER.slice(3)]];
    expect(await errorsOf(await workbook({ Budget: grupp }))).toEqual([
      'budget.xlsx[Budget]:1:3: Rubrikraden ska börja med kind,name,group,project,start,end,total; kolumn 3 är "grupp", väntade "group"',
    ]);
    expect(await errorsOf(await workbook({ Budget: header(2023, 2025, 2026) }))).toEqual([
      'budget.xlsx[Budget]:1:9: Åren ska följa på varandra: 2023 följs av 2025',
    ]);
    const eleven = Array.from({ length: 11 }, (_, k) => 2020 + k);
    expect(await errorsOf(await workbook({ Budget: header(...eleven) }))).toEqual([
      'budget.xlsx[Budget]:1:8: Tabellen ska ha 1 till 10 årskolumner, inte 11',
    ]);
    expect(await errorsOf(await workbook({ Budget: header() }))).toEqual([
      'budget.xlsx[Budget]:1:8: Tabellen ska ha 1 till 10 årskolumner, inte 0',
    ]);
    expect(await errorsOf(await workbook({ Budget: header(2023, 'år 2024', 2025) }))).toEqual([
      'budget.xlsx[Budget]:1:9: Årskolumnens rubrik "år 2024" är inget årtal',
    ]);
  });

  it('finds the budget sheet by its header row, whatever its name and place, and names it', async () => {
    const bytes = await workbook({
      Grundbudget: [['Belopp i kr', 2023, 2024, 2025]],
      Anteckningar: [['kind'], ['inget här']],
      'VP 2023': [
        ['Verksamhetsplan 2023'],
        [],
        ...budget(['cost', 'Team', 'individual', null, null, null, null, 'x', 1, 1]),
      ],
    });
    expect(await errorsOf(bytes, 'plan.xlsx')).toEqual(['plan.xlsx[VP 2023]:6:8: Ogiltigt belopp "x" i kolumn 2023']);
  });

  it('asks which sheet when several are budget tables, and reads the one named', async () => {
    const bytes = await workbook({ 'Budget 2023': budget(), 'Budget 2024': budget(['cost', 'X', 'individual']) });
    expect(await errorsOf(bytes)).toEqual([
      'budget.xlsx:1:1: Flera blad är budgettabeller ("Budget 2023", "Budget 2024"): välj ett av dem',
    ]);
    const chosen = await importBudgetWorkbook(bytes, 'b.xlsx', { unit: 'kr', sheet: 'budget 2024' });
    expect(chosen.ok && chosen.value.costs.map((c) => c.name)).toEqual(['X']);
    const missing = await importBudgetWorkbook(bytes, 'b.xlsx', { sheet: 'Budget' });
    expect(missing.ok ? [] : missing.errors.map((e) => e.message)).toEqual([
      'Arbetsboken har inget blad "Budget"; bladen heter "Budget 2023", "Budget 2024"',
    ]);
  });

  it('reads year headers written as dates or text, and a plan of one year', async () => {
    const bytes = await workbook(
      {
        Budget: [
          ['# unit: tkr'],
          [...HEADER.slice(0, 7), new Date(Date.UTC(2025, 0, 1)), '2026', new Date(Date.UTC(2027, 0, 1))],
          ['member', 'Staten', 'state', null, null, null, null, 1, 1, 1],
        ],
        Ett: [['# unit: kr'], [...HEADER.slice(0, 7), 2025], ['member', 'Staten', 'state', null, null, null, null, 5]],
      },
      { Budget: { J2: 'yyyy' } },
    );
    const result = await importBudgetWorkbook(bytes, 'b.xlsx', { sheet: 'Budget' });
    expect(result.ok && result.value.years).toEqual([2025, 2026, 2027]);
    const one = await importBudgetWorkbook(bytes, 'b.xlsx', { sheet: 'ett' });
    expect(one.ok && [one.value.years, one.value.members[0]?.amounts]).toEqual([[2025], { '2025': '5' }]);
  });
});

/** A zip archive with one stored (uncompressed) file: a valid zip that is no workbook. */
const zipOf = (name: string, content: string): Uint8Array => {
  const file = Buffer.from(name);
  const data = Buffer.from(content);
  /** A little-endian record of `size` bytes: its non-zero fields as [offset, bytes, value]. */
  const record = (size: number, fields: [number, 2 | 4, number][]) => {
    const bytes = Buffer.alloc(size);
    for (const [offset, length, value] of fields) bytes.writeUIntLE(value, offset, length);
    return bytes;
  };
  // CRC-32, compressed and uncompressed size, name length: at 14 in the local header, 16 in the central one.
  const sizes = (at: number): [number, 2 | 4, number][] => [
    [at, 4, crc32(data)],
    [at + 4, 4, data.length],
    [at + 8, 4, data.length],
    [at + 12, 2, file.length],
  ];
  const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], ...sizes(14)]);
  const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], ...sizes(16)]);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, 1],
    [10, 2, 1],
    [12, 4, central.length + file.length],
    [16, 4, local.length + file.length + data.length],
  ]);
  return new Uint8Array(Buffer.concat([local, file, data, central, file, end]));
};

describe('importBudgetWorkbook on a file that is no workbook', () => {
  const NOT_XLSX =
    'budget.xlsx:1:1: Filen kan inte läsas som en Excel-arbetsbok (.xlsx): den är skadad eller har ett annat format';

  it('says so in Swedish instead of crashing', async () => {
    const good = await workbook({ Budget: budget() });
    for (const bytes of [
      new Uint8Array(0),
      new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]),
      new TextEncoder().encode('kind,name,group,project,start,end,total,2023,2024,2025\n'),
      good.slice(0, good.length / 2),
    ])
      expect(await errorsOf(bytes)).toEqual([NOT_XLSX]);
    expect(await errorsOf(new ArrayBuffer(10))).toEqual([NOT_XLSX]);
  });

  it('reports a zip archive without sheets', async () => {
    expect(await errorsOf(zipOf('hej.txt', 'hej'))).toEqual(['budget.xlsx:1:1: Arbetsboken har inga blad']);
  });
});
