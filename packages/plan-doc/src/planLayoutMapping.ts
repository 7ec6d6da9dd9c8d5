import type * as Y from 'yjs';

/**
 * Name of the root `Y.Map` that keeps what the plan's imports remember (next to the plan root):
 * under `budget`, the reviewed mapping of the förbund's own budget sheet as JSON text, so next
 * year's file in the same layout imports without a review, for every member of the plan.
 */
export const IMPORTS_ROOT = 'imports';

const BUDGET_MAPPING = 'budget';

/** Longest mapping text kept (a budget sheet of a few hundred rows is well under it). */
export const MAX_LAYOUT_MAPPING_LENGTH = 200_000;

/** The imports map of a document. */
export const importsRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(IMPORTS_ROOT);

/**
 * The remembered budget-sheet mapping as parsed JSON (the caller checks its shape), or null when
 * there is none or its text is not JSON.
 */
export function readLayoutMapping(doc: Y.Doc): unknown {
  const text = importsRoot(doc).get(BUDGET_MAPPING);
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Remembers the reviewed mapping (one transaction with `origin`). Outside the plan root, so the
 * plan's undo manager never undoes it: undoing an import keeps what the review taught. Returns
 * false, writing nothing, when the mapping is too long or unchanged.
 */
export function writeLayoutMapping(doc: Y.Doc, mapping: unknown, origin: unknown): boolean {
  const text = JSON.stringify(mapping);
  const root = importsRoot(doc);
  if (text.length > MAX_LAYOUT_MAPPING_LENGTH || root.get(BUDGET_MAPPING) === text) return false;
  doc.transact(() => root.set(BUDGET_MAPPING, text), origin);
  return true;
}
