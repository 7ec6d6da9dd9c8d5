import { compilePlan } from './compilePlan.ts';
import { type Ore, parseKronor } from './money.ts';
import type { Plan, Stated, StatedFigure } from './planSchema.ts';
import type { Projection, YearProjection } from './projection.ts';
import { projectChanges } from './projectPlan.ts';
import { divRound, parseRate, type Rate, rate, ratio } from './rate.ts';

interface AuditBase {
  year: number;
  figure: StatedFigure;
  label: string;
  /** The ESF assumption the document made for this figure, if any. */
  when: Stated['when'];
  source: Stated['source'];
}

/** A stated figure that disagrees with the computed one. `difference` is stated − computed. */
export type AuditEntry =
  | (AuditBase & { unit: 'kr'; stated: Ore; computed: Ore; difference: Ore })
  | (AuditBase & { unit: 'share'; stated: Rate; computed: Rate; difference: Rate });

/** The audit of a plan: how many stated figures were checked and the ones that disagree. */
export interface Audit {
  checked: number;
  entries: AuditEntry[];
}

/**
 * The engine's own value of a stated figure in a projected year. `lines`/`share-lines` need the
 * projection's lines: pass `lines` (the figure's line ids) and `projection`; without them they are null.
 */
export function figureValue(
  row: YearProjection,
  figure: StatedFigure,
  of?: { lines: readonly string[]; projection: Projection },
): Ore | Rate | null {
  const c = row.costsByCategory;
  const m = row.membersByGroup;
  switch (figure) {
    case 'revenue':
      return row.revenue;
    case 'costs':
      return row.costs;
    case 'result':
      return row.result;
    case 'closing-equity':
      return row.closingEquity;
    case 'opening-equity':
      return row.openingEquity;
    case 'revenue-with-equity':
      return (row.revenue + row.openingEquity) as Ore;
    case 'member-revenue':
      return row.revenueBySource.members;
    case 'cost-individual':
      return c.individual;
    case 'cost-structural':
      return c.structural;
    case 'cost-administration':
      return c.administration;
    case 'cost-unallocated':
      return c.unallocated;
    case 'cost-operations':
      return (row.costs - c.administration) as Ore;
    case 'share-individual':
      return ratio(c.individual, row.costs);
    case 'share-structural':
      return ratio(c.structural, row.costs);
    case 'share-administration':
      return ratio(c.administration, row.costs);
    case 'share-unallocated':
      return ratio(c.unallocated, row.costs);
    case 'esf-revenue':
      return row.revenueBySource.esf;
    case 'other-revenue':
      return row.revenueBySource.income;
    case 'share-member-state':
      return ratio(m.state, row.revenueBySource.members);
    case 'share-member-region':
      return ratio(m.region, row.revenueBySource.members);
    case 'share-member-kommun':
      return ratio(m.kommun, row.revenueBySource.members);
    case 'lines':
    case 'share-lines': {
      if (!of) return null;
      const sum = linesSum(of.projection, row.year, of.lines);
      if (figure === 'lines') return sum.amount;
      return ratio(sum.amount, sum.kind === 'cost' ? row.costs : row.revenue);
    }
  }
}

/** The sum of the named lines in a year of a projection, and whether they are cost or revenue lines. */
function linesSum(
  projection: Projection,
  year: number,
  ids: readonly string[],
): { amount: Ore; kind: 'cost' | 'revenue' } {
  const i = projection.years.indexOf(year);
  const wanted = new Set(ids);
  let amount = 0;
  let kind: 'cost' | 'revenue' = 'revenue';
  for (const line of projection.lines) {
    if (!wanted.has(line.id)) continue;
    amount += line.amounts[i] ?? 0;
    if (line.kind === 'cost') kind = 'cost';
  }
  return { amount: amount as Ore, kind };
}

const isShare = (figure: StatedFigure) => figure.startsWith('share-');

/**
 * Recomputes every figure the source document states and reports each one that disagrees, with
 * the exact difference. A figure printed to a precision (whole tkr, one decimal of a percent) is
 * compared after rounding the computed value to that precision. A figure made on an ESF
 * assumption (`when`) is checked against the plan with that project running or not.
 */
export function auditPlan(plan: Plan): Audit {
  const cp = compilePlan(plan);
  const projections = new Map<string, Projection>();
  const projectionFor = (when: Stated['when']): Projection => {
    const key = when ? `${when.project}:${when.runs}` : '';
    let p = projections.get(key);
    if (!p) {
      p = projectChanges(
        cp,
        when
          ? [
              {
                type: 'esf-decision',
                project: when.project,
                decision: when.runs ? 'approved' : 'rejected',
                scaleCosts: false,
                keepLines: [],
              },
            ]
          : [],
      );
      projections.set(key, p);
    }
    return p;
  };
  const entries: AuditEntry[] = [];
  let checked = 0;
  for (const s of plan.stated) {
    const row = projectionFor(s.when).rows.find((r) => r.year === s.year);

    const projection = projectionFor(s.when);
    const computed = row ? figureValue(row, s.figure, { lines: s.lines ?? [], projection }) : null;
    if (computed === null) continue;
    checked++;
    const base: AuditBase = { year: s.year, figure: s.figure, label: s.label, when: s.when, source: s.source };
    if (isShare(s.figure)) {
      const stated = parseRate(s.value) as Rate;
      const c = computed as Rate;
      const precision = parseRate(s.precision ?? '0') ?? rate(0);
      let shown = c;
      if (precision.n > 0n) shown = rate(divRound(c.n * precision.d, c.d * precision.n) * precision.n, precision.d);
      if (shown.n * stated.d !== stated.n * shown.d) {
        entries.push({
          ...base,
          unit: 'share',
          stated,
          computed: c,
          difference: rate(stated.n * c.d - c.n * stated.d, stated.d * c.d),
        });
      }
    } else {
      const parsed = parseKronor(s.value);
      if (!parsed.ok) continue;
      const stated = parsed.value;
      const c = computed as Ore;
      const unit = s.precision ? parseKronor(s.precision) : null;
      const p = unit?.ok && unit.value > 0 ? BigInt(unit.value) : 1n;
      const shown = Number(divRound(BigInt(c), p) * p);
      if (shown !== stated) entries.push({ ...base, unit: 'kr', stated, computed: c, difference: (stated - c) as Ore });
    }
  }
  return { checked, entries };
}
