import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { App } from '../app/App.tsx';
import { type Collab, WorkspaceProvider } from '../app/Workspace.tsx';
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHORIZED } from '../core/collab/connectionState.ts';
import { type OpenFailure, openSharedPlan, type SharedPlan } from '../core/collab/openSharedPlan.ts';
import { st } from '../i18n/storedLanguage.ts';
import { canEdit, type PlanInfo } from '../session/api.ts';
import type { EngineClient } from '../worker/createEngineClient.ts';
import { PresenceContext } from './usePresence.ts';

/** A shared plan in the workspace: opens the document, then the usual views on it, live. */
export function SharedPlanApp({ info, engine }: { info: PlanInfo; engine: EngineClient }) {
  const [state, setState] = useState<
    | { kind: 'waiting'; offline: boolean }
    | { kind: 'open'; shared: SharedPlan }
    | { kind: 'failed'; failure: OpenFailure }
  >({ kind: 'waiting', offline: false });

  useEffect(() => {
    const opening = openSharedPlan(info.id, info.user, info.role, (waiting) =>
      setState((s) => (s.kind === 'waiting' ? { kind: 'waiting', offline: waiting === 'offline-first-time' } : s)),
    );
    let shared: SharedPlan | null = null;
    let live = true;
    void opening.ready.then((outcome) => {
      if (!live) {
        if ('doc' in outcome) outcome.destroy();
        return;
      }
      if ('doc' in outcome) {
        shared = outcome;
        setState({ kind: 'open', shared: outcome });
      } else {
        setState({ kind: 'failed', failure: outcome });
      }
    });
    return () => {
      live = false;
      opening.cancel();
      shared?.destroy();
    };
  }, [info]);

  // Where I am, for the others: the cell or field with focus (`data-cell`), sent throttled.
  useEffect(() => {
    if (state.kind !== 'open') return;
    const presence = state.shared.presence;
    const view = () => location.hash.replace('#', '') || 'budget';
    const onFocusIn = (e: FocusEvent) => {
      const cell = (e.target as HTMLElement | null)?.closest<HTMLElement>('[data-cell]')?.dataset.cell ?? null;
      presence.setFocus(view(), cell);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget as HTMLElement | null)?.closest?.('[data-cell]')) presence.setFocus(view(), null);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [state]);

  const collab = useMemo<Collab | null>(
    () => (state.kind === 'open' ? { shared: state.shared, info } : null),
    [state, info],
  );
  const t = st;
  if (state.kind === 'waiting') {
    return <Centered>{state.offline ? t('collab.offlineFirst') : t('collab.loading')}</Centered>;
  }
  if (state.kind === 'failed') {
    const { failure } = state;
    if (failure.reason === 'invalid-document') {
      return <Centered alert>{t('collab.invalid', { message: failure.issues[0]?.message ?? '' })}</Centered>;
    }
    if (failure.code === CLOSE_UNAUTHORIZED) {
      return (
        <Centered alert>
          <a href={`/?next=${encodeURIComponent(location.pathname)}`}>{t('collab.loginAgain')}</a>
        </Centered>
      );
    }
    return (
      <Centered alert>
        {failure.code === CLOSE_FORBIDDEN ? t('collab.noAccess') : t('collab.status.closed', { code: failure.code })}
      </Centered>
    );
  }
  return (
    <PresenceContext.Provider value={state.shared.presence}>
      <WorkspaceProvider store={state.shared.store} engine={engine} collab={collab} readOnly={!canEdit(info.role)}>
        <App />
      </WorkspaceProvider>
    </PresenceContext.Provider>
  );
}

function Centered({ children, alert = false }: { children: ReactNode; alert?: boolean }) {
  return (
    <main className="centered" data-testid="shared-plan-state">
      <p role={alert ? 'alert' : 'status'}>{children}</p>
      <p>
        <a href="/">{st('collab.allPlans')}</a>
      </p>
    </main>
  );
}
