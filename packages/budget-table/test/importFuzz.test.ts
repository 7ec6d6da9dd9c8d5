import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBudgetTable } from '../src/importBudgetTable.ts';

const SAMPLE = [
  '# unit: tkr',
  'kind;name;group;project;start;end;total;2023;2024;2025',
  'member;Staten;state;;;;;30 667;30 667;30 667',
  'member;Regionen;region;;;;;15 333,5;15 333,5;15 333,5',
  'esf;ESF-medel;;Projekt;;;;3 308;3 308;2 757',
  'equity;Ingående eget kapital;;;;;;12 604;;',
  'cost;Team;individual;Projekt;;;;2 433;2 802;2 741',
  'cost;Period;structural;;2023-07-01;2025-06-30;1 200;;;',
  'stated;Summa;costs;;;;;75 724;;',
].join('\n');

/** Every error must say where: a file, a line inside the text and a column. */
const located = (text: string) => (e: { file?: string; line?: number; column?: number }) =>
  e.file === 'fuzz.csv' &&
  Number.isInteger(e.line) &&
  (e.line ?? 0) >= 1 &&
  (e.line ?? 0) <= text.split('\n').length + 1 &&
  (e.column ?? 0) >= 1;

describe('importBudgetTable on hostile input', () => {
  it('never throws on random text, and every error is located', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = importBudgetTable(text, 'fuzz.csv');
        if (!result.ok) expect(result.errors.every(located(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random edits of a valid table; what it accepts projects to no NaN', () => {
    const edit = fc.record({
      at: fc.nat({ max: SAMPLE.length }),
      remove: fc.nat({ max: 6 }),
      insert: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(';', '"', '\n', '−', ',', '1 000', '#', '2026', 'x'),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = SAMPLE;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
        const result = importBudgetTable(text, 'fuzz.csv');
        if (!result.ok) expect(result.errors.every(located(text))).toBe(true);
        else expect(JSON.stringify(result.value)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 500 },
    );
  });
});
