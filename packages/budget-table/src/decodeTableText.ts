import type { ReadNote, TableNoteCode } from './issueCodes.ts';

/**
 * The WHATWG TextDecoder, global in browsers, workers and Node: declared here so that the package
 * (and the engine's tests that read the seed tables through it) need neither the DOM lib nor Node's types.
 */
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

/** The encodings a budget table arrives in: what Excel and text editors save. */
export type TableEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file's text, the encoding it was read in, and what the reader had to decide (in Swedish). */
export interface DecodedText {
  text: string;
  encoding: TableEncoding;
  notes: string[];
  /** `notes` as data (code, params and the same Swedish sentence), one for each, in order. */
  noteReasons: ReadNote[];
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (where it differs from ISO-8859-1); the five
 * bytes it leaves undefined keep their C1 code point, as the WHATWG encoding standard says.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 text. TextDecoder's `windows-1252` is right in browsers, but Node 20's decodes the
 * bytes 0x80–0x9F as ISO-8859-1 control characters (`–`, 0x96, became U+0096), so those code
 * points are mapped to the Windows-1252 characters afterwards; in a browser they never occur.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

/**
 * UTF-16 without a byte order mark, recognised by its NUL bytes: in the first 512 bytes, at least
 * three in four characters have a NUL high byte (Latin text in UTF-16) and almost none a NUL low
 * byte. No UTF-8 or Windows-1252 table has NUL bytes at all.
 */
function nulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = n / 2;
  if (odd >= 0.75 * pairs && even <= 0.05 * pairs) return 'utf-16le';
  if (even >= 0.75 * pairs && odd <= 0.05 * pairs) return 'utf-16be';
  return null;
}

const noNotes = (): Pick<DecodedText, 'notes' | 'noteReasons'> => ({ notes: [], noteReasons: [] });

const oneNote = (
  code: TableNoteCode,
  message: string,
  params: ReadNote['params'],
  file: string,
): Pick<DecodedText, 'notes' | 'noteReasons'> => ({ notes: [message], noteReasons: [{ code, message, params, file }] });

/**
 * Reads a table file's bytes as text: UTF-8 with or without a byte order mark, UTF-16 (LE or BE)
 * with one, and a file that is not valid UTF-8 as Windows-1252, which is what Swedish Excel's
 * "CSV (semikolonavgränsad)" writes, with a note saying so. The byte order mark is not part of the
 * text. UTF-16 without a mark is recognised only by its NUL bytes, and noted.
 */
export function decodeTableText(bytes: Uint8Array, file: string): DecodedText {
  const b = (k: number) => bytes[k];
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', ...noNotes() };
  if (b(0) === 0xff && b(1) === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', ...noNotes() };
  if (b(0) === 0xfe && b(1) === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', ...noNotes() };
  const utf16 = nulPattern(bytes);
  if (utf16) {
    const byteOrder = utf16 === 'utf-16le' ? 'LE' : 'BE';
    return {
      text: new TextDecoder(utf16).decode(bytes),
      encoding: utf16,
      ...oneNote(
        'utf-16-without-bom',
        `${file}: Filen saknar byte order mark men är UTF-16 (${byteOrder}); den lästes så`,
        { file, byteOrder },
        file,
      ),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', ...noNotes() };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      ...oneNote(
        'windows-1252',
        `${file}: Filen är inte UTF-8; den lästes som Windows-1252 (Excels 'CSV (semikolonavgränsad)')`,
        { file },
        file,
      ),
    };
  }
}
