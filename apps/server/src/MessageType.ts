/** The y-websocket message types: the first varUint of every frame (`y-websocket` 3.x, `y-protocols`). */
export const MessageType = {
  /** A y-protocols/sync message: SyncStep1, SyncStep2 or Update follows. */
  Sync: 0,
  /** A y-protocols/awareness update (presence: cursors, names). */
  Awareness: 1,
  /** y-protocols/auth; never sent by this server (it closes with a code instead). */
  Auth: 2,
  /** A client asks for every awareness state of the room. */
  QueryAwareness: 3,
} as const;

/** The y-protocols/sync sub-types, the second varUint of a Sync message. */
export const SyncMessageType = {
  /** "Here is my state vector, send me what I lack." */
  Step1: 0,
  /** "Here is what you lack": the answer to Step1. */
  Step2: 1,
  /** One incremental update. */
  Update: 2,
} as const;
