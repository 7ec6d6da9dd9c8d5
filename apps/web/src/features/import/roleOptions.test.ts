import { describe, expect, it } from 'vitest';
import { ROLE_GROUPS, roleFromValue, roleValue, roleValuesFor } from './roleOptions.ts';

describe('role options', () => {
  it('round-trip every choice of the select', () => {
    for (const value of ROLE_GROUPS.flatMap((g) => g.values))
      expect(roleValue(roleFromValue(value, { previous: { kind: 'unknown' }, label: 'Rad', printed: [] }))).toBe(value);
  });

  it('keep what the previous role knew: a cost line’s requisitioning member, a stated sum’s lines and sign', () => {
    const cost = { kind: 'cost' as const, category: 'individual' as const, member: 'region' };
    expect(roleFromValue('cost:structural', { previous: cost, label: 'Team', printed: [] })).toEqual({
      ...cost,
      category: 'structural',
    });
    const lines = { kind: 'stated' as const, figure: 'lines' as const, lines: ['a', 'b'], sign: 'negative' as const };
    expect(roleFromValue('stated:lines', { previous: lines, label: 'Totalt', printed: [] })).toBe(lines);
    expect(roleValuesFor(lines)[0]).toBe('stated:lines');
  });

  it('read a cost total printed negative as printed with the opposite sign', () => {
    const previous = { kind: 'unknown' as const };
    expect(roleFromValue('stated:costs', { previous, label: 'Summa kostnader', printed: [null, '-15869'] })).toEqual({
      kind: 'stated',
      figure: 'costs',
      sign: 'negative',
    });
    expect(roleFromValue('stated:result', { previous, label: 'Resultat', printed: ['-300'] })).toEqual({
      kind: 'stated',
      figure: 'result',
    });
  });

  it('name an ESF project chosen by hand after the row', () => {
    expect(roleFromValue('esf', { previous: { kind: 'income' }, label: 'MIA Vidare', printed: [] })).toEqual({
      kind: 'esf',
      project: 'MIA Vidare',
      status: 'approved',
    });
  });
});
