import type { Change, Plan } from '@samplan/engine';
import { showShare } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The changes in words: "Statens bidrag −10 % från 2023, LANDA avslås, …". */
export function describeChanges(t: Translate, plan: Plan, changes: readonly Change[]): string {
  if (changes.length === 0) return t('workshop.noChanges');
  const parts: string[] = [];
  let other = 0;
  for (const c of changes) {
    if (c.type === 'state-allocation' && c.rate !== undefined)
      parts.push(t('workshop.change.state', { rate: showShare(c.rate, 0), year: c.fromYear }));
    else if (c.type === 'esf-decision')
      parts.push(
        t('workshop.change.esf', {
          project: plan.esfProjects.find((p) => p.id === c.project)?.name ?? c.project,
          decision: (c.decision === 'rejected' ? t('workshop.esfRejected') : t('workshop.esfApproved')).toLowerCase(),
        }),
      );
    else if (c.type === 'utilization' && c.line === undefined)
      parts.push(t('workshop.change.utilization', { rate: showShare(c.rate, 0) }));
    else if (c.type === 'indexation') parts.push(t('workshop.change.indexation', { rate: showShare(c.rate, 1) }));
    else other++;
  }
  if (other > 0) parts.push(t('workshop.change.other', { count: other }));
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
