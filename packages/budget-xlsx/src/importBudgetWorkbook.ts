import {
  type Cell,
  type ImportOptions,
  type ImportResult,
  importBudgetRecords,
  type TableRecord,
  trimRow,
} from '@samplan/budget-table';
import { fail } from '@samplan/engine';
import type ExcelJS from 'exceljs';
import { cellText } from './cellText.ts';
import { loadWorkbook, readSheet } from './readWorkbookGrid.ts';

/** Options of `importBudgetWorkbook`. */
export interface ImportWorkbookOptions extends ImportOptions {
  /** The budget sheet (any case), when the workbook has more than one. */
  sheet?: string;
}

/** True when a row of the sheet starts the budget table's header: `kind`, `name` in its first two cells. */
function hasBudgetHeader(ws: ExcelJS.Worksheet): boolean {
  const text = (cell: ExcelJS.Cell) => cellText(cell.value, cell.numFmt).trim().toLowerCase();
  for (let line = 1; line <= ws.rowCount; line++) {
    const row = ws.getRow(line);
    if (text(row.getCell(1)) === 'kind' && text(row.getCell(2)) === 'name') return true;
  }
  return false;
}

/**
 * Reads a budget from an Excel workbook: the sheet laid out as the budget table, found by its
 * content (a row starting with `kind,name`), whatever its name or place; `options.sheet` names it when
 * several sheets are budget tables. It gives the plan `importBudgetTable` gives for the same
 * cells, with the same errors: the line is the row number, the column the column number, and the
 * file is `budget.xlsx[Budget]` (the file and the sheet). Cells are read by `worksheetGrid`:
 * numbers exactly (float noise of a formula's result removed, with a note), text as people type
 * numbers, formulas by their cached result (none is an error naming the cell), dates as dates and
 * a year header as the year. `options.unit` as for `importBudgetTable`.
 */
export async function importBudgetWorkbook(
  data: Uint8Array | ArrayBuffer,
  file = 'budget.xlsx',
  options: ImportWorkbookOptions = {},
): Promise<ImportResult> {
  const at = { file, line: 1, column: 1, field: 'sheet' };
  const loaded = await loadWorkbook(data, file);
  if (!loaded.ok) return { ...loaded, notes: [], noteReasons: [] };
  const sheets = loaded.value.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  let sheet: ExcelJS.Worksheet;
  if (options.sheet !== undefined) {
    const wanted = options.sheet.toLowerCase();
    const found = sheets.find((s) => s.name.toLowerCase() === wanted);
    if (!found)
      return {
        ...fail({
          code: 'no-such-sheet',
          message: `Arbetsboken har inget blad "${options.sheet}"; bladen heter ${names}`,
          params: { sheet: options.sheet, sheets: names },
          ...at,
        }),
        notes: [],
        noteReasons: [],
      };
    sheet = found;
  } else {
    const budgets = sheets.filter(hasBudgetHeader);
    if (budgets.length !== 1)
      return {
        ...fail(
          budgets.length === 0
            ? {
                code: 'no-budget-sheet',
                message: `Inget blad i arbetsboken har budgettabellens rubrikrad (kind,name,group,project,start,end,total,år…); bladen heter ${names}`,
                params: { sheets: names },
                ...at,
              }
            : {
                code: 'several-budget-sheets',
                message: `Flera blad är budgettabeller (${budgets.map((s) => `"${s.name}"`).join(', ')}): välj ett av dem`,
                params: { sheets: budgets.map((s) => `"${s.name}"`).join(', ') },
                ...at,
              },
        ),
        notes: [],
        noteReasons: [],
      };
    sheet = budgets[0] as ExcelJS.Worksheet;
  }
  const grid = readSheet(sheet, file);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  return importBudgetRecords(gridRecords(grid.rows), `${file}[${sheet.name}]`, {
    name,
    unit: options.unit,
    notes: grid.notes,
    noteReasons: grid.noteReasons,
    issues: grid.errors,
  });
}

/**
 * A sheet's rows (see `worksheetGrid`) as budget-table records: a row whose first cell is text
 * starting with `#` is a comment, its cells joined with `,` as the CSV line would read; every
 * other row is a row of its cells.
 */
export function gridRecords(rows: readonly Cell[][]): TableRecord[] {
  return rows.map((cells, k): TableRecord => {
    const line = k + 1;
    const first = cells[0];
    if (first && typeof first.value === 'string' && first.text.startsWith('#')) {
      const text = trimRow(cells)
        .map((c) => c.text)
        .join(',');
      return { type: 'comment', line, text: text.slice(1).trim() };
    }
    return { type: 'row', line, cells };
  });
}
