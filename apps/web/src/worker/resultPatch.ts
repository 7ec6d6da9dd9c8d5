/**
 * A structural diff of plain JSON data (what crosses the worker boundary) and its application.
 * The worker sends a patch against the last result it sent instead of the whole result, so the
 * structured clone carries only what changed; applying it on the main thread keeps every object
 * and array whose contents did not change (structural sharing), so memoized views skip them.
 */

/** Unchanged is `null`; otherwise a new value, an object's changed and deleted keys, or an array's changed elements. */
export type Patch =
  | { v: unknown }
  | { o: Record<string, Patch>; d?: string[] }
  | { a: number; at: [index: number, patch: Patch][] };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The patch that turns `prev` into `next` (both plain JSON data), or null when they are equal. */
export function diffJson(prev: unknown, next: unknown): Patch | null {
  if (prev === next) return null;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const at: [number, Patch][] = [];
    for (let i = 0; i < next.length; i++) {
      if (i >= prev.length) at.push([i, { v: next[i] }]);
      else {
        const p = diffJson(prev[i], next[i]);
        if (p) at.push([i, p]);
      }
    }
    return at.length === 0 && prev.length === next.length ? null : { a: next.length, at };
  }
  if (isObject(prev) && isObject(next)) {
    const o: Record<string, Patch> = {};
    const d: string[] = [];
    let changed = false;
    for (const key in next) {
      const p = key in prev ? diffJson(prev[key], next[key]) : { v: next[key] };
      if (p) {
        o[key] = p;
        changed = true;
      }
    }
    for (const key in prev) if (!(key in next)) d.push(key);
    if (!changed && d.length === 0) return null;
    return d.length ? { o, d } : { o };
  }
  return Object.is(prev, next) ? null : { v: next };
}

/** `prev` with the patch applied; every part the patch does not touch is the same object as in `prev`. */
export function applyPatch<T>(prev: T, patch: Patch | null): T {
  if (patch === null) return prev;
  if ('v' in patch) return patch.v as T;
  if ('a' in patch) {
    const before = prev as unknown as unknown[];
    const copy = before.slice(0, patch.a);
    copy.length = patch.a;
    for (const [i, p] of patch.at) copy[i] = applyPatch(before[i], p);
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...(prev as Record<string, unknown>) };
  for (const key in patch.o) copy[key] = applyPatch(copy[key], patch.o[key] as Patch);
  for (const key of patch.d ?? []) delete copy[key];
  return copy as T;
}
