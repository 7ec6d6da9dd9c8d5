import {
  importBudgetTable,
  readTableGrid,
  TABLE_ISSUE_CODES,
  TABLE_NOTE_CODES,
  type TableIssueCode,
} from '@samplan/budget-table';
import { importBudgetWorkbook, XLSX_ISSUE_CODES, XLSX_NOTE_CODES, type XlsxIssueCode } from '@samplan/budget-xlsx';
import { auditPlan, type Issue, type Plan, parsePlan } from '@samplan/engine';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Language, MESSAGES, type MessageKey, translate } from '../../i18n/messages.ts';
import { issueSv } from './issueMessages.ts';
import { issueText, noteText } from './issueText.ts';

const tr = (language: Language) => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(language, key, values);
const sv = tr('sv');
const en = tr('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const HEADER = 'kind,name,group,project,start,end,total,2023,2024,2025';
const MEMBER = 'member,Staten,state,,,,,1000,1000,1000';
const table = (...rows: string[]) => [HEADER, MEMBER, 'equity,Eget kapital,,,,,,500,,', ...rows].join('\n');

/** A file for every code of the budget table's readers (with every variant of a code that has them). */
const TABLE_FILES: Record<TableIssueCode, string[]> = {
  'unclosed-quote': [table('income,"Bidrag,,,,,,,1,,')],
  'no-header': ['# plan: Förbundet\n'],
  'bad-header': ['kind,namn,group,project,start,end,total,2023'],
  'bad-year': ['kind,name,group,project,start,end,total,2023,år två'],
  'years-not-consecutive': ['kind,name,group,project,start,end,total,2023,2025'],
  'year-count': ['kind,name,group,project,start,end,total'],
  'row-before-header': [`${MEMBER}\n${table()}`],
  'bad-unit': [`# unit: mkr\n${table()}`],
  'unit-conflict': [`# unit: tkr\n${table()}`],
  'missing-unit': [],
  'ambiguous-amount': [table('income,Bidrag,,,,,,1.050,,'), table('stated,Resultat,result,,,,,"2,500",,')],
  'invalid-amount': [
    table('income,Bidrag,,,,,,abc,,'),
    table('stated,Andel,share-administration,,,,,5 tkr,,'),
    table('stated,Resultat,result,,,,,5 %,,'),
  ],
  'amount-precision': [table('income,Bidrag,,,,,,1.5555,,')],
  'invalid-rate': [`# utilization: mycket\n${table()}`, `# admin-share: lite\n${table()}`],
  'extra-cell': [table('income,Bidrag,,,,,,1,1,1,extra')],
  'unknown-kind': [table('intäkt,Bidrag,,,,,,1,,')],
  'missing-name': [table('income,,,,,,,1,,')],
  'bad-group': [
    table('member,Kommunen,stad,,,,,1,,'),
    table('esf,Bidrag,beviljat,Projektet,,,,1,,'),
    table('cost,Kansli,admin,,,,,1,,'),
    table('stated,Summa,summa,,,,,1,,'),
  ],
  'bad-population': [table('# @population: många', 'member,Kommunen,kommun,,,,,1,,')],
  'missing-project': [table('esf,Bidrag,,,,,,1,,')],
  'conflicting-status': [table('esf,A,approved,Projektet,,,,1,,', 'esf,B,applied,Projektet,,,,1,,')],
  'duplicate-equity': [table('equity,Igen,,,,,,1,,')],
  'equity-later-year': [[HEADER, MEMBER, 'equity,Eget kapital,,,,,,5,6,'].join('\n')],
  'missing-equity-amount': [[HEADER, MEMBER, 'equity,Eget kapital,,,,,,,,'].join('\n')],
  'unknown-directive': [table('# @farg: röd', 'income,Bidrag,,,,,,1,,')],
  'duplicate-directive': [table('# @id: a', '# @id: b', 'income,Bidrag,,,,,,1,,')],
  'conflicting-setting': [`# plan: A\n# plan: B\n${table()}`],
  'directive-not-for-row': [
    table('# @staff: fte=1', 'income,Bidrag,,,,,,1,,'),
    table('# @precision: 1000', 'stated,Andel,share-administration,,,,,5 %,,'),
    table('# @sign: negative', 'stated,Andel,share-administration,,,,,5 %,,'),
    table('# @lines: Staten', 'stated,Resultat,result,,,,,1,,'),
  ],
  'directive-without-row': [table('# @id: a')],
  'bad-directive': [
    table('# @sign: kanske', 'stated,Resultat,result,,,,,1,,'),
    table('# @precision: noll', 'stated,Resultat,result,,,,,1,,'),
    table('# @lines: Staten;;', 'stated,Summa,lines,,,,,1,,'),
    table('# quote:', 'stated,Resultat,result,,,,,1,,'),
  ],
  'invalid-date': [table('cost,Kansli,individual,,2023/01/01,,,1,,')],
  'bad-staff': [table('# @staff: heltid', 'cost,Kansli,individual,,,,,,,')],
  'total-without-period': [table('cost,Kansli,individual,,,,1200,,,')],
  'total-and-years': [table('cost,Kansli,individual,,2023-01-01,2023-12-31,1200,1,,')],
  'unknown-project': [table('cost,Kansli,individual,Okänt,,,,1,,'), table('stated,Resultat,result,Okänt,,,,1,,')],
  'ambiguous-member': [
    table(
      'member,Kommunen,kommun,,,,,1,,',
      'member,Kommunen,kommun,,,,,1,,',
      '# @member: Kommunen',
      'cost,Kansli,individual,,,,,1,,',
    ),
  ],
  'unknown-member': [table('# @member: Ingen', 'cost,Kansli,individual,,,,,1,,')],
  'lines-missing': [table('stated,Summa,lines,,,,,1,,')],
  'unknown-line': [table('# @lines: Ingen', 'stated,Summa,lines,,,,,1,,')],
  'ambiguous-line': [
    table(
      'cost,Kansli,individual,,,,,1,,',
      'cost,Kansli,structural,,,,,1,,',
      '# @lines: Kansli',
      'stated,Summa,lines,,,,,1,,',
    ),
  ],
};

const refusal = (result: { ok: true } | { ok: false; errors: Issue[] }): Issue[] => (result.ok ? [] : result.errors);

/** Every error the budget table's readers give for the files above (and a file without a unit). */
function tableIssues(): Issue[] {
  const withUnit = Object.values(TABLE_FILES)
    .flat()
    .flatMap((text) => refusal(importBudgetTable(text, 'plan.csv', { unit: 'kr' })));
  return [...withUnit, ...refusal(importBudgetTable(table(), 'plan.csv'))];
}

async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Errors of the workbook readers (the empty workbook's `no-sheet` is left to the package's own test). */
async function workbookIssues(): Promise<Issue[]> {
  const budget: ExcelJS.CellValue[][] = [['# unit: kr'], HEADER.split(',').map((c) => (/^\d+$/.test(c) ? +c : c))];
  const formula = [...budget, ['income', 'Bidrag', null, null, null, null, null, { formula: 'H3' }]];
  const results = await Promise.all([
    importBudgetWorkbook(new TextEncoder().encode('kind,name'), 'x.xlsx'),
    importBudgetWorkbook(await workbook({ Budget: budget }), 'b.xlsx', { sheet: 'Blad9' }),
    importBudgetWorkbook(await workbook({ Blad1: [['Titel']] }), 'b.xlsx'),
    importBudgetWorkbook(await workbook({ A: budget, B: budget }), 'b.xlsx'),
    importBudgetWorkbook(await workbook({ Budget: formula as ExcelJS.CellValue[][] }), 'b.xlsx'),
  ]);
  return results.flatMap(refusal);
}

const PLAN = {
  version: 1,
  name: 'Förbundet',
  years: [2023, 2024, 2025],
  openingEquity: '0',
  members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { '2023': '1', '2024': '1', '2025': '1' } }],
  costs: [{ id: 'kansli', name: 'Kansli', category: 'administration', amount: { type: 'yearly', amounts: {} } }],
};

