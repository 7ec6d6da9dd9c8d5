import type { YearJson } from '@samplan/engine';
import { showAmount, type Unit } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** The rows of the comparison, in order: which figure, and how to read it from a projected year. */
export const COMPARE_ROWS: {
  key: string;
  label: MessageKey;
  kind: 'amount' | 'share';
  read(y: YearJson): string | null;
}[] = [
  { key: 'revenue', label: 'row.revenue', kind: 'amount', read: (y) => y.revenue },
  { key: 'costs', label: 'row.costs', kind: 'amount', read: (y) => y.costs },
  { key: 'individual', label: 'row.individual', kind: 'amount', read: (y) => y.costsByCategory.individual },
  { key: 'structural', label: 'row.structural', kind: 'amount', read: (y) => y.costsByCategory.structural },
  { key: 'administration', label: 'row.administration', kind: 'amount', read: (y) => y.costsByCategory.administration },
  { key: 'unallocated', label: 'row.unallocated', kind: 'amount', read: (y) => y.costsByCategory.unallocated },
  { key: 'result', label: 'row.result', kind: 'amount', read: (y) => y.result },
  { key: 'openingEquity', label: 'row.openingEquity', kind: 'amount', read: (y) => y.openingEquity },
  { key: 'closingEquity', label: 'row.closingEquity', kind: 'amount', read: (y) => y.closingEquity },
  { key: 'equityRatio', label: 'row.equityRatio', kind: 'share', read: (y) => y.equityRatio },
  { key: 'adminShare', label: 'row.adminShare', kind: 'share', read: (y) => y.adminShare },
];

/** `a − b` of two kronor decimal strings, exactly (both have at most two decimals). */
export function differenceKronor(a: string, b: string): string {
  const ore = (s: string) => {
    const negative = s.startsWith('-');
    const [whole = '0', frac = ''] = (negative ? s.slice(1) : s).split('.');
    const v = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2) || '0');
    return negative ? -v : v;
  };
  const d = ore(a) - ore(b);
  const negative = d < 0n;
  const abs = negative ? -d : d;
  const kr = abs / 100n;
  const rest = abs % 100n;
  const body = rest === 0n ? kr.toString() : `${kr}.${rest.toString().padStart(2, '0')}`;
  return negative ? `-${body}` : body;
}

/** `value − base` as signed text in the unit (`+100`, `−100`, `±0`); empty when either is missing. */
export function signedDifference(value: string | undefined, base: string | undefined, unit: Unit): string {
  if (value === undefined || base === undefined) return '';
  const d = differenceKronor(value, base);
  if (/^-?0(\.0+)?$/.test(d)) return '±0';
  return `${d.startsWith('-') ? '' : '+'}${showAmount(d, unit)}`;
}
