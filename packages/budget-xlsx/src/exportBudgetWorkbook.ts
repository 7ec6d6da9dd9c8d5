import { budgetTableLines, type TableCell } from '@samplan/budget-table';
import {
  type CostCategory,
  formatKronor,
  formatRate,
  type Ore,
  type Plan,
  type Projection,
  projectPlan,
  type Result,
  ratio,
  type Scenario,
} from '@samplan/engine';
import ExcelJS, { type Worksheet } from 'exceljs';
import { sheetNames } from './sheetNames.ts';

/** Number formats: whole kronor, kronor with öre, a share of total cost. */
export const KRONOR_FORMAT = '#,##0';
export const ORE_FORMAT = '#,##0.00';
export const SHARE_FORMAT = '0.0 %';

/** The fixed sheet names; a scenario's sheet is named after the scenario. */
export const BUDGET_SHEET = 'Budget';
export const BASE_SHEET = 'Grundbudget';
export const COMPARISON_SHEET = 'Jämförelse';

export interface ExportWorkbookOptions {
  /** Ids of the plan's scenarios to include, in this order; all of `plan.scenarios` by default. */
  scenarios?: readonly string[];
  /** The workbook's creation time (its document properties); now by default. */
  now?: Date;
}

/** One projection sheet: the base plan or a scenario, and the engine's projection (or why there is none). */
interface ProjectionSheet {
  title: string;
  sheet: string;
  projection: Result<Projection>;
}

const BOLD = { bold: true } as const;
const COMMENT_FONT = { italic: true, color: { argb: 'FF666666' } } as const;
const CATEGORIES: [CostCategory, string][] = [
  ['individual', 'Individinriktade insatser'],
  ['structural', 'Strukturövergripande insatser'],
  ['administration', 'Förvaltning'],
  ['unallocated', 'Ej fördelade medel'],
];

const kr = (amount: Ore): number => Number(formatKronor(amount));

/**
 * Writes the plan as an Excel workbook: the sheet `Budget` laid out as the budget table (what
 * `importBudgetWorkbook` and, saved as CSV, `importBudgetTable` read back), one sheet with the
 * projection per year for the base plan (`Grundbudget`) and for each scenario, and `Jämförelse`
 * with each scenario's result and closing equity against the base. Amounts are number cells in
 * kronor; every figure comes from the engine. Rejects an unknown scenario id.
 */
