import type { Plan } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { budgetTableLines, type TableCell, type TableLine, tableCellText } from '../../src/exportBudgetTable.ts';

// A plan's budget table written the ways people and Excel save it. Each variant is the clean table
// (`exportBudgetTable`'s lines) with one habit applied; `lossless` variants must import to the same
// plan, the others to the same projection or to an error with file:line:column.

/** How one variant writes the table. */
interface Style {
  separator: ',' | ';' | '\t';
  /** `12604,5` instead of `12604.5`. */
  decimalComma?: boolean;
  /** Thousands grouped with this space (`12 604`). */
  group?: string;
  /** Written after every amount. */
  suffix?: string;
  /** The file's `# unit:` line says this (amounts are still in kr unless `inTkr`). */
  unitLine?: 'kr' | 'tkr' | null;
  /** Amounts divided by 1 000 (the file in tkr). */
  inTkr?: boolean;
  /** Dots as thousands separators (`1.234.567`): refused as ambiguous or malformed. */
  dotThousands?: boolean;
  /** How a cost row's amounts are written: `(90)`, `90-` or `−90`. */
  costSign?: 'parentheses' | 'trailing' | 'unicode';
  /** How a zero amount is written. */
  zero?: string;
  /** Every row and `#` line as wide as the widest row, padded with empty cells. */
  pad?: boolean;
  /** Title rows above everything. */
  title?: boolean;
  eol?: '\n' | '\r\n';
  /** The minus sign of negative amounts other than costs (`−` by default; Excel writes `-`). */
  minus?: string;
}

/** A file variant: its name, what habit it shows, its bytes, and whether it must give back the same plan. */
export interface CsvVariant {
  name: string;
  bytes: Uint8Array;
  lossless: boolean;
}

const CP1252: Record<string, number> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((c, k) => [c, 0x80 + k]),
);

/** Windows-1252 bytes; null when the text has a character Windows-1252 lacks. */
export function encodeWindows1252(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = CP1252[text[i] as string] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (mapped === undefined) return null;
    out[i] = mapped;
  }
  return out;
}

/** UTF-16 with a byte order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const units = [0xfeff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
  units.forEach((u, k) => {
    out[2 * k + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * k + (order === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** An amount in kronor as the style prints it. */
function amountText(kronor: string, style: Style, cost: boolean): string {
  let value = new Decimal(kronor);
  if (style.inTkr) value = value.dividedBy(1000);
  if (value.isZero() && style.zero) return `${style.zero}${style.suffix ?? ''}`;
  const negative = value.isNegative() || (cost && style.costSign !== undefined);
  const [whole, frac] = value.abs().toFixed().split('.') as [string, string | undefined];
  const sep = style.dotThousands ? '.' : style.group;
  const grouped = sep ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : whole;
  const point = style.decimalComma || style.dotThousands ? ',' : '.';
  const digits = frac ? `${grouped}${point}${frac}` : grouped;
  let text = digits;
  if (negative) {
    if (cost && style.costSign === 'parentheses') text = `(${digits})`;
    else if (cost && style.costSign === 'trailing') text = `${digits}-`;
    else text = `${style.minus ?? '\u2212'}${digits}`;
  }
  return `${text}${style.suffix ?? ''}`;
}

function cellText(cell: TableCell, style: Style, cost: boolean): string {
  if (typeof cell === 'string') return cell;
  if ('amount' in cell) return amountText(cell.amount, style, cost);
  const text = tableCellText(cell);
  return style.decimalComma ? text.replace('.', ',') : text;
}

