import type { Cell, TableRecord } from './tableRecord.ts';

/** A data record, or a comment line (`#` first on its line) kept whole. */
export type CsvRecord = TableRecord;

/**
 * Splits CSV text into records, keeping every cell's line and column so errors can point at it.
 * RFC 4180 quoting (`"a ""b"", c"`, quoted line breaks); `#` at the start of a line makes a comment.
 * The separator is `,` or `;`. A positional tokenizer is what the error messages need, and no
 * well-kept CSV library reports a position per cell, hence this small one.
 */
export function tokenizeCsv(text: string, separator: ',' | ';'): { records: CsvRecord[]; unclosedQuote: Cell | null } {
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let column = 1;
  const n = text.length;
  while (i < n) {
    if (text[i] === '#') {
      const end = lineEnd(text, i);
      records.push({ type: 'comment', line, text: text.slice(i + 1, end).trim() });
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

/** The separator of a budget table: whichever of `;` and `,` its header line uses more. */
export function detectSeparator(text: string): ',' | ';' {
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const lineText = raw.trim();
    if (lineText === '' || lineText.startsWith('#')) continue;
    const semicolons = lineText.split(';').length;
    const commas = lineText.split(',').length;
    return semicolons > commas ? ';' : ',';
  }
  return ',';
}
