import type { Activity, CostLine, Goal, Indicator, Plan } from '@samplan/engine';
import type { PlanEdit } from '@samplan/plan-store';
import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useAnnounce, useApply, useReadOnly, useT } from '../../app/hooks.ts';
import type { Workspace } from '../../app/Workspace.tsx';
import { isIsoDate } from '../../core/budget/costAmountForm.ts';
import { issueFor, newRecordId, outcomeYears, refusalFor, withOutcome } from '../../core/goals/goalForms.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { CommitInput } from './CommitInput.tsx';

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

/**
 * A goal's indicators or activities: a heading, the table (or a line saying there are none) with a
 * remove button per row for editors, and the add form. `kind` prefixes the rows' test ids.
 */
function GoalPart<T extends { id: string }>({
  kind,
  heading,
  empty,
  label,
  testId,
  columns,
  records,
  cells,
  remove,
  form,
}: {
  kind: 'indicator' | 'activity';
  heading: string;
  empty: string;
  label: string;
  testId: string;
  /** The column headers before the remove column. */
  columns: ReactNode;
  records: readonly T[];
  /** A record's cells before its remove button. */
  cells(record: T): ReactNode;
  remove: {
    edit(record: T): PlanEdit;
    label(record: T): string;
    done(record: T): string;
    /** Where focus goes after a removal (the add form's first field). */
    focus: RefObject<HTMLInputElement | null>;
  };
  form: ReactNode;
}) {
  const t = useT();
  const apply = useApply();
  const announce = useAnnounce();
  const readOnly = useReadOnly();
  const removeRecord = (record: T) => {
    const result = apply(remove.edit(record));
    announce(result.ok ? remove.done(record) : (result.errors[0]?.message ?? t('goals.invalid')));
    if (result.ok) remove.focus.current?.focus();
  };
  return (
    <div className="goal-part">
      <h4>{heading}</h4>
      {records.length === 0 ? (
        <p className="budget-help">{empty}</p>
      ) : (
        <div className="budget-scroll">
          <table className="goals-table" aria-label={label} data-testid={testId}>
            <thead>
              <tr>
                {columns}
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('goals.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id} data-testid={`${kind}-${record.id}`}>
                  {cells(record)}
                  {!readOnly && (
                    <td className="goals-actions">
                      <button
                        type="button"
                        className="budget-button budget-remove"
                        aria-label={remove.label(record)}
                        data-testid={`${kind}-remove-${record.id}`}
                        onClick={() => removeRecord(record)}
                      >
                        {t('goals.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && form}
    </div>
  );
}

/** The goal's indicators: name, outcome per year (as printed), target value; add and remove rows. */
function IndicatorTable({ goal, indicators, plan }: { goal: Goal; indicators: Indicator[]; plan: Plan }) {
  const t = useT();
  const apply = useApply();
  const announce = useAnnounce();
  const years = outcomeYears(plan.years, indicators);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const put = (indicator: Indicator, field: string) =>
    refusalFor(apply({ type: 'put-indicator', indicator }), field, t('goals.invalid'));
  const add = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    const message =
      trimmed === ''
        ? t('goals.nameRequired')
        : put({ id: newRecordId(trimmed, plan), goal: goal.id, name: trimmed, outcomes: {}, target: '' }, 'name');
    setError(message);
    if (message !== null) {
      nameInput.current?.focus();
      return;
    }
    setName('');
    announce(t('goals.indicatorAdded', { name: trimmed }));
  };

  return (
    <GoalPart
      kind="indicator"
      heading={t('goals.indicatorsHeading')}
      empty={t('goals.noIndicators')}
      label={t('goals.indicatorTable', { title: goal.title })}
      testId={`indicators-${goal.id}`}
      records={indicators}
      columns={
        <>
          <th scope="col">{t('goals.indicator')}</th>
          {years.map((y) => (
            <th scope="col" key={y} className="goals-number">
              {t('goals.outcome', { year: y })}
            </th>
          ))}
          <th scope="col" className="goals-number">
            {t('goals.target')}
          </th>
        </>
      }
      cells={(indicator) => (
        <>
          <th scope="row">
            <CommitInput
              label={t('goals.indicatorNameFor', { name: indicator.name })}
              value={indicator.name}
              className="goals-input goals-input-wide"
              testId={`indicator-name-${indicator.id}`}
              save={(text) => {
                const next = text.trim();
                if (next === '') return t('goals.nameRequired');
                return next === indicator.name ? null : put({ ...indicator, name: next }, 'name');
              }}
            />
          </th>
          {years.map((year) => (
            <td key={year} className="goals-number">
              <CommitInput
                label={t('goals.outcomeFor', { year, name: indicator.name })}
                value={indicator.outcomes[String(year)] ?? ''}
                className="goals-input goals-input-short"
                testId={`outcome-${indicator.id}-${year}`}
                save={(text) =>
                  text.trim() === (indicator.outcomes[String(year)] ?? '')
                    ? null
                    : put(withOutcome(indicator, year, text), String(year))
                }
              />
            </td>
          ))}
          <td className="goals-number">
            <CommitInput
              label={t('goals.targetFor', { name: indicator.name })}
              value={indicator.target}
              className="goals-input goals-input-short"
              testId={`target-${indicator.id}`}
              save={(text) =>
                text.trim() === indicator.target ? null : put({ ...indicator, target: text.trim() }, 'target')
              }
            />
          </td>
        </>
      )}
      remove={{
        edit: (indicator) => ({ type: 'remove-indicator', id: indicator.id }),
        label: (indicator) => t('goals.removeIndicator', { name: indicator.name }),
        done: (indicator) => t('goals.indicatorRemoved', { name: indicator.name }),
        focus: nameInput,
      }}
      form={
        <form className="budget-add" onSubmit={add} noValidate data-testid={`add-indicator-${goal.id}`}>
          <LabelledField
            label={t('goals.newIndicator')}
            value={name}
            onChange={setName}
            error={error}
            wide
            inputRef={nameInput}
            testId={`add-indicator-name-${goal.id}`}
          />
          <button type="submit" className="budget-button" data-testid={`add-indicator-submit-${goal.id}`}>
            {t('goals.addIndicator')}
          </button>
        </form>
      }
    />
  );
}

/** The goal's activities: description, responsible, end date; add and remove rows. */
function ActivityTable({ goal, activities, plan }: { goal: Goal; activities: Activity[]; plan: Plan }) {
  const t = useT();
  const apply = useApply();
  const announce = useAnnounce();
  const [draft, setDraft] = useState({ description: '', responsible: '', end: '' });
  const [errors, setErrors] = useState<{ description?: string | null; end?: string | null }>({});
  const descriptionInput = useRef<HTMLInputElement>(null);
  const put = (activity: Activity, field: string) =>
    refusalFor(apply({ type: 'put-activity', activity }), field, t('goals.invalid'));
  const add = (e: FormEvent) => {
    e.preventDefault();
    const description = draft.description.trim();
    const end = draft.end.trim();
    const found: { description: string | null; end: string | null } = {
      description: description === '' ? t('goals.descriptionRequired') : null,
      end: end !== '' && !isIsoDate(end) ? t('goals.invalidDate') : null,
    };
    if (found.description === null && found.end === null) {
      const activity: Activity = {
        id: newRecordId(description, plan),
        goal: goal.id,
        description,
        responsible: draft.responsible.trim(),
        ...(end !== '' && { end }),
      };
      const result = apply({ type: 'put-activity', activity });
      if (result.ok) {
        setDraft({ description: '', responsible: '', end: '' });
        setErrors({});
        announce(t('goals.activityAdded', { name: description }));
        return;
      }
      const field = result.errors.some((i) => i.path?.includes('end')) ? 'end' : 'description';
      found[field] = issueFor(result.errors, field) ?? t('goals.invalid');
    }
    setErrors(found);
    if (found.description !== null) descriptionInput.current?.focus();
  };

  return (
    <GoalPart
      kind="activity"
      heading={t('goals.activitiesHeading')}
      empty={t('goals.noActivities')}
      label={t('goals.activityTable', { title: goal.title })}
      testId={`activities-${goal.id}`}
      records={activities}
      columns={
        <>
          <th scope="col">{t('goals.activity')}</th>
          <th scope="col">{t('goals.responsible')}</th>
          <th scope="col">{t('goals.end')}</th>
        </>
      }
      cells={(activity) => (
        <>
          <th scope="row">
            <CommitInput
              label={t('goals.descriptionFor', { name: activity.description })}
              value={activity.description}
              className="goals-input goals-input-wide"
              testId={`activity-description-${activity.id}`}
              save={(text) => {
                const next = text.trim();
                if (next === '') return t('goals.descriptionRequired');
                return next === activity.description ? null : put({ ...activity, description: next }, 'description');
              }}
            />
          </th>
          <td>
            <CommitInput
              label={t('goals.activityResponsibleFor', { name: activity.description })}
              value={activity.responsible}
              testId={`activity-responsible-${activity.id}`}
              save={(text) =>
                text.trim() === activity.responsible
                  ? null
                  : put({ ...activity, responsible: text.trim() }, 'responsible')
              }
            />
          </td>
          <td>
            <CommitInput
              type="date"
              label={t('goals.endFor', { name: activity.description })}
              value={activity.end ?? ''}
              className="goals-input goals-input-date"
              testId={`activity-end-${activity.id}`}
              save={(text) => {
                const end = text.trim();
                if (end === (activity.end ?? '')) return null;
                if (end !== '' && !isIsoDate(end)) return t('goals.invalidDate');
                const { end: _, ...rest } = activity;
                return put(end === '' ? rest : { ...rest, end }, 'end');
              }}
            />
          </td>
        </>
      )}
      remove={{
        edit: (activity) => ({ type: 'remove-activity', id: activity.id }),
        label: (activity) => t('goals.removeActivity', { name: activity.description }),
        done: (activity) => t('goals.activityRemoved', { name: activity.description }),
        focus: descriptionInput,
      }}
      form={
        <form className="budget-add" onSubmit={add} noValidate data-testid={`add-activity-${goal.id}`}>
          <LabelledField
            label={t('goals.newActivity')}
            value={draft.description}
            onChange={(description) => setDraft((d) => ({ ...d, description }))}
            error={errors.description}
            wide
            inputRef={descriptionInput}
            testId={`add-activity-description-${goal.id}`}
          />
          <LabelledField
            label={t('goals.responsible')}
            value={draft.responsible}
            onChange={(responsible) => setDraft((d) => ({ ...d, responsible }))}
            error={null}
            testId={`add-activity-responsible-${goal.id}`}
          />
          <LabelledField
            label={t('goals.end')}
            type="date"
            value={draft.end}
            onChange={(end) => setDraft((d) => ({ ...d, end }))}
            error={errors.end}
            testId={`add-activity-end-${goal.id}`}
          />
          <button type="submit" className="budget-button" data-testid={`add-activity-submit-${goal.id}`}>
            {t('goals.addActivity')}
          </button>
        </form>
      }
    />
  );
}
