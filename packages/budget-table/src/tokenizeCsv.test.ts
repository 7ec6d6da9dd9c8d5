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

  it('drops the separators Excel pads a # line with, and reads tabs', () => {
    const { records } = tokenizeCsv('# unit: tkr;;;;\n# a; b ;\t;\nx\t\ty\n', ';');
    expect(records.slice(0, 2)).toEqual([
      { type: 'comment', line: 1, text: 'unit: tkr' },
      { type: 'comment', line: 2, text: 'a; b' },
    ]);
    const tabs = tokenizeCsv('# unit: kr\t\t\nx\t\ty\n', '\t').records;
    expect(tabs[0]).toEqual({ type: 'comment', line: 1, text: 'unit: kr' });
    expect(tabs[1]?.type === 'row' && tabs[1].cells.map((c) => [c.text, c.column])).toEqual([
      ['x', 1],
      ['', 3],
      ['y', 4],
    ]);
  });

  it('reads a # line as cells when asked to', () => {
    const { records } = tokenizeCsv('# a,b\n', ',', { comments: false });
    expect(records).toEqual([
      {
        type: 'row',
        line: 1,
        cells: [
          { text: '# a', line: 1, column: 1 },
          { text: 'b', line: 1, column: 5 },
        ],
      },
    ]);
  });

  it('detects the separator from the header line', () => {
    expect(detectSeparator('# unit: tkr\nkind;name;group;project\n')).toBe(';');
    expect(detectSeparator('kind,name,group;x\n')).toBe(',');
    expect(detectSeparator('Budget 2025, plan 2026\n"kind"\tname\tgroup\n')).toBe('\t');
  });

  it('without a budget header, takes the separator most lines use equally often', () => {
    // A title with a comma, names with commas, decimal commas: the semicolons are the same on every line.
    const semicolons = [
      'Budget 2025, Samordningsförbundet;;;',
      'Intäkter;2025;2026;2027',
      'Kansli, lokaler, IT, revision, telefon, porto;1,5;2,5;3,5',
      'Staten;1 000,5;1 000,5;1 000',
    ].join('\n');
    expect(detectSeparator(semicolons)).toBe(';');
    expect(detectSeparator('Rad\t2025\t2026\nStaten, FK\t1,5\t2\n')).toBe('\t');
    expect(detectSeparator('Rad,2025,2026\n"Staten; FK",1,2\nRegion,1,2\n')).toBe(',');
    expect(detectSeparator('bara text\n')).toBe(',');
  });
});
