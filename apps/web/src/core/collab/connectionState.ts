import { closeCodes } from '@samplan/api-contract';
import type { WebsocketProvider } from 'y-websocket';

/**
 * What the connection looks like to the person: `online` (connected and in sync), `syncing`
 * (connecting, or connected and exchanging what changed), `offline` (edits are kept in this browser
 * and sent on reconnect), or `closed` by the server for good (no session, no access, read-only).
 */
export type ConnectionState =
  | { readonly status: 'online' | 'syncing' | 'offline' }
  | { readonly status: 'closed'; readonly code: number; readonly reason: string };

/** The server's close codes the workspace explains (the contract's `closeCodes`, which the server sends). */
export const CLOSE_UNAUTHORIZED = closeCodes.Unauthorized;
export const CLOSE_FORBIDDEN = closeCodes.Forbidden;
export const CLOSE_READ_ONLY = closeCodes.ReadOnly;

/** An external store (for `useSyncExternalStore`) of a provider's connection state. */
export interface ConnectionStore {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

/** Follows the provider's `status`, `sync` and `closed` events. */
export function createConnectionStore(provider: WebsocketProvider): ConnectionStore {
  const listeners = new Set<() => void>();
  let closed: ConnectionState | null = null;
  let failed = false;
  let state: ConnectionState = read();

  function read(): ConnectionState {
    if (closed) return closed;
    if (provider.wsconnected) return { status: provider.synced ? 'online' : 'syncing' };
    // The first attempt shows as syncing; once a connection failed or dropped, retries show as offline.
    return { status: provider.wsconnecting && !failed ? 'syncing' : 'offline' };
  }
  const update = () => {
    const next = read();
    if (next.status === state.status && (next.status !== 'closed' || next === state)) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  provider.on('status', ({ status }) => {
    if (status === 'connected') failed = false;
    update();
  });
  provider.on('sync', update);
  const onFailure = () => {
    failed = true;
    update();
  };
  provider.on('connection-close', onFailure);
  provider.on('connection-error', onFailure);
  provider.on('closed', (event) => {
    closed = { status: 'closed', code: event.code, reason: event.reason };
    update();
  });
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
