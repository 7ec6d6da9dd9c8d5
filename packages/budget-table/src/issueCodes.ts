import type { Issue } from '@samplan/engine';

/**
 * Every code of an error the budget table's readers report (`importBudgetTable`,
 * `importBudgetRecords` and the row readers), for a UI that says each one in its language from the
 * code and the issue's `params`. The plan's own validation (`parsePlan` of the engine) adds its
 * codes to these.
 */
export const TABLE_ISSUE_CODES = [
  'unclosed-quote',
  'no-header',
  'bad-header',
  'bad-year',
  'years-not-consecutive',
  'year-count',
  'row-before-header',
  'bad-unit',
  'unit-conflict',
  'missing-unit',
  'ambiguous-amount',
  'invalid-amount',
  'amount-precision',
  'invalid-rate',
  'extra-cell',
  'unknown-kind',
  'missing-name',
  'bad-group',
  'bad-population',
  'missing-project',
  'conflicting-status',
  'duplicate-equity',
  'equity-later-year',
  'missing-equity-amount',
  'unknown-directive',
  'duplicate-directive',
  'conflicting-setting',
  'directive-not-for-row',
  'directive-without-row',
  'bad-directive',
  'invalid-date',
  'bad-staff',
  'total-without-period',
  'total-and-years',
  'unknown-project',
  'ambiguous-member',
  'unknown-member',
  'lines-missing',
  'unknown-line',
  'ambiguous-line',
] as const;

/** The code of an error of the budget table's readers. */
export type TableIssueCode = (typeof TABLE_ISSUE_CODES)[number];

/**
 * Every code of a note the table readers give (`decodeTableText`, `readTableGrid`): what they
 * decided for the user, e.g. that a file that is not UTF-8 was read as Windows-1252.
 */
export const TABLE_NOTE_CODES = ['windows-1252', 'utf-16-without-bom', 'unclosed-quote-read-to'] as const;

/** The code of a note of the table readers. */
export type TableNoteCode = (typeof TABLE_NOTE_CODES)[number];

/** The values a message names (a cell's text, a year, what was expected), by name. */
export type IssueParams = NonNullable<Issue['params']>;

/**
 * A note of a reader as data: its code, the values it names, and the Swedish sentence (the same
 * text as in the reader's `notes`). `file`, `line` and `column` when it is about one place.
 */
export interface ReadNote {
  code: string;
  message: string;
  params: IssueParams;
  file?: string;
  line?: number;
  column?: number;
}
