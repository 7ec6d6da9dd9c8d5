import type { CostLine, Goal } from '@samplan/engine';
import { type FormEvent, type RefObject, useId, useMemo, useRef, useState } from 'react';
import { useAnnounce, useApply, usePlan, useProjections, useReadOnly, useT } from '../../app/hooks.ts';
import { costTotals, goalCoverage, insatserOf } from '../../core/goals/goalCoverage.ts';
import { newRecordId, refusalFor } from '../../core/goals/goalForms.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { GoalCard } from './GoalCard.tsx';
import { InsatsGoalsTable } from './InsatsGoalsTable.tsx';
import '../../ui/budget.css';
import './goals.css';
import { ScenarioOptions } from '../../ui/ScenarioOptions.tsx';

/**
 * The Mål view: an overview of goals without a funded insats and insatser without a goal (in the
 * chosen scenario), the goals with their indicators and activities, and which insatser serve which
 * goal with their participant targets. Every change goes through `apply`.
 */
export function GoalsView() {
  const t = useT();
  const plan = usePlan();
  const projections = useProjections();
  const [chosen, setChosen] = useState<string | null>(null);
  const scenario = plan.scenarios.find((s) => s.id === chosen) ?? null;
  const scenarioId = scenario?.id ?? null;
  const scenarioName = scenario?.name ?? t('goals.basePlan');
  const selectId = useId();
  const areaList = useId();
  const addTitle = useRef<HTMLInputElement>(null);

  // Each line's total over the horizon in the chosen scenario, from the worker's projection lines.
  const costs = useMemo(() => {
    const result = projections?.results.find((r) => r.id === scenarioId);
    if (!result) return { totals: null, note: t('goals.computing') };
    if (!result.ok) return { totals: null, note: t('goals.noCosts', { message: result.errors[0]?.message ?? '' }) };
    return { totals: costTotals(result.projection.lines), note: null };
  }, [projections, scenarioId, t]);
  const coverage = useMemo(() => goalCoverage(plan, costs.totals ?? new Map()), [plan, costs.totals]);
  const insatser = insatserOf(plan);
  const areas = [...new Set(plan.goals.map((g) => g.area).filter((a) => a !== ''))];
  const first = plan.years[0] ?? '';
  const last = plan.years.at(-1) ?? '';

  return (
    <div className="goals">
      <h1>{t('goals.heading')}</h1>
      <p className="budget-help">{t('goals.intro')}</p>
      <div className="goals-scenario">
        <label htmlFor={selectId}>{t('goals.scenario')}</label>
        <select
          id={selectId}
          value={scenarioId ?? ''}
          data-testid="goals-scenario"
          onChange={(e) => setChosen(e.target.value || null)}
        >
          <ScenarioOptions baseLabel={t('goals.basePlan')} />
        </select>
      </div>

      <Overview
        goals={plan.goals}
        unfunded={coverage.unfundedGoals}
        unlinked={coverage.insatserWithoutGoal}
        note={costs.note}
        help={t('goals.overviewHelp', { first, last, scenario: scenarioName })}
      />

      <section className="goals-section" aria-labelledby="goals-list-heading">
        <h2 id="goals-list-heading">{t('goals.goals')}</h2>
        <datalist id={areaList}>
          {areas.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {plan.goals.length === 0 && <p className="budget-help">{t('goals.noGoals')}</p>}
        {plan.goals.map((goal, i) => (
          <GoalCard
            key={goal.id}
            goal={goal}
            number={i + 1}
            plan={plan}
            linked={coverage.linked.get(goal.id) ?? []}
            areaList={areaList}
            onRemoved={() => addTitle.current?.focus()}
          />
        ))}
        <AddGoalForm areaList={areaList} titleInput={addTitle} />
      </section>

      <section className="goals-section" aria-labelledby="goals-insatser-heading">
        <h2 id="goals-insatser-heading">{t('goals.insatserHeading')}</h2>
        <p className="budget-help">{t('goals.insatserHelp')}</p>
        <InsatsGoalsTable insatser={insatser} goals={plan.goals} totals={costs.totals} years={plan.years} />
      </section>
    </div>
  );
}

/** The two lists at the top: goals no funded insats serves, and insatser that serve no goal. */
function Overview({
  goals,
  unfunded,
  unlinked,
  note,
  help,
}: {
  goals: readonly Goal[];
  unfunded: readonly Goal[];
  unlinked: readonly CostLine[];
  /** Why the costs are not known yet (then which goals are funded is not shown). */
  note: string | null;
  help: string;
}) {
  const t = useT();
  const numberOf = (goal: Goal) => goals.indexOf(goal) + 1;
  return (
    <section className="goals-overview" aria-labelledby="goals-overview-heading" data-testid="goals-overview">
      <h2 id="goals-overview-heading">{t('goals.overview')}</h2>
      <p className="budget-help">{help}</p>
      <div className="goals-overview-lists">
        <div
          className={unfunded.length > 0 ? 'goals-overview-box goals-attention' : 'goals-overview-box'}
          data-testid="overview-unfunded"
          data-count={note === null ? unfunded.length : undefined}
        >
          <h3>
            {t('goals.unfunded')}{' '}
            <span className="goals-count" data-testid="overview-unfunded-count">
              {note === null ? unfunded.length : '…'}
            </span>
          </h3>
          {note !== null ? (
            <p role="status">{note}</p>
          ) : unfunded.length === 0 ? (
            <p>{goals.length === 0 ? t('goals.noGoals') : t('goals.noneUnfunded')}</p>
          ) : (
            <ul>
              {unfunded.map((g) => (
                <li key={g.id} data-testid={`unfunded-${g.id}`}>
                  <span className="goal-number">{t('goals.goalNumber', { n: numberOf(g) })}</span> {g.title}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div
          className={unlinked.length > 0 ? 'goals-overview-box goals-attention' : 'goals-overview-box'}
          data-testid="overview-unlinked"
          data-count={unlinked.length}
        >
          <h3>
            {t('goals.unlinked')}{' '}
            <span className="goals-count" data-testid="overview-unlinked-count">
              {unlinked.length}
            </span>
          </h3>
          {unlinked.length === 0 ? (
            <p>{t('goals.noneUnlinked')}</p>
          ) : (
            <ul>
              {unlinked.map((line) => (
                <li key={line.id} data-testid={`unlinked-${line.id}`}>
                  {line.name}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** Adds a goal: its title (required), area and responsible. */
function AddGoalForm({ areaList, titleInput }: { areaList: string; titleInput: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const plan = usePlan();
  const apply = useApply();
  const announce = useAnnounce();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState({ title: '', area: '', responsible: '' });
  const [error, setError] = useState<string | null>(null);
  if (readOnly) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const title = draft.title.trim();
    const message =
      title === ''
        ? t('goals.titleRequired')
        : refusalFor(
            apply({
              type: 'put-goal',
              goal: {
                id: newRecordId(title, plan),
                title,
                area: draft.area.trim(),
                responsible: draft.responsible.trim(),
              },
            }),
            'title',
            t('goals.invalid'),
          );
    setError(message);
    if (message !== null) {
      titleInput.current?.focus();
      return;
    }
    setDraft({ title: '', area: '', responsible: '' });
    announce(t('goals.added', { title }));
  };
  return (
    <form className="budget-add goals-new-goal" onSubmit={submit} noValidate data-testid="add-goal">
      <h3 className="goals-new-heading">{t('goals.newGoal')}</h3>
      <LabelledField
        label={t('goals.title')}
        value={draft.title}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
        error={error}
        wide
        inputRef={titleInput}
        testId="add-goal-title"
      />
      <LabelledField
        label={t('goals.area')}
        value={draft.area}
        list={areaList}
        onChange={(area) => setDraft((d) => ({ ...d, area }))}
        error={null}
        testId="add-goal-area"
      />
      <LabelledField
        label={t('goals.responsible')}
        value={draft.responsible}
        onChange={(responsible) => setDraft((d) => ({ ...d, responsible }))}
        error={null}
        testId="add-goal-responsible"
      />
      <button type="submit" className="budget-button" data-testid="add-goal-submit">
        {t('goals.addGoal')}
      </button>
    </form>
  );
}
