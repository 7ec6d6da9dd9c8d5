/** @samplan/budget-table — read and write the budget table (CSV) interchange format, with exact positions in errors. */

export { exportBudgetTable } from './exportBudgetTable.ts';
export { FIXED_COLUMNS, importBudgetTable, readRate } from './importBudgetTable.ts';
export { type ParsedNumber, parseAmount } from './parseAmount.ts';
export { slugify } from './slugify.ts';
export { type Cell, type CsvRecord, detectSeparator, tokenizeCsv } from './tokenizeCsv.ts';
