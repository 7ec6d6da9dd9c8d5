import type * as Y from 'yjs';

/** Name of the root `Y.Map` of a shared plan's uncertainty models (storage key → JSON text). */
export const UNCERTAINTY_ROOT = 'uncertainty';

/**
 * The `getItem`/`setItem` face of a shared plan's document, so the uncertainty ranges of a shared plan
 * are kept in the plan (the same for everyone, synced and stored by the server) where the demo keeps
 * them in localStorage. Only owners and editors write: for anyone else `setItem` does nothing (the
 * server would refuse the change and close the connection). An unchanged value writes nothing.
 */
export function docStorage(doc: Y.Doc, origin: unknown, writable: boolean): Pick<Storage, 'getItem' | 'setItem'> {
  const root = doc.getMap<unknown>(UNCERTAINTY_ROOT);
  return {
    getItem(key) {
      const value = root.get(key);
      return typeof value === 'string' ? value : null;
    },
    setItem(key, value) {
      if (!writable || root.get(key) === value) return;
      doc.transact(() => root.set(key, value), origin);
    },
  };
}
