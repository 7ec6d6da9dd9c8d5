import type { Role, User } from '@samplan/api-contract';
import type { Issue } from '@samplan/engine';
import { createUndoManager, createYjsPlanStore, docToPlan, type YjsPlanStore } from '@samplan/plan-doc';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ConnectionStore, createConnectionStore } from './connectionState.ts';
import { createPresence, type Presence } from './createPresence.ts';

/** One plan opened for live co-editing: the document, how it travels and is kept, and who is here. */
export interface SharedPlan {
  readonly planId: string;
  readonly doc: Y.Doc;
  readonly store: YjsPlanStore;
  readonly undoManager: Y.UndoManager;
  readonly provider: WebsocketProvider;
  readonly connection: ConnectionStore;
  readonly presence: Presence;
  /** This client's transaction origin (its edits, undo, saved versions). */
  readonly origin: { readonly userId: string; readonly clientId: number };
  destroy(): void;
}

/** Why a plan could not be opened. */
export type OpenFailure =
  | { readonly reason: 'invalid-document'; readonly issues: readonly Issue[] }
  | { readonly reason: 'closed'; readonly code: number; readonly message: string };

/** The WebSocket endpoint on this origin (`/collab/<plan id>`). */
const collabUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;

/**
 * Opens a plan: its document is kept in this browser (y-indexeddb, so edits made offline survive a
 * reload) and synced with the server (the y-websocket provider; the session cookie authenticates).
 * Resolves once the document holds a valid plan — from IndexedDB at once when this browser has seen
 * the plan before, else after the first sync — or with the reason it cannot be opened. Going offline
 * (the browser's `offline` event) disconnects at once, and coming back reconnects, instead of
 * waiting for the provider's timeout. `hidden` opens it without showing me to the others (the print view).
 */
export function openSharedPlan(
  planId: string,
  user: User,
  role: Role,
  onWaiting: (state: 'loading' | 'offline-first-time') => void = () => {},
  { hidden = false }: { hidden?: boolean } = {},
): { ready: Promise<SharedPlan | OpenFailure>; cancel(): void } {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`samplan:${user.id}:${planId}`, doc);
  const provider = new WebsocketProvider(collabUrl(), planId, doc, { maxBackoffTime: 4000 });
  const connection = createConnectionStore(provider);
  const onOffline = () => provider.disconnect();
  const onOnline = () => provider.connect();
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  if (navigator.onLine === false) provider.disconnect();

  const teardown = () => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    provider.destroy();
    void persistence.destroy();
    doc.destroy();
  };

  let settled = false;
  let cancel = () => {};
  const ready = new Promise<SharedPlan | OpenFailure>((resolve) => {
    const finish = (outcome: SharedPlan | OpenFailure) => {
      if (settled) return;
      settled = true;
      doc.off('update', check);
      resolve(outcome);
    };
    cancel = () => {
      if (!settled) teardown();
      finish({ reason: 'closed', code: 0, message: 'cancelled' });
    };
    const open = () => {
      const origin = { userId: user.id, clientId: doc.clientID };
      const store = createYjsPlanStore(doc, { origin });
      const undoManager = createUndoManager(doc, origin);
      const presence = createPresence(provider.awareness, hidden ? null : { id: user.id, name: user.name, role });
      finish({
        planId,
        doc,
        store,
        undoManager,
        provider,
        connection,
        presence,
        origin,
        destroy() {
          presence.destroy();
          undoManager.destroy();
          store.destroy();
          teardown();
        },
      });
    };
    const check = () => {
      if (docToPlan(doc).ok) open();
    };
    doc.on('update', check);
    void persistence.whenSynced.then(() => {
      check();
      if (!settled) onWaiting(provider.wsconnected || navigator.onLine ? 'loading' : 'offline-first-time');
    });
    provider.on('sync', (synced) => {
      if (!synced || settled) return;
      const read = docToPlan(doc);
      if (read.ok) {
        open();
      } else {
        teardown();
        finish({ reason: 'invalid-document', issues: read.errors });
      }
    });
    provider.on('connection-close', () => {
      if (!settled && !navigator.onLine) onWaiting('offline-first-time');
    });
    provider.on('closed', (event) => {
      if (settled) return;
      teardown();
      finish({ reason: 'closed', code: event.code, message: event.reason });
    });
  });
  return { ready, cancel: () => cancel() };
}
