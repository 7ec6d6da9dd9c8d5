import { fail, type Issue, ok, type Plan, parsePlan } from '@samplan/engine';
import { type PlanStore, tryApplyPlanEdit } from '@samplan/plan-store';
import type * as Y from 'yjs';
import { applyEditToDoc } from './applyEditToDoc.ts';
import { docLimitIssues } from './docLimitIssues.ts';
import { docToPlan } from './docToPlan.ts';
import { planRoot } from './planRoot.ts';
import { shareUnchanged } from './shareUnchanged.ts';

/** A `PlanStore` over a shared document, with the document's current issues. */
export interface YjsPlanStore extends PlanStore {
  /** Why the document is not a valid plan right now (empty when it is); `getPlan()` is then the last valid plan. */
  issues(): Issue[];
  /** Stops following the document. */
  destroy(): void;
}

/** Options of `createYjsPlanStore`. */
export interface YjsPlanStoreOptions {
  /** This client's transaction origin: its edits carry it, and its undo manager tracks it. */
  origin: unknown;
  /** The plan to show while the document holds none (not yet synced); without it the document must hold a valid plan. */
  fallback?: Plan;
}

/**
 * The plan store for live co-editing: reads the plan from the document (validated, cached, and
 * refreshed on every local or remote update), and applies an edit only if the plan stays valid,
 * as minimal Yjs operations with this client's origin. While the document is invalid, a valid edit
 * is still applied (it may be the repair) and `apply` returns `doc-still-invalid` with the issues;
 * an empty document takes only `replace-plan`. Throws if the document holds no valid plan
 * and no `fallback` is given (create the store after seeding or syncing the document).
 */
export function createYjsPlanStore(doc: Y.Doc, { origin, fallback }: YjsPlanStoreOptions): YjsPlanStore {
  const first = docToPlan(doc);
  if (!first.ok && !fallback) {
    throw new Error(`The document holds no valid plan: ${first.errors[0]?.code} ${first.errors[0]?.message}`);
  }
  let plan = first.ok ? first.value : (fallback as Plan);
  let issues: Issue[] = first.ok ? [] : first.errors;
  const listeners = new Set<() => void>();

  // Only changes under the plan root concern the plan: typing in the plan text, comments and
  // versions (other roots of the same document) neither re-read the plan nor notify.
  const root = planRoot(doc);
  const onChange = () => {
    const read = docToPlan(doc);
    // An invalid document (a hostile client, or concurrent edits that break a rule together)
    // keeps the last valid plan on screen and reports why.
    if (read.ok) plan = shareUnchanged(plan, read.value);
    issues = read.ok ? [] : read.errors;
    for (const listener of [...listeners]) listener();
  };
  root.observeDeep(onChange);

  return {
    getPlan: () => plan,
    issues: () => issues,
    apply(edit) {
      const applied = tryApplyPlanEdit(plan, edit);
      if (!applied.ok) return applied;
      const next = applied.value;
      const parsed = parsePlan(next);
      if (!parsed.ok) return parsed;
      const limits = docLimitIssues(parsed.value);
      if (limits.length) return fail(...limits);
      // An empty document is not ours to shape piecemeal (it may be about to receive the shared
      // plan): only a whole plan may seed it.
      if (issues[0]?.code === 'doc-empty' && edit.type !== 'replace-plan') return fail(...issues);
      applyEditToDoc(doc, edit, origin);
      if (!issues.length) return ok(plan);
      // The document was invalid before (see issues()): the edit was valid on the last valid plan
      // and is applied, since it may be the one that repairs the document, but the plan stays invalid.
      return fail<Issue>(
        { code: 'doc-still-invalid', message: 'Ändringen gjordes, men planen i dokumentet är fortfarande ogiltig' },
        ...issues,
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      root.unobserveDeep(onChange);
      listeners.clear();
    },
  };
}
