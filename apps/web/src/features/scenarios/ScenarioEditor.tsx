import type { Change, Scenario } from '@samplan/engine';
import { useId } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import { percentText, readPercent } from '../../format/amounts.ts';
import { findChange, setChange } from '../../ui/scenarioLevers.ts';
import { InsatsLevers } from './InsatsLevers.tsx';
import { Lever } from './Lever.tsx';
import { NewInsats } from './NewInsats.tsx';
import { TextField } from './TextField.tsx';

/** One scenario's levers: name and base, state allocation, ESF decisions, utilization and indexation, insatser. */
export function ScenarioEditor({
  scenario,
  put,
  duplicate,
  remove,
}: {
  scenario: Scenario;
  put(s: Scenario): boolean;
  duplicate(): void;
  remove(): void;
}) {
  const t = useT();
  const plan = usePlan();
  const ids = {
    name: useId(),
    basedOn: useId(),
    slider: useId(),
    exact: useId(),
    from: useId(),
    util: useId(),
    index: useId(),
  };
  const state = findChange(scenario, 'state-allocation');
  const firstYear = plan.years[0] ?? 0;
  const setState = (rate: string | null, fromYear = state?.fromYear ?? firstYear, matching = state?.matching ?? true) =>
    put(
      setChange(
        scenario,
        (c) => c.type === 'state-allocation',
        rate === null || rate === '0' ? null : { type: 'state-allocation', rate, fromYear, matching },
      ),
    );
  const statePercent = state?.rate ? percentText(state.rate) : '0';
  const utilization = findChange(scenario, 'utilization', (c) => c.line === undefined);
  const indexation = findChange(scenario, 'indexation');
  const costLines = plan.costs;

  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <h2>{scenario.name}</h2>
      <div className="field">
        <label htmlFor={ids.name}>{t('scenarios.name')}</label>
        <TextField
          id={ids.name}
          value={scenario.name}
          testId="scenario-name"
          commit={(name) => (name.trim() ? put({ ...scenario, name: name.trim() }) : false)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.basedOn}>{t('scenarios.basedOn')}</label>
        <select
          id={ids.basedOn}
          value={scenario.basedOn ?? ''}
          onChange={(e) => put({ ...scenario, basedOn: e.target.value || undefined })}
        >
          <option value="">Grundplan</option>
          {plan.scenarios
            .filter((s) => s.id !== scenario.id)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </div>
      <p>
        <button type="button" className="secondary" onClick={duplicate}>
          {t('scenarios.duplicate')}
        </button>{' '}
        <button type="button" className="secondary" onClick={remove}>
          {t('scenarios.remove')}
        </button>
      </p>

      <Lever legend={t('scenarios.state')}>
        <div className="field">
          <label htmlFor={ids.slider}>{t('scenarios.stateChange')}</label>
          <input
            id={ids.slider}
            type="range"
            min={-30}
            max={10}
            step={0.5}
            value={Number(statePercent.replace(',', '.'))}
            aria-valuetext={`${statePercent} %`}
            onChange={(e) => setState(readPercent(e.target.value))}
            data-testid="state-slider"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.exact}>{t('scenarios.stateChange')} – exakt</label>
          <TextField
            id={ids.exact}
            value={statePercent}
            testId="state-exact"
            commit={(text) => {
              const rate = readPercent(text);
              return rate !== null && Number(rate) >= -1 && setState(rate);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('scenarios.fromYear')}</label>
          <select
            id={ids.from}
            value={state?.fromYear ?? firstYear}
            onChange={(e) => setState(state?.rate ?? null, Number(e.target.value))}
            data-testid="state-from"
          >
            {plan.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input
            type="checkbox"
            checked={state?.matching ?? true}
            onChange={(e) => setState(state?.rate ?? null, state?.fromYear, e.target.checked)}
            data-testid="state-matching"
          />
          {t('scenarios.matching')}
        </label>
      </Lever>

      {plan.esfProjects.length > 0 && (
        <Lever legend={t('scenarios.esf')}>
          {plan.esfProjects.map((p) => {
            const decision = findChange(scenario, 'esf-decision', (c) => c.project === p.id);
            const mode = !decision
              ? 'plan'
              : decision.decision === 'rejected'
                ? 'rejected'
                : decision.share !== undefined
                  ? 'share'
                  : 'approved';
            const setEsf = (next: Change | null) =>
              put(setChange(scenario, (c) => c.type === 'esf-decision' && c.project === p.id, next));
            const base = { type: 'esf-decision' as const, project: p.id, scaleCosts: false, keepLines: [] as string[] };
            return (
              <div key={p.id} className="field">
                <label htmlFor={`esf-${p.id}`}>{p.name}</label>
                <select
                  id={`esf-${p.id}`}
                  value={mode}
                  data-testid={`esf-${p.id}`}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v === 'plan') setEsf(null);
                    else if (v === 'rejected') setEsf({ ...base, decision: 'rejected' });
                    else if (v === 'approved') setEsf({ ...base, decision: 'approved' });
                    else setEsf({ ...base, decision: 'approved', share: '0.5' });
                  }}
                >
                  <option value="plan">{t('scenarios.esfAsPlanned')}</option>
                  <option value="approved">{t('scenarios.esfApproved')}</option>
                  <option value="rejected">{t('scenarios.esfRejected')}</option>
                  <option value="share">{t('scenarios.esfShare')}</option>
                </select>
                {mode === 'share' && decision?.share !== undefined && (
                  <span className="field">
                    <label htmlFor={`esf-share-${p.id}`}>{t('scenarios.share')}</label>
                    <TextField
                      id={`esf-share-${p.id}`}
                      value={percentText(decision.share)}
                      commit={(text) => {
                        const share = readPercent(text);
                        return (
                          share !== null &&
                          Number(share) >= 0 &&
                          Number(share) <= 1 &&
                          setEsf({ ...base, decision: 'approved', share })
                        );
                      }}
                    />
                  </span>
                )}
              </div>
            );
          })}
        </Lever>
      )}

      <Lever legend={`${t('scenarios.utilization')} / ${t('scenarios.indexation')}`}>
        <div className="field">
          <label htmlFor={ids.util}>{t('scenarios.utilization')}</label>
          <TextField
            id={ids.util}
            value={utilization ? percentText(utilization.rate) : ''}
            testId="utilization"
            placeholder={percentText(plan.assumptions.utilization)}
            commit={(text) => {
              if (text.trim() === '')
                return put(setChange(scenario, (c) => c.type === 'utilization' && c.line === undefined, null));
              const rate = readPercent(text);
              return (
                rate !== null &&
                Number(rate) >= 0 &&
                Number(rate) <= 1 &&
                put(
                  setChange(scenario, (c) => c.type === 'utilization' && c.line === undefined, {
                    type: 'utilization',
                    rate,
                  }),
                )
              );
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.index}>{t('scenarios.indexation')}</label>
          <TextField
            id={ids.index}
            value={indexation ? percentText(indexation.rate) : ''}
            placeholder={percentText(plan.assumptions.indexation)}
            commit={(text) => {
              if (text.trim() === '') return put(setChange(scenario, (c) => c.type === 'indexation', null));
              const rate = readPercent(text);
              return (
                rate !== null &&
                Math.abs(Number(rate)) <= 0.5 &&
                put(setChange(scenario, (c) => c.type === 'indexation', { type: 'indexation', rate }))
              );
            }}
          />
        </div>
      </Lever>

      <InsatsLevers scenario={scenario} put={put} lines={costLines} />

      <NewInsats scenario={scenario} put={put} />
    </div>
  );
}
