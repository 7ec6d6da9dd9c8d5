import { compareRates, type FindingJson, formatKronor, type Ore, parseKronor, parseRate } from '@samplan/engine';
import { showAmount, showShare, type Unit } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A finding of the rule check in the reader's language and unit. The engine's own message is
 * Swedish in tkr; this builds the text from the rule and its figures instead, and falls back to the
 * engine's message for a rule the web does not know yet.
 */
export function findingText(
  finding: FindingJson,
  { t, unit, equityCap }: { t: Translate; unit: Unit; equityCap: string },
): string {
  const money = (kronor: string | undefined) => (kronor === undefined ? '' : `${showAmount(kronor, unit)} ${unit}`);
  const { year } = finding;
  const rule: string = finding.rule;
  switch (rule) {
    case 'negative-equity':
      return t('finding.negative-equity', { year, amount: money(finding.amount) });
    case 'equity-cap': {
      const excess = finding.limit === undefined ? null : excessOf(finding.amount, finding.limit);
      if (excess === null) return finding.message;
      return t('finding.equity-cap', {
        year,
        amount: money(finding.amount),
        limit: money(finding.limit),
        limitShare: showShare(equityCap, 0),
        excess: money(excess),
      });
    }
    case 'admin-share': {
      if (finding.share === undefined || finding.limitShare === undefined) return finding.message;
      return t(isOver(finding.share, finding.limitShare) ? 'finding.admin-share.over' : 'finding.admin-share.under', {
        year,
        share: showShare(finding.share),
        limitShare: showShare(finding.limitShare, 0),
      });
    }
    case 'no-opening-equity':
      return t('finding.no-opening-equity', { year });
    default:
      return finding.message;
  }
}

/** `amount − limit` in kronor, exactly; null when either is not a kronor string. */
function excessOf(amount: string, limit: string): string | null {
  const a = parseKronor(amount);
  const l = parseKronor(limit);
  return a.ok && l.ok ? formatKronor((a.value - l.value) as Ore) : null;
}

/** Whether the share is above the band edge it crossed (else below). */
function isOver(share: string, edge: string): boolean {
  const s = parseRate(share);
  const e = parseRate(edge);
  return s !== null && e !== null && compareRates(s, e) > 0;
}
