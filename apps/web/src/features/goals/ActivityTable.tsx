import type { Activity, Goal, Plan } from '@samplan/engine';
import { type FormEvent, useRef, useState } from 'react';
import { useAnnounce, useApply, useT } from '../../app/hooks.ts';
import { isIsoDate } from '../../core/budget/costAmountForm.ts';
import { issueFor, newRecordId, refusalFor } from '../../core/goals/goalForms.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { CommitInput } from './CommitInput.tsx';
import { GoalPart } from './GoalPart.tsx';

/** The goal's activities: description, responsible, end date; add and remove rows. */
export function ActivityTable({ goal, activities, plan }: { goal: Goal; activities: Activity[]; plan: Plan }) {
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
