import type { Audit, AuditEntry } from './auditPlan.ts';
import { formatKronor } from './money.ts';
import type { StatedSource } from './planSchema.ts';
import type { Finding, Projection } from './projection.ts';
import { formatRate, type Rate } from './rate.ts';
import type { Issue } from './result.ts';
import type { SpendingRoom } from './spendingRoom.ts';
import type { StateCutTolerance } from './stateCutTolerance.ts';

/** Decimal strings in kronor, fractions as decimal strings: what crosses every boundary. */
export type DecimalString = string;

export interface YearJson {
  year: number;
  revenue: DecimalString;
  costs: DecimalString;
  result: DecimalString;
  openingEquity: DecimalString;
  closingEquity: DecimalString;
  equityRatio: DecimalString | null;
  adminShare: DecimalString | null;
  revenueBySource: { members: DecimalString; esf: DecimalString; income: DecimalString };
  membersByGroup: { state: DecimalString; region: DecimalString; kommun: DecimalString };
  costsByCategory: {
    individual: DecimalString;
    structural: DecimalString;
    administration: DecimalString;
    unallocated: DecimalString;
  };
}

export interface FindingJson {
  rule: Finding['rule'];
  severity: Finding['severity'];
  year: number;
  message: string;
  amount: DecimalString;
  limit?: DecimalString;
  share?: DecimalString;
  limitShare?: DecimalString;
}

/** A stated figure that disagrees: `difference` is stated − computed (kronor, or a fraction for shares). */
export interface AuditEntryJson {
  year: number;
  figure: AuditEntry['figure'];
  stated: DecimalString;
  computed: DecimalString;
  difference: DecimalString;
}

/**
 * An audit entry with where it came from. `stated` is the number as printed; with `sign:
 * 'negative'` the document prints the figure with the opposite sign, so `difference` is −stated − computed.
 */
export interface AuditEntryDetailJson extends AuditEntryJson {
  label: string;
  unit: 'kr' | 'share';
  when?: { project: string; runs: boolean };
  /** The source line (also in `source`), kept for readers of the first format. */
  line?: number;
  source?: StatedSource;
  sign?: 'negative';
  lines?: string[];
}

export interface LineJson {
  id: string;
  name: string;
  kind: Projection['lines'][number]['kind'];
  group?: string;
  project?: string;
  amounts: DecimalString[];
}

/** The projection as plain JSON data (`samplan project --json`, worker messages). */
export interface ProjectionJson {
  unit: 'kr';
  years: YearJson[];
  findings: FindingJson[];
  audit: AuditEntryJson[];
}

/** The projection with everything behind it: every line, the audit's details and the two answers. */
export interface ProjectionDetailJson extends Omit<ProjectionJson, 'audit'> {
  audit: AuditEntryDetailJson[];
  auditChecked: number;
  /** Stated figures the audit could not check (plain issues with their paths). */
  auditErrors: Issue[];
  lines: LineJson[];
  answers: { spendingRoom?: SpendingRoomJson; stateCut?: StateCutJson };
}

export interface SpendingRoomJson {
  yearly: DecimalString | null;
  fromYear: number;
  bindingYear: number | null;
  minEquity: DecimalString;
  closingEquity: DecimalString[];
}

export interface StateCutJson {
  breakingCut: DecimalString | null;
  breakingYear: number | null;
  toleratedCut: DecimalString | null;
  fromYear: number;
  matching: boolean;
}

const share = (r: Rate | null): DecimalString | null => (r === null ? null : formatRate(r, 6));
const kr = formatKronor;

/** Converts a projection and its audit to the plain JSON `samplan project --json` prints. */
export function projectionToJson(projection: Projection, audit?: Audit): ProjectionJson {
  return {
    unit: 'kr',
    years: projection.rows.map(yearToJson),
    findings: projection.findings.map(findingToJson),
    audit: (audit?.entries ?? []).map((e) => {
      const { year, figure, stated, computed, difference } = auditEntryToJson(e);
      return { year, figure, stated, computed, difference };
    }),
  };
}

/** The same with every line (unless `lines: false`), the audit's labels and source lines, and the two answers. */
export function projectionDetailToJson(
  projection: Projection,
  audit: Audit,
  answers: { spendingRoom?: SpendingRoom; stateCut?: StateCutTolerance } = {},
  options: { lines?: boolean } = {},
): ProjectionDetailJson {
  return {
    ...projectionToJson(projection, audit),
    audit: auditToJson(audit),
    auditChecked: audit.checked,
    auditErrors: audit.errors.map((e) => ({ ...e, ...(e.path ? { path: [...e.path] } : {}) })),
    lines: options.lines === false ? [] : projection.lines.map(lineToJson),
    answers: answersToJson(answers),
  };
}

