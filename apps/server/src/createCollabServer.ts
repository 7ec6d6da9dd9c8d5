import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { AuthenticatedUser, ClientOrigin, CollabHooks, CollabPlugin } from './CollabHooks.ts';
import { type CloseCode, closeCodes } from './closeCodes.ts';
import { composeUpdateChecks } from './composeUpdateChecks.ts';
import { createRoom, type Room, type RoomConnection } from './createRoom.ts';
import type { DocStorage } from './DocStorage.ts';
import { parseRoomRequest } from './parseRoomRequest.ts';
import { isRole } from './roleCanWrite.ts';

/** Options shared by both ways of starting the server. */
export interface CollabServerBaseOptions {
  /** Where rooms are loaded from and updates committed to. The caller owns it (and closes it after the server). */
  readonly storage: DocStorage;
  readonly hooks: CollabHooks;
  /**
   * Plug-ins whose hooks run before the host's, in this order (for `beforeApplyUpdate`, the first refusal
   * wins). The core itself enforces no role: a server whose users may not all write everything needs
   * the role plug-ins (`readOnlyRoles()`, `commenterWrites(policy)`). Default: none.
   */
  readonly plugins?: readonly CollabPlugin[];
  /** Larger messages close the connection with MessageTooLarge (4413). Default 1 000 000 bytes. */
  readonly maxMessageBytes?: number;
  /** Compact a room's stored updates after this many appends. Default 500. */
  readonly compactEvery?: number;
  /** Ping every connection this often; one that has not answered the previous ping is terminated. Default 30 s. */
  readonly pingIntervalMs?: number;
  /**
   * Browser origins (`https://samplan.example`) allowed to open a connection: an upgrade request whose
   * `Origin` header is not listed is answered 403 before the WebSocket handshake (cross-site WebSocket
   * hijacking). Requests without `Origin` (programs, not browsers) are let through to `authenticate`.
   * Default: every origin.
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * Only upgrade requests under this path (`/collab` → `/collab/<room>`) are collaboration connections;
   * others are answered 404 before the handshake. Default: every path (room = the last segment).
   */
  readonly path?: string;
  /** Unexpected errors (storage, hooks). Default: `console.error`. Clients' bad messages are not errors. */
  readonly onError?: (error: unknown, context: string) => void;
}

/** Either attach to an existing HTTP server (its `upgrade` requests) or listen on a port of its own. */
export type CollabServerOptions = CollabServerBaseOptions &
  (
    | { readonly server: Server; readonly port?: undefined; readonly host?: undefined }
    | { readonly port: number; readonly host?: string; readonly server?: undefined }
  );

/** A running collaboration server. */
export interface CollabServer {
  /** The port the HTTP server listens on (useful with `port: 0`). */
  readonly port: number;
  /** The rooms whose documents are in memory now (a room leaves memory after its last client). */
  roomsInMemory(): string[];
  /** Closes every connection (GoingAway), handles what is queued, compacts and unloads every room. */
  close(): Promise<void>;
}

/** How much larger than `maxMessageBytes` a frame may be before `ws` refuses it itself (1009) without buffering it. */
const HARD_LIMIT_FACTOR = 4;
/** How long `close()` waits for clients to answer the close handshake before cutting them off. */
const CLOSE_GRACE_MS = 1000;

interface ServerConnection extends RoomConnection {
  readonly socket: WebSocket;
  origin: ClientOrigin;
  rejected: boolean;
  alive: boolean;
  room: Room | null;
}

/**
 * The live co-editing server core: WebSockets speaking the y-websocket protocol (y-protocols sync and
 * awareness; room = the URL path after the last '/', query string = params), one Y.Doc per room loaded
 * from a pluggable {@link DocStorage}, and hooks for authentication, loading, storing and changes.
 *
 * A connection is authenticated before it joins a room; what it sends meanwhile is kept (up to
 * `maxMessageBytes`) and handled after. Each message is handled inside a try/catch by its room, so a
 * malformed frame closes only its own connection (BadMessage) and never another room.
 */
