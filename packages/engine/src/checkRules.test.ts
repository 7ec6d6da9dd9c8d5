import { describe, expect, it } from 'vitest';
import { checkRules } from './checkRules.ts';
import { parsePlan } from './parsePlan.ts';
import type { PlanInput } from './planSchema.ts';
import { type Projection, projectPlan } from './projectPlan.ts';
import { compareRates, parseRate, type Rate, rate } from './rate.ts';

const YEARS = ['2023', '2024', '2025'] as const;
const byYear = (values: readonly string[]) => Object.fromEntries(YEARS.map((y, i) => [y, values[i] ?? '0']));

/**
 * State pays `state` a year; region and kommun are derived, so revenue is twice the state.
 * Costs are given per category and year in kronor.
 */
function project(options: {
  state?: string;
  opening?: string;
  individual?: string[];
  administration?: string[];
  thresholds?: PlanInput['thresholds'];
}): Projection {
  const costs: NonNullable<PlanInput['costs']> = [];
  if (options.individual)
    costs.push({
      id: 'ind',
      name: 'Insatser',
      category: 'individual',
      amount: { type: 'yearly', amounts: byYear(options.individual) },
    });
  if (options.administration)
    costs.push({
      id: 'adm',
      name: 'Kansli',
      category: 'administration',
      amount: { type: 'yearly', amounts: byYear(options.administration) },
    });
  const parsed = parsePlan({
    name: 'Regelförbundet',
    years: [2023, 2024, 2025],
    openingEquity: options.opening ?? '0',
    members: [
      { id: 'fk', name: 'FK', group: 'state', amounts: byYear(YEARS.map(() => options.state ?? '1000000')) },
      { id: 'reg', name: 'Regionen', group: 'region' },
      { id: 'kom', name: 'Kommunen', group: 'kommun' },
    ],
    costs,
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = projectPlan(parsed.value);
  if (!result.ok) throw new Error('projection');
  return result.value;
}

const rules = (p: Projection, rule: string) => p.findings.filter((f) => f.rule === rule);

describe('negative equity', () => {
  it('is an error with the amount in tkr, sv-SE: U+2212 minus and a no-break space as thousands separator', () => {
    const p = project({ individual: ['2000000', '2000000', '3250000'] });
    expect(p.rows.map((r) => r.closingEquity)).toEqual([0, 0, -125_000_000]);
    expect(p.findings).toEqual([
      {
        rule: 'negative-equity',
        severity: 'error',
        year: 2025,
        amount: -125_000_000,
        message: 'Eget kapital blir negativt 2025: \u22121\u00a0250 tkr. Ett samordningsförbund får inte låna.',
      },
    ]);
  });

  it('is reported every year equity stays negative; exactly zero is fine', () => {
    const p = project({ individual: ['2000000.01', '2000000', '1999999.99'] });
    expect(p.rows.map((r) => r.closingEquity)).toEqual([-1, -1, 0]);
    expect(rules(p, 'negative-equity').map((f) => [f.year, f.amount, f.severity])).toEqual([
      [2023, -1, 'error'],
      [2024, -1, 'error'],
    ]);
  });

  it('shows amounts under half a tkr in kr', () => {
    const p = project({ individual: ['2000400', '2000000', '2000000'] });
    expect(rules(p, 'negative-equity')[0]?.message).toBe(
      'Eget kapital blir negativt 2023: \u2212400 kr. Ett samordningsförbund får inte låna.',
    );
  });
});

describe('equity cap', () => {
  it('exactly 20 % of the year’s revenue is not a finding', () => {
    const p = project({ individual: ['1600000', '2000000', '2000000'] });
    expect(p.rows.map((r) => r.closingEquity)).toEqual([40_000_000, 40_000_000, 40_000_000]);
    expect(p.findings).toEqual([]);
  });

  it('one öre more is', () => {
    const p = project({ individual: ['1599999.99', '2000000', '2000000'] });
    const cap = rules(p, 'equity-cap');
    expect(cap.map((f) => [f.year, f.amount, f.limit, f.severity])).toEqual([
      [2023, 40_000_001, 40_000_000, 'warning'],
      [2024, 40_000_001, 40_000_000, 'warning'],
      [2025, 40_000_001, 40_000_000, 'warning'],
    ]);
  });

  it('says by how much, in tkr', () => {
    const p = project({ individual: ['1000000', '2000000', '2000000'] });
    expect(rules(p, 'equity-cap')[0]?.message).toBe(
      'Eget kapital 2023 (1\u00a0000 tkr) överstiger 20 % av årets intäkter (400 tkr) med 600 tkr.',
    );
  });

  it('uses the plan’s own cap', () => {
    const p = project({ individual: ['1800000', '2000000', '2000000'], thresholds: { equityCap: '0.1' } });
    expect(p.rows[0]?.closingEquity).toBe(20_000_000);
    expect(rules(p, 'equity-cap')).toEqual([]);
    const over = project({ individual: ['1700000', '2000000', '2000000'], thresholds: { equityCap: '0.1' } });
    expect(rules(over, 'equity-cap')[0]?.message).toBe(
      'Eget kapital 2023 (300 tkr) överstiger 10 % av årets intäkter (200 tkr) med 100 tkr.',
    );
  });

  it('compares against revenue without opening equity, and not at all without revenue', () => {
    // Opening 500 000, revenue 2 000 000, costs 2 000 000: closing 500 000 > 400 000.
    const p = project({ opening: '500000', individual: ['2000000', '2000000', '2000000'] });
    expect(rules(p, 'equity-cap').map((f) => f.limit)).toEqual([40_000_000, 40_000_000, 40_000_000]);
    const none = project({ state: '0', opening: '500000' });
    expect(none.findings).toEqual([]);
  });
});

describe('administration share', () => {
  it('exactly at the upper edge is not a finding, one öre over is', () => {
    const at = project({
      individual: ['1700000', '1700000', '1700000'],
      administration: ['300000', '300000', '300000'],
    });
    expect(rules(at, 'admin-share')).toEqual([]);
    const over = project({
      individual: ['1699999.99', '1700000', '1700000'],
      administration: ['300000.01', '300000', '300000'],
    });
    const found = rules(over, 'admin-share');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ year: 2023, severity: 'warning', amount: 30_000_001 });
    expect(compareRates(found[0]?.share as Rate, rate(30_000_001, 200_000_000))).toBe(0);
    expect(compareRates(found[0]?.limitShare as Rate, parseRate('0.15') as Rate)).toBe(0);
    expect(found[0]?.message).toBe('Administrationens andel av kostnaderna 2023 är 15,0 %, över gränsen 15 %.');
  });

  it('over the band', () => {
    const p = project({
      individual: ['1600000', '1600000', '1600000'],
      administration: ['400000', '400000', '400000'],
    });
    expect(rules(p, 'admin-share').map((f) => f.message)).toEqual([
      'Administrationens andel av kostnaderna 2023 är 20,0 %, över gränsen 15 %.',
      'Administrationens andel av kostnaderna 2024 är 20,0 %, över gränsen 15 %.',
      'Administrationens andel av kostnaderna 2025 är 20,0 %, över gränsen 15 %.',
    ]);
  });

  it('under a lower edge when the plan sets one, never when the lower edge is 0', () => {
    const thresholds = { adminShare: { min: '0.09', max: '0.15' } };
    const p = project({
      individual: ['1840000', '1820000', '1800000'],
      administration: ['160000', '180000', '200000'],
      thresholds,
    });
    expect(rules(p, 'admin-share').map((f) => f.message)).toEqual([
      'Administrationens andel av kostnaderna 2023 är 8,0 %, under gränsen 9 %.',
    ]);
    const none = project({ individual: ['2000000', '2000000', '2000000'], administration: ['0', '0', '0'] });
    expect(rules(none, 'admin-share')).toEqual([]);
  });
});

describe('checkRules on rows', () => {
  it('orders findings by year, then negative equity, cap, admin share; takes thresholds as exact rates', () => {
    // Revenue 200 kr, costs 10 kr a year from −500 kr: closing −310, −120, 70 kr.
    const p = project({
      state: '100',
      opening: '-500',
      individual: ['0', '0', '0'],
      administration: ['10', '10', '10'],
    });
    expect(p.rows.map((r) => r.closingEquity)).toEqual([-31_000, -12_000, 7_000]);
    const thresholds = { equityCap: rate(0), adminMin: rate(0), adminMax: parseRate('0.5') as Rate };
    const findings = checkRules(p.rows, thresholds);
    expect(findings.map((f) => [f.year, f.rule])).toEqual([
      [2023, 'negative-equity'],
      [2023, 'admin-share'],
      [2024, 'negative-equity'],
      [2024, 'admin-share'],
      [2025, 'equity-cap'],
      [2025, 'admin-share'],
    ]);
  });
});
