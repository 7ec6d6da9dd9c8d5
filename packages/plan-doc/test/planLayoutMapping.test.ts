import { type Plan, parsePlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyEditToDoc,
  createUndoManager,
  docToPlan,
  MAX_LAYOUT_MAPPING_LENGTH,
  planToDoc,
  readLayoutMapping,
  writeLayoutMapping,
} from '../src/index.ts';

const mapping = { version: 1, unit: 'tkr', rows: [{ key: 'region', label: 'Region', role: { kind: 'member' } }] };

describe('the remembered budget-sheet mapping', () => {
  it('is kept in the document, synced to another copy, and read back as written', () => {
    const a = new Y.Doc();
    expect(readLayoutMapping(a)).toBeNull();
    expect(writeLayoutMapping(a, mapping, 'me')).toBe(true);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readLayoutMapping(b)).toEqual(mapping);
    // Unchanged: nothing is written.
    const before = Y.encodeStateVector(a);
    expect(writeLayoutMapping(a, structuredClone(mapping), 'me')).toBe(false);
    expect(Y.encodeStateVector(a)).toEqual(before);
  });

  it('is not undone with the plan, refuses a mapping too long to keep, and reads a broken value as none', () => {
    const doc = new Y.Doc();
    const plan = parsePlan({ name: 'P', years: [2025], members: [] });
    if (!plan.ok) throw new Error('plan');
    planToDoc(plan.value as Plan, doc);
    const undo = createUndoManager(doc, 'me');
    applyEditToDoc(doc, { type: 'set-name', name: 'Q' }, 'me');
    writeLayoutMapping(doc, mapping, 'me');
    undo.undo();
    expect(docToPlan(doc)).toMatchObject({ ok: true, value: { name: 'P' } });
    expect(readLayoutMapping(doc)).toEqual(mapping);
    expect(writeLayoutMapping(doc, { text: 'x'.repeat(MAX_LAYOUT_MAPPING_LENGTH) }, 'me')).toBe(false);
    expect(readLayoutMapping(doc)).toEqual(mapping);
    doc.getMap('imports').set('budget', '{broken');
    expect(readLayoutMapping(doc)).toBeNull();
  });
});
