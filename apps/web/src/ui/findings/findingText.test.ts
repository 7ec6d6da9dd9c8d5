import { type Plan, type PlanInput, parsePlan, projectionToJson, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages.ts';
import { findingText } from './findingText.ts';

const plan = (input: Partial<PlanInput>): Plan => {
  const parsed = parsePlan({
    name: 'Test',
    years: [2025, 2026],
    members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { 2025: '1000000', 2026: '1000000' } }],
    ...input,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value as Plan;
};

const findings = (p: Plan) => {
  const projected = projectPlan(p);
  if (!projected.ok) throw new Error(JSON.stringify(projected.errors));
  return projectionToJson(projected.value).findings;
};

describe('findingText', () => {
  // Equity 2 000 tkr on 1 000 tkr revenue: over the 20 % cap; 2026 costs 4 500 tkr of which all
  // administration: negative equity and an admin share of 100 %.
  const broken = plan({
    openingEquity: '2000000',
    costs: [
      {
        id: 'kansli',
        name: 'Kansli',
        category: 'administration',
        amount: { type: 'yearly', amounts: { 2026: '4500000' } },
      },
    ],
  });

  it('says in Swedish, in tkr, what the engine says, for every rule it knows', () => {
    const all = findings(broken);
    expect(new Set(all.map((f) => f.rule))).toEqual(new Set(['negative-equity', 'equity-cap', 'admin-share']));
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
      translate('sv', key, values);
    for (const f of all) expect(findingText(f, { t, unit: 'tkr', equityCap: '0.2' })).toBe(f.message);
  });

  it('says it in English and in the chosen unit', () => {
    const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
      translate('en', key, values);
    // sv-SE numbers group with a no-break space.
    const texts = findings(broken).map((f) =>
      findingText(f, { t, unit: 'kr', equityCap: '0.2' }).replace(/[\u00a0\u202f]/g, ' '),
    );
    expect(texts).toContain(
      'Equity 2025 (3 000 000 kr) exceeds 20 % of the year’s revenue (200 000 kr) by 2 800 000 kr.',
    );
    expect(texts).toContain('Equity turns negative in 2026: −500 000 kr. A coordination association may not borrow.');
    expect(texts).toContain('Administration is 100,0 % of costs in 2026, above the limit of 15 %.');
  });

  it('names the first year when the plan states no opening equity, in both languages', () => {
    const [finding] = findings(plan({})).filter((f) => f.rule === 'no-opening-equity');
    expect(finding?.year).toBe(2025);
    if (!finding) return;
    const sv = findingText(finding, { t: (k, v) => translate('sv', k, v), unit: 'tkr', equityCap: '0.2' });
    const en = findingText(finding, { t: (k, v) => translate('en', k, v), unit: 'tkr', equityCap: '0.2' });
    expect(sv).toBe(
      'Planen anger inget ingående eget kapital för 2025: eget kapital räknas från 0 kr tills det anges.',
    );
    expect(en).toBe('The plan states no opening equity for 2025: equity figures assume 0 kr until it is entered.');
  });
});
