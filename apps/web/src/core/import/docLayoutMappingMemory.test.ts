import { type Grid, proposeLayoutMapping } from '@samplan/budget-layout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docLayoutMappingMemory } from './docLayoutMappingMemory.ts';

/** A sheet as rows of cells, each cell's column its place in the row. */
const grid = (rows: string[][]): Grid =>
  rows.map((cells, r) => cells.map((text, c) => ({ text, line: r + 1, column: c + 1 })));

const sheet = (extra: string[][] = []) =>
  grid([
    ['Budget (tkr)'],
    ['', '2025', '2026'],
    ['Intäkter'],
    ['Staten', '4 198', '4 198'],
    ['Övrigt', '10', '10'],
    ['Kostnader'],
    ['Kansli', '900', '900'],
    ...extra,
  ]);

const propose = (g: Grid) => {
  const p = proposeLayoutMapping(g, { file: 'budget.csv' });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};

describe('the saved layout mapping in a shared plan', () => {
  it('is kept in a shared plan’s document for every member; only owners and editors write it', () => {
    const doc = new Y.Doc();
    const mapping = propose(sheet()).mapping;
    const reader = docLayoutMappingMemory(doc, 'r', false);
    reader.remember(mapping);
    expect(reader.recall()).toBeNull();
    docLayoutMappingMemory(doc, 'e', true).remember(mapping);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(docLayoutMappingMemory(other, 'o', false).recall()).toEqual(mapping);
    other.getMap('imports').set('budget', JSON.stringify({ version: 99 }));
    expect(docLayoutMappingMemory(other, 'o', false).recall()).toBeNull();
  });
});
