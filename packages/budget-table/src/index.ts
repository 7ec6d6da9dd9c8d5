/** @samplan/budget-table — read and write the budget table (CSV) interchange format, with exact positions in errors. */

export { type DecodedText, decodeTableText, type TableEncoding } from './decodeTableText.ts';
export {
  budgetTableLines,
  exportBudgetTable,
  type TableCell,
  type TableLine,
  tableCellText,
} from './exportBudgetTable.ts';
export {
  type ImportOptions,
  type ImportResult,
  importBudgetRecords,
  type RecordsOptions,
} from './importBudgetRecords.ts';
export { importBudgetTable } from './importBudgetTable.ts';
export {
  type IssueParams,
  type ReadNote,
  TABLE_ISSUE_CODES,
  TABLE_NOTE_CODES,
  type TableIssueCode,
  type TableNoteCode,
} from './issueCodes.ts';
export {
  type AmountUnit,
  type NumberProblem,
  type ParsedNumber,
  parseAmount,
  type ReadNumberOptions,
  readNumber,
  UNIT_SCALE,
} from './parseAmount.ts';
export { ROW_DIRECTIVES, SETTINGS } from './readDirectives.ts';
export { FIXED_COLUMNS, KINDS, yearOf } from './readHeader.ts';
export { readBand, readRate, readStaff } from './readRates.ts';
export { readTableGrid, type TableGrid, trimRow } from './readTableGrid.ts';
export { slugify } from './slugify.ts';
export type { Cell, TableRecord } from './tableRecord.ts';
export { type CsvRecord, detectSeparator, type Separator, type TokenizeOptions, tokenizeCsv } from './tokenizeCsv.ts';
