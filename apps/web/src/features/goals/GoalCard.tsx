import type { CostLine, Goal, Plan } from '@samplan/engine';
import { useEffect, useId, useRef, useState } from 'react';
import { useAnnounce, useApply, useReadOnly, useT } from '../../app/hooks.ts';
import type { Workspace } from '../../app/Workspace.tsx';
import { refusalFor } from '../../core/goals/goalForms.ts';
import { ActivityTable } from './ActivityTable.tsx';
import { CommitInput } from './CommitInput.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';

type Translate = Workspace['t'];

/** "1 indikator", "3 aktiviteter", "2 insatser". */
export const countOf = (t: Translate, what: 'indicators' | 'activities' | 'insatser', count: number) =>
  t(`goals.${what}.${count === 1 ? 'one' : 'other'}`, { count });

/**
 * One goal as a card: its title, area and responsible (saved on Enter or blur), its indicator and
 * activity tables with their add forms, the insatser that work towards it, and removal with a
 * confirmation that says what goes with it.
 */
export function GoalCard({
  goal,
  number,
  plan,
  linked,
  areaList,
  onRemoved,
}: {
  goal: Goal;
  number: number;
  plan: Plan;
  /** The insatser linked to the goal, with whether each has a cost above zero. */
  linked: readonly { line: CostLine; funded: boolean }[];
  /** The id of the datalist of the plan's areas. */
  areaList: string;
  /** Called after the goal is removed (focus moves elsewhere). */
  onRemoved(): void;
}) {
  const t = useT();
  const apply = useApply();
  const announce = useAnnounce();
  const readOnly = useReadOnly();
  const headingId = useId();
  const ids = { title: useId(), area: useId(), responsible: useId() };
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const indicators = plan.indicators.filter((i) => i.goal === goal.id);
  const activities = plan.activities.filter((a) => a.goal === goal.id);
  const put = (next: Goal, field: keyof Goal) =>
    refusalFor(apply({ type: 'put-goal', goal: next }), field, t('goals.invalid'));
  const counts = {
    indicators: countOf(t, 'indicators', indicators.length),
    activities: countOf(t, 'activities', activities.length),
  };
  const remove = () => {
    const result = apply({ type: 'remove-goal', id: goal.id });
    if (!result.ok) {
      announce(result.errors[0]?.message ?? t('goals.invalid'));
      return;
    }
    announce(t('goals.removed', { title: goal.title, ...counts }));
    onRemoved();
  };
  const funded = linked.filter((l) => l.funded);

  return (
    <section className="goal-card" aria-labelledby={headingId} data-testid={`goal-${goal.id}`}>
      <div className="goal-card-header">
        <h3 id={headingId}>
          <span className="goal-number">{t('goals.goalNumber', { n: number })}</span> {goal.title}
        </h3>
        {!readOnly && !confirming && (
          <button
            ref={removeButton}
            type="button"
            className="budget-button budget-remove"
            aria-label={t('goals.removeGoalNamed', { title: goal.title })}
            data-testid={`goal-remove-${goal.id}`}
            onClick={() => setConfirming(true)}
          >
            {t('goals.removeGoal')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="goals-confirm" data-testid={`goal-confirm-${goal.id}`}>
          <p role="alert">
            {t('goals.confirmRemove', { title: goal.title, ...counts })}
            {linked.length > 0 && ` ${t('goals.confirmUnlink', { insatser: countOf(t, 'insatser', linked.length) })}`}
          </p>
          <button
            type="button"
            className="budget-button goals-danger"
            data-testid={`goal-remove-confirm-${goal.id}`}
            onClick={remove}
          >
            {t('goals.confirm')}
          </button>
          <button
            ref={cancel}
            type="button"
            className="budget-button budget-secondary"
            data-testid={`goal-remove-cancel-${goal.id}`}
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => removeButton.current?.focus());
            }}
          >
            {t('goals.cancel')}
          </button>
        </div>
      )}

      <div className="goal-fields">
        <div className="budget-field goals-wide">
          <label htmlFor={ids.title}>{t('goals.title')}</label>
          <CommitInput
            id={ids.title}
            value={goal.title}
            testId={`goal-title-${goal.id}`}
            className="goals-input goals-input-wide"
            save={(text) => {
              const title = text.trim();
              if (title === '') return t('goals.titleRequired');
              return title === goal.title ? null : put({ ...goal, title }, 'title');
            }}
          />
        </div>
        <div className="budget-field">
          <label htmlFor={ids.area}>{t('goals.area')}</label>
          <CommitInput
            id={ids.area}
            value={goal.area}
            list={areaList}
            testId={`goal-area-${goal.id}`}
            save={(text) => (text.trim() === goal.area ? null : put({ ...goal, area: text.trim() }, 'area'))}
          />
        </div>
        <div className="budget-field">
          <label htmlFor={ids.responsible}>{t('goals.responsible')}</label>
          <CommitInput
            id={ids.responsible}
            value={goal.responsible}
            testId={`goal-responsible-${goal.id}`}
            save={(text) =>
              text.trim() === goal.responsible ? null : put({ ...goal, responsible: text.trim() }, 'responsible')
            }
          />
        </div>
      </div>

      <p
        className={funded.length > 0 ? 'goal-links' : 'goal-links goals-warning'}
        data-testid={`goal-links-${goal.id}`}
      >
        {linked.length > 0 && (
          <>
            {t('goals.fundedBy')}{' '}
            {linked.map((l) => (l.funded ? l.line.name : t('goals.unfundedInsats', { name: l.line.name }))).join(', ')}
            {funded.length === 0 && ' · '}
          </>
        )}
        {funded.length === 0 && t('goals.notFunded')}
      </p>

      <IndicatorTable goal={goal} indicators={indicators} plan={plan} />
      <ActivityTable goal={goal} activities={activities} plan={plan} />
    </section>
  );
}
