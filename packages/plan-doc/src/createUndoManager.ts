import * as Y from 'yjs';
import { planRoot } from './planRoot.ts';

/**
 * An undo manager over the plan that tracks only transactions with this client's `origin`, so undo
 * reverts your own edits and never another person's. Edits within `captureTimeout` ms are undone
 * together (call `stopCapturing()` to end a step early).
 */
export function createUndoManager(
  doc: Y.Doc,
  origin: unknown,
  options: { captureTimeout?: number } = {},
): Y.UndoManager {
  return new Y.UndoManager(planRoot(doc), {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
