import type { Plan, ProjectionDetailJson } from '@samplan/engine';

/** What dropping the plan's first year loses, and the opening equity the next year gets. */
export interface DropSummary {
  year: number;
  nextYear: number;
  /** Lines with an amount other than 0 in the year (members, revenue, costs of every kind). */
  lines: number;
  /** The year's revenue and costs as projected (kronor). */
  revenue: string;
  costs: string;
  /** Stated figures of the year (kept for the audit), lost with it. */
  stated: number;
  /**
   * The next year's opening equity: the dropped year's projected closing equity; null when the
   * plan states no opening equity (the closing equity would then rest on an assumed 0).
   */
  openingEquity: string | null;
}

/**
 * The summary of dropping the first year, from the projection of the plan as it is now; null while
 * that projection is missing or failed (the drop waits for it: the new opening equity comes from it).
 */
export function dropSummary(plan: Plan, base: ProjectionDetailJson | null): DropSummary | null {
  const year = plan.years[0];
  const nextYear = plan.years[1];
  const row = base?.years[0];
  if (year === undefined || nextYear === undefined || !base || row?.year !== year) return null;
  return {
    year,
    nextYear,
    lines: base.lines.filter((l) => !isZero(l.amounts[0])).length,
    revenue: row.revenue,
    costs: row.costs,
    stated: plan.stated.filter((s) => s.year === year).length,
    openingEquity: plan.openingEquity === undefined ? null : row.closingEquity,
  };
}

const isZero = (kronor: string | undefined) => kronor === undefined || /^-?0(\.0+)?$/.test(kronor);
