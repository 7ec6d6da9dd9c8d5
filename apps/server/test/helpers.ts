import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type CollabHooks,
  type CollabPlugin,
  type CollabServer,
  createCollabServer,
  createSqliteStorage,
  type SqliteStorage,
  samplanPlugins,
} from '../src/index.ts';
import { testHooks } from './fixtures/testHooks.ts';

/** A fresh temporary directory with the path of a SQLite file inside; `remove()` deletes it. */
export function tempDatabase(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-server-'));
  return { file: join(dir, 'plans.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `condition` every 10 ms until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A server on 127.0.0.1 with an ephemeral port over a SQLite file, with the test hooks and Samplan's
 * role plug-ins unless others are given.
 */
export async function startServer(
  file: string,
  options: {
    hooks?: CollabHooks;
    plugins?: readonly CollabPlugin[];
    maxMessageBytes?: number;
    compactEvery?: number;
    onError?: (error: unknown, context: string) => void;
  } = {},
): Promise<{ server: CollabServer; storage: SqliteStorage; stop: () => Promise<void> }> {
  const storage = createSqliteStorage(file);
  const server = await createCollabServer({
    storage,
    hooks: options.hooks ?? testHooks,
    plugins: options.plugins ?? samplanPlugins(),
    port: 0,
    host: '127.0.0.1',
    ...(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
    ...(options.compactEvery === undefined ? {} : { compactEvery: options.compactEvery }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  return {
    server,
    storage,
    stop: async () => {
      await server.close();
      storage.close();
    },
  };
}

/** A y-websocket client with its own Y.Doc, as the web app will have. */
export interface Client {
  readonly doc: Y.Doc;
  readonly map: Y.Map<unknown>;
  readonly provider: WebsocketProvider;
  readonly synced: () => boolean;
}

const openProviders = new Set<WebsocketProvider>();

/** Connects a `WebsocketProvider` (ws as the WebSocket, no BroadcastChannel) to a room. */
export function connectClient(port: number, room: string, clientToken: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: clientToken },
  });
  openProviders.add(provider);
  return { doc, map: doc.getMap('m'), provider, synced: () => provider.synced };
}

/** Destroys every provider created by `connectClient` (call in afterEach). */
export function destroyClients(): void {
  for (const provider of openProviders) provider.destroy();
  openProviders.clear();
}

/** A raw `ws` client that records frames and the close code. */
export interface RawClient {
  readonly socket: WebSocket;
  readonly frames: Uint8Array[];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly closeCode: () => number | null;
}

/** Opens a raw WebSocket to a room; `clientToken` undefined sends no token. */
export function openRaw(port: number, room: string, clientToken?: string): RawClient {
  const query = clientToken === undefined ? '' : `?token=${encodeURIComponent(clientToken)}`;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/${room}${query}`);
  const frames: Uint8Array[] = [];
  let code: number | null = null;
  socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  socket.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (closeCode: number, reason: Buffer) => {
      code = closeCode;
      resolve({ code: closeCode, reason: reason.toString() });
    }),
  );
  return { socket, frames, opened, closed, closeCode: () => code };
}

/** A y-websocket sync frame: [0, syncType, payload]. */
export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness frame: [1, payload]. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The document a room's stored updates make, read straight from storage. */
export function docFromStorage(storage: SqliteStorage, room: string): Y.Doc {
  const doc = new Y.Doc();
  for (const { update } of storage.load(room)) Y.applyUpdate(doc, update);
  return doc;
}

/** Two fresh editors in a room write one key each and must see each other's: the server still serves. */
export async function expectServerServes(port: number, room: string): Promise<void> {
  const a = connectClient(port, room, 'serve-a:editor:*');
  const b = connectClient(port, room, 'serve-b:editor:*');
  await waitFor(() => a.synced() && b.synced(), `two clients synced in ${room}`);
  const key = `check-${Math.random()}`;
  a.map.set(key, 'from a');
  await waitFor(() => b.map.get(key) === 'from a', `an edit relayed in ${room}`);
  a.provider.destroy();
  b.provider.destroy();
}
