import type { Scenario } from '@samplan/engine';
import { useEffect, useRef, useState } from 'react';
import { useEngine, usePlan, useT, useUnit } from '../../app/hooks.ts';
import { useCollab } from '../../app/SessionContext.ts';
import type { Collab } from '../../app/Workspace.tsx';
import { proposalTitle, type Workshop, type WorkshopProposal } from '../../core/docModel.ts';
import { showAmount } from '../../format/amounts.ts';
import { canComment, canEdit } from '../../session/api.ts';
import type { ScenarioProjection } from '../../worker/engineApi.ts';
import { LiveStage } from './LiveStage.tsx';
import { PresenterLevers } from './PresenterLevers.tsx';
import { ProposalForm } from './ProposalForm.tsx';
import { Proposals } from './Proposals.tsx';
import { SavePinned } from './SavePinned.tsx';
import { SideBySide } from './SideBySide.tsx';
import { useScenarioProjections, useWorkshop, useWorkshopCommands } from './useWorkshop.ts';
import './workshop.css';

/** The id the live scenario is projected under (proposals keep their own ids). */
const LIVE_ID = 'live';

/**
 * The strategy day (workshop mode) of a shared plan: the presenter's live scenario that everyone sees
 * change, with its levers as big controls in presenter mode; participants' proposals, votes and pins;
 * two proposals side by side; and saving the pinned ones into the plan with a version.
 */
export function WorkshopView() {
  const collab = useCollab();
  return collab ? <WorkshopScreen collab={collab} /> : null;
}

function WorkshopScreen({ collab }: { collab: Collab }) {
  const t = useT();
  const plan = usePlan();
  const engine = useEngine();
  const unit = useUnit();
  const { provider } = collab.shared;
  const ws = useWorkshopCommands();
  const presents = canEdit(collab.info.role);
  const participates = canComment(collab.info.role);
  const { workshop, invalid } = useWorkshop(ws, plan);
  const [presenterMode, setPresenterMode] = useState(false);

  // The presenter's client creates the workshop's maps, once the document is synced with the server.
  useEffect(() => {
    if (!presents) return;
    const ensure = (synced: boolean) => {
      if (synced) ws.ensure();
    };
    if (provider.synced) ensure(true);
    provider.on('sync', ensure);
    return () => provider.off('sync', ensure);
  }, [presents, ws, provider]);

  const shown = workshop.shown.flatMap((id) => workshop.proposals.filter((p) => p.id === id));
  const sideBySide = shown.length === 2 ? shown : [];
  const scenarios: Scenario[] = [
    { id: LIVE_ID, name: workshop.live?.name ?? t('workshop.liveName'), changes: [...(workshop.live?.changes ?? [])] },
    ...sideBySide.map((p) => ({ id: p.id, name: proposalTitle(p), changes: [...p.changes] })),
  ];
  const results = useScenarioProjections(engine, plan, scenarios);
  const resultOf = (id: string | null) => results?.find((r) => r.id === id);
  const announcement = useAnnouncement(workshop, resultOf(LIVE_ID), sideBySide);

  return (
    <section
      className={presenterMode ? 'workshop presenter' : 'workshop'}
      aria-labelledby="workshop-heading"
      data-testid="workshop"
    >
      <h1 id="workshop-heading">{t('workshop.heading')}</h1>
      {!presenterMode && <p>{t('workshop.intro')}</p>}
      {presents && (
        <p className="presenter-switch">
          <label>
            <input
              type="checkbox"
              checked={presenterMode}
              onChange={(e) => setPresenterMode(e.target.checked)}
              aria-describedby="presenter-help"
              data-testid="presenter-mode"
            />
            {t('workshop.presenterMode')}
          </label>{' '}
          <span id="presenter-help" className="muted">
            {t('workshop.presenterHelp')}
          </span>
        </p>
      )}
      {!participates && <p className="notice">{t('workshop.viewerNote')}</p>}
      {invalid > 0 && <p role="alert">{t('workshop.invalidEntries', { count: invalid })}</p>}
      <p className="visually-hidden" aria-live="polite" data-testid="workshop-announcement">
        {announcement}
      </p>

      <div className="workshop-stage-row">
        {presents && presenterMode && <PresenterLevers live={workshop.live} />}
        {sideBySide.length === 2 ? (
          <SideBySide proposals={sideBySide} results={sideBySide.map((p) => resultOf(p.id))} presents={presents} />
        ) : (
          <LiveStage live={workshop.live} base={resultOf(null)} result={resultOf(LIVE_ID)} unit={unit} />
        )}
      </div>

      {participates && !presenterMode && <ProposalForm collab={collab} />}
      <Proposals collab={collab} workshop={workshop} presents={presents} participates={participates} />
      {presents && <SavePinned collab={collab} pinned={workshop.pinned.length} />}
    </section>
  );
}

/**
 * What changed on the big screen, for screen readers (a polite live region): the live scenario's
 * closing equity, a new proposal, the pair shown side by side.
 */
function useAnnouncement(
  workshop: Workshop,
  live: ScenarioProjection | undefined,
  sideBySide: readonly WorkshopProposal[],
): string {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const [text, setText] = useState('');
  const lastYear = plan.years.at(-1) ?? 0;
  const closing = live?.ok ? live.projection.years.at(-1)?.closingEquity : undefined;
  const previous = useRef({ closing, proposals: workshop.proposals.length, shown: sideBySide.map((p) => p.id).join() });
  useEffect(() => {
    const before = previous.current;
    const shown = sideBySide.map((p) => p.id).join();
    previous.current = { closing, proposals: workshop.proposals.length, shown };
    const newest = workshop.proposals.at(-1);
    if (workshop.proposals.length > before.proposals && newest)
      setText(t('workshop.newProposal', { title: proposalTitle(newest) }));
    else if (shown !== before.shown && sideBySide.length === 2)
      setText(
        t('workshop.nowShown', {
          first: proposalTitle(sideBySide[0] as WorkshopProposal),
          second: proposalTitle(sideBySide[1] as WorkshopProposal),
        }),
      );
    else if (closing !== undefined && before.closing !== undefined && closing !== before.closing)
      setText(t('workshop.liveChanged', { year: lastYear, amount: showAmount(closing, unit), unit }));
  }, [closing, workshop.proposals, sideBySide, t, lastYear, unit]);
  return text;
}
