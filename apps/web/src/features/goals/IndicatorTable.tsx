import type { Goal, Indicator, Plan } from '@samplan/engine';
import { type FormEvent, useRef, useState } from 'react';
import { useAnnounce, useApply, useT } from '../../app/hooks.ts';
import { newRecordId, outcomeYears, refusalFor, withOutcome } from '../../core/goals/goalForms.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { CommitInput } from './CommitInput.tsx';
import { GoalPart } from './GoalPart.tsx';

/** The goal's indicators: name, outcome per year (as printed), target value; add and remove rows. */
export function IndicatorTable({ goal, indicators, plan }: { goal: Goal; indicators: Indicator[]; plan: Plan }) {
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
