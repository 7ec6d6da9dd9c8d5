import type { Issue } from '@samplan/engine';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importBudgetWorkbook, readWorkbookGrid, XLSX_ISSUE_CODES, type XlsxIssueCode } from '../src/index.ts';

type Value = ExcelJS.CellValue;

/** A workbook of sheets of rows; a cell given as `{ formula }` is a formula without a saved result. */
const workbook = async (sheets: Record<string, Value[][]>): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

const HEADER: Value[] = ['kind', 'name', 'group', 'project', 'start', 'end', 'total', 2023, 2024, 2025];
const BUDGET: Value[][] = [
  ['# unit: kr'],
  HEADER,
  ['member', 'Staten', 'state', null, null, null, null, 1000, 1000, 1000],
  ['equity', 'Eget kapital', null, null, null, null, null, 500],
];

/** The workbook readers' errors of one file, by `importBudgetWorkbook` (or `readWorkbookGrid` for an empty book). */
const CASES: { [C in XlsxIssueCode]: () => Promise<Issue[]> } = {
  'not-xlsx': async () => errorsOf(await importBudgetWorkbook(new TextEncoder().encode('kind,name'), 'x.xlsx')),
  'no-sheet': async () => {
    // exceljs writes no workbook without a sheet: one whose only sheet is removed before writing.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    wb.removeWorksheet(ws.id);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    return errorsOf(await readWorkbookGrid(bytes, { file: 'tom.xlsx' }));
  },
  'no-such-sheet': async () =>
    errorsOf(await importBudgetWorkbook(await workbook({ Budget: BUDGET }), 'b.xlsx', { sheet: 'Blad9' })),
  'no-budget-sheet': async () => errorsOf(await importBudgetWorkbook(await workbook({ Blad1: [['Titel']] }), 'b.xlsx')),
  'several-budget-sheets': async () =>
    errorsOf(await importBudgetWorkbook(await workbook({ A: BUDGET, B: BUDGET }), 'b.xlsx')),
  'formula-without-value': async () =>
    errorsOf(
      await importBudgetWorkbook(
        await workbook({ Budget: [...BUDGET, ['income', 'Bidrag', null, null, null, null, null, { formula: 'H3' }]] }),
        'b.xlsx',
      ),
    ),
};

function errorsOf(result: { ok: true } | { ok: false; errors: Issue[] }): Issue[] {
  return result.ok ? [] : result.errors;
}

describe('the codes of the workbook readers', () => {
  it.each(Object.entries(CASES) as [XlsxIssueCode, () => Promise<Issue[]>][])(
    '%s: reported, with params',
    async (code, errorsOfCase) => {
      const errors = await errorsOfCase();
      expect(errors.map((e) => e.code)).toContain(code);
      for (const e of errors) expect(e.params, `${e.code}: ${e.message}`).toBeDefined();
    },
  );

  it('the list has no code the readers never report', () => {
    expect(Object.keys(CASES).sort()).toEqual([...XLSX_ISSUE_CODES].sort());
  });

  it('a formula without its value names the formula, the sheet and the cell', async () => {
    const [error] = await CASES['formula-without-value']();
    expect(error).toMatchObject({ params: { formula: '=H3', sheet: 'Budget', ref: 'H5' }, line: 5, column: 8 });
  });

  it('float noise rounded is a note with its code and params, beside the Swedish sentence', async () => {
    const bytes = await workbook({
      Budget: [...BUDGET, ['income', 'Bidrag', null, null, null, null, null, 0.1 + 0.2]],
    });
    const result = await importBudgetWorkbook(bytes, 'b.xlsx');
    expect(result.ok).toBe(true);
    expect(result.noteReasons.map((n) => n.message)).toEqual(result.notes);
    expect(result.noteReasons).toEqual([
      {
        code: 'float-noise',
        message: 'Budget!H5: det sparade värdet 0.30000000000000004 har flyttalsbrus; det lästes som 0.3',
        params: { sheet: 'Budget', ref: 'H5', stored: '0.30000000000000004', read: '0.3' },
        file: 'b.xlsx[Budget]',
        line: 5,
        column: 8,
      },
    ]);
  });
});
