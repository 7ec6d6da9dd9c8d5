import type * as Y from 'yjs';

/** A shared document and this client's transaction origin (its edits, undo steps, saved versions). */
export interface DocBinding {
  readonly doc: Y.Doc;
  readonly origin: unknown;
}
