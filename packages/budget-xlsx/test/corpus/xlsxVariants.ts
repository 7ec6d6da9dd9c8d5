import { budgetTableLines, type TableCell, type TableLine } from '@samplan/budget-table';
import type { Plan } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { cleanFloat } from '../../src/cellText.ts';
import { exportBudgetWorkbook } from '../../src/exportBudgetWorkbook.ts';

// A plan's budget sheet written the ways Excel files arrive: the sheet elsewhere and renamed, a
// title above, year headers as text or dates, amounts as text, as formulas with and without cached
// results, with float noise. `lossless` variants must import to the same plan.

/** How one variant writes the budget sheet. */
interface Style {
  sheet?: string;
  /** Sheets before the budget sheet. */
  before?: boolean;
  /** A merged title row and a blank row above the table. */
  title?: boolean;
  years?: 'number' | 'text' | 'date' | 'date-yyyy';
  amounts?: 'number' | 'text' | 'formula' | 'formula-noise' | 'noise';
  /** The n-th amount cell is a formula saved without its result. */
  uncached?: number;
  /** `start`/`end` as date cells. */
  dates?: boolean;
  /** Leave out the `# unit:` row. */
  noUnit?: boolean;
}

/** A workbook variant: its name, its bytes, and whether it must give back the same plan. */
export interface XlsxVariant {
  name: string;
  bytes: Uint8Array;
  lossless: boolean;
}

/** The float a computation might leave instead of `value`: a few units in the last place off. */
export function noisy(value: number): number {
  if (value === 0) return 0;
  const off = value + value * 2 ** -50;
  if (off === value || cleanFloat(off) !== value) throw new Error(`no clean noise for ${value}`);
  return off;
}

/** `12604.5` as Swedish Excel text: `12 604,5`. */
const swedish = (kronor: string): string => {
  const [whole, frac] = new Decimal(kronor).abs().toFixed().split('.') as [string, string | undefined];
  const text = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}${frac ? `,${frac}` : ''}`;
  return kronor.startsWith('-') ? `-${text}` : text;
};

/** Writes the budget table as a sheet in the style. */
function writeSheet(ws: ExcelJS.Worksheet, lines: readonly TableLine[], style: Style): void {
  let amountCount = 0;
  let headerSeen = false;
  if (style.title) {
    ws.addRow(['Samordningsförbundet: budget och plan']);
    ws.mergeCells('A1:F1');
    ws.addRow([]);
  }
  for (const line of lines) {
    if (line.type === 'comment') {
      if (style.noUnit && line.text.startsWith('unit:')) continue;
      ws.addRow([`# ${line.text}`]);
      continue;
    }
    const row = ws.addRow([]);
    line.cells.forEach((cell: TableCell, k) => {
      const target = row.getCell(k + 1);
      if (typeof cell === 'string') {
        if (!headerSeen && k >= 7) {
          const year = Number(cell);
          if (style.years === 'text') target.value = cell;
          else if (style.years === 'date' || style.years === 'date-yyyy') {
            target.value = new Date(Date.UTC(year, 0, 1));
            target.numFmt = style.years === 'date' ? 'yyyy-mm-dd' : 'yyyy';
          } else target.value = year;
        } else if (style.dates && (k === 4 || k === 5) && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
          target.value = new Date(`${cell}T00:00:00Z`);
          target.numFmt = 'yyyy-mm-dd';
        } else if (cell !== '') target.value = cell;
        return;
      }
      if ('share' in cell) {
        target.value = Number(cell.share);
        target.numFmt = `0${cell.decimals > 0 ? `.${'0'.repeat(cell.decimals)}` : ''} %`;
        return;
      }
      const value = Number(cell.amount);
      amountCount++;
      target.numFmt = cell.amount.includes('.') ? '#,##0.00' : '#,##0';
      if (style.uncached === amountCount) target.value = { formula: `${cell.amount}*1` } as ExcelJS.CellValue;
      else if (style.amounts === 'text') target.value = swedish(cell.amount);
      else if (style.amounts === 'formula') target.value = { formula: `${cell.amount}*1`, result: value };
      else if (style.amounts === 'formula-noise')
        target.value = { formula: `${cell.amount}/3*3`, result: noisy(value) };
      else if (style.amounts === 'noise') target.value = noisy(value);
      else target.value = value;
    });
    headerSeen ||= line.cells[0] === 'kind';
  }
}

/** A workbook with the budget sheet in the style, and other sheets when asked. */
async function workbookOf(lines: readonly TableLine[], style: Style): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (style.before) {
    wb.addWorksheet('Instruktioner').addRow(['Fyll i budgeten på bladet Blad3; kind-kolumnen styr radtypen.']);
    const other = wb.addWorksheet('Grundbudget');
    other.addRow(['Belopp i kr', 2025, 2026]);
    other.addRow(['Summa intäkter', 1, 2]);
  }
  writeSheet(wb.addWorksheet(style.sheet ?? 'Budget'), lines, style);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every workbook variant of a plan. */
export async function xlsxVariants(plan: Plan): Promise<XlsxVariant[]> {
  const lines = budgetTableLines(plan);
  const of = (style: Style) => workbookOf(lines, style);
  const amounts = lines.reduce(
    (n, l) => n + (l.type === 'row' ? l.cells.filter((c) => typeof c !== 'string' && 'amount' in c).length : 0),
    0,
  );
  const variants: [string, Promise<Uint8Array>, boolean][] = [
    ['clean (exportBudgetWorkbook)', exportBudgetWorkbook(plan), true],
    ['budget sheet third, named Blad3', of({ before: true, sheet: 'Blad3' }), true],
    ['merged title row above the table', of({ title: true }), true],
    ['year headers as text', of({ years: 'text' }), true],
    ['year headers as dates (yyyy-mm-dd)', of({ years: 'date' }), true],
    ['year headers as dates shown as yyyy', of({ years: 'date-yyyy' }), true],
    ['amounts as Swedish text (12 604,5)', of({ amounts: 'text' }), true],
    ['amounts as formulas with cached results', of({ amounts: 'formula' }), true],
    ['cached results with float noise', of({ amounts: 'formula-noise' }), true],
    ['numbers with float noise', of({ amounts: 'noise', before: true }), true],
    ['start and end as date cells', of({ dates: true }), true],
    ['no # unit: row', of({ noUnit: true }), false],
  ];
  if (amounts > 0)
    variants.push(['a formula without a cached result', of({ uncached: Math.ceil(amounts / 2) }), false]);
  return Promise.all(variants.map(async ([name, bytes, lossless]) => ({ name, bytes: await bytes, lossless })));
}
