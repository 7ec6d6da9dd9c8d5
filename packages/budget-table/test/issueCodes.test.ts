import type { Issue } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { importBudgetTable } from '../src/importBudgetTable.ts';
import { TABLE_ISSUE_CODES, type TableIssueCode } from '../src/issueCodes.ts';
import { readTableGrid } from '../src/readTableGrid.ts';

const HEADER = 'kind,name,group,project,start,end,total,2023,2024,2025';
const MEMBER = 'member,Staten,state,,,,,1000,1000,1000';
const table = (...rows: string[]) => [HEADER, MEMBER, 'equity,Eget kapital,,,,,,500,,', ...rows].join('\n');

/** One file for every code the readers report: each gives (at least) that error. */
const CASES: { [C in TableIssueCode]: { text: string; unit?: 'kr' | 'tkr' } } = {
  'unclosed-quote': { text: table('income,"Bidrag,,,,,,,1,,') },
  'no-header': { text: '# plan: Förbundet\n' },
  'bad-header': { text: 'kind,namn,group,project,start,end,total,2023' },
  'bad-year': { text: 'kind,name,group,project,start,end,total,2023,år två' },
  'years-not-consecutive': { text: 'kind,name,group,project,start,end,total,2023,2025' },
  'year-count': { text: 'kind,name,group,project,start,end,total' },
  'row-before-header': { text: `${MEMBER}\n${table()}` },
  'bad-unit': { text: `# unit: mkr\n${table()}` },
  'unit-conflict': { text: `# unit: tkr\n${table()}` },
  'missing-unit': { text: table(), unit: undefined },
  'ambiguous-amount': { text: table('income,Bidrag,,,,,,1.050,,') },
  'invalid-amount': { text: table('income,Bidrag,,,,,,abc,,') },
  'amount-precision': { text: table('income,Bidrag,,,,,,1.5555,,') },
  'invalid-rate': { text: `# utilization: mycket\n${table()}` },
  'extra-cell': { text: table('income,Bidrag,,,,,,1,1,1,extra') },
  'unknown-kind': { text: table('intäkt,Bidrag,,,,,,1,,') },
  'missing-name': { text: table('income,,,,,,,1,,') },
  'bad-group': { text: table('member,Kommunen,stad,,,,,1,,') },
  'bad-population': { text: table('# @population: många', 'member,Kommunen,kommun,,,,,1,,') },
  'missing-project': { text: table('esf,Bidrag,,,,,,1,,') },
  'conflicting-status': { text: table('esf,A,approved,Projektet,,,,1,,', 'esf,B,applied,Projektet,,,,1,,') },
  'duplicate-equity': { text: table('equity,Igen,,,,,,1,,') },
  'equity-later-year': { text: [HEADER, MEMBER, 'equity,Eget kapital,,,,,,5,6,'].join('\n') },
  'missing-equity-amount': { text: [HEADER, MEMBER, 'equity,Eget kapital,,,,,,,,'].join('\n') },
  'unknown-directive': { text: table('# @farg: röd', 'income,Bidrag,,,,,,1,,') },
  'duplicate-directive': { text: table('# @id: a', '# @id: b', 'income,Bidrag,,,,,,1,,') },
  'conflicting-setting': { text: `# plan: A\n# plan: B\n${table()}` },
  'directive-not-for-row': { text: table('# @staff: fte=1', 'income,Bidrag,,,,,,1,,') },
  'directive-without-row': { text: table('# @id: a') },
  'bad-directive': { text: table('# @sign: kanske', 'stated,Resultat,result,,,,,1,,') },
  'invalid-date': { text: table('cost,Kansli,individual,,2023/01/01,,,1,,') },
  'bad-staff': { text: table('# @staff: heltid', 'cost,Kansli,individual,,,,,,,') },
  'total-without-period': { text: table('cost,Kansli,individual,,,,1200,,,') },
  'total-and-years': { text: table('cost,Kansli,individual,,2023-01-01,2023-12-31,1200,1,,') },
  'unknown-project': { text: table('cost,Kansli,individual,Okänt,,,,1,,') },
  'ambiguous-member': {
    text: table(
      'member,Kommunen,kommun,,,,,1,,',
      'member,Kommunen,kommun,,,,,1,,',
      '# @member: Kommunen',
      'cost,Kansli,individual,,,,,1,,',
    ),
  },
  'unknown-member': { text: table('# @member: Ingen', 'cost,Kansli,individual,,,,,1,,') },
  'lines-missing': { text: table('stated,Summa,lines,,,,,1,,') },
  'unknown-line': { text: table('# @lines: Ingen', 'stated,Summa,lines,,,,,1,,') },
  'ambiguous-line': {
    text: table(
      'cost,Kansli,individual,,,,,1,,',
      'cost,Kansli,structural,,,,,1,,',
      '# @lines: Kansli',
      'stated,Summa,lines,,,,,1,,',
    ),
  },
};

