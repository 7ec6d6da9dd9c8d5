import { usePlan, useT, useUnit } from '../../app/hooks.ts';
import { proposalTitle, type WorkshopProposal } from '../../core/docModel.ts';
import { ClosingEquityTable } from '../../ui/ClosingEquityTable.tsx';
import { EquityChart } from '../../ui/EquityChart.tsx';
import type { ScenarioProjection } from '../../worker/engineApi.ts';
import { describeChanges } from './describeChanges.ts';
import { Findings } from './Findings.tsx';
import { useWorkshopCommands } from './useWorkshop.ts';

type Computed = Extract<ScenarioProjection, { ok: true }>;

/** Two proposals side by side: closing equity per year, one chart for both, and each one's findings. */
export function SideBySide({
  proposals,
  results,
  presents,
}: {
  proposals: readonly WorkshopProposal[];
  results: readonly (ScenarioProjection | undefined)[];
  presents: boolean;
}) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const ws = useWorkshopCommands();
  const computed = results.filter((r): r is Computed => r?.ok === true);
  return (
    <section className="workshop-stage" aria-labelledby="workshop-side-heading" data-testid="workshop-side-by-side">
      <h2 id="workshop-side-heading">{t('workshop.sideBySide')}</h2>
      {presents && (
        <p>
          <button type="button" className="secondary" onClick={() => ws.showSideBySide([])} data-testid="back-to-live">
            {t('workshop.backToLive')}
          </button>
        </p>
      )}
      {computed.length < proposals.length ? (
        <p>{t('workshop.computing')}</p>
      ) : (
        <>
          <ClosingEquityTable
            rows={computed.map((result, i) => ({ key: `shown-${i}`, name: result.name, result }))}
            unit={unit}
            testIdPrefix="workshop"
            caption={t('workshop.closingEquity', { unit })}
            className="workshop-equity"
          />
          <EquityChart results={computed} />
          <div className="cards">
            {proposals.map((proposal, i) => {
              const result = computed[i] as Computed;
              return (
                <section
                  key={proposal.id}
                  className="card"
                  aria-labelledby={`shown-${proposal.id}`}
                  data-testid={`workshop-shown-${i}`}
                >
                  <h3 id={`shown-${proposal.id}`}>{proposalTitle(proposal)}</h3>
                  <p>{describeChanges(t, plan, proposal.changes)}</p>
                  <Findings result={result} level={4} testId={`workshop-shown-${i}-findings`} />
                </section>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
