import type { CostLine, Goal, ParticipantTargets } from '@samplan/engine';
import { useState } from 'react';
import { useAnnounce, useApply, useT, useUnit } from '../../app/hooks.ts';
import {
  type Read,
  readParticipants,
  readShare,
  refusalFor,
  withGoal,
  withTarget,
} from '../../core/goals/goalForms.ts';
import { percentText, showAmount } from '../../format/amounts.ts';
import { CommitInput } from './CommitInput.tsx';

/**
 * "Insatser och mål": one row per insats with its cost over the horizon (in the chosen scenario), a
 * checkbox per goal it may work towards, and its participant targets. Every change is one `set-line`.
 */
export function InsatsGoalsTable({
  insatser,
  goals,
  totals,
  years,
}: {
  insatser: readonly CostLine[];
  goals: readonly Goal[];
  /** Each line's total cost over the horizon in kronor; null while unknown. */
  totals: ReadonlyMap<string, string> | null;
  years: readonly number[];
}) {
  const t = useT();
  const apply = useApply();
  const announce = useAnnounce();
  const unit = useUnit();
  const [linkErrors, setLinkErrors] = useState<Record<string, string>>({});
  const goalOrder = goals.map((g) => g.id);
  if (insatser.length === 0) return <p className="budget-help">{t('goals.noInsatser')}</p>;

  const link = (line: CostLine, goal: Goal, on: boolean) => {
    const patch = { goals: withGoal(line, goal.id, on, goalOrder) };
    const message = refusalFor(
      apply({ type: 'set-line', collection: 'costs', id: line.id, patch }),
      'goals',
      t('goals.invalid'),
    );
    setLinkErrors(({ [line.id]: _, ...rest }) => (message === null ? rest : { ...rest, [line.id]: message }));
    if (message === null)
      announce(t(on ? 'goals.linked' : 'goals.unlinkedFrom', { insats: line.name, goal: goal.title }));
    else announce(message);
  };
  const first = years[0] ?? '';
  const last = years.at(-1) ?? '';

  return (
    <div className="budget-scroll">
      <table
        className="goals-table goals-insats-table"
        aria-label={t('goals.insatserTable')}
        data-testid="insats-goals"
      >
        <thead>
          <tr>
            <th scope="col">{t('goals.insats')}</th>
            <th scope="col" className="goals-number">
              {t('goals.cost', { first, last, unit })}
            </th>
            {goals.map((g, i) => (
              <th scope="col" key={g.id} className="goals-goal-col" title={g.title}>
                <span className="goal-number">{t('goals.goalNumber', { n: i + 1 })}</span>
                <span className="goals-col-title">{g.title}</span>
              </th>
            ))}
            <th scope="col" className="goals-number">
              {t('goals.participants')}
            </th>
            <th scope="col" className="goals-number">
              {t('goals.workShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {insatser.map((line) => {
            const total = totals?.get(line.id);
            const linked = new Set(line.goals ?? []);
            return (
              <tr key={line.id} data-testid={`insats-${line.id}`}>
                <th scope="row">
                  {line.name}
                  <span className="budget-note">{t(`budget.category.${line.category}`)}</span>
                  {linkErrors[line.id] && (
                    <span role="alert" className="budget-error">
                      {linkErrors[line.id]}
                    </span>
                  )}
                </th>
                <td className="goals-number" data-testid={`insats-total-${line.id}`} data-value={total}>
                  {total === undefined ? '–' : showAmount(total, unit)}
                </td>
                {goals.map((g) => (
                  <td key={g.id} className="goals-check">
                    <input
                      type="checkbox"
                      checked={linked.has(g.id)}
                      aria-label={t('goals.linkFor', { insats: line.name, goal: g.title })}
                      data-testid={`link-${line.id}-${g.id}`}
                      onChange={(e) => link(line, g, e.target.checked)}
                    />
                  </td>
                ))}
                <TargetCell
                  line={line}
                  target="participants"
                  label={t('goals.participantsFor', { name: line.name })}
                  shown={line.targets?.participants === undefined ? '' : String(line.targets.participants)}
                  inputMode="numeric"
                  read={readParticipants}
                  invalid={t('goals.invalidParticipants')}
                  testId={`participants-${line.id}`}
                />
                <TargetCell
                  line={line}
                  target="workOrStudies"
                  label={t('goals.workShareFor', { name: line.name })}
                  shown={line.targets?.workOrStudies === undefined ? '' : percentText(line.targets.workOrStudies)}
                  inputMode="decimal"
                  suffix="%"
                  read={readShare}
                  invalid={t('goals.invalidShare')}
                  testId={`work-share-${line.id}`}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
      {goals.length === 0 && <p className="budget-help">{t('goals.noGoalsToLink')}</p>}
    </div>
  );
}

/** One participant target of an insats, typed and saved on Enter or blur as a `set-line` of its targets. */
function TargetCell<K extends keyof ParticipantTargets>({
  line,
  target,
  label,
  shown,
  inputMode,
  suffix,
  read,
  invalid,
  testId,
}: {
  line: CostLine;
  target: K;
  label: string;
  shown: string;
  inputMode: 'numeric' | 'decimal';
  suffix?: string;
  read(text: string): Read<ParticipantTargets[K]>;
  /** The message when the text cannot be read. */
  invalid: string;
  testId: string;
}) {
  const t = useT();
  const apply = useApply();
  return (
    <td className="goals-number">
      <CommitInput
        label={label}
        value={shown}
        inputMode={inputMode}
        suffix={suffix}
        className="goals-input goals-input-short goals-input-number"
        testId={testId}
        save={(text) => {
          const value = read(text);
          if (value === null) return invalid;
          if (value.value === line.targets?.[target]) return null;
          const patch = { targets: withTarget(line.targets, target, value.value) };
          return refusalFor(
            apply({ type: 'set-line', collection: 'costs', id: line.id, patch }),
            target,
            t('goals.invalid'),
          );
        }}
      />
    </td>
  );
}
