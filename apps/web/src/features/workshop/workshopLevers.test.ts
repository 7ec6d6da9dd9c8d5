import { type Plan, parsePlan, parseScenario } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import {
  leverValues,
  percentLabel,
  sameLevers,
  withEsf,
  withIndexation,
  withState,
  withUtilization,
} from './workshopLevers.ts';

function plan(): Plan {
  const parsed = parsePlan({
    name: 'Förbundet',
    years: [2025, 2026, 2027],
    openingEquity: '0',
    members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { 2025: '1000', 2026: '1000', 2027: '1000' } }],
    esfProjects: [
      { id: 'landa', name: 'LANDA' },
      { id: 'sokt', name: 'Sökt', status: 'applied' },
    ],
    assumptions: { utilization: '0.95', indexation: '0.02', employerAddOn: '0.32' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('the workshop levers', () => {
  it("stand where the plan has them until moved, and a move back to the plan's value removes the change", () => {
    const p = plan();
    expect(leverValues(p, [])).toEqual({
      state: 0,
      esf: { landa: 'approved', sokt: 'rejected' },
      utilization: 95,
      indexation: 2,
    });
    let changes = withState(p, [], -10);
    changes = withEsf(p, changes, 'landa', 'rejected');
    changes = withEsf(p, changes, 'sokt', 'approved');
    changes = withUtilization(p, changes, 90);
    changes = withIndexation(p, changes, 3.5);
    expect(changes).toEqual([
      { type: 'state-allocation', fromYear: 2025, rate: '-0.1', matching: true },
      { type: 'esf-decision', project: 'landa', decision: 'rejected', scaleCosts: false, keepLines: [] },
      { type: 'esf-decision', project: 'sokt', decision: 'approved', scaleCosts: false, keepLines: [] },
      { type: 'utilization', rate: '0.9' },
      { type: 'indexation', rate: '0.035' },
    ]);
    expect(leverValues(p, changes)).toEqual({
      state: -10,
      esf: { landa: 'rejected', sokt: 'approved' },
      utilization: 90,
      indexation: 3.5,
    });
    // The engine takes them as they are (its defaults are already there).
    const parsed = parseScenario({ id: 's', name: 's', changes }, p);
    expect(parsed.ok && parsed.value.changes).toEqual(changes);

    let back = withState(p, changes, 0);
    back = withEsf(p, back, 'landa', 'approved');
    back = withEsf(p, back, 'sokt', 'rejected');
    back = withUtilization(p, back, 95);
    back = withIndexation(p, back, 2);
    expect(back).toEqual([]);
    expect(sameLevers(p, back, [])).toBe(true);
    expect(sameLevers(p, changes, withState(p, changes, -9))).toBe(false);
  });

  it('labels percentages the Swedish way', () => {
    expect(percentLabel(-10)).toBe('−10 %');
    expect(percentLabel(2.5)).toBe('2,5 %');
    expect(percentLabel(0)).toBe('0 %');
  });
});
