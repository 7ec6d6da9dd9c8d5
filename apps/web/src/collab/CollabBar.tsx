import { useEffect, useSyncExternalStore } from 'react';
import { useReadOnly, useT } from '../app/hooks.ts';
import { useCollab } from '../app/SessionContext.ts';
import {
  CLOSE_FORBIDDEN,
  CLOSE_READ_ONLY,
  CLOSE_UNAUTHORIZED,
  type ConnectionState,
} from '../core/collab/connectionState.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { usePeers } from './usePresence.ts';

/** The header's live part: back to the plans, the connection, who is here, undo and redo. */
export function CollabBar() {
  const collab = useCollab();
  const t = useT();
  if (!collab) return null;
  return (
    <div className="collab-bar">
      <a href="/" className="all-plans">
        {t('collab.allPlans')}
      </a>
      <ConnectionBadge />
      <PresenceList />
      <UndoRedo />
    </div>
  );
}

const statusKey = (state: ConnectionState): MessageKey => {
  if (state.status !== 'closed') return `collab.status.${state.status}`;
  if (state.code === CLOSE_UNAUTHORIZED) return 'collab.status.unauthorized';
  if (state.code === CLOSE_FORBIDDEN) return 'collab.status.forbidden';
  if (state.code === CLOSE_READ_ONLY) return 'collab.status.readOnly';
  return 'collab.status.closed';
};

/** Online, syncing, offline or closed, always visible, announced when it changes. */
function ConnectionBadge() {
  const collab = useCollab();
  const t = useT();
  const connection = collab?.shared.connection;
  const state = useSyncExternalStore(
    connection?.subscribe ?? (() => () => {}),
    connection?.get ?? (() => ({ status: 'online' }) as const),
  );
  return (
    <p className={`connection connection-${state.status}`} data-testid="connection" data-status={state.status}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status">
        {t(statusKey(state), { code: state.status === 'closed' ? state.code : '' })}
        {state.status === 'closed' && state.code === CLOSE_UNAUTHORIZED && (
          <>
            {' '}
            <a href={`/?next=${encodeURIComponent(location.pathname)}`}>{t('collab.loginAgain')}</a>
          </>
        )}
      </span>
    </p>
  );
}

/** Everyone in the plan now: name, role and colour; me first. */
function PresenceList() {
  const collab = useCollab();
  const t = useT();
  const peers = usePeers();
  if (!collab) return null;
  const me = collab.info.user;
  return (
    <section className="presence" aria-label={t('collab.here')} data-testid="presence">
      <h2 className="visually-hidden">{t('collab.here')}</h2>
      <ul>
        <li className="presence-person" data-testid="presence-me">
          {me.name} ({t('collab.you')}, {t(`role.${collab.info.role}`)})
        </li>
        {peers.map((peer) => (
          <li
            key={peer.clientId}
            className="presence-person"
            style={{ borderColor: peer.color, color: peer.color }}
            data-testid="presence-peer"
          >
            {peer.name} ({t(`role.${peer.role}`)})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Undo and redo of my own changes (Y.UndoManager tracks only this client's origin). */
function UndoRedo() {
  const collab = useCollab();
  const t = useT();
  const readOnly = useReadOnly();
  const manager = collab?.shared.undoManager;
  const subscribe = (listener: () => void) => {
    if (!manager) return () => {};
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const event of events) manager.on(event, listener);
    return () => {
      for (const event of events) manager.off(event, listener);
    };
  };
  const canUndo = useSyncExternalStore(subscribe, () => manager?.canUndo() ?? false);
  const canRedo = useSyncExternalStore(subscribe, () => manager?.canRedo() ?? false);
  useEffect(() => {
    if (!manager) return;
    // Ctrl/Cmd+Z and Ctrl+Y / Ctrl+Shift+Z, except while typing in a text field (its own undo).
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!(e.ctrlKey || e.metaKey) || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) manager.undo();
      else if (key === 'y' || (key === 'z' && e.shiftKey)) manager.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [manager]);
  if (!manager || readOnly) return null;
  return (
    <div className="undo-redo">
      <button type="button" onClick={() => manager.undo()} disabled={!canUndo} title={t('collab.undoHelp')}>
        {t('collab.undo')}
      </button>
      <button type="button" onClick={() => manager.redo()} disabled={!canRedo}>
        {t('collab.redo')}
      </button>
    </div>
  );
}
