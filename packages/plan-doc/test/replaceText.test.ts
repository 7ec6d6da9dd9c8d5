import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from '../src/replaceText.ts';

const textIn = (initial: string) => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  return { doc, text };
};

describe('replaceText', () => {
  it('makes the text read exactly the new string, emoji and combining marks included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (before, after) => {
        const { text } = textIn(before);
        replaceText(text, after);
        expect(text.toString()).toBe(after);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('never splits an emoji between the kept and the replaced part', () => {
    const { text } = textIn('a😀b');
    const seen: string[] = [];
    text.observe((e) => {
      for (const d of e.changes.delta) if (typeof d.insert === 'string') seen.push(d.insert);
    });
    replaceText(text, 'a😃b'); // 😀 and 😃 share their high surrogate
    expect(seen).toEqual(['😃']);
  });

  it('changes only the middle, so a concurrent edit at the start survives', () => {
    const a = textIn('Samordningsförbundet');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    replaceText(a.text, 'Samordningsförbundet Väst');
    replaceText(b.getText('t'), 'Nya Samordningsförbundet');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b));
    expect(a.text.toString()).toBe('Nya Samordningsförbundet Väst');
  });
});
