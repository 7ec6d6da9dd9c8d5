import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellRef, listSheets, readWorkbookGrid } from '../src/index.ts';

type Value = ExcelJS.CellValue;
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

/** A workbook as förbund keep it: a merged title, year headers as dates and text, formulas, rich text. */
const printed = async (): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tom');
  const notes = wb.addWorksheet('Anteckningar');
  notes.addRow(['dold']);
  notes.state = 'hidden';
  const ws = wb.addWorksheet('Blad1');
  ws.addRow(['Budget 2025–2027, tkr']);
  ws.mergeCells('A1:D1');
  ws.addRow(['Intäkter', new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2026, 0, 1)), '2027']);
  ws.getCell('B2').numFmt = 'yyyy';
  ws.addRow([{ richText: [{ text: 'Staten gm ' }, { text: 'FK', font: { bold: true } }] }, 4281, 4281, 4281]);
  ws.addRow(['Region', 2140.5, 2140.5, 2140.5]);
  ws.getCell('B4').numFmt = '#,##0.0';
  const sum: Value[] = ['Summa intäkter'];
  ws.addRow(sum);
  ws.getCell('B5').value = { formula: 'B3+B4+2140.500000000002', result: 8562.000000000002 };
  ws.getCell('C5').value = { formula: 'C3+C4', shareType: 'shared', ref: 'C5:D5', result: 6421.5 } as Value;
  ws.getCell('D5').value = { sharedFormula: 'C5', result: 6421.5 } as Value;
  ws.addRow(['Förvaltningens andel', 0.092]);
  ws.getCell('B6').numFmt = '0.0 %';
  ws.addRow([]);
  ws.addRow(['Period', new Date(Date.UTC(2024, 5, 30)), { formula: '1/0', result: { error: '#DIV/0!' } }]);
  return wb;
};

