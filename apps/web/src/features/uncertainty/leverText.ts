import { formatDecimalSv, formatPercent, type Plan, rate, type UncertainLever } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import type { MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A lever's name in the current language (the engine's own labels are Swedish). */
export function leverName(t: Translate, plan: Plan, lever: UncertainLever): string {
  switch (lever.type) {
    case 'state-change':
      return t('risk.leverState', { year: lever.fromYear });
    case 'esf-approval':
      return t('risk.leverEsf', { name: plan.esfProjects.find((p) => p.id === lever.project)?.name ?? lever.project });
    case 'utilization':
      return lever.line === undefined
        ? t('risk.utilization')
        : `${t('risk.utilization')}: ${plan.costs.find((c) => c.id === lever.line)?.name ?? lever.line}`;
    case 'indexation':
      return t('risk.indexation');
  }
}

/** A sampled or end value: `"-0.0734"` → `−7,34 %`, `"0.85"` → `85 %`; an ESF decision in words. */
export function leverValue(t: Translate, value: string): string {
  if (value === 'approved') return t('risk.approved');
  if (value === 'rejected') return t('risk.rejected');
  const percent = new Decimal(value).times(100);
  return `${formatDecimalSv(percent.toFixed(), Math.min(2, percent.decimalPlaces()))} %`;
}

/** `count` of `draws` as a percentage with one decimal, exact: `12,3 %`. */
export const shareText = (count: number, draws: number): string =>
  draws === 0 ? '–' : formatPercent(rate(count, draws), 1);

/** A count the Swedish way: `10 000`. */
export const countText = (n: number): string => formatDecimalSv(String(n));
