import type { CostCategory, StatedFigure } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { CLOSING_EQUITY, categoryClue, TOTAL, totalFigureClue } from './labelClues.ts';
import type { SummedRows } from './reason.ts';
import { isCostLine, isRevenueLine, type WorkRow } from './workRow.ts';

const COST_FIGURES = new Set<string>([
  'costs',
  'cost-individual',
  'cost-structural',
  'cost-administration',
  'cost-unallocated',
  'cost-operations',
]);
const BARE_TOTAL = /^(summa|totalt|total|s:a)\W*$/iu;
const labelCore = (w: WorkRow) => (w.condition ? w.label.replace(w.condition.words, ' ').trim() : w.label);

interface Candidate {
  figure: StatedFigure;
  rows: WorkRow[];
  /** How the explanation names the rows summed. */
  what: SummedRows;
}

/** Sum of the rows' printed amounts in year i (cost lines turned positive when costs are printed negative). */
const sumAt = (rows: readonly WorkRow[], i: number, costSign: number) =>
  rows.reduce(
    (sum, r) => sum.plus((r.amounts[i] ?? new Decimal(0)).times(isCostLine(r) ? costSign : 1)),
    new Decimal(0),
  );

/** The years in which `value(i)` equals the row's printed amount, within its printed precision. */
function matchYears(w: WorkRow, value: (i: number) => Decimal | null, sign: number) {
  const matched: number[] = [];
  const missed: number[] = [];
  w.amounts.forEach((amount, i) => {
    if (amount === null) return;
    const v = value(i);
    const precision = w.precisions[i] ?? new Decimal(1);
    const year = w.values[i]?.year as number;
    if (v?.minus(amount.times(sign)).abs().lessThan(precision)) matched.push(year);
    else missed.push(year);
  });
  return { matched, missed };
}

/** Printed negative: every non-zero amount below zero. */
const printedNegative = (w: WorkRow) => {
  const nonZero = w.amounts.filter((a): a is Decimal => a !== null && !a.isZero());
  return nonZero.length > 0 && nonZero.every((a) => a.isNegative());
};

