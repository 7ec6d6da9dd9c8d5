import { auditPlan, type Plan, parsePlan, projectionDetailToJson, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { dropSummary } from './dropSummary.ts';

const plan = (openingEquity: string | undefined): Plan => {
  const parsed = parsePlan({
    name: 'Test',
    years: [2025, 2026, 2027],
    ...(openingEquity === undefined ? {} : { openingEquity }),
    members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { 2025: '1000000', 2026: '1000000' } }],
    revenues: [{ id: 'dua', kind: 'income', name: 'DUA', amounts: { 2026: '50000' } }],
    costs: [
      {
        id: 'kansli',
        name: 'Kansli',
        category: 'administration',
        amount: { type: 'yearly', amounts: { 2025: '400000' } },
      },
    ],
    stated: [{ year: 2025, figure: 'result', value: '600000' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value as Plan;
};

const projected = (p: Plan) => {
  const result = projectPlan(p);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return projectionDetailToJson(result.value, auditPlan(p));
};

describe('dropSummary', () => {
  it('names what dropping the first year loses and gives its closing equity to the next year', () => {
    const p = plan('250000');
    expect(dropSummary(p, projected(p))).toEqual({
      year: 2025,
      nextYear: 2026,
      lines: 2,
      revenue: '1000000',
      costs: '400000',
      stated: 1,
      openingEquity: '850000',
    });
  });

  it('keeps a plan without opening equity without one (its closing equity rests on an assumed 0)', () => {
    const p = plan(undefined);
    expect(dropSummary(p, projected(p))?.openingEquity).toBeNull();
  });

  it('waits for a projection of the plan as it is now', () => {
    const p = plan('0');
    expect(dropSummary(p, null)).toBeNull();
    const stale = projected(plan('0'));
    const moved = { ...p, years: [2026, 2027, 2028] };
    expect(dropSummary(moved, stale)).toBeNull();
  });
});
