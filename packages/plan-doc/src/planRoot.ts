import * as Y from 'yjs';

/** Name of the root `Y.Map` that holds the plan in a `Y.Doc`. */
export const PLAN_ROOT = 'plan';

/** The plan's record collections: each a `Y.Map` keyed by id at the root, with its order in `order`. */
export const DOC_COLLECTIONS = [
  'members',
  'esfProjects',
  'revenues',
  'costs',
  'stated',
  'scenarios',
  'goals',
  'indicators',
  'activities',
] as const;

/** One of the plan's record collections. */
export type DocCollection = (typeof DOC_COLLECTIONS)[number];

/** Name of the root key holding a `Y.Map` collection → `Y.Array` of ids (display order). */
export const ORDER_KEY = 'order';

/** The root `Y.Map` of a plan document. Throws only if 'plan' was defined as another Yjs type. */
export const planRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(PLAN_ROOT);

/** Keys that must never name a record or a field: they reach `Object.prototype` in plain objects. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The `Y.Map` stored under `key`, replacing whatever else is there (a hostile or older document). */
export function ensureMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const current = parent.get(key);
  if (current instanceof Y.Map) return current as Y.Map<unknown>;
  return parent.set(key, new Y.Map<unknown>());
}

/** The `Y.Array` stored under `key`, replacing whatever else is there. */
export function ensureArray(parent: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const current = parent.get(key);
  if (current instanceof Y.Array) return current as Y.Array<unknown>;
  return parent.set(key, new Y.Array<unknown>());
}

/** A collection's records (`Y.Map` id → record `Y.Map`) and its order (`Y.Array` of ids), created if missing. */
export function collectionOf(
  root: Y.Map<unknown>,
  collection: DocCollection,
): { records: Y.Map<unknown>; order: Y.Array<unknown> } {
  return { records: ensureMap(root, collection), order: ensureArray(ensureMap(root, ORDER_KEY), collection) };
}
