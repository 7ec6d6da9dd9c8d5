import { describe, expect, it } from 'vitest';
import { parsePlan } from './parsePlan.ts';
import type { PlanInput } from './planSchema.ts';
import type { Issue, Result } from './result.ts';

/** A plan input with the lists these tests edit in place. */
type GoalPlan = PlanInput & Required<Pick<PlanInput, 'costs' | 'goals' | 'indicators' | 'activities'>>;

const YEARS = [2024, 2025, 2026];

/** A valid plan with two goals, their indicators and activities, and insatser that serve them. */
const withGoals = (): GoalPlan => ({
  name: 'Samordningsförbundet Mål',
  years: [...YEARS],
  openingEquity: '1000000',
  members: [{ id: 'fk', name: 'Försäkringskassan', group: 'state', amounts: { '2024': '2000000' } }],
  costs: [
    {
      id: 'unga',
      name: 'Unga vuxna',
      category: 'individual',
      amount: { type: 'yearly', amounts: { '2024': '500000' } },
      goals: ['arbete', 'samverkan'],
      targets: { participants: 200, workOrStudies: '0.25' },
    },
    {
      id: 'kansli',
      name: 'Kansli',
      category: 'administration',
      amount: { type: 'yearly', amounts: { '2024': '100000' } },
    },
  ],
  goals: [
    { id: 'arbete', title: 'Fler i arbete', area: 'Insatser för individer', responsible: 'Förbundschef' },
    { id: 'samverkan', title: 'Bättre samverkan' },
  ],
  indicators: [
    { id: 'ind-arbete', goal: 'arbete', name: 'Andel till arbete', outcomes: { '2022': '28 %' }, target: '35 %' },
    { id: 'ind-parter', goal: 'samverkan', name: 'Nöjda parter' },
  ],
  activities: [
    { id: 'akt-coach', goal: 'arbete', description: 'Två jobbcoacher', responsible: 'VL', end: '2025-12-31' },
    { id: 'akt-forum', goal: 'samverkan', description: 'Samverkansforum' },
  ],
});

const errorsOf = (result: Result<unknown>): Issue[] => (result.ok ? [] : result.errors);

