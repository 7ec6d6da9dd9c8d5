import { decodeTableText, type TableEncoding } from './decodeTableText.ts';
import type { ReadNote } from './issueCodes.ts';
import type { Cell } from './tableRecord.ts';
import { detectSeparator, type Separator, tokenizeCsv } from './tokenizeCsv.ts';

/** A CSV file as rows of cells, how it was read, and what the reader had to decide. */
export interface TableGrid {
  /** Every line of the file, in order, as its cells (with line and column); trailing empty cells dropped. */
  rows: Cell[][];
  separator: Separator;
  encoding: TableEncoding;
  /** Notes for the user, in Swedish, each naming the file (and line). */
  notes: string[];
  /** `notes` as data (code, params and the same Swedish sentence), one for each, in order. */
  noteReasons: ReadNote[];
  /** An opening quote that is never closed: the rows stop there. */
  unclosedQuote: Cell | null;
}

/** A row without the empty cells Excel pads it with on the right. */
export const trimRow = (cells: readonly Cell[]): Cell[] => {
  let end = cells.length;
  while (end > 0 && (cells[end - 1]?.text.trim() ?? '') === '') end--;
  return cells.slice(0, end);
};

/**
 * Reads a CSV file's bytes as a grid: decoded (see `decodeTableText`), split with its separator
 * (`,`, `;` or tab, see `detectSeparator`) by the tokenizer, every line a row of cells (a `#` line
 * too, as the cells it has: a grid has no comments), trailing empty cells dropped, so a blank line
 * is an empty row. For importers of tables laid out as people print them.
 */
export function readTableGrid(bytes: Uint8Array, file: string): TableGrid {
  const { text, encoding, notes, noteReasons } = decodeTableText(bytes, file);
  const separator = detectSeparator(text);
  const { records, unclosedQuote } = tokenizeCsv(text, separator, { comments: false });
  const rows = records.map((r) => (r.type === 'row' ? trimRow(r.cells) : []));
  if (unclosedQuote) {
    const { line, column } = unclosedQuote;
    const message = `${file}:${line}:${column}: Citattecknet stängs aldrig; filen lästes till dit`;
    notes.push(message);
    noteReasons.push({ code: 'unclosed-quote-read-to', message, params: { file, line, column }, file, line, column });
  }
  return { rows, separator, encoding, notes, noteReasons, unclosedQuote };
}