const sameRows = (a: readonly WorkRow[], b: readonly WorkRow[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/**
 * Settles each total row's figure: the candidate (summa intäkter with or without opening equity,
 * a category, all costs, the group of rows above…) whose printed rows add up to it in the most
 * years, the label's own word breaking ties. A total that adds up in no year takes the label's
 * figure and leaves the difference to the audit.
 */
export function classifyTotals(work: WorkRow[], costSign: 1 | -1): void {
  for (const w of work) {
    if (w.kind !== 'total') continue;
    const section = w.section === 'costs' ? 'costs' : 'revenue';
    const inSection = work.filter((r) => r.section === w.section);
    const group = work.filter((r) => r.group === w.group && r !== w && (isRevenueLine(r) || isCostLine(r)));
    const candidates: Candidate[] = [];
    if (section === 'revenue') {
      const lines = inSection.filter(isRevenueLine);
      const equity = inSection.filter((r) => r.role.kind === 'opening-equity');
      const members = lines.filter((r) => r.role.kind === 'member' || r.role.kind === 'member-total');
      candidates.push({ figure: 'revenue', rows: lines, what: { kind: 'revenue' } });
      if (equity.length)
        candidates.push({
          figure: 'revenue-with-equity',
          rows: [...lines, ...equity],
          what: { kind: 'revenue-and-equity' },
        });
      if (members.length) candidates.push({ figure: 'member-revenue', rows: members, what: { kind: 'members' } });
      const esf = lines.filter((r) => r.role.kind === 'esf');
      if (esf.length) candidates.push({ figure: 'esf-revenue', rows: esf, what: { kind: 'esf' } });
      const other = lines.filter((r) => r.role.kind === 'income');
      if (other.length) candidates.push({ figure: 'other-revenue', rows: other, what: { kind: 'other-income' } });
    } else {
      const lines = inSection.filter(isCostLine);
      candidates.push({ figure: 'costs', rows: lines, what: { kind: 'costs' } });
      const byCategory = new Map<CostCategory, WorkRow[]>();
      for (const r of lines) {
        const c = (r.role as { category: CostCategory }).category;
        byCategory.set(c, [...(byCategory.get(c) ?? []), r]);
      }
      for (const [c, rows] of byCategory)
        candidates.push({ figure: `cost-${c}`, rows, what: { kind: 'category', category: c } });
      const operations = lines.filter((r) => (r.role as { category: CostCategory }).category !== 'administration');
      if (operations.length && operations.length < lines.length)
        candidates.push({ figure: 'cost-operations', rows: operations, what: { kind: 'costs-except-administration' } });
    }
    if (group.length) candidates.push({ figure: 'lines', rows: group, what: { kind: 'above' } });

    const core = labelCore(w);
    const clue = totalFigureClue(core, section);
    const bare = BARE_TOTAL.test(core.trim());
    const negative = section === 'costs' && printedNegative(w);
    let best: { c: Candidate; score: number; matched: number[]; missed: number[] } | null = null;
    for (const c of candidates.filter((c) => c.rows.length > 0)) {
      const { matched, missed } = matchYears(w, (i) => sumAt(c.rows, i, costSign), negative ? -1 : 1);
      let score = matched.length * 10;
      if (clue?.value === c.figure) score += clue.strong ? 4 : 2;
      if (bare && (c.figure === 'costs' || c.figure === 'revenue' || c.figure === 'revenue-with-equity')) score += 2;
      if (group.length && sameRows(c.rows, group)) score += 3;
      if (c.figure !== 'lines') score += 1;
      if (!best || score > best.score) best = { c, score, matched, missed };
    }
    const word = TOTAL.exec(core)?.[0] ?? core;
    if (!best || (best.matched.length === 0 && !clue)) {
      w.role = { kind: 'unknown' };
      w.confidence = 'unknown';
      w.why.push({ code: 'total-unexplained', word });
      continue;
    }
    let { c, matched, missed } = best;
    if (matched.length === 0 && clue) {
      const named = candidates.find((k) => k.figure === clue.value);
      if (named) c = named;
      else c = { figure: clue.value, rows: [], what: { kind: 'above' } };
      w.why.push({ code: 'total-named', clue: clue.words, figure: c.figure });
    } else {
      const rows: SummedRows = group.length && sameRows(c.rows, group) ? { kind: 'above' } : c.what;
      w.why.push({ code: 'total-sums', word, rows, count: c.rows.length, figure: c.figure, matched, missed });
    }
    w.confidence = missed.length === 0 && matched.length > 0 ? 'sure' : 'guess';
    const sign = negative && (COST_FIGURES.has(c.figure) || c.figure === 'lines');
    if (sign) w.why.push({ code: 'printed-negative' });
    w.role = {
      kind: 'stated',
      figure: c.figure,
      ...(c.figure === 'lines' ? { lines: c.rows.map((r) => r.key) } : {}),
      ...(sign ? { sign: 'negative' as const } : {}),
    };
  }
}

/**
 * Settles each result row: årets resultat (revenue − costs) or utgående eget kapital (opening
 * equity + revenue − costs), whichever the printed totals or lines give in the most years.
 */
export function classifyResults(work: WorkRow[], costSign: 1 | -1): void {
  const revenueLines = work.filter(isRevenueLine);
  const costLines = work.filter(isCostLine);
  const equity = work.find((r) => r.role.kind === 'opening-equity');
  const stated = (figure: StatedFigure) =>
    work.filter((r) => r.role.kind === 'stated' && r.role.figure === figure).pop();
  const withEquity = stated('revenue-with-equity');
  const revenue = stated('revenue');
  const costs = stated('costs');
  const at = (r: WorkRow | undefined, i: number, sign = 1) => {
    const a = r?.amounts[i];
    return a === null || a === undefined ? null : a.times(sign);
  };
  const costSignOf = (r: WorkRow | undefined) => (r?.role.kind === 'stated' && r.role.sign === 'negative' ? -1 : 1);
  for (const w of work) {
    if (w.kind !== 'result') continue;
    const forms = (i: number, kind: 'result' | 'closing-equity'): Decimal[] => {
      const e = at(equity, i) ?? new Decimal(0);
      const ct = at(costs, i, costSignOf(costs));
      const rv = sumAt(revenueLines, i, 1);
      const c = sumAt(costLines, i, costSign);
      const out = [kind === 'result' ? rv.minus(c) : rv.plus(e).minus(c)];
      const rt = at(revenue, i);
      const rte = at(withEquity, i);
      if (ct && rt) out.push(kind === 'result' ? rt.minus(ct) : rt.plus(e).minus(ct));
      if (ct && rte) out.push(kind === 'result' ? rte.minus(e).minus(ct) : rte.minus(ct));
      return out;
    };
    const score = (kind: 'result' | 'closing-equity') => {
      const result = { matched: [] as number[], missed: [] as number[] };
      w.amounts.forEach((amount, i) => {
        if (amount === null) return;
        const precision = w.precisions[i] ?? new Decimal(1);
        const year = w.values[i]?.year as number;
        if (forms(i, kind).some((v) => v.minus(amount).abs().lessThan(precision))) result.matched.push(year);
        else result.missed.push(year);
      });
      return result;
    };
    const core = labelCore(w);
    const saysClosing = CLOSING_EQUITY.exec(core);
    const saysResult = /resultat/i.test(core) && !saysClosing ? /(årets )?resultat/i.exec(core) : null;
    const r = score('result');
    const e = score('closing-equity');
    const rScore = r.matched.length * 10 + (saysResult ? 4 : 0);
    const eScore = e.matched.length * 10 + (saysClosing ? 4 : 0);
    const figure: StatedFigure = eScore > rScore ? 'closing-equity' : 'result';
    const chosen = figure === 'result' ? r : e;
    const clue = figure === 'result' ? saysResult : saysClosing;
    if (chosen.matched.length === 0 && !clue) {
      w.role = { kind: 'unknown' };
      w.confidence = 'unknown';
      w.why.push({ code: 'result-unexplained', label: core });
      continue;
    }
    w.role = { kind: 'stated', figure };
    w.confidence = chosen.matched.length > 0 && chosen.missed.length === 0 ? 'sure' : 'guess';
    const words = clue ? clue[0] : core;
    w.why.push(
      chosen.matched.length === 0
        ? { code: 'result-named', clue: words, figure }
        : { code: 'result-formula', clue: words, figure, matched: chosen.matched, missed: chosen.missed },
    );
  }
}

/** A subtotal that names a category ("Delsumma administration") gives it to the lines it sums that have none. */
export function categoriesFromSubtotals(work: WorkRow[]): void {
  for (const w of work) {
    if (w.kind !== 'total' || w.section !== 'costs') continue;
    const clue = categoryClue(labelCore(w));
    if (!clue?.strong) continue;
    for (const r of work) {
      if (r.group !== w.group || !isCostLine(r) || r.role.kind !== 'cost') continue;
      if (r.categoryFrom !== 'default' && r.categoryFrom !== 'keyword') continue;
      if (r.role.category === clue.value && r.categoryFrom === 'keyword') continue;
      r.role = { ...r.role, category: clue.value };
      r.categoryFrom = 'subtotal';
      r.confidence = 'sure';
      r.why = [{ code: 'costs-under-heading' }, { code: 'subtotal-category', label: w.label, category: clue.value }];
    }
  }
}

/** Costs printed negative: most non-zero cost amounts below zero. */
export function costSignOf(work: readonly WorkRow[]): 1 | -1 {
  let negative = 0;
  let positive = 0;
  for (const r of work.filter(isCostLine))
    for (const a of r.amounts) {
      if (a === null || a.isZero()) continue;
      if (a.isNegative()) negative++;
      else positive++;
    }
  return negative > positive ? -1 : 1;
}
