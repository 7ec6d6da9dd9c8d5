/** A value, or a promise of it: SQLite answers synchronously, a network database (PostgreSQL) with a promise. */
export type MaybePromise<T> = T | Promise<T>;

/** One stored update of a room, with its storage id (increasing in the order the updates were appended). */
export interface StoredUpdate {
  readonly id: number;
  readonly update: Uint8Array;
}

/**
 * Where the collaboration server keeps each room's document: an append-only log of Yjs updates per room,
 * whose prefix is now and then replaced by one merged update (compaction).
 *
 * The contract the server relies on, and what another backend must keep:
 * - `append` returns (or resolves) only after the update is durably committed: the server relays an
 *   update to other clients only afterwards, so an update anyone has seen survives a crash (SIGKILL).
 * - `load` returns every update of the room in id order (after a compaction: the merged state first,
 *   then later updates). Applying them to an empty `Y.Doc` gives the room's document.
 * - `compact(room, state, upToId)` atomically replaces the room's updates with id ≤ `upToId` by `state`
 *   (a Yjs update that contains all of them); updates appended after `upToId` are kept.
 * - Ids increase per room in append order; nothing else is assumed about them.
 *
 * Why PostgreSQL is a swap, not a rewrite: the server never sees SQL or files, only these four
 * methods, and it awaits every result (`MaybePromise`), processing one room's messages strictly in
 * order while it waits. A PostgreSQL module is a table `updates (room text, id bigserial, data bytea,
 * created_at timestamptz)` with `INSERT … RETURNING id` for `append` (resolving after COMMIT),
 * `SELECT … ORDER BY id` for `load` and a `DELETE … WHERE id <= $2; INSERT …` transaction for
 * `compact`. Nothing in the core changes.
 */
export interface DocStorage {
  /** All stored updates of a room, in id order (empty for a new room). */
  load(room: string): MaybePromise<StoredUpdate[]>;
  /** Appends one update and returns its id, only after it is committed durably. */
  append(room: string, update: Uint8Array): MaybePromise<number>;
  /** Replaces the room's updates with id ≤ `upToId` by `state` in one transaction. */
  compact(room: string, state: Uint8Array, upToId: number): MaybePromise<void>;
  /** Releases the backend (closes the database). The server never calls it: whoever created the storage does. */
  close(): MaybePromise<void>;
}
