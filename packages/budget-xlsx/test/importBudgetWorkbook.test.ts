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
  const result = await importBudgetWorkbook(bytes, file);
  return result.ok ? [] : result.errors.map(located);
};
const csvMessages = (text: string) => {
  const result = importBudgetTable(text, 'plan.csv');
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
  it('reads Swedish text amounts, formulas by their result, dates, and the first sheet when none is called Budget', async () => {
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
      source: { file: 'uppladdad/plan.xlsx[Min budget]', line: 8, column: 8 },
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

  it('reports more decimals than öre in a number cell, float noise included, and a formula without a result', async () => {
    const rows = budget(
      ['cost', 'Öre', 'individual', null, null, null, null, 0.001, 0.1 + 0.2, { formula: 'H4*2' } as Value],
      ['cost', 'Datum', 'individual', null, 'första juli', 45108, null, 1, 1, 1],
    );
    expect(await errorsOf(await workbook({ Budget: rows }))).toEqual([
      'budget.xlsx[Budget]:4:8: Beloppet "0.001" har fler decimaler än öre i kolumn 2023',
      'budget.xlsx[Budget]:4:9: Beloppet "0.30000000000000004" har fler decimaler än öre i kolumn 2024',
      'budget.xlsx[Budget]:4:10: Ogiltigt belopp "=H4*2" i kolumn 2025',
      'budget.xlsx[Budget]:5:5: Datum "första juli" ska skrivas ÅÅÅÅ-MM-DD',
      'budget.xlsx[Budget]:5:6: Datum "45108" ska skrivas ÅÅÅÅ-MM-DD',
    ]);
  });

  it('points at the header when it is missing or wrong', async () => {
    const header = (...years: Value[]) => [[...HEADER.slice(0, 7), ...years]];
    expect(await errorsOf(await workbook({ Budget: [['# unit: kr'], []] }))).toEqual([
      'budget.xlsx[Budget]:1:1: Filen saknar rubrikrad (kind,name,group,project,start,end,total,år…)',
    ]);
    expect(await errorsOf(await workbook({ Budget: [['# unit: kr'], ...budget().slice(1)] }))).toEqual([
      'budget.xlsx[Budget]:2:1: Rubrikraden ska börja med kind,name,group,project,start,end,total; kolumn 1 är "member", väntade "kind"',
    ]);
    const grupp = [['kind', 'name', 'grupp', ...HEADER.slice(3)]];
    expect(await errorsOf(await workbook({ Budget: grupp }))).toEqual([
      'budget.xlsx[Budget]:1:3: Rubrikraden ska börja med kind,name,group,project,start,end,total; kolumn 3 är "grupp", väntade "group"',
    ]);
    expect(await errorsOf(await workbook({ Budget: header(2023, 2025, 2026) }))).toEqual([
      'budget.xlsx[Budget]:1:9: Åren ska följa på varandra: 2023 följs av 2025',
    ]);
    expect(await errorsOf(await workbook({ Budget: header(2023, 2024) }))).toEqual([
      'budget.xlsx[Budget]:1:8: Tabellen ska ha 3 till 5 årskolumner, inte 2',
    ]);
    expect(await errorsOf(await workbook({ Budget: header(2023, 'år 2024', 2025) }))).toEqual([
      'budget.xlsx[Budget]:1:9: Årskolumnens rubrik "år 2024" är inget årtal',
    ]);
  });

  it('reads the sheet called Budget, whatever its place, and names it', async () => {
    const bytes = await workbook({
      Grundbudget: [['Belopp i kr', 2023, 2024, 2025]],
      budget: budget(['cost', 'Team', 'individual', null, null, null, null, 'x', 1, 1]),
    });
    expect(await errorsOf(bytes, 'plan.xlsx')).toEqual(['plan.xlsx[budget]:4:8: Ogiltigt belopp "x" i kolumn 2023']);
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
