import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docStorage, UNCERTAINTY_ROOT } from './docStorage.ts';

describe('docStorage', () => {
  it('keeps values in the shared document, where another copy of the plan reads them', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
    docStorage(a, 'me', true).setItem('samplan.uncertainty.p1', '{"":{"levers":[]}}');
    expect(docStorage(b, 'other', false).getItem('samplan.uncertainty.p1')).toBe('{"":{"levers":[]}}');
    expect(docStorage(b, 'other', false).getItem('missing')).toBeNull();
  });

  it('writes nothing for a role that may not edit, nor for an unchanged value', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    docStorage(doc, 'reader', false).setItem('k', 'v');
    expect(updates).toBe(0);
    expect(doc.getMap(UNCERTAINTY_ROOT).size).toBe(0);
    const editor = docStorage(doc, 'editor', true);
    editor.setItem('k', 'v');
    editor.setItem('k', 'v');
    expect(updates).toBe(1);
  });
});
