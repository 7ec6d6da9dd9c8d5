/**
 * Every code of an error the workbook readers report themselves (`loadWorkbook`, `readSheet`,
 * `readWorkbookGrid`, `importBudgetWorkbook`), for a UI that says each one in its language from
 * the code and the issue's `params`. The budget sheet's cells then give the budget table's codes
 * (`TABLE_ISSUE_CODES` of `@samplan/budget-table`).
 */
export const XLSX_ISSUE_CODES = [
  'not-xlsx',
  'no-sheet',
  'no-such-sheet',
  'no-budget-sheet',
  'several-budget-sheets',
  'formula-without-value',
] as const;

/** The code of an error of the workbook readers. */
export type XlsxIssueCode = (typeof XLSX_ISSUE_CODES)[number];

/** Every code of a note the workbook readers give: float noise in a saved number, rounded. */
export const XLSX_NOTE_CODES = ['float-noise'] as const;

/** The code of a note of the workbook readers. */
export type XlsxNoteCode = (typeof XLSX_NOTE_CODES)[number];
