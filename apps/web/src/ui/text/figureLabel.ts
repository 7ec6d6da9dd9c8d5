import type { Plan } from '@samplan/engine';
import type { MessageKey } from '../../i18n/messages.ts';
import type { FigureRef } from './figureValue.ts';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Where a live figure comes from, in words: "Utgående eget kapital 2025, Grundbudget". */
export function figureLabel(ref: FigureRef, plan: Plan, t: T): string {
  const scenario =
    ref.scenario === ''
      ? t('text.baseScenario')
      : (plan.scenarios.find((s) => s.id === ref.scenario)?.name ?? ref.scenario);
  const line =
    ref.figure === 'line'
      ? ([...plan.members, ...plan.revenues, ...plan.costs].find((l) => l.id === ref.line)?.name ?? ref.line ?? '')
      : '';
  const what = ref.figure === 'line' ? line : t(`text.figure.${ref.figure}` as MessageKey);
  const when =
    ref.year === null ? t(ref.figure === 'closing-equity' ? 'text.lastYear' : 'text.allYears') : String(ref.year);
  return `${what} ${when}, ${scenario}`;
}
