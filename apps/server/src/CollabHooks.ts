import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { CloseCode } from './closeCodes.ts';
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

/** What `beforeApplyUpdate` gets: a document update a client sent, before anything of it is applied. */
export interface UpdateContext {
  readonly room: string;
  /**
   * The room's document as it is before the update (read it, never change it: try the update on a
   * copy, as `Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc))`).
   */
  readonly doc: Y.Doc;
  /** The update as the client sent it (a SyncStep2 or an Update message). */
  readonly update: Uint8Array;
  /** Who sent it: the user and role `authenticate` decided, and the connection's number. */
  readonly connection: ClientOrigin;
}

/**
 * A `beforeApplyUpdate` verdict: apply the update, or refuse it whole and close the connection with
 * `code` (ReadOnly 4409 for a write the role may not make) and `reason` (sent in the close frame).
 */
export type UpdateVerdict =
  | { readonly accept: true }
  | { readonly accept: false; readonly code: CloseCode; readonly reason: string };

/** The verdict that lets an update through. */
export const ACCEPT_UPDATE: UpdateVerdict = { accept: true };

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
  /**
   * Decides whether a document update a client sent may be applied, before anything of it is applied,
   * stored or relayed. Runs after every plug-in's `beforeApplyUpdate` has accepted it. A refusal closes
   * the connection with its code; throwing refuses it too (closed with BadMessage, reported to `onError`).
   */
  beforeApplyUpdate?(context: UpdateContext): MaybePromise<UpdateVerdict>;
  /** Called after each update is committed to storage (audit log, metrics); not awaited. */
  onStore?(context: { readonly room: string; readonly update: Uint8Array }): unknown;
  /**
   * Called after each stored change has been relayed; `origin` is the change's Yjs transaction origin
   * (a {@link ClientOrigin} for a client's update). Not awaited. Changes it makes to `doc` are stored and relayed.
   */
  onChange?(context: { readonly room: string; readonly doc: Y.Doc; readonly origin: unknown }): unknown;
}

/**
 * A plug-in: a named set of hooks that the server runs alongside the host's own {@link CollabHooks}
 * (as Hocuspocus's extensions). Plug-ins run in the order given; for `beforeApplyUpdate` the first
 * refusal wins and the hooks after it are not asked.
 */
export interface CollabPlugin {
  /** For logs and errors (`beforeApplyUpdate of <name>`). */
  readonly name: string;
  beforeApplyUpdate?(context: UpdateContext): MaybePromise<UpdateVerdict>;
}
