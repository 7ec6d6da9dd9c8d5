import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { MaybePromise } from './DocStorage.ts';
import type { Role } from './roleCanWrite.ts';

/** Who is connected, as `authenticate` decided. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly role: Role;
}

/**
 * The Yjs transaction origin of a client's updates on the server's document (and the `origin` that
 * `onChange` receives for them): the user plus a number unique to the connection.
 */
export interface ClientOrigin extends AuthenticatedUser {
  readonly connectionId: number;
}

/** What `authenticate` gets: the HTTP upgrade request, the room (plan) name and the URL query parameters. */
export interface AuthenticateContext {
  readonly request: IncomingMessage;
  readonly room: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The server's extension points (as Hocuspocus's hooks). Only `authenticate` is required.
 * Errors thrown by `onLoad` close the room's clients with InternalError; errors of `onStore` and
 * `onChange` are reported to `onError` and otherwise ignored.
 */
export interface CollabHooks {
  /**
   * Decides who a new connection is: the user and role, `null` for no or a bad token (closed with
   * Unauthorized 4401); throwing means no access to this room (closed with Forbidden 4403).
   */
  authenticate(context: AuthenticateContext): MaybePromise<AuthenticatedUser | null>;
  /**
   * Called once per load of a room, after its stored updates are applied and before any client is
   * answered. Changes made to `doc` here (seeding a new plan) are stored like client updates.
   */
  onLoad?(context: { readonly room: string; readonly doc: Y.Doc }): MaybePromise<void>;
  /** Called after each update is committed to storage (audit log, metrics); not awaited. */
  onStore?(context: { readonly room: string; readonly update: Uint8Array }): unknown;
  /**
   * Called after each stored change has been relayed; `origin` is the change's Yjs transaction origin
   * (a {@link ClientOrigin} for a client's update). Not awaited. Changes it makes to `doc` are stored and relayed.
   */
  onChange?(context: { readonly room: string; readonly doc: Y.Doc; readonly origin: unknown }): unknown;
}
