import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../app/hooks.ts';
import { type Collab, WorkspaceProvider } from '../../app/Workspace.tsx';
import { openSharedPlan, type SharedPlan } from '../../core/collab/openSharedPlan.ts';
import { st } from '../../i18n/storedLanguage.ts';
import { type PlanInfo, sessionApi } from '../../session/api.ts';
import { ScenarioOptions } from '../../ui/ScenarioOptions.tsx';
import type { EngineClient } from '../../worker/createEngineClient.ts';
import { PrintPlan } from './PrintPlan.tsx';

const fail = (message: string) => {
  document.documentElement.dataset.printError = message;
  document.documentElement.dataset.printReady = 'error';
};

/**
 * `/plans/<id>/print?scenario=<id>`: the plan as the server holds it (opened without showing me to
 * the others, and only after the first sync with the server), read-only, in the print layout.
 */
export function PrintRoute({ planId, engine }: { planId: string; engine: EngineClient }) {
  const scenarioId = new URLSearchParams(location.search).get('scenario') || null;
  const [state, setState] = useState<{ info: PlanInfo; shared: SharedPlan } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    let shared: SharedPlan | null = null;
    let cancel = () => {};
    void sessionApi.plan(planId).then((info) => {
      if (!live) return;
      if (!info.ok) return setState({ error: info.error.message });
      const opening = openSharedPlan(planId, info.value.user, info.value.role, undefined, { hidden: true });
      cancel = opening.cancel;
      void opening.ready.then((outcome) => {
        if (!('doc' in outcome)) return live && setState({ error: st('print.cannotOpen') });
        shared = outcome;
        if (!live) return outcome.destroy();
        // A copy from this browser's storage may be older than the server's: print what the server has.
        const show = () => live && setState({ info: info.value, shared: outcome });
        if (outcome.provider.synced) show();
        else outcome.provider.once('sync', show);
      });
    });
    return () => {
      live = false;
      cancel();
      shared?.destroy();
    };
  }, [planId]);
  useEffect(() => {
    if (state && 'error' in state) fail(state.error);
  }, [state]);
  const collab = useMemo<Collab | null>(
    () => (state && 'shared' in state ? { shared: state.shared, info: state.info } : null),
    [state],
  );

  if (state === null) return <p role="status">{st('collab.loading')}</p>;
  if ('error' in state || !collab) return <p role="alert">{'error' in state ? state.error : ''}</p>;
  const pdf = `/api/plans/${encodeURIComponent(planId)}/export.pdf${scenarioId ? `?scenario=${encodeURIComponent(scenarioId)}` : ''}`;
  return (
    <WorkspaceProvider store={collab.shared.store} engine={engine} collab={collab} readOnly>
      <div className="print-toolbar">
        <a href={`/plans/${encodeURIComponent(planId)}#text`}>{st('print.back')}</a>
        <button type="button" onClick={() => window.print()} data-testid="print-button">
          {st('print.print')}
        </button>
        <a href={pdf} data-testid="pdf-link" download>
          {st('print.pdf')}
        </a>
        <ScenarioSelect current={scenarioId} />
      </div>
      <main id="main">
        <PrintPlan scenarioId={scenarioId} />
      </main>
    </WorkspaceProvider>
  );
}

function ScenarioSelect({ current }: { current: string | null }) {
  const t = useT();
  return (
    <label>
      {t('print.scenario')}
      <select
        value={current ?? ''}
        data-testid="print-scenario-select"
        onChange={(e) => {
          const url = new URL(location.href);
          if (e.target.value) url.searchParams.set('scenario', e.target.value);
          else url.searchParams.delete('scenario');
          location.assign(url.toString());
        }}
      >
        <ScenarioOptions baseLabel={t('text.baseScenario')} />
      </select>
    </label>
  );
}
