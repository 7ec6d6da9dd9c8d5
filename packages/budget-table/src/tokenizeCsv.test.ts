import { describe, expect, it } from 'vitest';
import { detectSeparator, tokenizeCsv } from './tokenizeCsv.ts';

describe('tokenizeCsv', () => {
  it('keeps the line and column of every cell', () => {
    const { records } = tokenizeCsv('# unit: tkr\na,bb,"c,c"\r\nx;y,,z\n', ',');
    expect(records[0]).toEqual({ type: 'comment', line: 1, text: 'unit: tkr' });
    expect(records[1]).toEqual({
      type: 'row',
      line: 2,
      cells: [
        { text: 'a', line: 2, column: 1 },
        { text: 'bb', line: 2, column: 3 },
        { text: 'c,c', line: 2, column: 6 },
      ],
    });
    expect(records[2]?.type === 'row' && records[2].cells.map((c) => [c.text, c.column])).toEqual([
      ['x;y', 1],
      ['', 5],
      ['z', 6],
    ]);
  });

  it('reads doubled quotes and line breaks inside quotes, counting lines after them', () => {
    const { records } = tokenizeCsv('"a ""b""","two\nlines"\nnext', ',');
    expect(records[0]?.type === 'row' && records[0].cells.map((c) => c.text)).toEqual(['a "b"', 'two\nlines']);
    expect(records[1]).toEqual({ type: 'row', line: 3, cells: [{ text: 'next', line: 3, column: 1 }] });
  });

  it('reports an unclosed quote where it starts', () => {
    expect(tokenizeCsv('a\n"never closed', ',').unclosedQuote).toEqual({ text: 'never closed', line: 2, column: 1 });
  });

  it('detects the separator from the header line', () => {
    expect(detectSeparator('# unit: tkr\nkind;name;group;project\n')).toBe(';');
    expect(detectSeparator('kind,name,group;x\n')).toBe(',');
  });
});