/** Every kind of audit error, on an unvalidated plan (as `auditPlan` reports them). */
function auditIssues(): Issue[] {
  const parsed = parsePlan(PLAN);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const stated = [
    { year: 2023, figure: 'costs', value: '3 000 tkr', label: 'Summa kostnader' },
    { year: 2023, figure: 'share-administration', value: 'tio procent' },
    { year: 2023, figure: 'costs', value: '3000000', precision: 'tusental' },
    { year: 2019, figure: 'costs', value: '1' },
    { year: 2023, figure: 'lines', value: '1', lines: ['kansli', 'okänd'] },
    { year: 2023, figure: 'lines', value: '1' },
    { year: 2023, figure: 'share-lines', value: '1', lines: ['kansli', 'staten'] },
    { year: 2023, figure: 'costs', value: '1', lines: ['kansli'] },
    { year: 2023, figure: 'costs', value: '1', when: { project: 'okänt', runs: true } },
    { year: 2023, figure: 'share-administration', value: '0.1', label: 'Förvaltning, andel' },
  ];
  return auditPlan({ ...parsed.value, stated: stated as Plan['stated'] }).errors;
}

/** The plan schema's issue kinds that have params, as `parsePlan` gives them. */
function schemaIssues(): Issue[] {
  const ten = Array.from({ length: 11 }, (_, k) => 2020 + k);
  return [
    parsePlan({ ...PLAN, openingEquity: 12 }),
    parsePlan({ ...PLAN, years: [], members: [] }),
    parsePlan({ ...PLAN, years: ten, members: [] }),
    parsePlan({ ...PLAN, openingEquity: '12,5' }),
    parsePlan({ ...PLAN, stated: [{ year: 2023, figure: 'summa', value: '1' }] }),
  ].flatMap(refusal);
}