export async function exportBudgetWorkbook(plan: Plan, options: ExportWorkbookOptions = {}): Promise<Uint8Array> {
  const scenarios = (options.scenarios ?? plan.scenarios.map((s) => s.id)).map((id): Scenario => {
    const scenario = plan.scenarios.find((s) => s.id === id);
    if (!scenario) throw new Error(`Planen har inget scenario med id "${id}"`);
    return scenario;
  });
  const [budget, base, comparison, ...named] = sheetNames([
    BUDGET_SHEET,
    BASE_SHEET,
    COMPARISON_SHEET,
    ...scenarios.map((s) => s.name),
  ]) as [string, string, string, ...string[]];
  const sheets: ProjectionSheet[] = [
    { title: BASE_SHEET, sheet: base, projection: projectPlan(plan) },
    ...scenarios.map((s, k) => ({ title: s.name, sheet: named[k] as string, projection: projectPlan(plan, s) })),
  ];

  const workbook = new ExcelJS.Workbook();
  const now = options.now ?? new Date();
  workbook.creator = 'Samplan';
  workbook.created = now;
  workbook.modified = now;
  writeBudgetSheet(workbook.addWorksheet(budget), plan);
  for (const s of sheets) writeProjectionSheet(workbook.addWorksheet(s.sheet), s);
  writeComparisonSheet(workbook.addWorksheet(comparison), sheets);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A budget-table cell as a workbook cell: amounts and shares as numbers with their format. */
function tableCell(cell: TableCell): { value: string | number; numFmt?: string } {
  if (typeof cell === 'string') return { value: cell };
  if ('amount' in cell)
    return { value: Number(cell.amount), numFmt: cell.amount.includes('.') ? ORE_FORMAT : KRONOR_FORMAT };
  return { value: Number(cell.share), numFmt: `0${cell.decimals > 0 ? `.${'0'.repeat(cell.decimals)}` : ''} %` };
}

/** The budget table, one line a row: `#` comments in the first column, the header in bold. */
function writeBudgetSheet(ws: Worksheet, plan: Plan): void {
  let header = 0;
  const widths = [8, 12, 14, 12, 11, 11, 12];
  for (const line of budgetTableLines(plan)) {
    if (line.type === 'comment') {
      ws.addRow([`# ${line.text}`]).font = COMMENT_FONT;
      continue;
    }
    const cells = line.cells.map(tableCell);
    const row = ws.addRow(cells.map((c) => c.value));
    cells.forEach((c, k) => {
      if (c.numFmt) row.getCell(k + 1).numFmt = c.numFmt;
      const width = c.numFmt ? 14 : String(c.value).length + 2;
      widths[k] = Math.min(40, Math.max(widths[k] ?? 14, width));
    });
    if (header === 0) {
      header = row.number;
      row.font = BOLD;
    }
  }
  widths.forEach((width, k) => {
    ws.getColumn(k + 1).width = width;
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: header }];
}

type SheetRow = { label: string; bold?: boolean; indent?: boolean } & (
  | { amounts: readonly Ore[] }
  | { shares: readonly (number | null)[] }
  | { section: true }
);

/** The rows of a projection sheet, every figure from the projection. */
function projectionRows(p: Projection): SheetRow[] {
  const lines = (kind: Projection['lines'][number]['kind']): SheetRow[] =>
    p.lines.filter((l) => l.kind === kind).map((l) => ({ label: l.name, indent: true, amounts: l.amounts }));
  const total = (label: string, pick: (y: Projection['rows'][number]) => Ore, bold = false): SheetRow => ({
    label,
    bold,
    amounts: p.rows.map(pick),
  });
  const esf = lines('esf');
  const income = lines('income');
  return [
    { label: 'Intäkter', bold: true, section: true },
    ...lines('member'),
    total('Medlemsintäkter', (y) => y.revenueBySource.members),
    ...(esf.length ? [...esf, total('ESF-medel', (y) => y.revenueBySource.esf)] : []),
    ...(income.length ? [...income, total('Övriga intäkter', (y) => y.revenueBySource.income)] : []),
    total('Summa intäkter', (y) => y.revenue, true),
    { label: 'Kostnader', bold: true, section: true },
    ...CATEGORIES.flatMap(([category, label]): SheetRow[] => [
      total(label, (y) => y.costsByCategory[category]),
      {
        label: 'andel av summa kostnader',
        indent: true,
        shares: p.rows.map((y) => {
          const share = ratio(y.costsByCategory[category], y.costs);
          return share === null ? null : Number(formatRate(share, 6));
        }),
      },
    ]),
    total('Summa kostnader', (y) => y.costs, true),
    total('Resultat', (y) => y.result, true),
    total('Ingående eget kapital', (y) => y.openingEquity),
    total('Utgående eget kapital', (y) => y.closingEquity, true),
  ];
}

/** The projection per year: a row per figure, a column per year, frozen header row and first column. */
function writeProjectionSheet(ws: Worksheet, s: ProjectionSheet): void {
  ws.getColumn(1).width = 36;
  if (!s.projection.ok) {
    ws.addRow([`${s.title} kan inte räknas fram:`]).font = BOLD;
    for (const issue of s.projection.errors) ws.addRow([issue.message]);
    return;
  }
  const p = s.projection.value;
  ws.addRow(['Belopp i kr', ...p.years]).font = BOLD;
  for (const r of projectionRows(p)) {
    const values = 'amounts' in r ? r.amounts.map(kr) : 'shares' in r ? r.shares : [];
    const row = ws.addRow([r.label, ...values]);
    if (r.bold) row.font = BOLD;
    if (r.indent) row.getCell(1).alignment = { indent: 1 };
    for (let k = 0; k < values.length; k++) row.getCell(k + 2).numFmt = 'shares' in r ? SHARE_FORMAT : KRONOR_FORMAT;
    ws.getColumn(1).width = Math.max(ws.getColumn(1).width ?? 0, Math.min(60, r.label.length + 4));
  }
  for (let k = 0; k < p.years.length; k++) ws.getColumn(k + 2).width = 15;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

/** Per scenario and year: result and closing equity, and their difference against the base plan. */
function writeComparisonSheet(ws: Worksheet, sheets: ProjectionSheet[]): void {
  const header = [
    'Scenario',
    'År',
    'Resultat',
    'Resultat, skillnad mot grundbudget',
    'Utgående eget kapital',
    'Utgående eget kapital, skillnad mot grundbudget',
  ];
  ws.addRow(header).font = BOLD;
  const base = sheets[0]?.projection;
  for (const s of sheets) {
    if (!s.projection.ok) {
      ws.addRow([s.title, null, 'kan inte räknas fram']);
      continue;
    }
    s.projection.value.rows.forEach((y, i) => {
      const b = base?.ok ? base.value.rows[i] : undefined;
      const diff = (a: Ore, other: Ore | undefined) => (other === undefined ? null : kr((a - other) as Ore));
      const row = ws.addRow([
        s.title,
        y.year,
        kr(y.result),
        diff(y.result, b?.result),
        kr(y.closingEquity),
        diff(y.closingEquity, b?.closingEquity),
      ]);
      for (const k of [3, 4, 5, 6]) row.getCell(k).numFmt = KRONOR_FORMAT;
    });
  }
  ws.getColumn(1).width = Math.min(40, Math.max(12, ...sheets.map((s) => s.title.length + 2)));
  ws.getColumn(2).width = 8;
  for (const k of [3, 4, 5, 6]) ws.getColumn(k).width = 18;
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}
