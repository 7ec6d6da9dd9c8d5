import type { Cell, TableRecord } from './tableRecord.ts';

/** A data record, or a comment line (`#` first on its line) kept whole. */
export type CsvRecord = TableRecord;

/** The separators a budget table uses: `,`, `;` (Swedish Excel) or tab. */
export type Separator = ',' | ';' | '\t';

/** Options of `tokenizeCsv`. */
export interface TokenizeOptions {
  /** `#` first on a line makes a comment record (the default); false reads such a line as cells. */
  comments?: boolean;
}

/**
 * Splits CSV text into records, keeping every cell's line and column so errors can point at it.
 * RFC 4180 quoting (`"a ""b"", c"`, quoted line breaks); `#` at the start of a line makes a comment,
 * without the separators Excel pads it with (`# unit: tkr;;;;` is `unit: tkr`). The separator is
 * `,`, `;` or tab. A positional tokenizer is what the error messages need, and no well-kept CSV
 * library reports a position per cell, hence this small one.
 */
export function tokenizeCsv(
  text: string,
  separator: Separator,
  options: TokenizeOptions = {},
): { records: CsvRecord[]; unclosedQuote: Cell | null } {
  const comments = options.comments ?? true;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let column = 1;
  const n = text.length;
  while (i < n) {
    if (comments && text[i] === '#') {
      const end = lineEnd(text, i);
      let body = text.slice(i + 1, end).trim();
      while (body.endsWith(separator)) body = body.slice(0, -1).trimEnd();
      records.push({ type: 'comment', line, text: body });
      i = skipBreak(text, end);
      line++;
      column = 1;
      continue;
    }
    const recordLine = line;
    const cells: Cell[] = [];
    for (;;) {
      const cell: Cell = { text: '', line, column };
      if (text[i] === '"') {
        i++;
        column++;
        let closed = false;
        while (i < n) {
          const ch = text[i] as string;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell.text += '"';
              i += 2;
              column += 2;
              continue;
            }
            i++;
            column++;
            closed = true;
            break;
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
            line++;
            column = 1;
          } else if (ch !== '\r') column++;
          cell.text += ch === '\r' && text[i + 1] === '\n' ? '' : ch;
          i++;
        }
        if (!closed) return { records, unclosedQuote: cell };
        // Text after a closing quote and before the separator is kept, as spreadsheets do.
        while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') {
          cell.text += text[i];
          i++;
          column++;
        }
      } else {
        while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') {
          cell.text += text[i];
          i++;
          column++;
        }
      }
      cells.push(cell);
      if (text[i] === separator) {
        i++;
        column++;
        continue;
      }
      break;
    }
    records.push({ type: 'row', line: recordLine, cells });
    i = skipBreak(text, i);
    line++;
    column = 1;
  }
  return { records, unclosedQuote: null };
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function skipBreak(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (text[i] === '\r' || text[i] === '\n') return i + 1;
  return i;
}

/** How often `separator` occurs outside quotes in one line (a quoted cell's line breaks are not followed). */
function countOutsideQuotes(line: string, separator: Separator): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) count++;
  }
  return count;
}

/**
 * The separator of a table, `,`, `;` or tab. A line that starts the budget table's header (`kind`
 * and a separator) decides. Otherwise, among the first 50 lines that are not blank or `#`
 * comments, the separator that most lines use equally often (outside quotes) wins: Excel writes
 * every line with the same number of separators, while commas in names or decimal commas vary
 * from line to line. A tie goes to the separator used more often per line, then to `;`, tab, `,`.
 */
export function detectSeparator(text: string): Separator {
  const candidates = [';', '\t', ','] as const;
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const lineText = raw.trim();
    if (lineText === '' || lineText.startsWith('#')) continue;
    const header = /^"?kind"?([,;\t])/i.exec(raw.trimStart());
    if (header) return header[1] as Separator;
    lines.push(raw);
    if (lines.length >= 50) break;
  }
  let best: { separator: Separator; lines: number; count: number } = { separator: ',', lines: 0, count: 0 };
  for (const s of candidates) {
    const tally = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, s);
      if (count > 0) tally.set(count, (tally.get(count) ?? 0) + 1);
    }
    for (const [count, n] of tally)
      if (n > best.lines || (n === best.lines && count > best.count)) best = { separator: s, lines: n, count };
  }
  return best.separator;
}
