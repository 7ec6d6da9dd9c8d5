/** @samplan/budget-table — read and write the budget table (CSV) interchange format, with exact positions in errors. */

export { type DecodedText, decodeTableText, type TableEncoding } from './decodeTableText.ts';
export {
  budgetTableLines,
  exportBudgetTable,
  type TableCell,
  type TableLine,
  tableCellText,
} from './exportBudgetTable.ts';
export { FIXED_COLUMNS, importBudgetRecords, importBudgetTable, readRate } from './importBudgetTable.ts';
export { type ParsedNumber, parseAmount } from './parseAmount.ts';
export { readTableGrid, type TableGrid, trimRow } from './readTableGrid.ts';
export { slugify } from './slugify.ts';
export type { Cell, TableRecord } from './tableRecord.ts';
export { type CsvRecord, detectSeparator, type Separator, type TokenizeOptions, tokenizeCsv } from './tokenizeCsv.ts';