describe('readWorkbookGrid', () => {
  it('gives every cell as text and typed value with sheet and address; formulas by their cached result', async () => {
    const grid = await readWorkbookGrid(await bytesOf(await printed()), { file: 'budget.xlsx' });
    if (!grid.ok) throw new Error(JSON.stringify(grid.errors));
    const { sheet, rows, notes } = grid.value;
    expect(sheet).toBe('Blad1');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Budget 2025–2027, tkr'],
      ['Intäkter', '2025', '2026-01-01', '2027'],
      ['Staten gm FK', '4281', '4281', '4281'],
      ['Region', '2140.5', '2140.5', '2140.5'],
      ['Summa intäkter', '8562', '6421.5', '6421.5'],
      ['Förvaltningens andel', '9.2 %'],
      [],
      ['Period', '2024-06-30', '#DIV/0!'],
    ]);
    expect(rows[1]?.map((c) => c.value)).toEqual([
      'Intäkter',
      new Date(Date.UTC(2025, 0, 1)),
      new Date(Date.UTC(2026, 0, 1)),
      '2027',
    ]);
    expect(rows[4]?.[1]).toEqual({ text: '8562', value: 8562, line: 5, column: 2, sheet: 'Blad1', ref: 'B5' });
    expect(rows[5]?.[1]?.value).toBe(0.092);
    expect(rows[7]?.[2]?.value).toBeUndefined();
    expect(notes).toEqual(['Blad1!B5: det sparade värdet 8562.000000000002 har flyttalsbrus; det lästes som 8562']);
  });

  it('reads a shared formula by its result (the file really holds one)', async () => {
    const bytes = await bytesOf(await printed());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.getWorksheet('Blad1')?.getCell('D5').value).toMatchObject({ sharedFormula: 'C5', result: 6421.5 });
    const grid = await readWorkbookGrid(bytes, { file: 'b.xlsx', sheet: 'blad1' });
    expect(grid.ok && grid.value.rows[4]?.[3]?.value).toBe(6421.5);
  });

  it('reads a cached result of 0 or false (exceljs drops them from cell.value)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Noll');
    ws.addRow([
      { formula: 'B1-B1', result: 0 },
      { formula: '1>2', result: false } as Value,
      { formula: 'A1' } as Value,
    ]);
    const bytes = await bytesOf(wb);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes as never);
    expect(loaded.getWorksheet('Noll')?.getCell('A1').value).toEqual({ formula: 'B1-B1' });
    const grid = await readWorkbookGrid(bytes, { file: 'n.xlsx' });
    expect(grid.ok ? [] : grid.errors.map((e) => e.message)).toEqual([
      'Formeln =A1 i Noll!C1 har inget sparat värde: öppna filen i Excel och spara den igen',
    ]);
    ws.getCell('C1').value = { formula: 'A1', result: 0 };
    const fixed = await readWorkbookGrid(await bytesOf(wb), { file: 'n.xlsx' });
    expect(fixed.ok && fixed.value.rows[0]?.map((c) => [c.text, c.value])).toEqual([
      ['0', 0],
      ['FALSKT', undefined],
      ['0', 0],
    ]);
  });

  it('keeps a merged range in its first cell only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('M');
    ws.addRow(['Kansli', 100, null, 'x']);
    ws.addRow([null, null, null, 'y']);
    ws.mergeCells('B1:C2');
    const grid = await readWorkbookGrid(await bytesOf(wb), { file: 'm.xlsx' });
    if (!grid.ok) throw new Error(JSON.stringify(grid.errors));
    expect(grid.value.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Kansli', '100', '', 'x'],
      ['', '', '', 'y'],
    ]);
  });

  it('refuses formulas saved without a result, naming every sheet and cell', async () => {
    const wb = await printed();
    const ws = wb.getWorksheet('Blad1') as ExcelJS.Worksheet;
    ws.getCell('C3').value = { formula: 'B3' } as Value;
    ws.getCell('E4').value = { formula: 'SUM(B4:D4)' } as Value;
    const grid = await readWorkbookGrid(await bytesOf(wb), { file: 'budget.xlsx' });
    expect(grid.ok ? [] : grid.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)).toEqual([
      'budget.xlsx[Blad1]:3:3: Formeln =B3 i Blad1!C3 har inget sparat värde: öppna filen i Excel och spara den igen',
      'budget.xlsx[Blad1]:4:5: Formeln =SUM(B4:D4) i Blad1!E4 har inget sparat värde: öppna filen i Excel och spara den igen',
    ]);
  });

  it('names the sheets when the one asked for is not there; says so when the file is no workbook', async () => {
    const bytes = await bytesOf(await printed());
    const missing = await readWorkbookGrid(bytes, { file: 'b.xlsx', sheet: 'Budget' });
    expect(missing.ok ? [] : missing.errors.map((e) => e.message)).toEqual([
      'Arbetsboken har inget blad "Budget"; bladen heter "Tom", "Anteckningar", "Blad1"',
    ]);
    const hidden = await readWorkbookGrid(bytes, { file: 'b.xlsx', sheet: 'ANTECKNINGAR' });
    expect(hidden.ok && hidden.value.rows).toEqual([
      [{ text: 'dold', value: 'dold', line: 1, column: 1, sheet: 'Anteckningar', ref: 'A1' }],
    ]);
    const bad = await readWorkbookGrid(new TextEncoder().encode('kind,name'), { file: 'x.xlsx' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['not-xlsx']);
  });
});

describe('listSheets', () => {
  it('lists every sheet in order with its size, marking hidden ones', async () => {
    expect(await listSheets(await bytesOf(await printed()), 'b.xlsx')).toEqual({
      ok: true,
      value: [
        { name: 'Tom', hidden: false, rows: 0, columns: 0 },
        { name: 'Anteckningar', hidden: true, rows: 1, columns: 1 },
        { name: 'Blad1', hidden: false, rows: 8, columns: 4 },
      ],
    });
  });
});

describe('cellRef', () => {
  it('writes Excel addresses', () => {
    expect([cellRef(1, 1), cellRef(3, 7), cellRef(26, 2), cellRef(27, 2), cellRef(702, 9), cellRef(703, 9)]).toEqual([
      'A1',
      'C7',
      'Z2',
      'AA2',
      'ZZ9',
      'AAA9',
    ]);
  });
});
