import { assertNever } from '@samplan/engine';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ClientOrigin, CollabHooks } from './CollabHooks.ts';
import { type CloseCode, closeCodes } from './closeCodes.ts';
import type { UpdateCheck } from './composeUpdateChecks.ts';
import type { DocStorage, MaybePromise } from './DocStorage.ts';
import { decodeClientMessage } from './decodeClientMessage.ts';
import { encodeServerMessage } from './encodeServerMessage.ts';

/** What a room needs from a connection. The server's WebSocket wrapper implements it, so rooms know nothing of `ws`. */
export interface RoomConnection {
  /** The user behind the connection; also the Yjs transaction origin of its updates. */
  readonly origin: ClientOrigin;
  /** True once the server closed the connection for a violation: its queued messages are then dropped. */
  readonly rejected: boolean;
  /** Sends one binary frame; does nothing once the socket is closing. */
  send(frame: Uint8Array): void;
  /** Closes the socket with a code and marks the connection rejected. */
  reject(code: CloseCode, reason: string): void;
}

/** What a room is made from. */
export interface RoomOptions {
  readonly name: string;
  readonly storage: DocStorage;
  readonly hooks: CollabHooks;
  /** Every `beforeApplyUpdate` (plug-ins', then the hooks'), composed: asked before a client's update is applied. */
  readonly checkUpdate: UpdateCheck;
  /** Compact the stored updates after this many appends. */
  readonly compactEvery: number;
  readonly onError: (error: unknown, context: string) => void;
  /** Called once when the room has left memory (after its last client, or when it failed). */
  readonly onUnloaded: (room: Room) => void;
}

/** One plan being edited: its Y.Doc, awareness and connections, and the queue that serialises its work. */
export interface Room {
  readonly name: string;
  /** Adds an authenticated connection; it gets the server's SyncStep1 once the room is loaded. */
  join(connection: RoomConnection): void;
  /** Queues one frame from a joined connection (handled in arrival order, after loading). */
  receive(connection: RoomConnection, frame: Uint8Array): void;
  /** Removes a connection and its awareness states; the last one out unloads the room. */
  leave(connection: RoomConnection): void;
  /** Removes every connection, handles what is queued, compacts and unloads. */
  shutdown(): Promise<void>;
}

/**
 * A room. Every piece of work (loading, each client message, compaction, unloading) runs on one promise
 * queue, in order, so that:
 * - the room is loaded completely from storage (and `onLoad` has run) before any client is answered;
 *   messages arriving meanwhile wait in the queue;
 * - an update is checked (`beforeApplyUpdate`: the role plug-ins, the host's hook), applied, appended to storage
 *   (committed), and only then relayed; no other message of the room is handled while storage commits,
 *   so nobody sees an uncommitted update;
 * - what is stored and relayed is the change the update made to the document (Yjs's `update` event),
 *   so a re-sent or no-op update stores nothing;
 * - if storage fails, the room is dropped from memory and its clients are closed with InternalError:
 *   they reconnect, the room reloads what was committed, and each client's SyncStep2 re-sends the rest.
 */
