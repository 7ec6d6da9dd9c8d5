import { type Plan, type PlanInput, parsePlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { mergeImportedBudget } from './mergeImportedBudget.ts';

const plan = (input: Partial<PlanInput>): Plan => {
  const parsed = parsePlan({ name: 'Plan', years: [2025, 2026], members: [], ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value as Plan;
};

const current = plan({
  name: 'Finsam Delad',
  openingEquity: '100',
  assumptions: { utilization: '0.9', indexation: '0.02', employerAddOn: '0.32' },
  costs: [{ id: 'team', name: 'Team', category: 'individual', amount: { type: 'yearly', amounts: {} }, goals: ['g1'] }],
  goals: [{ id: 'g1', title: 'Fler i arbete' }],
  scenarios: [
    { id: 'utan-team', name: 'Utan team', changes: [{ type: 'insats-stop', line: 'team', from: '2026-01-01' }] },
    { id: 'minus', name: 'Nyttjande 80 %', changes: [{ type: 'utilization', rate: '0.8' }] },
  ],
});

describe('mergeImportedBudget', () => {
  it('replaces the budget and keeps the name, settings, goals, goal links and the scenarios that still apply', () => {
    const imported = plan({
      name: 'Budget 2026–2027',
      years: [2026, 2027],
      costs: [{ id: 'team', name: 'Team', category: 'individual', amount: { type: 'yearly', amounts: { 2026: '5' } } }],
    });
    const merged = mergeImportedBudget(current, imported);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const { plan: next, droppedScenarios } = merged.value;
    expect(next.name).toBe('Finsam Delad');
    expect(next.years).toEqual([2026, 2027]);
    expect(next.openingEquity).toBeUndefined();
    expect(next.assumptions.utilization).toBe('0.9');
    expect(next.goals.map((g) => g.id)).toEqual(['g1']);
    expect(next.costs[0]?.goals).toEqual(['g1']);
    expect(next.scenarios.map((s) => s.id)).toEqual(['utan-team', 'minus']);
    expect(droppedScenarios).toEqual([]);
  });

  it('leaves out a scenario that refers to a line the new budget does not have, and says which', () => {
    const merged = mergeImportedBudget(current, plan({ openingEquity: '7' }));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.value.plan.scenarios.map((s) => s.id)).toEqual(['minus']);
    expect(merged.value.droppedScenarios).toEqual(['Utan team']);
    expect(merged.value.plan.openingEquity).toBe('7');
  });
});
