import type { Cell, ReadNote } from '@samplan/budget-table';
import { fail, type Issue, ok, type Result } from '@samplan/engine';
import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';
import { cellText, cleanFloat, isYearFormat, numberText } from './cellText.ts';

/** A sheet of a workbook, as a sheet picker shows it. */
export interface SheetInfo {
  name: string;
  /** Hidden (or very hidden) in Excel. */
  hidden: boolean;
  /** The last row and column that hold anything. */
  rows: number;
  columns: number;
}

/** One sheet as rows of cells: `rows[k]` is row k + 1, trailing empty cells dropped (an empty row is `[]`). */
export interface WorkbookGrid {
  sheet: string;
  rows: Cell[][];
  /** What the reader decided for the user, in Swedish, each naming its cell (`Blad1!C7: …`). */
  notes: string[];
  /** `notes` as data (code, params and the same Swedish sentence), one for each, in order. */
  noteReasons: ReadNote[];
}

/** Options of `readWorkbookGrid`. */
export interface ReadWorkbookGridOptions {
  /** The file's name, for errors. */
  file: string;
  /** The sheet to read (any case); by default the first visible sheet that holds anything. */
  sheet?: string;
}

const MAX_ERRORS = 50;

/** Loads a workbook, or the error that it is none. */
export async function loadWorkbook(data: Uint8Array | ArrayBuffer, file: string): Promise<Result<ExcelJS.Workbook>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip reads a Uint8Array or an ArrayBuffer; the type says Buffer only.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fail({
      code: 'not-xlsx',
      message: 'Filen kan inte läsas som en Excel-arbetsbok (.xlsx): den är skadad eller har ett annat format',
      params: { file },
      file,
      line: 1,
      column: 1,
      field: '',
    });
  }
  if (workbook.worksheets.length === 0)
    return fail({
      code: 'no-sheet',
      message: 'Arbetsboken har inga blad',
      params: { file },
      file,
      line: 1,
      column: 1,
      field: '',
    });
  return ok(workbook);
}

/** The workbook's sheets in their order, hidden ones included (and marked). */
export async function listSheets(data: Uint8Array | ArrayBuffer, file: string): Promise<Result<SheetInfo[]>> {
  const loaded = await loadWorkbook(data, file);
  if (!loaded.ok) return loaded;
  return ok(
    loaded.value.worksheets.map((ws) => ({
      name: ws.name,
      hidden: ws.state !== 'visible',
      rows: ws.actualRowCount === 0 ? 0 : ws.rowCount,
      columns: ws.actualColumnCount === 0 ? 0 : ws.columnCount,
    })),
  );
}