export function createRoom(options: RoomOptions): Room {
  const { name, storage, hooks, checkUpdate, compactEvery, onError } = options;
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const connections = new Set<RoomConnection>();
  const awarenessClients = new Map<RoomConnection, Set<number>>();
  const outbox: { update: Uint8Array; origin: unknown }[] = [];
  let state: 'loading' | 'ready' | 'closed' = 'loading';
  let queue: Promise<void> = Promise.resolve();
  let running = false;
  let lastId: number | null = null;
  let storedRows = 0;
  let sinceCompaction = 0;

  const enqueue = (task: () => MaybePromise<void>): Promise<void> => {
    const run = async (): Promise<void> => {
      if (state === 'closed') return;
      running = true;
      try {
        await task();
        if (outbox.length > 0) await flush();
      } catch (error) {
        onError(error, `room ${name}`);
        fail('internal error');
      } finally {
        running = false;
      }
    };
    // The queue itself never rejects, so one failure cannot stall the room or surface as an unhandled rejection.
    queue = queue.then(run).catch((error: unknown) => onError(error, `room ${name}`));
    return queue;
  };

  const onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    outbox.push({ update, origin });
    // A change made outside the queue (a hook editing the doc later) still goes through storage first.
    if (!running) void enqueue(() => {});
  };

  const onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = awarenessClients.get(origin as RoomConnection);
    if (owned) {
      for (const id of change.added) owned.add(id);
      for (const id of change.updated) owned.add(id);
      for (const id of change.removed) owned.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const frame = encodeServerMessage({ type: 'awareness', update: encodeAwarenessUpdate(awareness, changed) });
    // To everyone, the sender too, as y-websocket's own server does: a client alone in a room hears nothing
    // else, and the y-websocket client reconnects after 30 s without a message (it renews presence every 15 s).
    for (const connection of connections) connection.send(frame);
  };

  async function load(): Promise<void> {
    const stored = await storage.load(name);
    doc.transact(() => {
      for (const { update } of stored) Y.applyUpdate(doc, update);
    });
    storedRows = stored.length;
    lastId = stored.at(-1)?.id ?? null;
    sinceCompaction = Math.max(0, storedRows - 1);
    doc.on('update', onDocUpdate);
    awareness.on('update', onAwarenessUpdate);
    await hooks.onLoad?.({ room: name, doc });
    state = 'ready';
  }

  /** Stores, then relays, each change waiting in the outbox; compacts when enough have been stored. */
  async function flush(): Promise<void> {
    for (let next = outbox.shift(); next !== undefined && state !== 'closed'; next = outbox.shift()) {
      const { update, origin } = next;
      try {
        lastId = await storage.append(name, update);
      } catch (error) {
        onError(error, `storing an update of room ${name}`);
        fail('storage failed');
        return;
      }
      storedRows++;
      sinceCompaction++;
      callHook('onStore', () => hooks.onStore?.({ room: name, update }));
      const frame = encodeServerMessage({ type: 'update', update });
      for (const connection of connections) if (connection.origin !== origin) connection.send(frame);
      callHook('onChange', () => hooks.onChange?.({ room: name, doc, origin }));
    }
    if (state !== 'closed' && sinceCompaction >= compactEvery) await compact();
  }

  /** Replaces the stored updates by the document's state (a merge of all of them), if there is more than one. */
  async function compact(): Promise<void> {
    if (lastId === null || storedRows <= 1) return;
    const upToId = lastId;
    sinceCompaction = 0;
    try {
      await storage.compact(name, Y.encodeStateAsUpdate(doc), upToId);
      storedRows = 1;
    } catch (error) {
      // Not fatal: the transaction rolled back and every update is still stored.
      onError(error, `compacting room ${name}`);
    }
  }

  async function handle(connection: RoomConnection, frame: Uint8Array): Promise<void> {
    if (state !== 'ready' || connection.rejected) return;
    const message = decodeClientMessage(frame);
    // A client that has left may still have updates in the queue: those are stored; the rest is moot.
    const present = connections.has(connection);
    switch (message.type) {
      case 'invalid':
        connection.reject(closeCodes.BadMessage, message.reason);
        return;
      case 'sync-step-1':
        if (present) {
          const update = Y.encodeStateAsUpdate(doc, message.stateVector);
          connection.send(encodeServerMessage({ type: 'sync-step-2', update }));
        }
        return;
      case 'sync-step-2':
      case 'update':
        await applyClientUpdate(connection, message.update);
        return;
      case 'awareness':
        if (present) applyAwarenessUpdate(awareness, message.update, connection);
        return;
      case 'query-awareness':
        if (present) sendAllAwareness(connection);
        return;
      default:
        assertNever(message, 'message');
    }
  }

  async function applyClientUpdate(connection: RoomConnection, update: Uint8Array): Promise<void> {
    // Refused whole, before any of it is applied, stored or relayed (a valid comment next to a forbidden
    // edit included). The room's queue waits for the verdict, so the document does not move meanwhile.
    const verdict = await checkUpdate({ room: name, doc, update, connection: connection.origin });
    if (!verdict.accept) {
      connection.reject(verdict.code, verdict.reason);
      return;
    }
    try {
      Y.applyUpdate(doc, update, connection.origin);
    } catch {
      // Whatever part was applied is in the outbox and gets stored, keeping storage equal to memory.
      await flush();
      connection.reject(closeCodes.BadMessage, 'the update could not be applied');
      return;
    }
    await flush();
  }

  function sendAllAwareness(connection: RoomConnection): void {
    const clients = [...awareness.getStates().keys()];
    connection.send(encodeServerMessage({ type: 'awareness', update: encodeAwarenessUpdate(awareness, clients) }));
  }

  async function unloadIfIdle(): Promise<void> {
    if (connections.size > 0 || state !== 'ready') return;
    await compact();
    if (connections.size > 0) return; // someone joined while the compaction was committed
    unload();
  }

  function fail(reason: string): void {
    if (state === 'closed') return;
    for (const connection of connections) connection.reject(closeCodes.InternalError, reason);
    unload();
  }

  function unload(): void {
    state = 'closed';
    connections.clear();
    awarenessClients.clear();
    outbox.length = 0;
    awareness.off('update', onAwarenessUpdate);
    awareness.destroy();
    doc.off('update', onDocUpdate);
    doc.destroy();
    options.onUnloaded(room);
  }

  function callHook(hook: string, call: () => unknown): void {
    try {
      const result = call();
      if (result instanceof Promise) result.catch((error: unknown) => onError(error, `${hook} of room ${name}`));
    } catch (error) {
      onError(error, `${hook} of room ${name}`);
    }
  }

  const room: Room = {
    name,
    join(connection) {
      if (state === 'closed') throw new Error(`room ${name} is unloaded`);
      connections.add(connection);
      awarenessClients.set(connection, new Set());
      void enqueue(() => {
        if (connection.rejected || !connections.has(connection)) return;
        connection.send(encodeServerMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) }));
        if (awareness.getStates().size > 0) sendAllAwareness(connection);
      });
    },
    receive(connection, frame) {
      void enqueue(async () => {
        try {
          await handle(connection, frame);
        } catch (error) {
          onError(error, `a message in room ${name}`);
          connection.reject(closeCodes.BadMessage, 'the message could not be handled');
        }
      });
    },
    leave(connection) {
      if (!connections.delete(connection)) return;
      const owned = awarenessClients.get(connection);
      awarenessClients.delete(connection);
      if (owned && owned.size > 0 && state === 'ready') removeAwarenessStates(awareness, [...owned], null);
      if (connections.size === 0) void enqueue(unloadIfIdle);
    },
    shutdown() {
      for (const connection of [...connections]) room.leave(connection);
      return enqueue(unloadIfIdle);
    },
  };

  void enqueue(load);
  return room;
}
