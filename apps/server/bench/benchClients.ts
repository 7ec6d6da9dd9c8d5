/** y-websocket clients for the benchmark: Node `WebsocketProvider`s over `ws`, each with its own Y.Doc, no BroadcastChannel. */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** One client: a document and its provider. */
export interface BenchClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}

/**
 * Connects a provider to `room` with `?token=`. `disableBc`: clients sharing this process must sync through
 * the server, not through a BroadcastChannel between themselves.
 */
export function connectClient(port: number, room: string, token: string): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    // A failure should show as an error, not as a client quietly reconnecting for the rest of the run.
    maxBackoffTime: 1000,
  });
  return { doc, provider };
}

/** Resolves once every client has synced; rejects after `timeoutMs` or when one is closed for good (4400–4499). */
export function waitSynced(clients: readonly BenchClient[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let left = clients.filter((client) => !client.provider.synced).length;
    if (left === 0) return resolve();
    const cleanups: (() => void)[] = [];
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      for (const cleanup of cleanups) cleanup();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => finish(new Error(`${left} of ${clients.length} clients not synced after ${timeoutMs} ms`)),
      timeoutMs,
    );
    for (const { provider } of clients) {
      if (provider.synced) continue;
      const onSync = (synced: boolean): void => {
        if (!synced) return;
        provider.off('sync', onSync);
        if (--left === 0) finish();
      };
      const onClosed = (event: { code: number; reason: string }): void =>
        finish(new Error(`a client was refused: ${event.code} ${event.reason}`));
      provider.on('sync', onSync);
      provider.on('closed', onClosed);
      cleanups.push(() => {
        provider.off('sync', onSync);
        provider.off('closed', onClosed);
      });
    }
  });
}

/** Destroys the provider and the document; resolves when the socket has closed (the server saw the disconnect). */
export async function closeClient({ doc, provider }: BenchClient): Promise<void> {
  const socket = provider.ws as unknown as WebSocket | null;
  provider.destroy();
  doc.destroy(); // also destroys the provider's Awareness (its renewal timer)
  if (socket === null || socket.readyState === WebSocket.CLOSED) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
