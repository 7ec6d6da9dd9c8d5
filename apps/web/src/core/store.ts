/** A value that changes over time: read it, hear when it changes (the shape `useSyncExternalStore` takes). */
export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** A store whose value is set from outside; setting an equal value (`Object.is`) notifies no one. */
export interface ValueStore<T> extends Store<T> {
  set(value: T): void;
}

/** A store holding one value. */
export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A store read from something observable: `read` runs on the first `get` after a change, so the
 * snapshot stays the same object between changes. `observe` starts listening (while anyone listens)
 * and calls back on every change; it returns how to stop.
 */
export function createDerivedStore<T>(read: () => T, observe: (changed: () => void) => () => void): Store<T> {
  let snapshot: { value: T } | null = null;
  const listeners = new Set<() => void>();
  let stop: (() => void) | null = null;
  const changed = () => {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  };
  return {
    get() {
      if (!snapshot) snapshot = { value: read() };
      return snapshot.value;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!stop) {
        // Nobody heard the changes while nobody listened: read afresh.
        snapshot = null;
        stop = observe(changed);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
  };
}
