import { HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { CATEGORIES, type FloatPlan, type FloatScenario } from './floatBaseline.ts';

/** A plan as a HyperFormula workbook: one sheet of base amounts, one formula sheet per scenario. */
export interface HyperFormulaWorkbook {
  hf: HyperFormula;
  /** Scenario sheet names, in the order given (base first when passed first). */
  sheetNames: readonly string[];
  sheetIds: readonly number[];
  /** Row of the closing-equity figure on every scenario sheet (0-based). */
  closingRow: number;
  /** First year column (0-based; column C). */
  firstYearCol: number;
  yearCount: number;
  /** Address on the Base sheet of cost line `index`, year index `year`. */
  costCell(index: number, year: number): SimpleCellAddress;
}

const FIRST_YEAR_COL = 2;
const col = (c: number): string => String.fromCharCode(65 + c);
const a1 = (c: number, row: number): string => `${col(c)}${row + 1}`;
const factorText = (f: number): string => String(Number(f.toPrecision(12)));

/**
 * Builds the spreadsheet people use instead of an engine: a `Base` sheet with the line amounts
 * (rows = lines, columns = years, cost rows grouped by category) and the opening equity in C2, and
 * for each scenario a sheet of formulas `=Base!C5*0.9` (the scenario's factor for that line and
 * year), SUMs for member and other revenue and for each cost category, result, opening equity
 * (the previous year's closing) and closing equity, and the three rule checks as IF formulas.
 */
export function buildHyperFormula(
  fp: FloatPlan,
  scenarios: readonly { name: string; fs: FloatScenario }[],
): HyperFormulaWorkbook {
  const Y = fp.yearCount;
  const header: RawCellContent[] = ['Rad', 'Typ', ...fp.years];
  const base: RawCellContent[][] = [header, ['Ingående eget kapital', 'equity', fp.openingEquity]];
  const amountsRow = (amounts: Float64Array, i: number) => Array.from(amounts.subarray(i * Y, i * Y + Y));

  const memberRows: number[] = [];
  for (let m = 0; m < fp.memberCount; m++) {
    memberRows.push(base.length);
    base.push([`Medlem ${m + 1}`, 'member', ...amountsRow(fp.memberAmounts, m)]);
  }
  const revenueRows: number[] = [];
  for (let r = 0; r < fp.revenueCount; r++) {
    revenueRows.push(base.length);
    base.push([`Intäkt ${r + 1}`, fp.revenueIsEsf[r] ? 'esf' : 'income', ...amountsRow(fp.revenueAmounts, r)]);
  }
  const costRow = new Int32Array(fp.costCount);
  const categoryRange: [number, number][] = [];
  CATEGORIES.forEach((category, k) => {
    const start = base.length;
    for (let j = 0; j < fp.costCount; j++) {
      if (fp.costCategory[j] !== k) continue;
      costRow[j] = base.length;
      base.push([fp.costIds[j] as string, category, ...amountsRow(fp.costAmounts, j)]);
    }
    categoryRange.push([start, base.length - 1]);
  });
  const lineRows = base.length;

  const scenarioSheet = (fs: FloatScenario): RawCellContent[][] => {
    const rows: RawCellContent[][] = Array.from({ length: lineRows }, (_, r) =>
      r === 0 ? header : [base[r]?.[0] ?? null, base[r]?.[1] ?? null],
    );
    const ref = (row: number, y: number, factor: number): string =>
      factor === 1
        ? `=Base!${a1(FIRST_YEAR_COL + y, row)}`
        : `=Base!${a1(FIRST_YEAR_COL + y, row)}*${factorText(factor)}`;
    memberRows.forEach((row, m) => {
      const factor = fp.memberIsState[m] ? fs.stateFactor : fs.followerFactor;
      for (let y = 0; y < Y; y++) (rows[row] as RawCellContent[]).push(ref(row, y, factor[y] as number));
    });
    revenueRows.forEach((row, r) => {
      const p = fp.revenueProject[r] as number;
      const runs = p < 0 || fs.projectRuns[p] === 1;
      for (let y = 0; y < Y; y++) (rows[row] as RawCellContent[]).push(ref(row, y, runs ? 1 : 0));
    });
    for (let j = 0; j < fp.costCount; j++) {
      const row = costRow[j] as number;
      const p = fp.costProject[j] as number;
      const cat = fp.costCategory[j] as number;
      let u = fs.lineUtilization[j] as number;
      if (Number.isNaN(u)) u = fp.costUtilization[j] as number;
      if (Number.isNaN(u)) u = cat < 2 ? fs.utilization : 1;
      const runs = p < 0 || fs.projectRuns[p] === 1;
      for (let y = 0; y < Y; y++) {
        const scale = y >= (fs.scaleFrom[j] as number) ? (fs.scale[j] as number) : 1;
        (rows[row] as RawCellContent[]).push(ref(row, y, runs ? u * scale : 0));
      }
    }
    // Summary block below the lines.
    const s = lineRows + 1;
    const sum = (from: number, to: number, c: number) => (to < from ? 0 : `=SUM(${a1(c, from)}:${a1(c, to)})`);
    const labels = [
      'Medlemsbidrag',
      'ESF och övriga intäkter',
      'Intäkter',
      ...CATEGORIES,
      'Kostnader',
      'Resultat',
      'Ingående eget kapital',
      'Utgående eget kapital',
      'Negativt eget kapital',
      'Över taket',
      'Administrationsandel utanför bandet',
    ];
    const block: RawCellContent[][] = labels.map((label) => [label, 'sum']);
    for (let y = 0; y < Y; y++) {
      const c = FIRST_YEAR_COL + y;
      const at = (offset: number) => a1(c, s + offset);
      const cells: RawCellContent[] = [
        sum(memberRows[0] ?? 0, memberRows.at(-1) ?? -1, c),
        sum(revenueRows[0] ?? 0, revenueRows.at(-1) ?? -1, c),
        `=${at(0)}+${at(1)}`,
        ...categoryRange.map(([from, to]) => sum(from, to, c)),
        `=SUM(${at(3)}:${at(6)})`,
        `=${at(2)}-${at(7)}`,
        y === 0 ? '=Base!$C$2' : `=${a1(c - 1, s + 10)}`,
        `=${at(9)}+${at(8)}`,
        `=IF(${at(10)}<0,1,0)`,
        `=IF(AND(${at(2)}>0,${at(10)}>${factorText(fp.equityCap)}*${at(2)}),1,0)`,
        `=IF(${at(7)}<>0,IF(OR(${at(5)}>${factorText(fp.adminMax)}*${at(7)},${at(5)}<${factorText(fp.adminMin)}*${at(7)}),1,0),0)`,
      ];
      cells.forEach((cell, k) => {
        (block[k] as RawCellContent[]).push(cell);
      });
    }
    rows.push([], ...block);
    return rows;
  };

  const sheetNames = scenarios.map((_, i) => `S${i}`);
  const sheets: Record<string, RawCellContent[][]> = { Base: base };
  scenarios.forEach((sc, i) => {
    sheets[sheetNames[i] as string] = scenarioSheet(sc.fs);
  });
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  const baseId = hf.getSheetId('Base') as number;
  return {
    hf,
    sheetNames,
    sheetIds: sheetNames.map((n) => hf.getSheetId(n) as number),
    closingRow: lineRows + 1 + 10,
    firstYearCol: FIRST_YEAR_COL,
    yearCount: Y,
    costCell: (index, year) => ({ sheet: baseId, col: FIRST_YEAR_COL + year, row: costRow[index] as number }),
  };
}

/** Reads the closing equity of every scenario sheet and year into `out` (`[sheet * years + year]`). */
export function readClosingEquity(wb: HyperFormulaWorkbook, out: Float64Array): Float64Array {
  const { hf, sheetIds, closingRow, firstYearCol, yearCount } = wb;
  for (let s = 0; s < sheetIds.length; s++) {
    for (let y = 0; y < yearCount; y++) {
      const v = hf.getCellValue({ sheet: sheetIds[s] as number, col: firstYearCol + y, row: closingRow });
      if (typeof v !== 'number') throw new Error(`HyperFormula: closing equity is ${String(v)}`);
      out[s * yearCount + y] = v;
    }
  }
  return out;
}

/**
 * One spreadsheet edit: sets one base amount with `setCellContents` (HyperFormula recalculates
 * the dependents synchronously) and reads back every scenario's closing equity.
 */
export function editAndRecalculate(
  wb: HyperFormulaWorkbook,
  address: SimpleCellAddress,
  value: number,
  out: Float64Array,
): Float64Array {
  wb.hf.setCellContents(address, value);
  return readClosingEquity(wb, out);
}
