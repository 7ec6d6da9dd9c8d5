import { auditPlan, type Plan, parsePlan, projectionDetailToJson, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { lineIds, lowerFirst, projectedAmounts, renameEdit, rowKey } from './rowModel.ts';

function plan(): Plan {
  const parsed = parsePlan({
    name: 'Förbundet',
    years: [2025, 2026],
    openingEquity: '0',
    members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { 2025: '1000', 2026: '1000' } }],
    revenues: [{ id: 'avgifter', kind: 'income', name: 'Avgifter', amounts: { 2025: '200' } }],
    costs: [
      {
        id: 'kurs',
        name: 'Kurs',
        category: 'individual',
        amount: { type: 'period', start: '2025-01-01', end: '2026-12-31', total: '2400' },
      },
    ],
    esfProjects: [{ id: 'landa', name: 'LANDA' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The base plan's projection as the worker sends it (every line's amounts). */
function projections(p: Plan) {
  const projection = projectPlan(p);
  if (!projection.ok) throw new Error(JSON.stringify(projection.errors));
  const detail = projectionDetailToJson(projection.value, auditPlan(p), {}, { lines: true });
  return {
    requestId: 1,
    results: [{ id: null, name: 'Grundplan', ok: true as const, projection: detail }],
    computeMs: 0,
    workerProjections: 1,
    startedAt: 0,
    finishedAt: 0,
  };
}

describe('the budget row model', () => {
  it('keys a row by its collection and id, so collections may reuse an id', () => {
    expect(rowKey('costs', 'kurs')).toBe('costs/kurs');
    expect(rowKey('revenues', 'kurs')).not.toBe(rowKey('costs', 'kurs'));
  });

  it('lowers the first letter of a word for a subtotal, but not of an abbreviation', () => {
    expect(lowerFirst('Medlemsbidrag')).toBe('medlemsbidrag');
    expect(lowerFirst('ESF-medel')).toBe('ESF-medel');
    expect(lowerFirst('')).toBe('');
  });

  it("reads each line's amounts per plan year from the base projection, undefined for a year it lacks", () => {
    const p = plan();
    const amounts = projectedAmounts({ projections: projections(p) }, [2025, 2026, 2030]);
    expect(amounts.get('members/staten')).toEqual(['1000', '1000', undefined]);
    expect(amounts.get('costs/kurs')).toEqual(['1200', '1200', undefined]);
    expect(amounts.get('revenues/avgifter')?.[0]).toBe('200');
  });

  it('has no amounts without a projection or when the base plan could not be projected', () => {
    expect(projectedAmounts({ projections: null }, [2025]).size).toBe(0);
    const failed = {
      ...projections(plan()),
      results: [{ id: null, name: 'Grundplan', ok: false as const, errors: [] }],
    };
    expect(projectedAmounts({ projections: failed }, [2025]).size).toBe(0);
  });

  it('renames a line of any collection, and lists every id a new line must not reuse', () => {
    expect(renameEdit('members', 'staten', 'Staten')).toEqual({
      type: 'set-line',
      collection: 'members',
      id: 'staten',
      patch: { name: 'Staten' },
    });
    expect(renameEdit('costs', 'kurs', 'Kurs 2')).toMatchObject({ collection: 'costs', patch: { name: 'Kurs 2' } });
    expect(lineIds(plan())).toEqual(['staten', 'avgifter', 'kurs', 'landa']);
  });
});
