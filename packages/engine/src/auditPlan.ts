import { compilePlan } from './compilePlan.ts';
import { type Ore, parseKronor } from './money.ts';
import { LINE_FIGURES, type Plan, type Stated, type StatedFigure, type StatedSource } from './planSchema.ts';
import type { Projection, YearProjection } from './projection.ts';
import { projectChanges } from './projectPlan.ts';
import { divRound, parseRate, type Rate, rate, ratio } from './rate.ts';
import type { Issue } from './result.ts';

interface AuditBase {
  year: number;
  figure: StatedFigure;
  /** The row name as the document prints it ("Summa kostnader"); empty when the document gives none. */
  label: string;
  /** The ESF assumption the document made for this figure, if any. */
  when: Stated['when'];
  /** Where the figure was read: file, line and column; sheet and row of a workbook; the sentence of a text. */
  source: StatedSource | undefined;
  /** The line ids of a `lines` or `share-lines` figure. */
  lines: readonly string[] | undefined;
  /** `negative`: the document prints the figure with the opposite sign to the engine's (costs as −15 869). */
  sign: Stated['sign'];
}

/**
 * A stated figure that disagrees with the computed one. `stated` is the number as printed;
 * `computed` is the engine's (costs positive); `difference` is the stated figure in the engine's
 * sign convention (−stated when `sign` is `negative`) minus the computed one.
 */
export type AuditEntry =
  | (AuditBase & { unit: 'kr'; stated: Ore; computed: Ore; difference: Ore })
  | (AuditBase & { unit: 'share'; stated: Rate; computed: Rate; difference: Rate });

/**
 * The audit of a plan: how many stated figures were checked, the ones that disagree, and the
 * stated figures that could not be checked (a value or precision that does not parse, an unknown
 * year, line or project, a share of nothing), each an issue with its path `['stated', i, field]`.
 * A plan that `parsePlan` accepted has no errors but a share of a zero total.
 */
export interface Audit {
  checked: number;
  entries: AuditEntry[];
  errors: Issue[];
}

/** Whose lines a `lines`/`share-lines` figure sums: revenue lines (members, ESF, income) or cost lines. */
type LineKind = 'revenue' | 'cost';

/**
 * The engine's own value of a stated figure in a projected year. `lines`/`share-lines` need the
 * projection's lines: pass `lines` (the figure's line ids, all of `kind`) and `projection`; without
 * them they are null. A share of a zero total is null.
 */
export function figureValue(
  row: YearProjection,
  figure: StatedFigure,
  of?: { lines: readonly string[]; kind: LineKind; projection: Projection },
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
    case 'esf-revenue':
      return row.revenueBySource.esf;
    case 'other-revenue':
      return row.revenueBySource.income;
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
      if (figure === 'lines') return sum;
      return ratio(sum, of.kind === 'cost' ? row.costs : row.revenue);
    }
  }
}

/** The sum of the named lines in a year of a projection (a line the projection lacks, e.g. a rejected ESF project's, is 0). */
function linesSum(projection: Projection, year: number, ids: readonly string[]): Ore {
  const i = projection.years.indexOf(year);
  const wanted = new Set(ids);
  let sum = 0;
  for (const line of projection.lines) if (wanted.has(line.id)) sum += line.amounts[i] ?? 0;
  return sum as Ore;
}

const isShare = (figure: StatedFigure) => figure.startsWith('share-');

/** A stated figure's settings, read: the printed value, the precision (null: exact), the line kind. */
interface Setting {
  value: Ore | Rate;
  precision: bigint | Rate | null;
  kind: LineKind;
}

/**
 * Reads one stated figure's settings, or says why it cannot be checked. The checks repeat what
 * `validatePlan` refuses, so an audit of an unvalidated plan reports instead of skipping.
 */
function readSetting(
  plan: Plan,
  s: Stated,
  i: number,
  lineKinds: ReadonlyMap<string, LineKind>,
  projects: ReadonlySet<string>,
): Setting | Issue {
  const name = s.label ? `"${s.label}" ${s.year}` : `${s.figure} ${s.year}`;
  const issue = (
    field: string | number,
    code: string,
    message: string,
    more: (string | number)[] = [],
    params: Record<string, string | number> = {},
  ): Issue => ({
    code,
    message: `Angiven siffra ${name}: ${message}`,
    params: { ...statedParams(s), ...params },
    path: ['stated', i, field, ...more],
    field: String(more.at(-1) ?? field),
    ...sourceLocation(s.source),
  });
  const share = isShare(s.figure);
  let value: Ore | Rate;
  if (share) {
    const r = parseRate(s.value);
    if (!r)
      return issue('value', 'audit-invalid-value', `"${s.value}" är ingen andel (t.ex. "0.092" för 9,2 %)`, [], {
        value: s.value,
      });
    value = r;
  } else {
    const k = parseKronor(s.value);
    if (!k.ok)
      return issue('value', 'audit-invalid-value', `"${s.value}" är inget belopp i kronor`, [], { value: s.value });
    value = k.value;
  }
  let precision: Setting['precision'] = null;
  if (s.precision !== undefined) {
    const bad = () =>
      issue('precision', 'audit-invalid-precision', `noggrannheten "${s.precision}" är inget positivt tal`, [], {
        precision: s.precision ?? '',
      });
    if (share) {
      const r = parseRate(s.precision);
      if (!r || r.n <= 0n) return bad();
      precision = r;
    } else {
      const k = parseKronor(s.precision);
      if (!k.ok || k.value <= 0) return bad();
      precision = BigInt(k.value);
    }
  }
  if (!plan.years.includes(s.year))
    return issue(
      'year',
      'audit-year-outside-plan',
      `${s.year} är inte ett av planens år (${plan.years.join(', ')})`,
      [],
      {
        years: plan.years.join(', '),
      },
    );
  if (s.when && !projects.has(s.when.project))
    return issue('when', 'audit-unknown-project', `ESF-projektet "${s.when.project}" finns inte`, ['project'], {
      project: s.when.project,
    });
  let kind: LineKind = 'revenue';
  if (LINE_FIGURES.has(s.figure)) {
    if (!s.lines?.length) return issue('lines', 'audit-lines-missing', 'ange vilka rader som summeras');
    const kinds = new Set<LineKind>();
    for (const [j, id] of s.lines.entries()) {
      const k = lineKinds.get(id);
      if (!k) return issue('lines', 'audit-unknown-line', `raden "${id}" finns inte`, [j], { line: id });
      kinds.add(k);
    }
    if (kinds.size > 1) return issue('lines', 'audit-mixed-lines', 'en summa tar antingen intäkter eller kostnader');
    kind = kinds.has('cost') ? 'cost' : 'revenue';
  } else if (s.lines !== undefined) {
    return issue('lines', 'audit-lines-not-allowed', `bara summor av rader anger rader, inte ${s.figure}`);
  }
  return { value, precision, kind };
}