const errorsOf = (text: string, unit: 'kr' | 'tkr' | undefined): Issue[] => {
  const result = importBudgetTable(text, 'plan.csv', unit ? { unit } : {});
  return result.ok ? [] : result.errors;
};

/** The texts a message quotes (`"abc"`, `"# @farg:"`). */
const quoted = (message: string) => [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);

describe('the codes of the budget table readers', () => {
  const cases = Object.entries(CASES) as [TableIssueCode, { text: string; unit?: 'kr' | 'tkr' }][];

  it.each(cases)('%s: reported, with params that hold what the message quotes', (code, { text, ...rest }) => {
    const errors = errorsOf(text, 'unit' in rest ? rest.unit : 'kr');
    expect(
      errors.map((e) => e.code),
      text,
    ).toContain(code);
    for (const e of errors) {
      expect(TABLE_ISSUE_CODES as readonly string[], e.message).toContain(e.code);
      expect(e.params, `${e.code}: ${e.message}`).toBeDefined();
      const values = Object.values(e.params ?? {})
        .map(String)
        .filter((v) => v !== '');
      for (const q of quoted(e.message))
        expect(
          values.some((v) => q.includes(v)),
          `${e.code}: "${q}" of ${e.message} in ${JSON.stringify(e.params)}`,
        ).toBe(true);
    }
  });

  it('the list has no code the readers never report', () => {
    expect(Object.keys(CASES).sort()).toEqual([...TABLE_ISSUE_CODES].sort());
  });

  it('an ambiguous amount names both readings and the separator', () => {
    const [error] = errorsOf(table('income,Bidrag,,,,,,1.050,,'), 'kr');
    expect(error).toMatchObject({
      code: 'ambiguous-amount',
      line: 4,
      params: { text: '1.050', column: '2023', whole: '1', fraction: '050', decimal: '1,05', separator: '.' },
    });
  });

  it('a file without a unit gives its first amount read both ways, in kronor', () => {
    const [error] = errorsOf(table(), undefined);
    expect(error).toMatchObject({ code: 'missing-unit', params: { text: '1000', kr: '1000', tkr: '1000000' } });
  });
});

describe('the notes of the table readers as data', () => {
  it('one note reason per note, with its code, params and the same sentence', () => {
    const bytes = Uint8Array.from('Rad,2025\nKansli \u0096 lokaler,12\nHyra,"12\n', (c) => c.charCodeAt(0));
    const grid = readTableGrid(bytes, 'k.csv');
    expect(grid.noteReasons.map((n) => n.message)).toEqual(grid.notes);
    expect(grid.noteReasons.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'windows-1252', params: { file: 'k.csv' } },
      { code: 'unclosed-quote-read-to', params: { file: 'k.csv', line: 3, column: 6 } },
    ]);
    const imported = importBudgetTable(bytes, 'k.csv');
    expect(imported.noteReasons.map((n) => n.code)).toEqual(['windows-1252']);
    expect(imported.noteReasons.map((n) => n.message)).toEqual(imported.notes);
  });
});
