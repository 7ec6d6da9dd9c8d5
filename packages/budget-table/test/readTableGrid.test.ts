import { describe, expect, it } from 'vitest';
import { decodeTableText } from '../src/decodeTableText.ts';
import { readTableGrid } from '../src/readTableGrid.ts';

const TEXT = 'Budget för Gävle–Sandviken\r\nkind;name;2025\r\nmember;Staten gm Försäkringskassan;8 562,5\r\n';

/** UTF-16 code units, little or big endian, optionally after a byte order mark. */
const utf16 = (text: string, order: 'le' | 'be', bom = true): Uint8Array => {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, k) => {
    out[2 * k + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * k + (order === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
};
/** Windows-1252 bytes of a text of Latin-1 letters, the en dash, the euro sign and the right quote. */
const HIGH: Record<string, number> = { '–': 0x96, '€': 0x80, '’': 0x92 };
const cp1252 = (text: string): Uint8Array => Uint8Array.from(text, (c) => HIGH[c] ?? c.charCodeAt(0));

describe('decodeTableText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(decodeTableText(bytes, 'a.csv')).toEqual({ text: TEXT, encoding: 'utf-8', notes: [], noteReasons: [] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeTableText(bom, 'a.csv')).toEqual({ text: TEXT, encoding: 'utf-8-bom', notes: [], noteReasons: [] });
  });

  it('reads UTF-16 LE and BE by their byte order mark', () => {
    expect(decodeTableText(utf16(TEXT, 'le'), 'a.csv')).toEqual({
      text: TEXT,
      encoding: 'utf-16le',
      notes: [],
      noteReasons: [],
    });
    expect(decodeTableText(utf16(TEXT, 'be'), 'a.csv')).toEqual({
      text: TEXT,
      encoding: 'utf-16be',
      notes: [],
      noteReasons: [],
    });
  });

  it('recognises UTF-16 without a mark by its NUL bytes, and says so', () => {
    const read = decodeTableText(utf16(TEXT, 'le', false), 'a.csv');
    expect(read).toEqual({
      text: TEXT,
      encoding: 'utf-16le',
      notes: ['a.csv: Filen saknar byte order mark men är UTF-16 (LE); den lästes så'],
      noteReasons: [
        {
          code: 'utf-16-without-bom',
          message: 'a.csv: Filen saknar byte order mark men är UTF-16 (LE); den lästes så',
          params: { file: 'a.csv', byteOrder: 'LE' },
          file: 'a.csv',
        },
      ],
    });
    expect(decodeTableText(utf16(TEXT, 'be', false), 'a.csv').text).toBe(TEXT);
  });

  it('reads a file that is not UTF-8 as Windows-1252 (Swedish Excel CSV), with a note', () => {
    const bytes = cp1252(TEXT);
    expect(bytes.includes(0xe4) && bytes.includes(0x96)).toBe(true);
    expect(decodeTableText(cp1252('5 € – förbundets’'), 'b.csv').text).toBe('5 € – förbundets’');
    expect(decodeTableText(bytes, 'budget.csv')).toEqual({
      text: TEXT,
      encoding: 'windows-1252',
      notes: ["budget.csv: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')"],
      noteReasons: [
        {
          code: 'windows-1252',
          message: "budget.csv: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')",
          params: { file: 'budget.csv' },
          file: 'budget.csv',
        },
      ],
    });
  });

  it('reads an empty file as empty UTF-8', () => {
    expect(decodeTableText(new Uint8Array(0), 'a.csv')).toEqual({
      text: '',
      encoding: 'utf-8',
      notes: [],
      noteReasons: [],
    });
  });
});

describe('readTableGrid', () => {
  it('gives every line as cells with positions, trailing empty cells dropped, # lines as cells', () => {
    const text = 'Titel;;;\n# unit: tkr;;;\nkind;name;;2025;;\n\n;Tom början;"citat; med semikolon";1 000\n';
    const grid = readTableGrid(new TextEncoder().encode(text), 'f.csv');
    expect(grid.separator).toBe(';');
    expect(grid.encoding).toBe('utf-8');
    expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Titel'],
      ['# unit: tkr'],
      ['kind', 'name', '', '2025'],
      [],
      ['', 'Tom början', 'citat; med semikolon', '1 000'],
    ]);
    expect(grid.rows[4]?.map((c) => [c.line, c.column])).toEqual([
      [5, 1],
      [5, 2],
      [5, 13],
      [5, 36],
    ]);
    expect(grid.unclosedQuote).toBeNull();
  });

  it('reads tab-separated UTF-16 as Excel writes "Unicode-text"', () => {
    const grid = readTableGrid(utf16('Rad\t2025\t2026\r\nStaten\t1 000\t−1 000\r\n', 'le'), 'u.txt');
    expect(grid.separator).toBe('\t');
    expect(grid.encoding).toBe('utf-16le');
    expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Rad', '2025', '2026'],
      ['Staten', '1 000', '−1 000'],
    ]);
  });

  it('reads Windows-1252 and says so; an unclosed quote is noted where it starts', () => {
    const grid = readTableGrid(cp1252('Rad,2025\nKansli – lokaler,12\nHyra,"12\n'), 'k.csv');
    expect(grid.separator).toBe(',');
    expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Rad', '2025'],
      ['Kansli – lokaler', '12'],
    ]);
    expect(grid.notes).toEqual([
      "k.csv: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')",
      'k.csv:3:6: Citattecknet stängs aldrig; filen lästes till dit',
    ]);
    expect(grid.noteReasons.at(-1)).toMatchObject({
      code: 'unclosed-quote-read-to',
      file: 'k.csv',
      line: 3,
      column: 6,
    });
  });
});
