/**
 * The benchmark's baseline: a minimal y-protocols relay over `ws`, with no authentication and no storage.
 * One Y.Doc and one Awareness per room (kept in memory for the process's life); on connect the relay sends
 * its SyncStep1 and the room's awareness states; SyncStep1 is answered with SyncStep2, and every update a
 * client sends is applied and relayed to the room's other clients; awareness is relayed to everyone (the
 * sender too), as `@samplan/server` does. Written with y-protocols' sync and awareness modules and lib0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

interface RelayRoom {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  readonly connections: Map<WebSocket, Set<number>>;
}

/** A running relay. */
export interface BareRelay {
  readonly port: number;
  /** Rooms that have connections now (the relay has no storage, so it keeps every room's document). */
  roomsInMemory(): string[];
  /** Applies an update to a room's document (creating the room), e.g. the plan before clients connect. */
  seed(room: string, update: Uint8Array): void;
  /** The room's whole document as one update. */
  stateOf(room: string): Uint8Array;
  close(): Promise<void>;
}

const send = (socket: WebSocket, frame: Uint8Array): void => {
  if (socket.readyState === socket.OPEN) socket.send(frame);
};

function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Starts the relay on `host:port` (port 0: an ephemeral one). */
export async function createBareRelay({ port = 0, host = '127.0.0.1' } = {}): Promise<BareRelay> {
  const rooms = new Map<string, RelayRoom>();
  const httpServer = createServer((_request, response) => response.writeHead(426).end());
  const webSockets = new WebSocketServer({ server: httpServer });

  function roomFor(name: string): RelayRoom {
    const existing = rooms.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const room: RelayRoom = { doc, awareness, connections: new Map() };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const socket of room.connections.keys()) if (socket !== origin) send(socket, frame);
    });
    awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const owned = room.connections.get(origin as WebSocket);
      if (owned) {
        for (const id of change.added) owned.add(id);
        for (const id of change.updated) owned.add(id);
        for (const id of change.removed) owned.delete(id);
      }
      const frame = awarenessFrame(awareness, [...change.added, ...change.updated, ...change.removed]);
      for (const socket of room.connections.keys()) send(socket, frame);
    });
    rooms.set(name, room);
    return room;
  }

  webSockets.on('connection', (socket, request) => {
    const path = new URL(request.url ?? '/', 'http://relay').pathname;
    const room = roomFor(decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)));
    room.connections.set(socket, new Set());
    socket.on('error', () => {});
    socket.on('message', (data: RawData) => {
      try {
        const frame = new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : (data as Buffer));
        const decoder = decoding.createDecoder(frame);
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE_SYNC) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket);
          if (encoding.length(encoder) > 1) send(socket, encoding.toUint8Array(encoder));
        } else if (type === MESSAGE_AWARENESS) {
          awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), socket);
        } else if (type === MESSAGE_QUERY_AWARENESS) {
          send(socket, awarenessFrame(room.awareness, [...room.awareness.getStates().keys()]));
        }
      } catch {
        socket.close(4400, 'bad message');
      }
    });
    socket.on('close', () => {
      const owned = room.connections.get(socket);
      room.connections.delete(socket);
      if (owned && owned.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, [...owned], null);
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    send(socket, encoding.toUint8Array(encoder));
    if (room.awareness.getStates().size > 0) {
      send(socket, awarenessFrame(room.awareness, [...room.awareness.getStates().keys()]));
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });

  return {
    port: (httpServer.address() as AddressInfo).port,
    roomsInMemory: () => [...rooms.keys()].filter((name) => (rooms.get(name)?.connections.size ?? 0) > 0),
    seed(room, update) {
      Y.applyUpdate(roomFor(room).doc, update);
    },
    stateOf(room) {
      return Y.encodeStateAsUpdate(roomFor(room).doc);
    },
    async close() {
      for (const client of webSockets.clients) client.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      for (const room of rooms.values()) room.doc.destroy();
      rooms.clear();
    },
  };
}
