import type { Plan } from '@samplan/engine';
import { applyPlanEdit, type PlanEdit } from '@samplan/plan-store';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parse, twoYears } from '../../plan-store/test/twoYears.ts';
import { applyEditToDoc } from '../src/applyEditToDoc.ts';
import { createUndoManager } from '../src/createUndoManager.ts';
import { createYjsPlanStore } from '../src/createYjsPlanStore.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { readPlan, syncDocs } from './docHelpers.ts';

/** The fixture without its line that ends mid-horizon, so every move keeps it valid. */
const movable = (): Plan => applyPlanEdit(twoYears(), { type: 'remove-line', collection: 'costs', id: 'slut' });

const EDITS: [string, () => Plan, PlanEdit][] = [
  ['add-year', twoYears, { type: 'add-year' }],
  ['drop-first-year', twoYears, { type: 'drop-first-year', openingEquity: '1234567.89' }],
  ['drop-first-year, no opening equity', twoYears, { type: 'drop-first-year', openingEquity: null }],
  ['shift-years +3', movable, { type: 'shift-years', by: 3 }],
  ['shift-years −1', movable, { type: 'shift-years', by: -1 }],
  ['set-opening-equity null', twoYears, { type: 'set-opening-equity', value: null }],
];

describe('year edits on a Y.Doc', () => {
  it.each(EDITS)('%s: the document reads as applyPlanEdit’s plan, and one undo restores it', (_, make, edit) => {
    const plan = make();
    const doc = planToDoc(plan);
    const undo = createUndoManager(doc, 'me');
    const expected = parse(applyPlanEdit(plan, edit));
    applyEditToDoc(doc, edit, 'me');
    expect(readPlan(doc)).toEqual(expected);
    expect(readPlan(doc)).not.toEqual(plan);
    undo.undo();
    expect(readPlan(doc)).toEqual(plan);
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    expect(readPlan(doc)).toEqual(expected);
  });

  it('adds a year with one cell per carried amount, not by rewriting the lines', () => {
    const doc = planToDoc(twoYears());
    const changed: string[] = [];
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events)
        if (e instanceof Y.YMapEvent) for (const k of e.keysChanged) changed.push(`${e.path.join('.')}.${k}`);
        else changed.push(`${e.path.join('.')}[]`);
    };
    doc.getMap('plan').observeDeep(observer);
    applyEditToDoc(doc, { type: 'add-year' }, 'me');
    expect(changed.sort()).toEqual([
      'costs.team.amount.amounts.2027',
      'members.fk.amounts.2027',
      'revenues.esf-rev.amounts.2027',
      'years[]',
    ]);
  });

  it('Anna adds a year while Bo types an amount for the last year: both land, the new year has what Anna saw', () => {
    const a = planToDoc(twoYears());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const anna = createYjsPlanStore(a, { origin: 'anna' });
    const bo = createYjsPlanStore(b, { origin: 'bo' });
    expect(anna.apply({ type: 'add-year' }).ok).toBe(true);
    expect(bo.apply({ type: 'set-amount', collection: 'revenues', id: 'esf-rev', year: 2026, value: '999' }).ok).toBe(
      true,
    );
    syncDocs(a, b);
    for (const store of [anna, bo]) {
      expect(store.getPlan().years).toEqual([2025, 2026, 2027]);
      expect(store.getPlan().revenues[0]?.amounts).toEqual({ '2025': '300000', '2026': '999', '2027': '310000' });
    }
  });

  it('the Yjs store refuses what the plain store refuses and leaves the document as it was', () => {
    const doc = planToDoc(twoYears());
    const store = createYjsPlanStore(doc, { origin: 'me' });
    const untouched = Y.encodeStateVector(doc);
    // 'slut' ends 2026-06-30: moved two years its amounts fall outside its period
    expect(store.apply({ type: 'shift-years', by: 2 })).toMatchObject({ ok: false });
    expect(Y.encodeStateVector(doc)).toEqual(untouched);
    for (let i = 0; i < 8; i++) expect(store.apply({ type: 'add-year' }).ok).toBe(true);
    const plan = store.getPlan();
    expect(plan.years).toHaveLength(10);
    const full = Y.encodeStateVector(doc);
    expect(store.apply({ type: 'add-year' })).toMatchObject({ ok: false, errors: [{ code: 'too-many-years' }] });
    expect(Y.encodeStateVector(doc)).toEqual(full);
    expect(readPlan(doc)).toEqual(plan);
  });
});