/** `C7` for column 3, row 7. */
export function cellRef(column: number, row: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * A worksheet as rows of cells: each cell's text as the budget table reads it (see `cellText`:
 * numbers exact with the decimals their format shows, a date as `ÅÅÅÅ-MM-DD`, or as the year
 * when its format shows only the year), its typed value (number, date or text; a formula's cached
 * result), its sheet and address. Float noise in a number (`8562.000000000002`, the binary
 * rounding of a formula's result, see `cleanFloat`) is removed, with a note naming the cell. A
 * merged range's value is in its first cell; the others are empty. A formula saved without its
 * result is an error naming the sheet and cell; every such cell is reported.
 */
export function worksheetGrid(ws: Worksheet, file: string): Result<WorkbookGrid> {
  const { errors, ...grid } = readSheet(ws, file);
  return errors.length ? fail(...errors) : ok(grid);
}

/**
 * `worksheetGrid`'s cells, notes and errors together, so an importer can report every error of
 * the sheet at once: a formula without a cached value is an error, and its cell is empty.
 */
export function readSheet(ws: Worksheet, file: string): WorkbookGrid & { errors: Issue[] } {
  const errors: Issue[] = [];
  const notes: string[] = [];
  const noteReasons: ReadNote[] = [];
  const rows: Cell[][] = [];
  const width = ws.columnCount;
  for (let line = 1; line <= ws.rowCount; line++) {
    const row = ws.getRow(line);
    const cells: Cell[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      const ref = cellRef(column, line);
      const base: Cell = { text: '', line, column, sheet: ws.name, ref };
      if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) {
        cells.push(base);
        continue;
      }
      // A formula's cached result; `cell.result`, since exceljs's `cell.value` drops a result of 0 or false.
      const formula = cell.type === ExcelJS.ValueType.Formula;
      const value = (formula ? cell.result : cell.value) as CellValue;
      if (formula && (value === undefined || value === null)) {
        if (errors.length < MAX_ERRORS)
          errors.push({
            code: 'formula-without-value',
            message: `Formeln =${cell.formula} i ${ws.name}!${ref} har inget sparat värde: öppna filen i Excel och spara den igen`,
            params: { formula: `=${cell.formula}`, sheet: ws.name, ref },
            file: `${file}[${ws.name}]`,
            line,
            column,
            field: ref,
          });
        cells.push(base);
        continue;
      }
      if (typeof value === 'number') {
        const clean = cleanFloat(value);
        if (clean !== value) {
          const [stored, read] = [numberText(value), numberText(clean)];
          const message = `${ws.name}!${ref}: det sparade värdet ${stored} har flyttalsbrus; det lästes som ${read}`;
          notes.push(message);
          const params = { sheet: ws.name, ref, stored, read };
          noteReasons.push({ code: 'float-noise', message, params, file: `${file}[${ws.name}]`, line, column });
        }
        cells.push({ ...base, text: numberText(clean, cell.numFmt), value: clean });
      } else if (value instanceof Date) {
        const text = isYearFormat(cell.numFmt) ? String(value.getUTCFullYear()) : cellText(value);
        cells.push(Number.isNaN(value.getTime()) ? base : { ...base, text, value });
      } else {
        const text = cellText(value, cell.numFmt);
        const isText =
          typeof value === 'string' ||
          (value !== null && typeof value === 'object' && ('richText' in value || 'hyperlink' in value));
        cells.push(isText ? { ...base, text, value: text } : { ...base, text });
      }
    }
    let end = cells.length;
    while (end > 0 && (cells[end - 1]?.text.trim() ?? '') === '') end--;
    rows.push(cells.slice(0, end));
  }
  return { sheet: ws.name, rows, notes, noteReasons, errors };
}

/** The first visible sheet that holds anything, else the first sheet. */
const defaultSheet = (workbook: ExcelJS.Workbook): Worksheet =>
  (workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0) ??
    workbook.worksheets[0]) as Worksheet;

/**
 * Reads one sheet of a workbook as rows of cells (see `worksheetGrid`): the sheet named in
 * `options.sheet` (any case; an unknown name is an error listing the sheets), by default the first
 * visible sheet that holds anything. A file that is no workbook, or has no sheets, is an error.
 */
export async function readWorkbookGrid(
  data: Uint8Array | ArrayBuffer,
  options: ReadWorkbookGridOptions,
): Promise<Result<WorkbookGrid>> {
  const { file } = options;
  const loaded = await loadWorkbook(data, file);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;
  let ws: Worksheet;
  if (options.sheet !== undefined) {
    const wanted = options.sheet.toLowerCase();
    const found = workbook.worksheets.find((s) => s.name.toLowerCase() === wanted);
    if (!found)
      return fail({
        code: 'no-such-sheet',
        message: `Arbetsboken har inget blad "${options.sheet}"; bladen heter ${workbook.worksheets.map((s) => `"${s.name}"`).join(', ')}`,
        params: { sheet: options.sheet, sheets: workbook.worksheets.map((s) => `"${s.name}"`).join(', ') },
        file,
        line: 1,
        column: 1,
        field: 'sheet',
      });
    ws = found;
  } else ws = defaultSheet(workbook);
  return worksheetGrid(ws, file);
}
