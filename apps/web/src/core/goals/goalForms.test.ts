import { type Indicator, ok, type Plan, parsePlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import {
  issueFor,
  newRecordId,
  outcomeYears,
  readParticipants,
  readShare,
  refusalFor,
  withGoal,
  withOutcome,
  withTarget,
} from './goalForms.ts';

describe('outcomeYears', () => {
  it('shows the two years before the plan and every plan year', () => {
    expect(outcomeYears([2023, 2024, 2025], [])).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('adds a year an indicator already has an outcome for', () => {
    expect(outcomeYears([2023, 2024], [{ outcomes: { '2019': '12 %', '2022': '25 %' } }])).toEqual([
      2019, 2021, 2022, 2023, 2024,
    ]);
  });

  it('has no columns for a plan without years', () => {
    expect(outcomeYears([], [])).toEqual([]);
  });
});

describe('withOutcome', () => {
  const indicator: Indicator = { id: 'i', goal: 'g', name: 'Arbete', outcomes: { '2021': '30 %' }, target: '' };

  it('sets an outcome as printed, trimmed, and clears it when emptied', () => {
    expect(withOutcome(indicator, 2022, ' 25 % ').outcomes).toEqual({ '2021': '30 %', '2022': '25 %' });
    expect(withOutcome(indicator, 2021, '  ').outcomes).toEqual({});
    expect(indicator.outcomes).toEqual({ '2021': '30 %' });
  });
});

describe('newRecordId', () => {
  it('makes a slug that no line, project, goal, indicator or activity of the plan uses', () => {
    const plan = {
      members: [],
      revenues: [],
      costs: [{ id: 'vuxna-1' }],
      esfProjects: [],
      goals: [{ id: 'fler-i-arbete-1' }],
      indicators: [{ id: 'fler-i-arbete-2' }],
      activities: [],
    } as unknown as Plan;
    expect(newRecordId('Fler i arbete', plan)).toBe('fler-i-arbete-3');
    expect(newRecordId('Vuxna', plan)).toBe('vuxna-2');
    expect(newRecordId('Öka kännedom', plan)).toBe('oka-kannedom-1');
  });
});

describe('readParticipants', () => {
  it('reads a whole number, with or without thousands spaces; empty is "not given"', () => {
    expect(readParticipants('200')).toEqual({ value: 200 });
    expect(readParticipants(' 1\u00a0200 ')).toEqual({ value: 1200 });
    expect(readParticipants('')).toEqual({ value: undefined });
  });

  it('refuses fractions, negatives and words', () => {
    expect(readParticipants('12,5')).toBeNull();
    expect(readParticipants('-3')).toBeNull();
    expect(readParticipants('tvåhundra')).toBeNull();
    expect(readParticipants('12345678')).toBeNull();
  });
});

describe('readShare', () => {
  it('reads a percentage as a stored rate', () => {
    expect(readShare('25')).toEqual({ value: '0.25' });
    expect(readShare('25 %')).toEqual({ value: '0.25' });
    expect(readShare('12,5')).toEqual({ value: '0.125' });
    expect(readShare('100')).toEqual({ value: '1' });
    expect(readShare(' ')).toEqual({ value: undefined });
  });

  it('refuses what is not a share between 0 and 100 %', () => {
    expect(readShare('120')).toBeNull();
    expect(readShare('-5')).toBeNull();
    expect(readShare('hälften')).toBeNull();
  });
});

describe('withTarget', () => {
  it('sets and clears one target, keeping the other; nothing left is undefined', () => {
    expect(withTarget(undefined, 'participants', 200)).toEqual({ participants: 200 });
    expect(withTarget({ participants: 200 }, 'workOrStudies', '0.25')).toEqual({
      participants: 200,
      workOrStudies: '0.25',
    });
    expect(withTarget({ participants: 200, workOrStudies: '0.25' }, 'participants', undefined)).toEqual({
      workOrStudies: '0.25',
    });
    expect(withTarget({ participants: 200 }, 'participants', undefined)).toBeUndefined();
  });
});

describe('withGoal', () => {
  const order = ['a', 'b', 'c'];

  it('links and unlinks, keeping the plan’s goal order and no duplicates', () => {
    expect(withGoal({}, 'b', true, order)).toEqual(['b']);
    expect(withGoal({ goals: ['c'] }, 'a', true, order)).toEqual(['a', 'c']);
    expect(withGoal({ goals: ['a', 'c'] }, 'a', true, order)).toEqual(['a', 'c']);
    expect(withGoal({ goals: ['a', 'c'] }, 'c', false, order)).toEqual(['a']);
  });

  it('is undefined when the insats serves no goal any more; drops links to goals that are gone', () => {
    expect(withGoal({ goals: ['a'] }, 'a', false, order)).toBeUndefined();
    expect(withGoal({ goals: ['gone', 'b'] }, 'a', true, order)).toEqual(['a', 'b']);
  });
});

describe('issueFor and refusalFor', () => {
  const issues = [
    { code: 'schema-too_big', message: 'Högst 60 tecken', path: ['indicators', 0, 'outcomes', '2022'] },
    { code: 'rate', message: 'Andelen till arbete eller studier …', path: ['costs', 3, 'targets', 'workOrStudies'] },
  ];

  it('picks the issue about the field, else the first', () => {
    expect(issueFor(issues, 'workOrStudies')).toBe('Andelen till arbete eller studier …');
    expect(issueFor(issues, '2022')).toBe('Högst 60 tecken');
    expect(issueFor(issues, 'title')).toBe('Högst 60 tecken');
    expect(issueFor([], 'title')).toBeNull();
  });

  it('is null for an applied edit and the fallback when a refusal says nothing', () => {
    expect(refusalFor(ok(1), 'title', 'fel')).toBeNull();
    expect(refusalFor({ ok: false, errors: issues }, 'workOrStudies', 'fel')).toBe(
      'Andelen till arbete eller studier …',
    );
    expect(refusalFor({ ok: false, errors: [] }, 'title', 'fel')).toBe('fel');
  });

  it('finds the store’s own message for a printed value that is too long', () => {
    const plan = parsePlan({
      name: 'P',
      years: [2023],
      openingEquity: '0',
      members: [{ id: 's', name: 'Staten', group: 'state', amounts: { '2023': '1' } }],
      goals: [{ id: 'g', title: 'Mål' }],
      indicators: [{ id: 'i', goal: 'g', name: 'Arbete', outcomes: { '2022': 'x'.repeat(61) } }],
    });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(issueFor(plan.errors, '2022')).toBe('Högst 60 tecken');
  });
});
