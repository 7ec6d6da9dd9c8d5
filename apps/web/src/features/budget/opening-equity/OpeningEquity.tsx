import { useId } from 'react';
import { useAnnounce, useApply, usePlan, useT, useUnit } from '../../../app/hooks.ts';
import { readAmount, showAmount } from '../../../format/amounts.ts';
import { refusal } from '../../../ui/AmountGrid.tsx';
import { CommitField } from '../../../ui/CommitField.tsx';

/**
 * Ingående eget kapital: the first year's opening equity, kept apart from revenue. The field may be
 * empty (the plan states none): the engine then projects from 0 kr and says so in its findings.
 */
export function OpeningEquity() {
  const plan = usePlan();
  const apply = useApply();
  const t = useT();
  const unit = useUnit();
  const announce = useAnnounce();
  const headingId = useId();
  const stated = plan.openingEquity !== undefined;
  return (
    <section className="budget-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('budget.openingEquity')}</h3>
      <p className="budget-help">{t('equity.help')}</p>
      <CommitField
        label={`${t('budget.openingEquity')} ${plan.years[0] ?? ''}`.trim()}
        shown={showAmount(plan.openingEquity, unit)}
        suffix={unit}
        testId="opening-equity"
        {...(stated ? {} : { hint: t('equity.notStated') })}
        save={(text) => {
          if (text.trim() === '') {
            if (!stated) return null;
            const cleared = refusal(apply({ type: 'set-opening-equity', value: null }), t('budget.invalid'));
            if (cleared === null) announce(t('equity.cleared'));
            return cleared;
          }
          const value = readAmount(text, unit);
          if (value === null) return t('budget.invalid');
          if (value === plan.openingEquity) return null;
          return refusal(apply({ type: 'set-opening-equity', value }), t('budget.invalid'));
        }}
      />
    </section>
  );
}
