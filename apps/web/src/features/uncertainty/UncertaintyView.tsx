import { DEFAULT_SEED } from '@samplan/engine';
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import { useCollab, useSession } from '../../app/SessionContext.ts';
import {
  exampleForm,
  formToModel,
  loadModels,
  modelToForm,
  saveModel,
  type UncertaintyForm,
} from '../../core/uncertainty/uncertaintyForm.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { DEFAULT_DRAWS, MAX_DRAWS } from '../../worker/monteCarloApi.ts';
import { DrawsBehind } from './DrawsBehind.tsx';
import { FanChart } from './FanChart.tsx';
import { LeverRanges } from './LeverRanges.tsx';
import { countText, shareText } from './leverText.ts';
import { TornadoChart } from './TornadoChart.tsx';
import { type RunState, useMonteCarlo } from './useMonteCarlo.ts';
import './uncertainty.css';
import { ScenarioOptions } from '../../ui/ScenarioOptions.tsx';

/** This browser's storage, where the ranges are kept (none in a private window that blocks it). */
const browserStorage = (): Storage | undefined => globalThis.localStorage;

/** A whole number as typed, spaces allowed (`10 000`); null when it is not one. */
const readWhole = (text: string): number | null => {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
  if (!/^-?\d+$/.test(compact)) return null;
  const n = Number(compact);
  return Number.isSafeInteger(n) ? n : null;
};

/**
 * The uncertainty view: give the levers of a scenario (or the base plan) ranges, run a seeded Monte
 * Carlo in its own worker with a progress bar and cancel, and read the fan chart, the probabilities
 * of negative equity and of exceeding the cap, the draws behind a percentile and the tornado chart.
 */
