import type { Issue } from '@samplan/engine';
import { decodeTableText } from './decodeTableText.ts';
import { type ImportOptions, type ImportResult, importBudgetRecords } from './importBudgetRecords.ts';
import { trimRow } from './readTableGrid.ts';
import type { TableRecord } from './tableRecord.ts';
import { detectSeparator, tokenizeCsv } from './tokenizeCsv.ts';

/**
 * Reads a budget table (docs/formats/budget-table.md) into a validated plan. `input` is the file's
 * text, or its bytes (decoded as `decodeTableText` says: UTF-8 with or without BOM, UTF-16, or
 * Windows-1252 with a note). Separator `,`, `;` or tab. Every error names the file, line, column
 * and field with the cell's text; all errors are collected, not just the first. `options.unit` is
 * the unit when the file has no `# unit:` line (see `ImportOptions`).
 */
export function importBudgetTable(
  input: string | Uint8Array,
  file = 'budget.csv',
  options: ImportOptions = {},
): ImportResult {
  const decoded =
    typeof input === 'string' ? { text: input, notes: [], noteReasons: [] } : decodeTableText(input, file);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(text);
  const { records, unclosedQuote } = tokenizeCsv(text, separator);
  const issues: Issue[] = unclosedQuote
    ? [
        {
          code: 'unclosed-quote',
          message: 'Citattecknet stängs aldrig',
          params: {},
          file,
          line: unclosedQuote.line,
          column: unclosedQuote.column,
          field: '',
        },
      ]
    : [];
  return importBudgetRecords(records.map(quotedComment(separator)), file, {
    ...options,
    issues,
    notes: decoded.notes,
    noteReasons: decoded.noteReasons,
  });
}

/**
 * A row whose first cell starts with `#` is a comment too: Excel quotes a `#` cell that holds the
 * separator (`"# plan: Förbundet, Nord",,,`), so the tokenizer saw a row. Its cells are joined
 * with the separator, as the line would read unquoted.
 */
const quotedComment =
  (separator: string) =>
  (record: TableRecord): TableRecord => {
    if (record.type !== 'row' || !record.cells[0]?.text.trimStart().startsWith('#')) return record;
    const text = trimRow(record.cells)
      .map((c) => c.text)
      .join(separator)
      .trim()
      .slice(1)
      .trim();
    return { type: 'comment', line: record.line, text };
  };
