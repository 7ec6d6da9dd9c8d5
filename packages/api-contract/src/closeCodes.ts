/**
 * The WebSocket close codes the collaboration server sends, by name (as Hocuspocus's `CloseEvents.ts`).
 *
 * Codes 4400–4499 mirror HTTP 4xx: the y-websocket client (3.x) treats them as permanent and stops
 * reconnecting, which is what we want for a refused token or a read-only violation. Every other code
 * (1001 on shutdown, 1011 when storage fails) makes the client reconnect with backoff and re-sync.
 */
export const closeCodes = {
  /** The server is shutting down; the client reconnects later. */
  GoingAway: 1001,
  /** Something failed on the server (storage, loading the room); the client reconnects and re-syncs. */
  InternalError: 1011,
  /** A frame that is not a valid y-websocket message (random bytes, truncated varints, a text frame, a bad room name). */
  BadMessage: 4400,
  /** `authenticate` returned null: no or an invalid token. */
  Unauthorized: 4401,
  /** `authenticate` threw: the user has no access to this room. */
  Forbidden: 4403,
  /**
   * A viewer sent an update that would change the document, or a commenter one that writes more than
   * its own comments (`checkCommentUpdate`).
   */
  ReadOnly: 4409,
  /** A message (or the messages sent before authentication finished) larger than `maxMessageBytes`. */
  MessageTooLarge: 4413,
} as const;

/** One of the close codes in {@link closeCodes}. */
export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes];
