import { type Grid, proposeLayoutMapping } from '@samplan/budget-layout';
import { describe, expect, it } from 'vitest';
import { mappingToReview, storageLayoutMappingMemory } from './layoutMappingMemory.ts';

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

describe('the saved layout mapping', () => {
  it('is kept in storage per plan and forgotten when it is not a mapping', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    const memory = storageLayoutMappingMemory('p1', storage);
    expect(memory.recall()).toBeNull();
    const { mapping } = propose(sheet());
    memory.remember(mapping);
    expect(memory.recall()).toEqual(mapping);
    expect(storageLayoutMappingMemory('p2', storage).recall()).toBeNull();
    store.set('samplan.layoutMapping.p1', '{"version":2}');
    expect(memory.recall()).toBeNull();
  });

  it('starts next year’s review from the roles chosen last time, new rows from the proposal', () => {
    const last = propose(sheet()).mapping;
    const reviewed = {
      ...last,
      rows: last.rows.map((r) => (r.key === 'övrigt' ? { ...r, role: { kind: 'ignore' as const } } : r)),
    };
    const next = propose(sheet([['Nytt team', '300', '300']]));
    const { mapping, fromSaved } = mappingToReview(reviewed, next);
    expect(mapping.rows.find((r) => r.key === 'övrigt')?.role).toEqual({ kind: 'ignore' });
    expect(fromSaved.has('övrigt')).toBe(true);
    expect(fromSaved.has('nytt team')).toBe(false);
    expect(mapping.rows.find((r) => r.key === 'nytt team')?.role).toEqual(
      next.mapping.rows.find((r) => r.key === 'nytt team')?.role,
    );
  });

  it('is not used for a sheet in another layout', () => {
    const other = propose(
      grid([['', '2025'], ['Intäkter'], ['A', '1'], ['B', '2'], ['C', '3'], ['D', '4'], ['E', '5']]),
    );
    const { mapping, fromSaved } = mappingToReview(propose(sheet()).mapping, other);
    expect(mapping).toBe(other.mapping);
    expect(fromSaved.size).toBe(0);
  });
});
