import type { CostLine, Goal } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { costTotals, goalCoverage, insatserOf, isPositive } from './goalCoverage.ts';

const goal = (id: string, title = id): Goal => ({ id, title, area: '', responsible: '' });
const line = (id: string, category: CostLine['category'], goals?: string[]): CostLine => ({
  id,
  name: id,
  category,
  amount: { type: 'yearly', amounts: {} },
  ...(goals && { goals }),
});

describe('costTotals', () => {
  it('sums each cost line over the years exactly, and skips revenue and member lines', () => {
    const totals = costTotals([
      { id: 'vuxna', kind: 'cost', amounts: ['14616000', '13300000', '13125000'] },
      { id: 'halv', kind: 'cost', amounts: ['0.10', '0.20', '0'] },
      { id: 'staten', kind: 'member', amounts: ['30667000', '30667000', '30667000'] },
      { id: 'esf', kind: 'esf', amounts: ['449000', '0', '0'] },
    ]);
    expect(totals).toEqual(
      new Map([
        ['vuxna', '41041000'],
        ['halv', '0.30'],
      ]),
    );
  });
});

describe('isPositive', () => {
  it('is true only for an amount above zero', () => {
    expect(isPositive('0.01')).toBe(true);
    expect(isPositive('41041000')).toBe(true);
    expect(isPositive('0')).toBe(false);
    expect(isPositive('0.00')).toBe(false);
    expect(isPositive('-5')).toBe(false);
    expect(isPositive(undefined)).toBe(false);
    expect(isPositive('tolv')).toBe(false);
  });
});

describe('insatserOf', () => {
  it('keeps the individual and structural lines in plan order', () => {
    const costs = [
      line('kansli', 'administration'),
      line('vuxna', 'individual'),
      line('utbildning', 'structural'),
      line('buffert', 'unallocated'),
    ];
    expect(insatserOf({ costs }).map((l) => l.id)).toEqual(['vuxna', 'utbildning']);
  });
});

describe('goalCoverage', () => {
  const goals = [goal('arbete'), goal('samverkan'), goal('kannedom')];

  it('finds goals without a funded insats and insatser without a goal', () => {
    const costs = [
      line('vuxna', 'individual', ['arbete']),
      line('sgi', 'structural', ['samverkan']),
      line('columbus', 'individual'),
      line('utbildning', 'structural', []),
      line('kansli', 'administration'),
    ];
    const totals = new Map([
      ['vuxna', '41041000'],
      ['sgi', '0'],
      ['columbus', '3018000'],
      ['utbildning', '1125000'],
      ['kansli', '9000000'],
    ]);
    const coverage = goalCoverage({ goals, costs }, totals);
    expect(coverage.unfundedGoals.map((g) => g.id)).toEqual(['samverkan', 'kannedom']);
    expect(coverage.insatserWithoutGoal.map((l) => l.id)).toEqual(['columbus', 'utbildning']);
    expect(coverage.linked.get('arbete')?.map((l) => [l.line.id, l.funded])).toEqual([['vuxna', true]]);
    expect(coverage.linked.get('samverkan')?.map((l) => [l.line.id, l.funded])).toEqual([['sgi', false]]);
    expect(coverage.linked.get('kannedom')).toEqual([]);
  });

  it('counts a line missing from the totals (not computed yet, or stopped in the scenario) as costing nothing', () => {
    const costs = [line('vuxna', 'individual', ['arbete'])];
    expect(goalCoverage({ goals, costs }, new Map()).unfundedGoals.map((g) => g.id)).toEqual([
      'arbete',
      'samverkan',
      'kannedom',
    ]);
  });

  it('is funded by one funded insats among several; a line serving two goals funds both', () => {
    const costs = [
      line('stoppad', 'individual', ['arbete']),
      line('vuxna', 'individual', ['arbete', 'samverkan', 'arbete']),
    ];
    const totals = new Map([
      ['stoppad', '0'],
      ['vuxna', '100'],
    ]);
    const coverage = goalCoverage({ goals, costs }, totals);
    expect(coverage.unfundedGoals.map((g) => g.id)).toEqual(['kannedom']);
    expect(coverage.linked.get('arbete')?.map((l) => l.line.id)).toEqual(['stoppad', 'vuxna']);
  });

  it('ignores links to goals that do not exist and links from administration lines', () => {
    const costs = [line('vuxna', 'individual', ['borttaget']), line('kansli', 'administration', ['arbete'])];
    const totals = new Map([
      ['vuxna', '100'],
      ['kansli', '100'],
    ]);
    const coverage = goalCoverage({ goals, costs }, totals);
    expect(coverage.insatserWithoutGoal.map((l) => l.id)).toEqual(['vuxna']);
    expect(coverage.unfundedGoals.map((g) => g.id)).toEqual(['arbete', 'samverkan', 'kannedom']);
  });

  it('has nothing to report for a plan without goals or insatser', () => {
    expect(goalCoverage({ goals: [], costs: [] }, new Map())).toEqual({
      unfundedGoals: [],
      insatserWithoutGoal: [],
      linked: new Map(),
    });
  });
});
