import { fail, ok, type Plan, parsePlan, type Result } from '@samplan/engine';
import { applyEditToDoc, docLimitIssues, type YjsPlanStore } from '@samplan/plan-doc';
import { type PlanEdit, type PlanStore, tryApplyPlanEdit } from '@samplan/plan-store';
import type { DocBinding } from './docBinding.ts';

/**
 * Applies `edits` as one change: all of them, or none. Every step is first checked on the current
 * plan (each edit on the result of the ones before), so an edit that would fail leaves the store
 * untouched, with no rollback to write. A shared plan then writes them in one Yjs transaction with
 * this client's origin (one update for the others, one undo step, one re-read of the plan); the
 * local store takes the resulting plan as one `replace-plan` edit.
 */
export function applyBatch(store: PlanStore, edits: readonly PlanEdit[], binding: DocBinding | null): Result<Plan> {
  let plan = store.getPlan();
  for (const edit of edits) {
    const applied = tryApplyPlanEdit(plan, edit);
    if (!applied.ok) return applied;
    const parsed = parsePlan(applied.value);
    if (!parsed.ok) return parsed;
    plan = parsed.value;
  }
  if (!binding) return store.apply({ type: 'replace-plan', plan });
  // A document that is not a valid plan right now takes single edits (one may be the repair), not a batch.
  const invalid = (store as Partial<Pick<YjsPlanStore, 'issues'>>).issues?.() ?? [];
  if (invalid.length) return fail(...invalid);
  const limits = docLimitIssues(plan);
  if (limits.length) return fail(...limits);
  const { doc, origin } = binding;
  doc.transact(() => {
    for (const edit of edits) applyEditToDoc(doc, edit, origin);
  }, origin);
  return ok(store.getPlan());
}
