import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/samplan.js', import.meta.url));
const seeds = fileURLToPath(new URL('../../../packages/seed-plans/csv/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'samplan-cli-'));

/** Runs the real `samplan` binary in a child process. */
const samplan = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('samplan project', () => {
  it('prints the table in tkr with sv-SE numbers, the audit and both answers', () => {
    const { code, out } = samplan('project', join(seeds, 'goteborg-2023.csv'));
    expect(code).toBe(0);
    expect(out).toMatch(/Utgående eget kapital\s+4\u00a0174\s+2\u00a0807\s+2\u00a0120/);
    expect(out).toMatch(/Resultat\s+\u22128\u00a0430/);
    expect(out).toContain('Granskning: 6 av 34 angivna summor stämmer inte');
    expect(out).toMatch(
      /\n {2}2024 {2}Ingående eget kapital \(tabellen Intäkter\) \(rad 46 i \S*goteborg-2023\.csv\): dokumentet 4\u00a0065 tkr, beräknat 4\u00a0174 tkr, skillnad \u2212109 tkr\n/,
    );
    expect(out).toContain('Utrymme för nya insatser per år (från 2023): 706 tkr');
    expect(out).toContain('vid 1,16 % blir eget kapital negativt 2025');
  });

  it('--json prints exactly the documented shape, amounts as decimal strings in kronor', () => {
    const { code, out } = samplan('project', join(seeds, 'sundbyberg-2020.csv'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['unit', 'years', 'findings', 'audit']);
    expect(json.unit).toBe('kr');
    expect(json.years[0]).toMatchObject({
      year: 2020,
      revenue: '2000000',
      costs: '2270000',
      result: '-270000',
      openingEquity: '535000',
      closingEquity: '265000',
      equityRatio: '0.1325',
    });
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        rule: 'negative-equity',
        year: 2022,
        amount: '-225000',
        message: 'Eget kapital blir negativt 2022: \u2212225 tkr. Ett samordningsförbund får inte låna.',
      }),
    );
    expect(json.audit[0]).toEqual({
      year: 2021,
      figure: 'revenue-with-equity',
      stated: '2283000',
      computed: '2265000',
      difference: '18000',
    });
    const detail = JSON.parse(samplan('project', join(seeds, 'sundbyberg-2020.csv'), '--json', '--detail').out);
    expect(detail.audit[0]).toEqual({
      ...json.audit[0],
      label: 'TOTALT (intäkter inkl. överskott)',
      unit: 'kr',
      line: 24,
      source: { file: expect.stringMatching(/sundbyberg-2020\.csv$/), line: 24, column: 76 },
    });
    expect(detail.auditErrors).toEqual([]);
    expect(detail.answers.spendingRoom).toMatchObject({ yearly: null, bindingYear: 2022 });
    expect(detail.lines.find((l: { id: string }) => l.id === 'finsamteam-inkl-lots-och-insatskatalog').amounts).toEqual(
      ['770000', '660000', '680000'],
    );
  });

  it('takes a negative lever value as a separate word and with =', () => {
    const separate = JSON.parse(
      samplan('project', join(seeds, 'finnveden-2021.csv'), '--state', '-10%@2022', '--json').out,
    );
    const joined = JSON.parse(samplan('project', join(seeds, 'finnveden-2021.csv'), '--state=-10%@2022', '--json').out);
    expect(separate).toEqual(joined);
    // The state's 257 900 kr cut is followed by region and kommuner: 515 800 kr less revenue from 2022.
    expect(separate.years.map((y: { revenue: string }) => y.revenue)).toEqual(['5158000', '4642200', '4642200']);
    const alone = JSON.parse(
      samplan('project', join(seeds, 'finnveden-2021.csv'), '--state', '-257900@2022', '--no-matching', '--json').out,
    );
    expect(alone.years.map((y: { revenue: string }) => y.revenue)).toEqual(['5158000', '4900100', '4900100']);
  });

  it('applies ESF decisions, utilization and a scenario file', () => {
    const file = join(tmp, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify({ id: 's', name: 'Nyttjande', changes: [{ type: 'utilization', rate: '0.9' }] }),
    );
    const r = samplan(
      'project',
      join(seeds, 'sundbyberg-2020.csv'),
      '--esf',
      'MIA Vidare=approved',
      '--scenario',
      file,
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.years[0].revenue).toBe('2545000');
    // MIA costs 2 660 000 kr in 2020; individual and structural lines (1 310 000 kr) are 90 % used.
    expect(json.years[0].costs).toBe('2529000');
    const half = JSON.parse(
      samplan('project', join(seeds, 'sundbyberg-2020.csv'), '--esf', 'MIA Vidare=50%', '--json').out,
    );
    expect(half.years[0].revenueBySource.esf).toBe('272500');
  });

  it('exits 2 with file:line:column: message on a bad budget table', () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(
      file,
      'kind,name,group,project,start,end,total,2023,2024,2025\nequity,EK,,,,,,0,,\ncost,Team,individual,,,,,12 6O4,1,1\n',
    );
    const r = samplan('project', file, '--unit', 'kr');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${file}:3:26: Ogiltigt belopp "12 6O4" i kolumn 2023\n`);
    expect(r.out).toBe('');
  });

  it('never guesses the unit: a table that does not say is refused with the first amount both ways and --unit', () => {
    const file = join(tmp, 'nounit.csv');
    writeFileSync(file, 'kind,name,group,project,start,end,total,2025,2026\ncost,Team,individual,,,,,0,"4 198"\n');
    const r = samplan('project', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${file}:2:28: Filen anger inte om beloppen är i kr eller tkr ("4 198" är 4\u00a0198 kr eller 4\u00a0198\u00a0000 kr): lägg till raden # unit: tkr eller # unit: kr, eller välj enheten vid importen (här: --unit tkr eller --unit kr)\n`,
    );
    const plan = JSON.parse(samplan('import', file, '--unit', 'tkr').out);
    expect(plan.costs[0].amount.amounts).toEqual({ '2025': '0', '2026': '4198000' });
    expect(samplan('import', file, '--unit', 'öre')).toMatchObject({
      code: 2,
      err: 'samplan: --unit ska vara tkr eller kr, inte "öre"\n',
    });
  });

  it('reads a CSV as Swedish Excel saves it (Windows-1252, semicolons) and says which encoding it read', () => {
    const file = join(tmp, 'excel.csv');
    const text =
      '# unit: tkr\r\nkind;name;group;project;start;end;total;2025\r\ncost;Åtgärd för unga – Växjö;individual;;;;;"1 050,5"\r\n';
    writeFileSync(file, Buffer.from(text.replace('–', '\u0096'), 'latin1'));
    const r = samplan('import', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).costs[0]).toMatchObject({
      name: 'Åtgärd för unga – Växjö',
      amount: { type: 'yearly', amounts: { '2025': '1050500' } },
    });
    expect(r.err).toContain('Windows-1252');
  });

  it('exits 2 naming the line and column of a bad field in plan JSON', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(
      file,
      '{\n  "name": "x",\n  "years": [2023, 2024, 2025],\n  "openingEquity": 12,\n  "members": []\n}\n',
    );
    const r = samplan('project', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${file}:4:3: Ogiltig inmatning: förväntat string, fick antal (fält openingEquity)\n`);
    writeFileSync(file, '{ "name": "x",, }');
    expect(samplan('project', file).err).toBe(`${file}:1:15: Ogiltig JSON (PropertyNameExpected)\n`);
  });

  it('exits 2 on a bad lever and on a missing file', () => {
    const r = samplan('project', join(seeds, 'goteborg-2023.csv'), '--esf', 'Okänt=rejected');
    expect(r.code).toBe(2);
    expect(r.err).toContain('samplan: --esf: okänt ESF-projekt "Okänt"');
    expect(samplan('project', join(seeds, 'goteborg-2023.csv'), '--state', 'tio procent').code).toBe(2);
    expect(samplan('project', join(tmp, 'nope.csv')).err).toBe(`${join(tmp, 'nope.csv')}:1:1: filen finns inte\n`);
  });
});

describe('samplan import / export', () => {
  it('import writes plan JSON that projects like the table, and export writes the table back', () => {
    const plan = join(tmp, 'plan.json');
    const imported = samplan('import', join(seeds, 'goteborg-2023.csv'));
    expect(imported.code).toBe(0);
    writeFileSync(plan, imported.out);
    expect(JSON.parse(readFileSync(plan, 'utf8')).members[0]).toEqual({
      id: 'staten-gm-forsakringskassan',
      name: 'Staten gm Försäkringskassan',
      group: 'state',
      amounts: { '2023': '30667000', '2024': '30667000', '2025': '30667000' },
    });
    const exported = samplan('export', plan);
    expect(exported.code).toBe(0);
    expect(exported.out.split('\n')[7]).toBe('kind,name,group,project,start,end,total,2023,2024,2025');
    const table = join(tmp, 'again.csv');
    writeFileSync(table, exported.out);
    expect(samplan('project', table, '--json').out).toBe(
      samplan('project', join(seeds, 'goteborg-2023.csv'), '--json').out,
    );
  });
});

describe('samplan with Excel workbooks (.xlsx)', () => {
  const load = async (file: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as never);
    return workbook;
  };

  it('export --xlsx writes the workbook, and project and import read it like the budget table', () => {
    const book = join(tmp, 'goteborg.xlsx');
    const exported = samplan('export', join(seeds, 'goteborg-2023.csv'), '--xlsx', book);
    expect(exported).toMatchObject({ code: 0, out: '' });
    expect(samplan('project', book, '--json').out).toBe(
      samplan('project', join(seeds, 'goteborg-2023.csv'), '--json').out,
    );
    const imported = JSON.parse(samplan('import', book).out);
    expect(imported.members[0].amounts).toEqual({ '2023': '30667000', '2024': '30667000', '2025': '30667000' });
    expect(imported.stated[0].source.file).toBe(`${book}[Budget]`);
  });

  it('project --xlsx adds the scenario of the levers as a sheet and to the comparison', async () => {
    const book = join(tmp, 'scenario.xlsx');
    const r = samplan('project', join(seeds, 'goteborg-2023.csv'), '--state', '-10%@2025', '--json', '--xlsx', book);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const workbook = await load(book);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual(['Budget', 'Grundbudget', 'Staten −10 % från 2025', 'Jämförelse']);
    const sheet = workbook.worksheets[2] as ExcelJS.Worksheet;
    let closing: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Utgående eget kapital') closing = (row.values as unknown[]).slice(2);
    });
    expect(closing).toEqual(json.years.map((y: { closingEquity: string }) => Number(y.closingEquity)));
  });

  it('exits 2 with the sheet, row and column of a bad cell, and on a file that is no workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Budget');
    ws.addRow(['kind', 'name', 'group', 'project', 'start', 'end', 'total', 2023, 2024, 2025]);
    ws.addRow(['equity', 'EK', null, null, null, null, null, 0]);
    ws.addRow(['cost', 'Team', 'individual', null, null, null, null, '12 6O4', 1, 1]);
    const bad = join(tmp, 'bad.xlsx');
    writeFileSync(bad, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const r = samplan('project', bad, '--unit', 'kr');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${bad}[Budget]:3:8: Ogiltigt belopp "12 6O4" i kolumn 2023\n`);
    const corrupt = join(tmp, 'corrupt.xlsx');
    writeFileSync(corrupt, 'kind,name,group\n');
    expect(samplan('import', corrupt)).toMatchObject({
      code: 2,
      err: `${corrupt}:1:1: Filen kan inte läsas som en Excel-arbetsbok (.xlsx): den är skadad eller har ett annat format\n`,
    });
  });
});