export function UncertaintyView() {
  const t = useT();
  const plan = usePlan();
  const collab = useCollab();
  // A shared plan keeps its ranges in its document (the same for everyone; editors change them);
  // the demo keeps them in this browser's localStorage.
  const planKey = collab?.info.id ?? plan.name;
  const session = useSession();
  const storage = useMemo(() => session.uncertaintyStorage ?? browserStorage(), [session]);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const scenario = scenarioId === null ? undefined : plan.scenarios.find((s) => s.id === scenarioId);
  const formFor = (id: string | null): UncertaintyForm => {
    const stored = loadModels(storage, planKey, plan).get(id ?? '');
    return stored ? modelToForm(stored, plan) : exampleForm(plan);
  };
  const [form, setForm] = useState<UncertaintyForm>(() => formFor(null));
  const [drawsText, setDrawsText] = useState(countText(DEFAULT_DRAWS));
  const [seedText, setSeedText] = useState(String(DEFAULT_SEED));
  const { run, start, cancel, drawsAt } = useMonteCarlo();
  // The charts follow the streamed summaries at low priority: the progress bar and "Avbryt" never
  // wait for a chart to be drawn.
  const summary = useDeferredValue(run.summary);
  const scenarioField = useId();

  const model = useMemo(() => formToModel(form, plan, scenario, t('risk.badPercent')), [form, plan, scenario, t]);
  useEffect(() => {
    if (model.ok) saveModel(storage, planKey, scenario?.id ?? null, model.value);
  }, [model, storage, planKey, scenario]);

  const draws = readWhole(drawsText);
  const drawsOk = draws !== null && draws >= 1 && draws <= MAX_DRAWS;
  const seed = readWhole(seedText);
  const running = run.phase === 'running';
  const canRun = model.ok && model.value.levers.length > 0 && drawsOk && seed !== null && !running;
  const stale =
    run.input !== null &&
    (run.input.plan !== plan ||
      run.input.scenarioId !== (scenario?.id ?? null) ||
      !model.ok ||
      JSON.stringify(run.input.model) !== JSON.stringify(model.value));

  const chooseScenario = (id: string | null) => {
    setScenarioId(id);
    setForm(formFor(id));
  };
  const onRun = () => {
    if (!canRun || !model.ok || draws === null || seed === null) return;
    void start({ plan, scenarioId: scenario?.id ?? null, model: model.value, draws, seed });
  };

  return (
    <section aria-labelledby="risk-heading" className="risk" data-testid="risk-view">
      <h1 id="risk-heading">{t('risk.heading')}</h1>
      <p className="risk-intro">{t('risk.intro')}</p>
      <div className="risk-layout">
        <div className="risk-setup">
          <div className="field">
            <label htmlFor={scenarioField}>{t('risk.scenario')}</label>
            <select
              id={scenarioField}
              value={scenario?.id ?? ''}
              onChange={(e) => chooseScenario(e.target.value || null)}
              data-testid="risk-scenario"
            >
              <ScenarioOptions baseLabel={t('risk.basePlan')} />
            </select>
          </div>
          <h2>{t('risk.levers')}</h2>
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => setForm(exampleForm(plan))}
              data-testid="risk-example"
            >
              {t('risk.example')}
            </button>
          </p>
          <p className="muted">
            {t('risk.exampleHelp')} {t('risk.stored')}
          </p>
          <LeverRanges form={form} setForm={setForm} issues={model.ok ? [] : model.errors} />
        </div>

        <div className="risk-results">
          <div className="risk-run">
            <LabelledField
              label={t('risk.draws')}
              value={drawsText}
              onChange={setDrawsText}
              error={drawsOk ? null : t('risk.badDraws', { max: countText(MAX_DRAWS) })}
              testId="risk-draws-count"
            />
            <LabelledField
              label={t('risk.seed')}
              value={seedText}
              onChange={setSeedText}
              error={seed === null ? t('risk.badSeed') : null}
              testId="risk-seed"
            />
            <div className="risk-buttons">
              <button type="button" onClick={onRun} disabled={!canRun} data-testid="risk-run">
                {t('risk.run')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => void cancel()}
                disabled={!running}
                data-testid="risk-cancel"
              >
                {t('risk.cancel')}
              </button>
            </div>
          </div>
          {model.ok && model.value.levers.length === 0 && <p className="warning">{t('risk.noLevers')}</p>}
          <Progress run={run} />
          {stale && summary && <p className="notice">{t('risk.stale')}</p>}
          {summary && run.input && (
            <>
              <h2>{t('risk.results')}</h2>
              <p data-testid="risk-summary" className="risk-summary">
                {t('risk.summary', {
                  negative: shareText(summary.negativeAnyYearCount, summary.draws),
                  overCap: shareText(summary.overCapAnyYearCount, summary.draws),
                })}{' '}
                <span className="muted">
                  {t('risk.basedOn', { draws: countText(summary.draws), seed: summary.seed })}
                </span>
              </p>
              <FanChart summary={summary} />
              {/* Computed before the draws, drawn once they are done (or cancelled). */}
              {run.sensitivity && !running && <TornadoChart sensitivity={run.sensitivity} model={run.input.model} />}
              <DrawsBehind
                years={run.input.plan.years}
                model={run.input.model}
                ready={running ? null : `${run.id}-${run.phase}`}
                drawsAt={drawsAt}
              />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/** The progress bar with draws done of total, and the run's state in words. */
function Progress({ run }: { run: RunState }) {
  const t = useT();
  const labelId = useId();
  const state =
    run.phase === 'running'
      ? t('risk.running')
      : run.phase === 'done'
        ? t('risk.done', { seconds: (run.seconds ?? 0).toFixed(1).replace('.', ',') })
        : run.phase === 'cancelled'
          ? t('risk.cancelled')
          : run.phase === 'failed'
            ? t('risk.failed', { message: run.message ?? '' })
            : t('risk.idle');
  const total = run.total || 1;
  return (
    <div className="risk-progress">
      <span id={labelId}>{t('risk.progress')}</span>
      <progress
        aria-labelledby={labelId}
        max={total}
        value={run.done}
        aria-valuetext={t('risk.progressText', { done: countText(run.done), total: countText(run.total) })}
        data-testid="risk-progress"
      />
      <span data-testid="risk-progress-text">
        {t('risk.progressText', { done: countText(run.done), total: countText(run.total) })}
      </span>
      <p
        role="status"
        className={run.phase === 'failed' ? 'error' : undefined}
        data-testid="risk-state"
        data-phase={run.phase}
        data-stop-ms={run.stopMs === undefined ? undefined : run.stopMs.toFixed(2)}
      >
        {state}
      </p>
    </div>
  );
}
