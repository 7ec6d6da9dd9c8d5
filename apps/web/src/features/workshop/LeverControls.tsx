import type { Change } from '@samplan/engine';
import { useId } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import {
  type EsfDecision,
  LEVER_RANGES,
  leverValues,
  percentLabel,
  withEsf,
  withIndexation,
  withState,
  withUtilization,
} from './workshopLevers.ts';

/** No lever moved (one array, so an empty scenario keeps its identity between renders). */
export const NO_CHANGES: readonly Change[] = [];

/** The levers: state allocation, each ESF project, utilization and indexation. */
export function LeverControls({
  changes,
  onChange,
  testPrefix,
}: {
  changes: readonly Change[];
  onChange(next: readonly Change[]): void;
  testPrefix: string;
}) {
  const t = useT();
  const plan = usePlan();
  const ids = { state: useId(), utilization: useId(), indexation: useId(), esf: useId() };
  const values = leverValues(plan, changes);
  return (
    <div className="levers">
      <Slider
        id={ids.state}
        label={t('workshop.state', { year: plan.years[0] ?? '' })}
        range={LEVER_RANGES.state}
        value={values.state}
        onChange={(v) => onChange(withState(plan, changes, v))}
        testId={`${testPrefix}-state`}
      />
      {plan.esfProjects.length > 0 && (
        <fieldset className="lever-group">
          <legend>{t('workshop.esf')}</legend>
          {plan.esfProjects.map((p) => (
            <fieldset key={p.id} className="esf-toggle">
              <legend>{p.name}</legend>
              {(['approved', 'rejected'] as const satisfies readonly EsfDecision[]).map((decision) => (
                <label key={decision}>
                  <input
                    type="radio"
                    name={`${ids.esf}-${p.id}`}
                    value={decision}
                    checked={values.esf[p.id] === decision}
                    onChange={() => onChange(withEsf(plan, changes, p.id, decision))}
                    data-testid={`${testPrefix}-esf-${p.id}-${decision}`}
                  />
                  {decision === 'approved' ? t('workshop.esfApproved') : t('workshop.esfRejected')}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
      <Slider
        id={ids.utilization}
        label={t('workshop.utilization')}
        range={LEVER_RANGES.utilization}
        value={values.utilization}
        onChange={(v) => onChange(withUtilization(plan, changes, v))}
        testId={`${testPrefix}-utilization`}
      />
      <Slider
        id={ids.indexation}
        label={t('workshop.indexation')}
        range={LEVER_RANGES.indexation}
        value={values.indexation}
        onChange={(v) => onChange(withIndexation(plan, changes, v))}
        testId={`${testPrefix}-indexation`}
      />
    </div>
  );
}

function Slider({
  id,
  label,
  range,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  range: { min: number; max: number; step: number };
  value: number;
  onChange(value: number): void;
  testId: string;
}) {
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <span className="slider-row">
        <input
          id={id}
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={value}
          aria-valuetext={percentLabel(value)}
          onChange={(e) => onChange(Number(e.target.value))}
          data-testid={testId}
        />
        <output htmlFor={id} data-testid={`${testId}-value`}>
          {percentLabel(value)}
        </output>
      </span>
    </div>
  );
}
