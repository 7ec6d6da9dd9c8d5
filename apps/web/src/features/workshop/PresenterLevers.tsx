import type { Change } from '@samplan/engine';
import { useEffect, useState } from 'react';
import { useAnnounce, usePlan, useT } from '../../app/hooks.ts';
import type { WorkshopScenario } from '../../core/docModel.ts';
import { LeverControls, NO_CHANGES } from './LeverControls.tsx';
import { useThrottled, useWorkshopCommands } from './useWorkshop.ts';
import { sameLevers } from './workshopLevers.ts';

/** How often a dragged lever writes the live scenario to everyone. */
const LIVE_WRITE_MS = 150;

/** The presenter's levers: each move is shown at once here and written (throttled) as the live scenario. */
export function PresenterLevers({ live }: { live: WorkshopScenario | null }) {
  const t = useT();
  const plan = usePlan();
  const announce = useAnnounce();
  const ws = useWorkshopCommands();
  const current = live?.changes ?? NO_CHANGES;
  const [draft, setDraft] = useState<readonly Change[] | null>(null);
  // Once the document has what was set here, show the document again (another presenter may move on).
  // An updater: a lever moved meanwhile (a newer draft) must not be dropped for an older one.
  useEffect(() => {
    setDraft((latest) => (latest && sameLevers(plan, latest, current) ? null : latest));
  }, [current, plan]);
  const write = useThrottled((changes: readonly Change[]) => {
    const written = ws.setLive(plan, { name: t('workshop.liveName'), changes });
    if (!written.ok) announce(written.errors[0]?.message ?? '');
  }, LIVE_WRITE_MS);
  const change = (next: readonly Change[]) => {
    setDraft(next);
    write(next);
  };
  return (
    <section className="workshop-levers" aria-labelledby="workshop-levers-heading">
      <h2 id="workshop-levers-heading">{t('workshop.levers')}</h2>
      <LeverControls changes={draft ?? current} onChange={change} testPrefix="live" />
      <p>
        <button type="button" className="secondary" onClick={() => change([])} data-testid="live-reset">
          {t('workshop.reset')}
        </button>
      </p>
    </section>
  );
}
