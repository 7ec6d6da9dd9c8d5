import { type Cell, importBudgetRecords, type TableRecord } from '@samplan/budget-table';
import { fail, type Plan, type Result } from '@samplan/engine';
import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';
import { cellText } from './cellText.ts';
import { BUDGET_SHEET } from './exportBudgetWorkbook.ts';

/**
 * Reads a budget from an Excel workbook: the sheet `Budget` if there is one (any case), else the
 * first sheet, laid out as the budget table. It gives the plan `importBudgetTable` gives for the
 * same cells, with the same errors: the line is the row number, the column the column number,
 * and the file is `budget.xlsx[Budget]` (the file and the sheet). Number cells are read exactly,
 * text cells as people type numbers, formula cells by their cached result, dates as ISO dates.
 */
export async function importBudgetWorkbook(
  data: Uint8Array | ArrayBuffer,
  file = 'budget.xlsx',
): Promise<Result<Plan>> {
  const at = { file, line: 1, column: 1, field: '' };
  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip reads a Uint8Array or an ArrayBuffer; the type says Buffer only.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fail({
      code: 'not-xlsx',
      message: 'Filen kan inte läsas som en Excel-arbetsbok (.xlsx): den är skadad eller har ett annat format',
      ...at,
    });
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => s.name.toLowerCase() === BUDGET_SHEET.toLowerCase()) ?? sheets[0];
  if (!sheet) return fail({ code: 'no-sheet', message: 'Arbetsboken har inga blad', ...at });
  const name = file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  return importBudgetRecords(sheetRecords(sheet), `${file}[${sheet.name}]`, { name });
}

const isText = (value: CellValue): boolean =>
  typeof value === 'string' || (typeof value === 'object' && value !== null && 'richText' in value);

/**
 * A sheet's rows as budget-table records: every row as wide as the sheet (so every cell has its
 * own position), and a row whose first cell is text starting with `#` as a comment, its cells
 * joined with `,` as the CSV line would read.
 */
export function sheetRecords(sheet: Worksheet): TableRecord[] {
  const width = sheet.columnCount;
  const records: TableRecord[] = [];
  sheet.eachRow((row, line) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      cells.push({ text: cellText(cell.value, cell.numFmt), line, column });
    }
    const first = cells[0]?.text ?? '';
    if (first.startsWith('#') && isText(row.getCell(1).value)) {
      const texts = cells.map((c) => c.text);
      while (texts.length > 0 && texts.at(-1) === '') texts.pop();
      records.push({ type: 'comment', line, text: texts.join(',').slice(1).trim() });
    } else records.push({ type: 'row', line, cells });
  });
  return records;
}