/**
 * What every audit error says of its stated figure, for a UI to say it in its language: the
 * figure, its year, and its row label when it has one (`label` is absent, never empty, without).
 */
function statedParams(s: Stated): Record<string, string | number> {
  return { figure: s.figure, year: s.year, ...(s.label ? { label: s.label } : {}) };
}

/** The file position of a stated figure's source, for an issue (a workbook's row as the line). */
function sourceLocation(source: StatedSource | undefined): Pick<Issue, 'file' | 'line' | 'column'> {
  if (!source) return {};
  const line = source.row ?? source.line;
  return {
    ...(source.file !== undefined ? { file: source.file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(source.column !== undefined ? { column: source.column } : {}),
  };
}

/** `value` rounded half away from zero to a multiple of `unit`. */
const roundOre = (value: Ore, unit: bigint): Ore => Number(divRound(BigInt(value), unit) * unit) as Ore;
const roundRate = (value: Rate, unit: Rate): Rate =>
  rate(divRound(value.n * unit.d, value.d * unit.n) * unit.n, unit.d);
const negateRate = (r: Rate): Rate => rate(-r.n, r.d);

/**
 * Recomputes every figure the source document states and reports each one that disagrees, with
 * the exact difference. A figure printed to a precision (whole tkr, one decimal of a percent) is
 * compared after rounding the computed value to that precision. A figure printed with the opposite
 * sign (`sign: 'negative'`, costs as −15 869) is compared as −value. A figure made on an ESF
 * assumption (`when`) is checked against the plan with that project running or not. A figure that
 * cannot be checked is an error of the audit, never skipped.
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
  const lineKinds = new Map<string, LineKind>([
    ...plan.members.map((m) => [m.id, 'revenue'] as const),
    ...plan.revenues.map((r) => [r.id, 'revenue'] as const),
    ...plan.costs.map((c) => [c.id, 'cost'] as const),
  ]);
  const projects = new Set(plan.esfProjects.map((p) => p.id));
  const entries: AuditEntry[] = [];
  const errors: Issue[] = [];
  let checked = 0;
  plan.stated.forEach((s, i) => {
    const setting = readSetting(plan, s, i, lineKinds, projects);
    if ('code' in setting) {
      errors.push(setting);
      return;
    }
    const projection = projectionFor(s.when);
    const row = projection.rows.find((r) => r.year === s.year) as YearProjection;
    const computed = figureValue(row, s.figure, { lines: s.lines ?? [], kind: setting.kind, projection });
    if (computed === null) {
      const base = s.figure.startsWith('share-member')
        ? 'members'
        : setting.kind === 'revenue' && s.figure === 'share-lines'
          ? 'revenue'
          : 'costs';
      const baseSv = { members: 'medlemsbidragen', revenue: 'intäkterna', costs: 'kostnaderna' }[base];
      errors.push({
        code: 'audit-no-base',
        message: `Angiven siffra ${s.label ? `"${s.label}" ` : ''}${s.year}: andelen kan inte räknas, ${baseSv} är 0 kr`,
        params: { ...statedParams(s), base },
        path: ['stated', i, 'figure'],
        field: 'figure',
        ...sourceLocation(s.source),
      });
      return;
    }
    checked++;
    const base: AuditBase = {
      year: s.year,
      figure: s.figure,
      label: s.label,
      when: s.when,
      source: s.source,
      lines: s.lines,
      sign: s.sign,
    };
    const negative = s.sign === 'negative';
    if (isShare(s.figure)) {
      const stated = setting.value as Rate;
      const asComputed = negative ? negateRate(stated) : stated;
      const c = computed as Rate;
      const shown = setting.precision ? roundRate(c, setting.precision as Rate) : c;
      if (shown.n * asComputed.d !== asComputed.n * shown.d) {
        const difference = rate(asComputed.n * c.d - c.n * asComputed.d, asComputed.d * c.d);
        entries.push({ ...base, unit: 'share', stated, computed: c, difference });
      }
    } else {
      const stated = setting.value as Ore;
      const asComputed = (negative ? 0 - stated : stated) as Ore;
      const c = computed as Ore;
      const shown = setting.precision ? roundOre(c, setting.precision as bigint) : c;
      if (shown !== asComputed)
        entries.push({ ...base, unit: 'kr', stated, computed: c, difference: (asComputed - c) as Ore });
    }
  });
  return { checked, entries, errors };
}
