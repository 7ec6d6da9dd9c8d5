import { usePlan, useT } from '../../app/hooks.ts';
import type { WorkshopScenario } from '../../core/docModel.ts';
import { ClosingEquityTable } from '../../ui/ClosingEquityTable.tsx';
import { EquityChart } from '../../ui/EquityChart.tsx';
import type { ScenarioProjection } from '../../worker/engineApi.ts';
import { describeChanges } from './describeChanges.ts';
import { Findings } from './Findings.tsx';

/** The presenter's scenario against the base plan: closing equity per year, the chart and the findings. */
export function LiveStage({
  live,
  base,
  result,
  unit,
}: {
  live: WorkshopScenario | null;
  base: ScenarioProjection | undefined;
  result: ScenarioProjection | undefined;
  unit: 'tkr' | 'kr';
}) {
  const t = useT();
  const plan = usePlan();
  return (
    <section className="workshop-stage" aria-labelledby="workshop-live-heading" data-testid="workshop-live">
      <h2 id="workshop-live-heading">{t('workshop.live')}</h2>
      <p data-testid="workshop-live-changes">
        {live && live.changes.length > 0 ? describeChanges(t, plan, live.changes) : t('workshop.noLive')}
      </p>
      {!base || !result ? (
        <p>{t('workshop.computing')}</p>
      ) : !result.ok || !base.ok ? (
        <p role="alert">
          {t('workshop.cannotCompute', { message: (!result.ok ? result.errors : []).at(0)?.message ?? '' })}
        </p>
      ) : (
        <>
          <ClosingEquityTable
            rows={[
              { key: 'base', name: t('workshop.base'), result: base },
              { key: 'live', name: result.name, result },
            ]}
            unit={unit}
            testIdPrefix="workshop"
            caption={t('workshop.closingEquity', { unit })}
            className="workshop-equity"
          />
          <EquityChart results={[{ ...base, name: t('workshop.base') }, result]} />
          <Findings result={result} level={3} testId="workshop-live-findings" />
        </>
      )}
    </section>
  );
}
