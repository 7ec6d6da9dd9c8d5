import type { Plan } from '@samplan/engine';
import { jsonEqual } from './plainJson.ts';

const ARRAYS = ['years', 'members', 'esfProjects', 'revenues', 'costs', 'stated', 'scenarios'] as const;

/** `next` items, reusing the previous item wherever it is deep-equal (by id when items have one). */
function shareItems<T>(previous: readonly T[], next: readonly T[]): readonly T[] {
  const byId = new Map<unknown, T>();
  previous.forEach((item, i) => {
    byId.set(typeof item === 'object' && item !== null && 'id' in item ? item.id : i, item);
  });
  let same = previous.length === next.length;
  const out = next.map((item, i) => {
    const before = byId.get(typeof item === 'object' && item !== null && 'id' in item ? item.id : i);
    const kept = before !== undefined && jsonEqual(before, item) ? before : item;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? previous : out;
}

/**
 * The plan read after a document change, sharing every unchanged object with the previous plan (and
 * the previous plan itself when nothing changed), so memoized views re-render only what changed.
 */
export function shareUnchanged(previous: Plan, next: Plan): Plan {
  const out: Record<string, unknown> = { ...next };
  let same = true;
  for (const key of ARRAYS) {
    out[key] = shareItems(previous[key] as readonly unknown[], next[key] as readonly unknown[]);
    if (out[key] !== previous[key]) same = false;
  }
  for (const key of ['assumptions', 'thresholds'] as const) {
    out[key] = jsonEqual(previous[key], next[key]) ? previous[key] : next[key];
    if (out[key] !== previous[key]) same = false;
  }
  for (const key of ['version', 'name', 'openingEquity'] as const) if (previous[key] !== next[key]) same = false;
  return same ? previous : (out as Plan);
}
