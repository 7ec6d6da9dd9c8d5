import { importBudgetTable } from '@samplan/budget-table';
import type { Plan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../src/createUndoManager.ts';
import { createYjsPlanStore } from '../src/createYjsPlanStore.ts';
import { docToPlan } from '../src/docToPlan.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { readVersions, saveVersion, versionsRoot } from '../src/planVersions.ts';

const seed = (): Plan => {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('seed');
  return r.value;
};

describe('plan versions', () => {
  it('saves a frozen copy that later edits do not change, and restores it as an undoable edit', () => {
    const doc = planToDoc(seed());
    const origin = { user: 'anna' };
    const store = createYjsPlanStore(doc, { origin });
    const undo = createUndoManager(doc, origin, { captureTimeout: 0 });
    const decided = store.getPlan();
    const saved = saveVersion(
      doc,
      {
        name: ' Beslutad av styrelsen 2025-11-28 ',
        savedBy: 'Anna',
        plan: decided,
        savedAt: new Date('2025-11-28T10:00:00Z'),
      },
      origin,
    );
    expect(saved.ok).toBe(true);
    const lineId = decided.costs[0]?.id ?? '';
    expect(store.apply({ type: 'set-amount', collection: 'costs', id: lineId, year: 2023, value: '1' }).ok).toBe(true);

    const { versions, issues } = readVersions(doc);
    expect(issues).toEqual([]);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      name: 'Beslutad av styrelsen 2025-11-28',
      savedBy: 'Anna',
      savedAt: '2025-11-28T10:00:00.000Z',
    });
    expect(versions[0]?.plan).toEqual(decided);
    expect(store.getPlan()).not.toEqual(decided);

    // Undo covers the plan only: undoing the edit leaves the saved version in place.
    undo.undo();
    expect(store.getPlan()).toEqual(decided);
    expect(readVersions(doc).versions).toHaveLength(1);

    // Restore = replace the plan with the version, as one more (undoable) edit.
    store.apply({ type: 'set-amount', collection: 'costs', id: lineId, year: 2023, value: '2' });
    undo.stopCapturing();
    const beforeRestore = store.getPlan();
    const version = readVersions(doc).versions[0];
    if (!version) throw new Error('no version');
    expect(store.apply({ type: 'replace-plan', plan: version.plan }).ok).toBe(true);
    const restored = docToPlan(doc);
    expect(restored.ok && restored.value).toEqual(decided);
    undo.undo();
    expect(store.getPlan()).toEqual(beforeRestore);
    expect(beforeRestore).not.toEqual(decided);
  });

  it('syncs versions between documents and lists them newest first', () => {
    const a = planToDoc(seed());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const plan = seed();
    saveVersion(a, { name: 'Första', savedBy: 'Anna', plan, savedAt: new Date('2025-01-01T00:00:00Z') }, 'a');
    saveVersion(b, { name: 'Andra', savedBy: 'Bo', plan, savedAt: new Date('2025-02-01T00:00:00Z') }, 'b');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(readVersions(a).versions.map((v) => v.name)).toEqual(['Andra', 'Första']);
    expect(readVersions(b).versions.map((v) => v.name)).toEqual(['Andra', 'Första']);
  });

  it('refuses an empty or overlong name', () => {
    const doc = planToDoc(seed());
    expect(saveVersion(doc, { name: '  ', savedBy: 'A', plan: seed() }, null)).toMatchObject({ ok: false });
    expect(saveVersion(doc, { name: 'x'.repeat(201), savedBy: 'A', plan: seed() }, null)).toMatchObject({ ok: false });
    expect(versionsRoot(doc).size).toBe(0);
  });

  it('reports malformed or hostile entries and keeps the good ones', () => {
    const doc = planToDoc(seed());
    saveVersion(doc, { name: 'Bra', savedBy: 'A', plan: seed() }, null);
    const root = versionsRoot(doc);
    root.set('text', 'not a version');
    root.set('nested', new Y.Map());
    root.set('bad-json', { name: 'X', savedAt: '2025-01-01T00:00:00Z', savedBy: 'A', plan: '{' });
    root.set('bad-plan', { name: 'X', savedAt: '2025-01-01T00:00:00Z', savedBy: 'A', plan: '{"years":"no"}' });
    root.set('no-date', { name: 'X', savedAt: 'igår', savedBy: 'A', plan: JSON.stringify(seed()) });
    root.set('__proto__', { name: 'X', savedAt: 5, plan: 5 });
    const { versions, issues } = readVersions(doc);
    expect(versions.map((v) => v.name)).toEqual(['Bra']);
    expect(issues.map((i) => i.path?.[1]).sort()).toEqual([
      '__proto__',
      'bad-json',
      'bad-plan',
      'nested',
      'no-date',
      'text',
    ]);
    expect(issues.every((i) => i.code === 'invalid-version')).toBe(true);
  });
});
