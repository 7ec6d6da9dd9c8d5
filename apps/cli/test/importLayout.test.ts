import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/samplan.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'samplan-layout-'));

/** Runs the real `samplan` binary in a child process, in the temporary directory. */
const samplan = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmp });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

type Value = string | number | null;

/**
 * A two-year budget (a budget year and a plan year, as Finsam Falun-Borlänge keeps it) laid out
 * as printed: a title, "Budget"/"Plan" year headers, members, opening equity among the revenue,
 * a heading per category, sums, the result. No unit anywhere; one row has a note where 2026's
 * amount should be.
 */
function budgetRows(first: number, extra: Value[][] = []): Value[][] {
  return [
    ['Finsam Falun-Borlänge'],
    [],
    ['', `Budget ${first}`, `Plan ${first + 1}`],
    ['Intäkter'],
    ['Försäkringskassan', 4000, 4000],
    ['Region Dalarna', 2000, 2000],
    ['Falu kommun', 1200, 1200],
    ['Borlänge kommun', 800, 800],
    ['Ingående eget kapital', 1500, 700],
    ['Summa intäkter', 9500, 8700],
    ['Kostnader'],
    ['Individinriktade insatser'],
    ['Samverkansteam', 5200, 5300],
    ['Diverse', 100, 'se not'],
    ...extra,
    ['Förvaltning'],
    ['Kansli', 1900, 1950],
    ['Revision', 100, 100],
    ['Summa kostnader', 7200, 7350],
    ['Årets resultat', 800, 650],
  ];
}

async function writeXlsx(name: string, rows: Value[][], notesSheetFirst = false): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  if (notesSheetFirst) workbook.addWorksheet('Anteckningar').getCell('A1').value = 'Att göra 2026';
  const ws = workbook.addWorksheet('Budget');
  rows.forEach((cells, r) => {
    cells.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v;
    });
  });
  const file = join(tmp, name);
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

