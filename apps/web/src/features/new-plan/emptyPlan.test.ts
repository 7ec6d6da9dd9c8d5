import { projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { defaultFirstYear, emptyPlan, YEAR_COUNTS } from './emptyPlan.ts';

describe('emptyPlan', () => {
  it('has the chosen years, one member line per member and no opening equity stated', () => {
    const plan = emptyPlan({
      name: ' Finsam Falun-Borlänge ',
      firstYear: 2025,
      yearCount: 2,
      kommuner: ['Falun', 'Borlänge', ' '],
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.name).toBe('Finsam Falun-Borlänge');
    expect(plan.value.years).toEqual([2025, 2026]);
    expect(plan.value.openingEquity).toBeUndefined();
    expect(plan.value.members.map((m) => [m.id, m.name, m.group])).toEqual([
      ['staten', 'Staten gm Försäkringskassan', 'state'],
      ['region', 'Regionen', 'region'],
      ['kommun-1', 'Falun', 'kommun'],
      ['kommun-2', 'Borlänge', 'kommun'],
    ]);
    const projected = projectPlan(plan.value);
    expect(projected.ok && projected.value.findings.map((f) => f.rule)).toEqual(['no-opening-equity']);
  });

  it('offers 1 to 10 years and refuses anything else with the engine’s issue', () => {
    expect(YEAR_COUNTS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(emptyPlan({ name: 'X', firstYear: 2025, yearCount: 1 }).ok).toBe(true);
    expect(emptyPlan({ name: 'X', firstYear: 2025, yearCount: 10 }).ok).toBe(true);
    expect(emptyPlan({ name: 'X', firstYear: 2025, yearCount: 11 }).ok).toBe(false);
    expect(emptyPlan({ name: '', firstYear: 2025, yearCount: 3 }).ok).toBe(false);
  });

  it('proposes next year as the first year', () => {
    expect(defaultFirstYear(new Date(2024, 10, 30))).toBe(2025);
  });
});
