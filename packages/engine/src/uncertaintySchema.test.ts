import { describe, expect, it } from 'vitest';
import { goteborg, scenarioOf, sundbyberg } from '../test/seedPlans.ts';
import type { Issue, Result } from './result.ts';
import { leverLabel, parseUncertainty, type UncertainLeverInput, UncertaintyModelSchema } from './uncertaintySchema.ts';

const plan = goteborg();
const errorsOf = (result: Result<unknown>): Pick<Issue, 'code' | 'path'>[] =>
  result.ok ? [] : result.errors.map(({ code, path }) => ({ code, path }));
const messagesOf = (result: Result<unknown>): string[] => (result.ok ? [] : result.errors.map((e) => e.message));
const levers = (...list: UncertainLeverInput[]) => ({ levers: list });
const uniform = (min: string, max: string) => ({ type: 'uniform' as const, min, max });
const triangular = (min: string, mode: string, max: string) => ({ type: 'triangular' as const, min, mode, max });

describe('the uncertainty model schema', () => {
  it('reads all four lever kinds with their defaults', () => {
    const result = parseUncertainty(
      levers(
        { type: 'state-change', fromYear: 2024, distribution: uniform('-0.15', '0') },
        { type: 'esf-approval', project: 'gransgangare', distribution: { type: 'bernoulli', p: '0.5' } },
        { type: 'utilization', distribution: triangular('0.85', '0.95', '1') },
        { type: 'utilization', line: 'lokal', distribution: uniform('0.9', '1') },
        { type: 'indexation', distribution: triangular('0.01', '0.02', '0.04'), label: 'Löneökning' },
      ),
      plan,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.levers[0]).toMatchObject({ type: 'state-change', matching: true });
    expect(result.value.levers[1]).toMatchObject({ scaleCosts: false, keepLines: [] });
    expect(result.value.levers.map((l) => leverLabel(plan, l))).toEqual([
      'Statens anslag från 2024',
      'ESF-beslut: Gränsgångare',
      'Nyttjandegrad',
      'Nyttjandegrad: Lokal',
      'Löneökning',
    ]);
    expect(UncertaintyModelSchema.parse({})).toEqual({ levers: [] });
  });

  it('reports shape errors with their paths, in Swedish', () => {
    const result = parseUncertainty(
      levers({ type: 'state-change', fromYear: 2024, distribution: { type: 'normal', min: '0', max: '1' } } as never, {
        type: 'indexation',
        distribution: uniform('2 %', '0.04'),
      }),
      plan,
    );
    expect(errorsOf(result).map((e) => e.path)).toEqual([
      ['levers', 0, 'distribution', 'type'],
      ['levers', 1, 'distribution', 'min'],
    ]);
    expect(messagesOf(result)[1]).toBe('Andel anges som decimaltext, t.ex. "0.9" för 90 %');
  });

  it('checks min ≤ mode ≤ max', () => {
    const result = parseUncertainty(
      levers(
        { type: 'utilization', distribution: uniform('1', '0.85') },
        { type: 'indexation', distribution: triangular('0.01', '0.05', '0.04') },
      ),
      plan,
    );
    expect(errorsOf(result)).toEqual([
      { code: 'range-reversed', path: ['levers', 0, 'distribution', 'max'] },
      { code: 'mode-outside-range', path: ['levers', 1, 'distribution', 'mode'] },
    ]);
    expect(messagesOf(result)).toEqual([
      'Osäkerhet 1: max (0.85) är mindre än min (1)',
      'Osäkerhet 2: läget (0.05) ska ligga mellan min (0.01) och max (0.04)',
    ]);
  });

  it('checks each end against what the matching scenario lever accepts, and 0 ≤ p ≤ 1', () => {
    const result = parseUncertainty(
      levers(
        { type: 'state-change', fromYear: 2023, distribution: uniform('-1.5', '0') },
        { type: 'utilization', distribution: uniform('0.9', '1.1') },
        { type: 'indexation', distribution: triangular('0', '0.6', '0.7') },
        { type: 'esf-approval', project: 'landa-och-move-on', distribution: { type: 'bernoulli', p: '1.2' } },
        { type: 'esf-approval', project: 'gransgangare', distribution: { type: 'bernoulli', p: '1' }, share: '2' },
      ),
      plan,
    );
    expect(errorsOf(result)).toEqual([
      { code: 'rate-range', path: ['levers', 0, 'distribution', 'min'] },
      { code: 'rate-range', path: ['levers', 1, 'distribution', 'max'] },
      { code: 'rate-range', path: ['levers', 2, 'distribution', 'max'] },
      { code: 'rate-range', path: ['levers', 2, 'distribution', 'mode'] },
      { code: 'rate-range', path: ['levers', 3, 'distribution', 'p'] },
      { code: 'rate-range', path: ['levers', 4, 'share'] },
    ]);
    expect(messagesOf(result)[4]).toBe('Osäkerhet 4: Sannolikheten ska vara mellan 0 och 1');
  });

  it('checks projects, lines, years and the state member', () => {
    const result = parseUncertainty(
      levers(
        { type: 'state-change', fromYear: 2026, distribution: uniform('-0.1', '0') },
        { type: 'esf-approval', project: 'okant', distribution: { type: 'bernoulli', p: '0.5' } },
        { type: 'utilization', line: 'saknas', distribution: uniform('0.9', '1') },
        {
          type: 'esf-approval',
          project: 'gransgangare',
          distribution: { type: 'bernoulli', p: '0.5' },
          keepLines: ['esf-projekt-ledning-gransgangare', 'lokal'],
        },
      ),
      plan,
    );
    expect(errorsOf(result)).toEqual([
      { code: 'year-outside-plan', path: ['levers', 0, 'fromYear'] },
      { code: 'unknown-project', path: ['levers', 1, 'project'] },
      { code: 'unknown-line', path: ['levers', 2, 'line'] },
      { code: 'unknown-line', path: ['levers', 3, 'keepLines', 1] },
    ]);
    expect(messagesOf(result)[0]).toBe('Osäkerhet 1: 2026 är inte ett av planens år (2023, 2024, 2025)');
    const stateless = { ...plan, members: plan.members.filter((m) => m.group !== 'state') };
    expect(
      errorsOf(
        parseUncertainty(levers({ type: 'state-change', fromYear: 2023, distribution: uniform('0', '0') }), stateless),
      ),
    ).toEqual([{ code: 'no-state-member', path: ['levers', 0, 'type'] }]);
  });

  it('knows the lines a scenario adds', () => {
    const scenario = scenarioOf(plan, {
      id: 'ny',
      name: 'Ny insats',
      changes: [
        {
          type: 'insats-new',
          line: { id: 'coach', name: 'Jobbcoach', category: 'individual', amount: { type: 'yearly', amounts: {} } },
        },
      ],
    });
    const model = levers({ type: 'utilization', line: 'coach', distribution: uniform('0.5', '1') });
    expect(parseUncertainty(model, plan, scenario).ok).toBe(true);
    expect(errorsOf(parseUncertainty(model, plan))).toEqual([{ code: 'unknown-line', path: ['levers', 0, 'line'] }]);
  });

  it('refuses two levers on the same setting, but composes state changes', () => {
    const result = parseUncertainty(
      levers(
        { type: 'utilization', distribution: uniform('0.9', '1') },
        { type: 'state-change', fromYear: 2023, distribution: uniform('-0.1', '0') },
        { type: 'state-change', fromYear: 2024, distribution: uniform('-0.1', '0') },
        { type: 'utilization', distribution: uniform('0.8', '1') },
        { type: 'utilization', line: 'lokal', distribution: uniform('0.8', '1') },
      ),
      plan,
    );
    expect(errorsOf(result)).toEqual([{ code: 'duplicate-lever', path: ['levers', 3, 'type'] }]);
    expect(messagesOf(result)).toEqual(['Osäkerhet 4: samma spak som osäkerhet 1']);
  });

  it('belongs to one scenario: a model for another one is refused', () => {
    const other = sundbyberg();
    const scenario = scenarioOf(other, { id: 'a', name: 'A', changes: [] });
    expect(parseUncertainty({ scenario: 'a', levers: [] }, other, scenario).ok).toBe(true);
    expect(errorsOf(parseUncertainty({ scenario: 'a', levers: [] }, other))).toEqual([
      { code: 'scenario-mismatch', path: ['scenario'] },
    ]);
    expect(messagesOf(parseUncertainty({ scenario: 'b', levers: [] }, other, scenario))).toEqual([
      'Osäkerheterna hör till scenariot "b", inte till "a"',
    ]);
  });
});