export async function createCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const { storage, hooks, maxMessageBytes = 1_000_000, compactEvery = 500, pingIntervalMs = 30_000 } = options;
  const onError =
    options.onError ?? ((error: unknown, context: string) => console.error(`[collab] ${context}:`, error));
  const httpServer = options.server ?? createServer((_request, response) => response.writeHead(426).end());
  const ownsHttpServer = options.server === undefined;
  const origins = options.allowedOrigins ? new Set(options.allowedOrigins) : null;
  const pathPrefix = options.path === undefined ? null : `${options.path.replace(/\/+$/, '')}/`;
  const checkUpdate = composeUpdateChecks(options.plugins ?? [], hooks, onError);
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes * HARD_LIMIT_FACTOR });
  const rooms = new Map<string, Room>();
  const connections = new Set<ServerConnection>();
  let nextConnectionId = 1;
  let closing: Promise<void> | null = null;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (closing) {
      socket.destroy();
      return;
    }
    if (pathPrefix !== null && !(request.url ?? '/').startsWith(pathPrefix)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const origin = request.headers.origin;
    if (origins !== null && origin !== undefined && !origins.has(origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket, request));
  };
  httpServer.on('upgrade', onUpgrade);

  const pinger = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, pingIntervalMs);
  pinger.unref();

  function roomFor(name: string): Room {
    const existing = rooms.get(name);
    if (existing) return existing;
    const room = createRoom({
      name,
      storage,
      hooks,
      checkUpdate,
      compactEvery,
      onError,
      onUnloaded: (unloaded) => {
        if (rooms.get(name) === unloaded) rooms.delete(name);
      },
    });
    rooms.set(name, room);
    return room;
  }

  function accept(socket: WebSocket, request: IncomingMessage): void {
    const connection: ServerConnection = {
      socket,
      origin: { userId: '', role: 'viewer', connectionId: nextConnectionId++ },
      rejected: false,
      alive: true,
      room: null,
      send(frame) {
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      },
      reject(code: CloseCode, reason: string) {
        connection.rejected = true;
        socket.close(code, reason);
      },
    };
    connections.add(connection);
    let waiting: Uint8Array[] | null = [];
    let waitingBytes = 0;

    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('error', () => {
      // Protocol errors (an oversized or malformed frame): ws closes the socket itself; 'close' follows.
    });
    socket.on('close', () => {
      connections.delete(connection);
      connection.room?.leave(connection);
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      try {
        if (connection.rejected) return;
        const frame = copyFrame(data);
        if (frame.byteLength > maxMessageBytes) {
          connection.reject(closeCodes.MessageTooLarge, `message larger than ${maxMessageBytes} bytes`);
        } else if (!isBinary) {
          connection.reject(closeCodes.BadMessage, 'text frames are not part of the protocol');
        } else if (connection.room) {
          connection.room.receive(connection, frame);
        } else if (waiting) {
          waitingBytes += frame.byteLength;
          if (waitingBytes > maxMessageBytes) {
            connection.reject(closeCodes.MessageTooLarge, 'too much sent before authentication finished');
          } else {
            waiting.push(frame);
          }
        }
      } catch (error) {
        onError(error, 'receiving a message');
        connection.reject(closeCodes.InternalError, 'internal error');
      }
    });

    const target = parseRoomRequest(request.url ?? '/');
    if (target === null) {
      connection.reject(closeCodes.BadMessage, 'bad room name');
      return;
    }
    void authenticate(request, target.room, target.params)
      .then((outcome) => {
        if (connection.rejected || socket.readyState !== WebSocket.OPEN || closing) return;
        if (outcome === 'forbidden') {
          connection.reject(closeCodes.Forbidden, 'no access to this room');
        } else if (outcome === null) {
          connection.reject(closeCodes.Unauthorized, 'unauthorized');
        } else {
          connection.origin = { ...outcome, connectionId: connection.origin.connectionId };
          const room = roomFor(target.room);
          connection.room = room;
          room.join(connection);
          for (const frame of waiting ?? []) room.receive(connection, frame);
          waiting = null;
        }
      })
      .catch((error: unknown) => {
        onError(error, `joining room ${target.room}`);
        connection.reject(closeCodes.InternalError, 'internal error');
      });
  }

  /** Runs the hook: a user, null (no or bad credentials) or 'forbidden' (the hook threw, or gave no valid role). */
  async function authenticate(
    request: IncomingMessage,
    room: string,
    params: Readonly<Record<string, string>>,
  ): Promise<AuthenticatedUser | null | 'forbidden'> {
    try {
      const user = await hooks.authenticate({ request, room, params });
      if (user === null) return null;
      if (typeof user.userId !== 'string' || !isRole(user.role)) {
        onError(new Error(`authenticate returned an invalid user: ${JSON.stringify(user)}`), `room ${room}`);
        return 'forbidden';
      }
      return { userId: user.userId, role: user.role };
    } catch {
      return 'forbidden';
    }
  }

  async function shutdown(): Promise<void> {
    clearInterval(pinger);
    httpServer.off('upgrade', onUpgrade);
    for (const connection of connections) connection.socket.close(closeCodes.GoingAway, 'server shutting down');
    await Promise.all([...rooms.values()].map((room) => room.shutdown()));
    await waitUntil(() => connections.size === 0, CLOSE_GRACE_MS);
    for (const connection of connections) connection.socket.terminate();
    await new Promise<void>((resolve) => webSockets.close(() => resolve()));
    if (ownsHttpServer) {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    }
  }

  if (ownsHttpServer) {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  }

  return {
    get port() {
      const address = httpServer.address();
      return address !== null && typeof address === 'object' ? (address as AddressInfo).port : 0;
    },
    roomsInMemory: () => [...rooms.keys()],
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

/** A private copy of a received frame as a plain Uint8Array (ws may hand out views of pooled buffers). */
function copyFrame(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data);
}

function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = (): void => {
      if (condition() || Date.now() >= deadline) resolve();
      else setTimeout(check, 10);
    };
    check();
  });
}
