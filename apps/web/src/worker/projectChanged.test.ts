import type { CostLine, Plan } from '@samplan/engine';
import { generatePlan } from '@samplan/engine/bench/generatePlan';
import { describe, expect, it } from 'vitest';
import { withResults } from './createEngineClient.ts';
import { engineApi, type ProjectResponse } from './engineApi.ts';
import { diffJson } from './resultPatch.ts';

const generated = generatePlan(100, 20_250_101);
const start: Plan = { ...generated.plan, scenarios: generated.scenarios };
const ids = start.scenarios.map((s) => s.id);
const editIndex = start.costs.findIndex((c) => c.id === generated.editLineId);

/** The plan with the edited line's 2026 amount set, sharing every other line (a store edit). */
function edit(plan: Plan, kronor: string): Plan {
  const old = plan.costs[editIndex] as CostLine;
  if (old.amount.type !== 'yearly') throw new Error('the edit line is yearly');
  const costs = plan.costs.slice();
  costs[editIndex] = { ...old, amount: { ...old.amount, amounts: { ...old.amount.amounts, '2026': kronor } } };
  return { ...plan, costs };
}

/** What crosses the worker boundary is a structured clone; JSON round trips are the same for plain data. */
const cloned = <T>(value: T): T => structuredClone(value);

describe('projectChanged', () => {
  it('takes the plan as patches and sends the first results in full, then patches the client turns into the full results', () => {
    let held: ProjectResponse | null = null;
    let plan = start;
    for (const [k, kronor] of ['100', '250000', '250000', '0'].entries()) {
      const before = plan;
      plan = edit(plan, kronor);
      // The first plan in full, then each as a patch against the one before (what the client sends).
      const message = k === 0 ? { plan: cloned(plan) } : { base: k, patch: cloned(diffJson(before, plan)) };
      const answer = cloned(engineApi.projectChanged(k + 1, message, ids, held?.requestId ?? null));
      if ('resend' in answer) throw new Error('a full plan is never refused');
      const delta = answer;
      expect('full' in delta).toBe(k === 0);
      const response = withResults(delta, held);
      expect(response.results).toEqual(engineApi.project(k + 1, plan, ids).results);
      held = response;
    }
  });

  it('keeps every unchanged scenario, year and line the same object, and sends a fraction of the figures', () => {
    const first = edit(start, '300000');
    const full = cloned(engineApi.projectChanged(11, { plan: first }, ids, null));
    if ('resend' in full) throw new Error('a full plan is never refused');
    const held = withResults(full, null);
    const patch = diffJson(first, edit(first, '310000'));
    expect(JSON.stringify(patch).length).toBeLessThan(400);
    const delta = cloned(engineApi.projectChanged(12, { base: 11, patch: cloned(patch) }, ids, 11));
    if ('resend' in delta) throw new Error('the worker holds plan 11');
    expect('patch' in delta).toBe(true);
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(full).length / 5);
    const next = withResults(delta, held);
    next.results.forEach((result, s) => {
      const before = held.results[s];
      if (!result.ok || !before?.ok) throw new Error('projection failed');
      const changedLines = result.projection.lines
        .filter((line, i) => line !== before.projection.lines[i])
        .map((line) => line.id);
      // Only the edited line (and, under ESF avslag, nothing else) differs; the years before 2026 are untouched.
      expect(changedLines).toEqual([generated.editLineId]);
      expect(result.projection.years[0]).toBe(before.projection.years[0]);
      expect(result.projection.years[1]).not.toBe(before.projection.years[1]);
      expect(result.projection.audit).toBe(before.projection.audit);
    });
  });

  it('answers in full when the client holds another response than the one the worker sent last', () => {
    const plan = edit(start, '1');
    engineApi.projectChanged(21, { plan }, ids, null);
    expect(engineApi.projectChanged(22, { base: 20, patch: null }, ids, 21)).toEqual({ requestId: 22, resend: true });
    const delta = engineApi.projectChanged(22, { plan: edit(plan, '2') }, ids, 20);
    expect('full' in delta).toBe(true);
    if (!('full' in delta)) throw new Error('expected the full results');
    const { full: _, ...rest } = delta;
    expect(() => withResults({ ...rest, since: 5, patch: null }, null)).toThrow();
  });
});
