/**
 * @samplan/budget-xlsx — the budget as an Excel workbook (.xlsx): the budget table sheet, one
 * projection sheet per scenario and a comparison, and reading the budget sheet back.
 */

export { cellText, cleanFloat, isYearFormat, numberFormatOf, numberText } from './cellText.ts';
export {
  BASE_SHEET,
  BUDGET_SHEET,
  COMPARISON_SHEET,
  type ExportWorkbookOptions,
  exportBudgetWorkbook,
  KRONOR_FORMAT,
  ORE_FORMAT,
  SHARE_FORMAT,
} from './exportBudgetWorkbook.ts';
export { gridRecords, type ImportWorkbookOptions, importBudgetWorkbook } from './importBudgetWorkbook.ts';
export { XLSX_ISSUE_CODES, XLSX_NOTE_CODES, type XlsxIssueCode, type XlsxNoteCode } from './issueCodes.ts';
export {
  cellRef,
  listSheets,
  loadWorkbook,
  type ReadWorkbookGridOptions,
  readSheet,
  readWorkbookGrid,
  type SheetInfo,
  type WorkbookGrid,
  worksheetGrid,
} from './readWorkbookGrid.ts';
export { MAX_SHEET_NAME, sheetNames } from './sheetNames.ts';