/**
 * Converted lines and audits, per engine object: a projection shares the line objects an edit did
 * not touch with the one before, so only the touched lines are formatted again, and an unchanged
 * line gives the same JSON object (a reader can compare by identity). Treat them as read-only.
 */
const lineJsonCache = new WeakMap<Projection['lines'][number], LineJson>();
const auditJsonCache = new WeakMap<Audit, AuditEntryDetailJson[]>();

function lineToJson(l: Projection['lines'][number]): LineJson {
  let json = lineJsonCache.get(l);
  if (!json) {
    json = {
      id: l.id,
      name: l.name,
      kind: l.kind,
      ...(l.group ? { group: l.group } : {}),
      ...(l.project ? { project: l.project } : {}),
      amounts: l.amounts.map(kr),
    };
    lineJsonCache.set(l, json);
  }
  return json;
}

function auditToJson(audit: Audit): AuditEntryDetailJson[] {
  let json = auditJsonCache.get(audit);
  if (!json) {
    json = audit.entries.map(auditEntryToJson);
    auditJsonCache.set(audit, json);
  }
  return json;
}

function yearToJson(r: Projection['rows'][number]): YearJson {
  return {
    year: r.year,
    revenue: kr(r.revenue),
    costs: kr(r.costs),
    result: kr(r.result),
    openingEquity: kr(r.openingEquity),
    closingEquity: kr(r.closingEquity),
    equityRatio: share(r.equityRatio),
    adminShare: share(r.adminShare),
    revenueBySource: {
      members: kr(r.revenueBySource.members),
      esf: kr(r.revenueBySource.esf),
      income: kr(r.revenueBySource.income),
    },
    membersByGroup: {
      state: kr(r.membersByGroup.state),
      region: kr(r.membersByGroup.region),
      kommun: kr(r.membersByGroup.kommun),
    },
    costsByCategory: {
      individual: kr(r.costsByCategory.individual),
      structural: kr(r.costsByCategory.structural),
      administration: kr(r.costsByCategory.administration),
      unallocated: kr(r.costsByCategory.unallocated),
    },
  };
}

function findingToJson(f: Finding): FindingJson {
  return {
    rule: f.rule,
    severity: f.severity,
    year: f.year,
    message: f.message,
    amount: kr(f.amount),
    ...(f.limit !== undefined ? { limit: kr(f.limit) } : {}),
    ...(f.share ? { share: formatRate(f.share, 6) } : {}),
    ...(f.limitShare ? { limitShare: formatRate(f.limitShare, 6) } : {}),
  };
}

function auditEntryToJson(e: AuditEntry): AuditEntryDetailJson {
  const common = {
    year: e.year,
    figure: e.figure,
    label: e.label,
    ...(e.when ? { when: e.when } : {}),
    ...(e.source?.line !== undefined ? { line: e.source.line } : {}),
    ...(e.source ? { source: { ...e.source } } : {}),
    ...(e.sign ? { sign: e.sign } : {}),
    ...(e.lines ? { lines: [...e.lines] } : {}),
  };
  return e.unit === 'kr'
    ? { ...common, unit: 'kr', stated: kr(e.stated), computed: kr(e.computed), difference: kr(e.difference) }
    : {
        ...common,
        unit: 'share',
        stated: formatRate(e.stated, 6),
        computed: formatRate(e.computed, 6),
        difference: formatRate(e.difference, 6),
      };
}

function answersToJson(a: {
  spendingRoom?: SpendingRoom;
  stateCut?: StateCutTolerance;
}): ProjectionDetailJson['answers'] {
  const out: ProjectionDetailJson['answers'] = {};
  if (a.spendingRoom) {
    const s = a.spendingRoom;
    out.spendingRoom = {
      yearly: s.yearly === null ? null : kr(s.yearly),
      fromYear: s.fromYear,
      bindingYear: s.bindingYear,
      minEquity: kr(s.minEquity),
      closingEquity: s.closingEquity.map(kr),
    };
  }
  if (a.stateCut) {
    const c = a.stateCut;
    out.stateCut = {
      breakingCut: share(c.breakingCut),
      breakingYear: c.breakingYear,
      toleratedCut: share(c.toleratedCut),
      fromYear: c.fromYear,
      matching: c.matching,
    };
  }
  return out;
}