/**
 * The refusals the workspace words otherwise than the CLI in Swedish: it names the cell's text (a
 * total, a later year's equity), says a directive's row kinds as a list, and an unknown project of
 * a cost row and of a stated row alike.
 */
const REWORDED = [
  'directive-not-for-row',
  'equity-later-year',
  'total-and-years',
  'total-without-period',
  'unknown-project',
];

/** Codes a UI says only by their Swedish message: the plan's own checks after the schema (no params). */
const SWEDISH_ONLY = ['duplicate-id', 'year-outside-plan', 'schema-custom'];

describe('issueText', () => {
  it('every code (and note) the budget readers can give has a Swedish and an English text', () => {
    const keys = Object.keys(MESSAGES.sv);
    for (const code of [...TABLE_ISSUE_CODES, ...XLSX_ISSUE_CODES]) expect(keys).toContain(`issue.${code}`);
    for (const code of [...TABLE_NOTE_CODES, ...XLSX_NOTE_CODES]) expect(keys).toContain(`issue.note.${code}`);
    for (const key of Object.keys(issueSv) as (keyof typeof issueSv)[]) {
      expect(MESSAGES.en[key], key).not.toBe(MESSAGES.sv[key]);
      // Swedish mode says a schema issue by zod's Swedish message; English from its params.
      if (key.startsWith('issue.schema-')) expect(placeholders(MESSAGES.sv[key]), key).toEqual(['message']);
      else expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.sv[key]));
    }
  });

  it('says every refusal of the budget table in English from its code, naming the cell’s text', () => {
    const issues = tableIssues();
    const codes = new Set(issues.map((e) => e.code));
    for (const code of TABLE_ISSUE_CODES) expect(codes, code).toContain(code);
    for (const issue of issues) {
      const english = issueText(issue, en);
      expect(english, `${issue.code}: ${issue.message}`).not.toBe(issue.message);
      expect(english).not.toMatch(/[{}]/);
      if (typeof issue.params?.text === 'string' && issue.params.text !== '')
        expect(english).toContain(issue.params.text);
      // Swedish mode says it from the code too, with the same cell text.
      const swedish = issueText(issue, sv);
      if (typeof issue.params?.text === 'string') expect(swedish).toContain(issue.params.text);
    }
  });

  it('in Swedish says what the CLI says, but for the refusals it words its own way', () => {
    const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const differ = tableIssues()
      .filter((issue) => spaces(issueText(issue, sv)) !== spaces(issue.message))
      .map((issue) => issue.code);
    expect([...new Set(differ)].sort()).toEqual(REWORDED);
  });

  it('an ambiguous amount in English: both readings, which separator, what to write', () => {
    const [issue] = refusal(importBudgetTable(table('income,Bidrag,,,,,,1.050,,'), 'plan.csv', { unit: 'kr' }));
    expect(issueText(issue as Issue, en)).toBe(
      'Ambiguous amount in column 2023: “1.050” can mean both 1\u00a0050 and 1,05 (is the point a thousands separator or a decimal mark?); write 1050 or 1,05',
    );
  });

  it('says every refusal of the workbook readers in English', async () => {
    const issues = await workbookIssues();
    const codes = new Set(issues.map((e) => e.code));
    for (const code of XLSX_ISSUE_CODES.filter((c): c is Exclude<XlsxIssueCode, 'no-sheet'> => c !== 'no-sheet'))
      expect(codes, code).toContain(code);
    for (const issue of issues) expect(issueText(issue, en), issue.message).not.toBe(issue.message);
    expect(issueText({ code: 'no-sheet', message: 'Arbetsboken har inga blad', params: { file: 'x.xlsx' } }, en)).toBe(
      'The workbook has no sheets',
    );
    const formula = issues.find((e) => e.code === 'formula-without-value') as Issue;
    expect(issueText(formula, en)).toBe(
      'The formula =H3 in Budget!H3 has no saved value: open the file in Excel and save it again',
    );
  });

  it('says every audit error in English with its figure and year, without the plan', () => {
    const issues = auditIssues();
    expect(new Set(issues.map((e) => e.code)).size).toBe(9);
    for (const issue of issues) expect(issueText(issue, en), issue.message).not.toBe(issue.message);
    expect(issues.map((e) => issueText(e, en)).slice(0, 2)).toEqual([
      'Summa kostnader 2023: “3 000 tkr” is not an amount in kronor',
      'administration share 2023: “tio procent” is not a share (e.g. “0.092” for 9,2 %)'.replace(
        'administration share',
        en('import.figure.share-administration'),
      ),
    ]);
    expect(issueText(issues.at(-1) as Issue, en)).toBe(
      'Förvaltning, andel 2023: the share cannot be computed, costs are 0 kr',
    );
  });

  it('says zod’s issue kinds in English from code and params, with the path; Swedish mode keeps zod’s Swedish', () => {
    const issues = schemaIssues();
    expect(issues.map((e) => e.code)).toEqual([
      'schema-invalid_type',
      'schema-too_small',
      'schema-too_big',
      'schema-invalid_format',
      'schema-invalid_value',
    ]);
    expect(issues.map((e) => issueText(e, en))).toEqual([
      'openingEquity: expected string',
      'years: at least 1 needed',
      'years: at most 10 allowed',
      'openingEquity: not written in the expected form (regex)',
      expect.stringMatching(/^stated\.0\.figure: must be one of "revenue", /),
    ]);
    for (const issue of issues) expect(issueText(issue, sv)).toBe(issue.message);
  });

  it('says the plan’s own checks that name their values in English', () => {
    const kommuner = ['Kungsbacka', 'Mölndal'].map((name) => ({ id: name.toLowerCase(), name, group: 'kommun' }));
    const issues = [
      ...refusal(parsePlan({ ...PLAN, years: [2023, 2025], members: [] })),
      ...refusal(parsePlan({ ...PLAN, members: [{ id: 'staten', name: 'Staten', group: 'state' }] })),
      ...refusal(parsePlan({ ...PLAN, members: [...PLAN.members, ...kommuner] })),
      ...refusal(parsePlan({ ...PLAN, thresholds: { equityCap: '0.2', adminShare: { min: '0.2', max: '0.1' } } })),
    ];
    expect(issues.map((e) => issueText(e, en))).toEqual([
      'The years must follow each other: 2023 is followed by 2025',
      'The state (Staten) must have amounts per year',
      'Kungsbacka: the population is needed to share out the member contribution',
      'The lower bound of the administration share is greater than the upper',
    ]);
  });

  it('falls back to the Swedish message for the codes listed as Swedish-only, and for unknown codes', () => {
    const dup = refusal(parsePlan({ ...PLAN, costs: [{ ...PLAN.costs[0], id: 'staten' }] }));
    const outside = refusal(parsePlan({ ...PLAN, members: [{ ...PLAN.members[0], amounts: { '2019': '1' } }] }));
    const issues = [...dup, ...outside];
    expect(issues.map((e) => e.code)).toEqual(['duplicate-id', 'year-outside-plan']);
    for (const issue of issues) {
      expect(SWEDISH_ONLY).toContain(issue.code);
      expect(issueText(issue, en)).toBe(issue.message);
    }
    expect(issueText({ code: 'schema-custom', message: 'Egen regel', params: {} }, en)).toBe('Egen regel');
    expect(issueText({ code: 'no-such-code', message: 'Okänt fel', params: { text: 'x' } }, en)).toBe('Okänt fel');
    // A known code whose params lack what its text names is said in Swedish, never with a hole.
    expect(issueText({ code: 'bad-year', message: 'Årskolumnens rubrik "x" är inget årtal', params: {} }, en)).toBe(
      'Årskolumnens rubrik "x" är inget årtal',
    );
  });
});