const quote = (text: string, separator: string) =>
  text.includes(separator) || /["\n\r]/.test(text) || text.startsWith('#') ? `"${text.replace(/"/g, '""')}"` : text;

/** The table's text in a style. */
export function renderTable(lines: readonly TableLine[], style: Style): string {
  const sep = style.separator;
  const rows = lines.map((line): string[] => {
    if (line.type === 'comment') {
      if (line.text.startsWith('unit:')) {
        if (style.unitLine === null) return [];
        return [`# unit: ${style.unitLine ?? (style.inTkr ? 'tkr' : 'kr')}`];
      }
      // Excel quotes a cell that holds the separator, a `#` line too.
      const comment = `# ${line.text}`;
      return [comment.includes(style.separator) ? `"${comment.replace(/"/g, '""')}"` : comment];
    }
    const cost = line.cells[0] === 'cost';
    return line.cells.map((c) => quote(cellText(c, style, cost), sep));
  });
  const width = Math.max(...rows.map((r) => r.length));
  const body = rows
    .filter((r) => r.length > 0)
    .map((r) => {
      const cells = style.pad ? [...r, ...Array.from({ length: width - r.length }, () => '')] : r;
      return cells.join(sep);
    });
  const title = style.title
    ? [
        [
          'Samordningsförbundet: budget och plan',
          ...(style.pad ? Array.from({ length: width - 1 }, () => '') : []),
        ].join(sep),
        '',
      ]
    : [];
  const eol = style.eol ?? '\n';
  return `${[...title, ...body].join(eol)}${eol}`;
}

/** Every CSV variant of a plan's clean table (a variant that cannot hold the plan's text is left out). */
export function csvVariants(plan: Plan): CsvVariant[] {
  const lines = budgetTableLines(plan);
  const text = (style: Style) => renderTable(lines, style);
  const swedish: Style = { separator: ';', decimalComma: true, group: ' ' };
  const out: CsvVariant[] = [
    { name: 'clean (UTF-8, comma)', bytes: utf8(text({ separator: ',' })), lossless: true },
    { name: 'UTF-8 with BOM', bytes: utf8(`\uFEFF${text({ separator: ',' })}`), lossless: true },
    {
      name: 'UTF-16LE with BOM, tab (Excel "Unicode-text")',
      bytes: encodeUtf16(text({ separator: '\t' }), 'le'),
      lossless: true,
    },
    { name: 'UTF-16BE with BOM', bytes: encodeUtf16(text({ separator: ',' }), 'be'), lossless: true },
    { name: 'tab-separated', bytes: utf8(text({ separator: '\t' })), lossless: true },
    { name: 'semicolon, decimal comma, space groups', bytes: utf8(text(swedish)), lossless: true },
    { name: 'no-break and thin spaces in groups', bytes: utf8(text({ ...swedish, group: '\u00a0' })), lossless: true },
    {
      name: 'rows and # lines padded (Excel used range)',
      bytes: utf8(text({ ...swedish, pad: true })),
      lossless: true,
    },
    { name: 'title row above the header', bytes: utf8(text({ ...swedish, title: true, pad: true })), lossless: true },
    { name: 'CRLF line ends', bytes: utf8(text({ separator: ',', eol: '\r\n' })), lossless: true },
    {
      name: '"kr" after every amount, file in tkr',
      bytes: utf8(text({ ...swedish, suffix: ' kr', unitLine: 'tkr' })),
      lossless: true,
    },
    { name: 'costs as (90)', bytes: utf8(text({ ...swedish, costSign: 'parentheses' })), lossless: true },
    { name: 'costs as 90-', bytes: utf8(text({ ...swedish, costSign: 'trailing' })), lossless: true },
    { name: 'costs with Unicode minus', bytes: utf8(text({ ...swedish, costSign: 'unicode' })), lossless: true },
    { name: 'zero as –', bytes: utf8(text({ ...swedish, zero: '–' })), lossless: true },
    { name: 'zero as -', bytes: utf8(text({ separator: ',', zero: '-' })), lossless: true },
    { name: 'amounts in tkr (# unit: tkr)', bytes: utf8(text({ ...swedish, inTkr: true })), lossless: false },
    {
      name: 'dots as thousands separators',
      bytes: utf8(text({ ...swedish, group: undefined, dotThousands: true })),
      lossless: false,
    },
    { name: 'no # unit: line', bytes: utf8(text({ ...swedish, unitLine: null })), lossless: false },
  ];
  const windows = encodeWindows1252(text({ ...swedish, pad: true, eol: '\r\n', minus: '-' }));
  if (windows)
    out.splice(1, 0, {
      name: 'Windows-1252, semicolon, CRLF (Excel "CSV (semikolonavgränsad)")',
      bytes: windows,
      lossless: true,
    });
  return out;
}