describe('goals, indicators and activities in the plan', () => {
  it('parses them with their defaults, and a plan without them has none', () => {
    const result = parsePlan(withGoals());
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.value.goals[1]).toEqual({ id: 'samverkan', title: 'Bättre samverkan', area: '', responsible: '' });
    expect(result.value.indicators[1]).toEqual({
      id: 'ind-parter',
      goal: 'samverkan',
      name: 'Nöjda parter',
      outcomes: {},
      target: '',
    });
    expect(result.value.activities[1]).toEqual({
      id: 'akt-forum',
      goal: 'samverkan',
      description: 'Samverkansforum',
      responsible: '',
    });
    expect(result.value.costs[0]?.targets).toEqual({ participants: 200, workOrStudies: '0.25' });

    const { goals: _g, indicators: _i, activities: _a, costs: _c, ...without } = withGoals();
    const bare = parsePlan(without);
    expect(bare.ok && [bare.value.goals, bare.value.indicators, bare.value.activities]).toEqual([[], [], []]);
  });

  it('reports references to a goal that does not exist, each at its path', () => {
    const plan = withGoals();
    plan.indicators[1] = { ...(plan.indicators[1] as GoalPlan['indicators'][number]), goal: 'saknas' };
    plan.activities[0] = { ...(plan.activities[0] as GoalPlan['activities'][number]), goal: 'borta' };
    plan.costs[0] = { ...(plan.costs[0] as GoalPlan['costs'][number]), goals: ['arbete', 'ingen'] };
    plan.costs[1] = { ...(plan.costs[1] as GoalPlan['costs'][number]), goals: ['inget'] };
    expect(errorsOf(parsePlan(plan))).toEqual([
      {
        code: 'unknown-goal',
        message: 'Målet "saknas" finns inte',
        path: ['indicators', 1, 'goal'],
        field: 'goal',
      },
      { code: 'unknown-goal', message: 'Målet "borta" finns inte', path: ['activities', 0, 'goal'], field: 'goal' },
      { code: 'unknown-goal', message: 'Målet "ingen" finns inte', path: ['costs', 0, 'goals', 1], field: '1' },
      { code: 'unknown-goal', message: 'Målet "inget" finns inte', path: ['costs', 1, 'goals', 0], field: '0' },
    ]);
  });

  it('a goal id is not a goal of another kind: an indicator or insats id does not count as a goal', () => {
    const plan = withGoals();
    plan.activities[1] = { ...(plan.activities[1] as GoalPlan['activities'][number]), goal: 'ind-arbete' };
    plan.costs[0] = { ...(plan.costs[0] as GoalPlan['costs'][number]), goals: ['kansli'] };
    expect(errorsOf(parsePlan(plan)).map((e) => [e.code, e.path])).toEqual([
      ['unknown-goal', ['activities', 1, 'goal']],
      ['unknown-goal', ['costs', 0, 'goals', 0]],
    ]);
  });

  it('reports duplicate ids among goals, indicators and activities, and against the other records', () => {
    const plan = withGoals();
    plan.goals.push({ id: 'arbete', title: 'Samma id' });
    plan.indicators.push({ id: 'akt-coach', goal: 'arbete', name: 'Samma id som en aktivitet' });
    plan.activities.push({ id: 'fk', goal: 'arbete', description: 'Samma id som en medlem' });
    plan.activities.push({ id: 'ind-parter', goal: 'arbete', description: 'Samma id som en indikator' });
    const issues = errorsOf(parsePlan(plan));
    // Goals are checked after the lines, then indicators, then activities: the later record is the duplicate.
    expect(issues.map((e) => [e.code, e.path, e.message])).toEqual([
      ['duplicate-id', ['goals', 2, 'id'], 'id "arbete" används redan (goals.0)'],
      ['duplicate-id', ['activities', 0, 'id'], 'id "akt-coach" används redan (indicators.2)'],
      ['duplicate-id', ['activities', 2, 'id'], 'id "fk" används redan (members.0)'],
      ['duplicate-id', ['activities', 3, 'id'], 'id "ind-parter" används redan (indicators.1)'],
    ]);

    const indicatorFirst = withGoals();
    indicatorFirst.indicators.push({ id: 'akt-forum', goal: 'arbete', name: 'Dubblett' });
    expect(errorsOf(parsePlan(indicatorFirst)).map((e) => [e.code, e.path, e.message])).toEqual([
      ['duplicate-id', ['activities', 1, 'id'], 'id "akt-forum" används redan (indicators.2)'],
    ]);
  });

  it('keeps the share to work or studies within 0..1, and participants a whole number from 0', () => {
    for (const [value, ok] of [
      ['0', true],
      ['1', true],
      ['0.999', true],
      ['1.01', false],
      ['-0.1', false],
      ['25', false],
    ] as const) {
      const plan = withGoals();
      plan.costs[0] = { ...(plan.costs[0] as GoalPlan['costs'][number]), targets: { workOrStudies: value } };
      const issues = errorsOf(parsePlan(plan));
      if (ok) expect(issues, value).toEqual([]);
      else
        expect(issues, value).toEqual([
          {
            code: 'rate-range',
            message: 'Andelen till arbete eller studier ska vara mellan 0 och 1',
            path: ['costs', 0, 'targets', 'workOrStudies'],
            field: 'workOrStudies',
          },
        ]);
    }
    for (const participants of [-1, 2.5]) {
      const plan = withGoals();
      plan.costs[0] = { ...(plan.costs[0] as GoalPlan['costs'][number]), targets: { participants } };
      expect(errorsOf(parsePlan(plan))[0]?.path).toEqual(['costs', 0, 'targets', 'participants']);
    }
    const text = withGoals();
    text.costs[0] = { ...(text.costs[0] as GoalPlan['costs'][number]), targets: { workOrStudies: '25 %' } };
    expect(errorsOf(parsePlan(text))[0]?.path).toEqual(['costs', 0, 'targets', 'workOrStudies']);
  });

  it('checks the shape of goals, indicators and activities with the schema', () => {
    const plan = withGoals();
    plan.goals[0] = { id: '', title: '' };
    plan.indicators[0] = {
      id: 'ind-arbete',
      goal: 'arbete',
      name: 'Andel',
      outcomes: { '22': '28 %', '2023': 'x'.repeat(61) },
      target: 'y'.repeat(61),
    };
    plan.activities[0] = { id: 'akt-coach', goal: 'arbete', description: 'Coacher', end: '2025-13-01' };
    const paths = errorsOf(parsePlan(plan)).map((e) => e.path?.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'goals.0.id',
        'goals.0.title',
        'indicators.0.outcomes.22',
        'indicators.0.outcomes.2023',
        'indicators.0.target',
        'activities.0.end',
      ]),
    );
  });
});