describe('noteText', () => {
  it('says the readers’ notes in the reader’s language', async () => {
    const bytes = Uint8Array.from('Rad,2025\nKansli \u0096 lokaler,12\nHyra,"12\n', (c) => c.charCodeAt(0));
    const grid = readTableGrid(bytes, 'k.csv');
    expect(grid.noteReasons.map((n) => noteText(n, en))).toEqual([
      'k.csv: The file is not UTF-8; it was read as Windows-1252 (Excel’s “CSV (semicolon delimited)”)',
      'k.csv:3:6: The quotation mark is never closed; the file was read up to there',
    ]);
    expect(grid.noteReasons.map((n) => noteText(n, sv))[1]).toBe(grid.notes[1]);
    const noisy = await importBudgetWorkbook(
      await workbook({
        Budget: [['# unit: kr'], HEADER.split(','), ['member', 'Staten', 'state', null, null, null, null, 0.1 + 0.2]],
      }),
      'b.xlsx',
    );
    expect(noisy.noteReasons.map((n) => noteText(n, en))).toEqual([
      'Budget!H3: the saved value 0.30000000000000004 has floating-point noise; it was read as 0.3',
    ]);
    expect(noteText({ code: 'new-note', message: 'En ny anteckning', params: {} }, en)).toBe('En ny anteckning');
  });
});