const readJsonFile = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('samplan import --layout', () => {
  it('asks for the unit and the rows it cannot classify, writes the template, and takes it back reviewed', async () => {
    const file = await writeXlsx('falun.xlsx', budgetRows(2025));
    const first = samplan('import', '--layout', file);
    expect(first.code).toBe(2);
    expect(first.out).toBe('');
    expect(first.err).toContain(
      `${file}:3:1: Bladet säger inte om beloppen är i kr eller tkr: kör igen med --unit kr eller --unit tkr. Första beloppet, "Försäkringskassan" 4\u00a0000, blir 4\u00a0000 kr med --unit kr och 4\u00a0000\u00a0000 kr med --unit tkr.`,
    );
    expect(first.err).toContain(
      `${file}:14:1: Raden "Diverse" kan inte klassas säkert: cellen "se not" (2026) är inget belopp`,
    );
    const template = `${file}.mapping.json`;
    expect(first.err).toContain(`Förslaget är skrivet till ${template}`);
    const mapping = readJsonFile(template);
    expect(mapping).toMatchObject({
      version: 1,
      unit: null,
      sheet: 'Budget',
      headerRow: 3,
      labelColumn: 1,
      yearColumns: [2, 3],
    });
    expect(mapping.rows.find((r: { key: string }) => r.key === 'diverse').role).toEqual({ kind: 'unknown' });
    expect(mapping.rows.find((r: { key: string }) => r.key === 'region dalarna')).toMatchObject({
      role: { kind: 'member', group: 'region' },
      confidence: 'sure',
      note: "'Region' i radnamnet → region (medlem)",
    });

    // The user's review: tkr, and "Diverse" is a note row.
    mapping.unit = 'tkr';
    mapping.rows.find((r: { key: string }) => r.key === 'diverse').role = { kind: 'ignore' };
    const reviewed = join(tmp, 'falun.reviewed.json');
    writeFileSync(reviewed, JSON.stringify(mapping, null, 2));
    const second = samplan('import', '--layout', file, '--mapping', reviewed);
    expect(second.code).toBe(0);
    const plan = JSON.parse(second.out);
    expect(plan).toMatchObject({ name: 'Finsam Falun-Borlänge', years: [2025, 2026], openingEquity: '1500000' });
    expect(plan.members.map((m: { group: string }) => m.group)).toEqual(['state', 'region', 'kommun', 'kommun']);
    expect(plan.costs.map((c: { name: string; category: string }) => [c.name, c.category])).toEqual([
      ['Samverkansteam', 'individual'],
      ['Kansli', 'administration'],
      ['Revision', 'administration'],
    ]);
    expect(plan.stated.find((s: { figure: string }) => s.figure === 'result')).toMatchObject({
      year: 2025,
      value: '800000',
      label: 'Årets resultat',
      source: { file, line: 19, column: 2, sheet: 'Budget', row: 19 },
    });

    // The plan it wrote projects, and its audit finds the document's one slip: the 2026 opening equity.
    writeFileSync(join(tmp, 'falun.plan.json'), second.out);
    const report = JSON.parse(samplan('project', join(tmp, 'falun.plan.json'), '--json').out);
    expect(report.years.map((y: { closingEquity: string }) => y.closingEquity)).toEqual(['2300000', '2950000']);
    expect(report.audit).toEqual([
      { year: 2026, figure: 'opening-equity', stated: '700000', computed: '2300000', difference: '-1600000' },
      { year: 2026, figure: 'revenue-with-equity', stated: '8700000', computed: '10300000', difference: '-1600000' },
    ]);
  });

  it('imports next year’s file from the saved mapping’s sheet, and stops at a row the mapping does not know', async () => {
    // Next year's workbook has a notes sheet first: the mapping remembers the budget's sheet.
    const file = await writeXlsx('falun-2026.xlsx', budgetRows(2026, [['Ny insats Unga', 300, 300]]), true);
    const saved = readJsonFile(join(tmp, 'falun.reviewed.json'));
    const mappingFile = join(tmp, 'falun.saved.json');
    writeFileSync(mappingFile, JSON.stringify(saved));
    const out = join(tmp, 'falun-2026.mapping.json');
    const run = samplan('import', '--layout', file, '--mapping', mappingFile, '--write-mapping', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      `${file}:15:1: Raden "Ny insats Unga" finns inte i mappningen (förslag: under rubriken 'Individinriktade insatser' → individinriktad insats)`,
    );
    const extended = readJsonFile(out);
    expect(extended.unit).toBe('tkr');
    expect(extended.rows.find((r: { key: string }) => r.key === 'ny insats unga').role).toEqual({
      kind: 'cost',
      category: 'individual',
    });
    expect(extended.rows.find((r: { key: string }) => r.key === 'diverse').role).toEqual({ kind: 'ignore' });

    const again = samplan('import', '--layout', file, '--mapping', out);
    expect(again.code).toBe(0);
    const plan = JSON.parse(again.out);
    expect(plan.years).toEqual([2026, 2027]);
    expect(plan.costs.map((c: { name: string }) => c.name)).toEqual([
      'Samverkansteam',
      'Ny insats Unga',
      'Kansli',
      'Revision',
    ]);
  });

  it('reads a Swedish Excel CSV (Windows-1252, semicolons, costs negative) with the unit it states', () => {
    const lines = [
      'Finsam Exempel;;',
      'Belopp i tkr;;',
      ';2025;2026',
      'Intäkter;;',
      'Staten;1\u00a0000;1\u00a0000',
      'Regionen;500;500',
      'Kommunen;500;500',
      'Balanserat resultat;400;',
      'Summa intäkter;2\u00a0400;',
      'Kostnader;;',
      'Kansli;-300;-300',
      'Samverkansteam;-1\u00a0600,5;-1\u00a0700',
      'Summa kostnader;-1\u00a0900,5;-2\u00a0000',
      'Resultat;99,5;0',
    ];
    const bytes = Uint8Array.from([...`${lines.join('\r\n')}\r\n`], (c) => c.charCodeAt(0));
    const file = join(tmp, 'exempel.csv');
    writeFileSync(file, bytes);
    const run = samplan('import', '--layout', file);
    expect(run.err).toContain("Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')");
    expect(run.err).toContain('Kostnaderna är tryckta med minustecken → läses som kostnader (positiva i planen).');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.out);
    expect(plan.costs.map((c: { amount: { amounts: object } }) => c.amount.amounts)).toEqual([
      { 2025: '300000', 2026: '300000' },
      { 2025: '1600500', 2026: '1700000' },
    ]);
    expect(plan.stated.filter((s: { figure: string }) => s.figure === 'costs')).toEqual([
      expect.objectContaining({ year: 2025, value: '-1900500', sign: 'negative', precision: '100' }),
      expect.objectContaining({ year: 2026, value: '-2000000', sign: 'negative', precision: '1000' }),
    ]);
    writeFileSync(join(tmp, 'exempel.plan.json'), run.out);
    const report = JSON.parse(samplan('project', join(tmp, 'exempel.plan.json'), '--json').out);
    expect(report.audit).toEqual([]);
  });

  it('refuses a unit it does not know and a layout flag without --layout', () => {
    const bad = samplan('import', '--layout', 'x.xlsx', '--unit', 'dkr');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('samplan: --unit ska vara tkr, kr eller mkr, inte "dkr"\n');
    const stray = samplan('import', 'budget.csv', '--mapping', 'm.json');
    expect(stray.code).toBe(2);
    expect(stray.err).toBe('samplan: --mapping gäller bara med --layout\n');
    const missing = samplan('import', '--layout', join(tmp, 'saknas.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`${join(tmp, 'saknas.xlsx')}:1:1: filen finns inte\n`);
    expect(existsSync(join(tmp, 'saknas.xlsx.mapping.json'))).toBe(false);
  });
});
