import { formatPercent, formatTkr } from './formatSv.ts';
import type { Ore } from './money.ts';
import type { Finding, YearProjection } from './projection.ts';

export type { Finding, RuleId } from './projection.ts';

import { applyRate, compareRates, isZero, type Rate } from './rate.ts';

/** What the rules know of the plan beyond its rows. */
export interface RuleContext {
  /** False when the plan states no opening equity (projected from 0): a `no-opening-equity` warning. Default true. */
  openingEquityStated?: boolean;
}

/** The message of the `no-opening-equity` finding. */
export const NO_OPENING_EQUITY_MESSAGE =
  'Planen anger inget ingående eget kapital: eget kapital räknas från 0 kr tills det anges.';

/**
 * Checks every year against the rules: no negative equity, the equity cap, the admin-share band;
 * and, when the plan states no opening equity, one warning on the first year.
 */
export function checkRules(
  rows: readonly YearProjection[],
  thresholds: { equityCap: Rate; adminMin: Rate; adminMax: Rate },
  context: RuleContext = {},
): Finding[] {
  const findings: Finding[] = [];
  const first = rows[0];
  if (context.openingEquityStated === false && first) {
    findings.push({
      rule: 'no-opening-equity',
      severity: 'warning',
      year: first.year,
      amount: first.openingEquity,
      message: NO_OPENING_EQUITY_MESSAGE,
    });
  }
  for (const row of rows) {
    const { year, closingEquity, revenue } = row;
    if (closingEquity < 0) {
      findings.push({
        rule: 'negative-equity',
        severity: 'error',
        year,
        amount: closingEquity,
        message: `Eget kapital blir negativt ${year}: ${formatTkr(closingEquity)}. Ett samordningsförbund får inte låna.`,
      });
    }
    const cap = thresholds.equityCap;
    if (exceedsEquityCap(closingEquity, revenue, cap)) {
      const limit = applyRate(revenue, cap);
      findings.push({
        rule: 'equity-cap',
        severity: 'warning',
        year,
        amount: closingEquity,
        limit,
        message: `Eget kapital ${year} (${formatTkr(closingEquity)}) överstiger ${formatPercent(cap, 0)} av årets intäkter (${formatTkr(limit)}) med ${formatTkr((closingEquity - limit) as Ore)}.`,
      });
    }
    const share = row.adminShare;
    if (share) {
      const over = compareRates(share, thresholds.adminMax) > 0;
      const under = !isZero(thresholds.adminMin) && compareRates(share, thresholds.adminMin) < 0;
      if (over || under) {
        const edge = over ? thresholds.adminMax : thresholds.adminMin;
        findings.push({
          rule: 'admin-share',
          severity: 'warning',
          year,
          amount: row.costsByCategory.administration,
          share,
          limitShare: edge,
          message: `Administrationens andel av kostnaderna ${year} är ${formatPercent(share)}, ${over ? 'över' : 'under'} gränsen ${formatPercent(edge, 0)}.`,
        });
      }
    }
  }
  return findings;
}

/**
 * The `equity-cap` rule: closing equity above `cap` × the year's revenue (only when there is revenue).
 * Exact; shared with the Monte Carlo path.
 */
export const exceedsEquityCap = (closingEquity: Ore, revenue: Ore, cap: Rate): boolean =>
  revenue > 0 && exceeds(closingEquity, revenue, cap);

/** `amount > base × share`, exactly: plain numbers when the products are safe, BigInt otherwise. */
function exceeds(amount: Ore, base: Ore, share: Rate): boolean {
  const l = amount * share.den;
  const r = base * share.num;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l > r;
  return BigInt(amount) * share.d > BigInt(base) * share.n;
}
