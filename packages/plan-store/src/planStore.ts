import { fail, KronorSchema, ok, type Plan, parsePlan, type Result, validatePlan } from '@samplan/engine';
import { type PlanEdit, tryApplyPlanEdit } from './planEdits.ts';

/**
 * Where the plan lives: read it, apply an edit, hear about changes. The views use only this, so
 * the live-collaboration store (a Y.Doc) can replace the local one without touching them.
 */
export interface PlanStore {
  getPlan(): Plan;
  /** Applies an edit if the plan stays valid; otherwise changes nothing and returns the issues. */
  apply(edit: PlanEdit): Result<Plan>;
  subscribe(listener: () => void): () => void;
}

/** Where the local store keeps the plan between visits. */
export interface PlanPersistence {
  load(): unknown;
  save(plan: Plan): void;
}

/** The part of the Web Storage API the local store uses (localStorage in a browser). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Persists the plan in Web Storage (localStorage by default): a reload never loses an accepted edit. */
export const localStoragePersistence = (
  key = 'samplan.plan.v1',
  storage: StorageLike | undefined = (globalThis as { localStorage?: StorageLike }).localStorage,
): PlanPersistence => ({
  load: () => {
    try {
      const text = storage?.getItem(key);
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  },
  save: (plan) => {
    try {
      storage?.setItem(key, JSON.stringify(plan));
    } catch {
      // Storage full or blocked: the plan stays in memory.
    }
  },
});

/** A store that keeps the plan in memory (and in `persistence`), validating every edit. */
export function createLocalPlanStore(initial: Plan, persistence?: PlanPersistence): PlanStore {
  const saved = persistence ? parsePlan(persistence.load()) : undefined;
  let plan = saved?.ok ? saved.value : initial;
  const listeners = new Set<() => void>();
  return {
    getPlan: () => plan,
    apply(edit) {
      const applied = tryApplyPlanEdit(plan, edit);
      if (!applied.ok) return applied;
      const next = applied.value;
      if (edit.type === 'set-amount') {
        // The hot path (typing in the grid): only the amount can break the plan's shape, so check
        // it and the plan's semantic rules, without re-running the whole schema.
        const shape = edit.value === null ? { success: true } : KronorSchema.safeParse(edit.value);
        const issues = shape.success
          ? validatePlan(next)
          : [
              {
                code: 'invalid-amount',
                message: `Ogiltigt belopp "${edit.value}"`,
                path: [edit.collection, edit.id, String(edit.year)],
              },
            ];
        if (issues.length) return fail(...issues);
        plan = next;
      } else {
        const parsed = parsePlan(next);
        if (!parsed.ok) return parsed;
        plan = keepUntouched(plan, next, parsed.value);
      }
      persistence?.save(plan);
      for (const listener of listeners) listener();
      return ok(plan);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const SHARED_ARRAYS = ['members', 'esfProjects', 'revenues', 'costs', 'stated', 'scenarios', 'years'] as const;

/**
 * Validation returns fresh objects; put back the old object wherever the edit did not touch it
 * (the edit shares untouched objects by identity), so memoized views re-render only what changed.
 */
export function keepUntouched(previous: Plan, edited: Plan, validated: Plan): Plan {
  const out: Plan = { ...validated };
  for (const key of SHARED_ARRAYS) {
    const before = previous[key] as readonly unknown[];
    const after = edited[key] as readonly unknown[];
    if (after === before) {
      (out as Record<string, unknown>)[key] = before;
      continue;
    }
    const fresh = validated[key] as readonly unknown[];
    (out as Record<string, unknown>)[key] = fresh.map((item, i) =>
      after[i] !== undefined && after[i] === before[i] ? before[i] : item,
    );
  }
  if (edited.assumptions === previous.assumptions) out.assumptions = previous.assumptions;
  if (edited.thresholds === previous.thresholds) out.thresholds = previous.thresholds;
  return out;
}
