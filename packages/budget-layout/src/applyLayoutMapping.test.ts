import { describe, expect, it } from 'vitest';
import { grid } from '../test/grid.ts';
import { applyLayoutMapping } from './applyLayoutMapping.ts';
import { extendLayoutMapping } from './extendLayoutMapping.ts';
import { type LayoutMapping, parseLayoutMapping } from './layoutMapping.ts';
import { proposeLayoutMapping } from './proposeLayoutMapping.ts';

const sheet = (first = 2025, extra: (string | number | null)[][] = []) => [
  ['Finsam Exempel'],
  ['tkr', first, first + 1],
  ['Staten', 1000, 1000],
  ['Region Exempel', null, null],
  ['Ingående eget kapital', 300, null],
  ['Kostnader'],
  ['Kansli', 400, 410],
  ...extra,
  ['Summa kostnader', 400, 410],
];

const proposed = (rows: ReturnType<typeof sheet>) => {
  const p = proposeLayoutMapping(grid(rows), { file: 'b.xlsx' });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};
const withRole = (m: LayoutMapping, key: string, role: LayoutMapping['rows'][number]['role']): LayoutMapping => ({
  ...m,
  rows: m.rows.map((r) => (r.key === key ? { ...r, role } : r)),
});

describe('applyLayoutMapping', () => {
  const mapping = proposed(sheet()).mapping;

  it('builds the plan: a derived region, the opening equity apart, every figure with its source', () => {
    const applied = applyLayoutMapping(grid(sheet()), mapping, { file: 'b.xlsx', sheet: 'Blad1' });
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    const { plan, unmapped, notes } = applied.value;
    expect([unmapped, notes]).toEqual([[], []]);
    expect(plan).toMatchObject({ name: 'Finsam Exempel', years: [2025, 2026], openingEquity: '300000' });
    expect(plan.members).toEqual([
      { id: 'staten', name: 'Staten', group: 'state', amounts: { 2025: '1000000', 2026: '1000000' } },
      { id: 'region-exempel', name: 'Region Exempel', group: 'region' },
    ]);
    expect(plan.stated).toEqual([
      {
        year: 2025,
        figure: 'opening-equity',
        value: '300000',
        precision: '1000',
        label: 'Ingående eget kapital',
        source: { file: 'b.xlsx', line: 5, column: 2, sheet: 'Blad1', row: 5 },
      },
      {
        year: 2025,
        figure: 'costs',
        value: '400000',
        precision: '1000',
        label: 'Summa kostnader',
        source: { file: 'b.xlsx', line: 8, column: 2, sheet: 'Blad1', row: 8 },
      },
      {
        year: 2026,
        figure: 'costs',
        value: '410000',
        precision: '1000',
        label: 'Summa kostnader',
        source: { file: 'b.xlsx', line: 8, column: 3, sheet: 'Blad1', row: 8 },
      },
    ]);
  });

  it('imports next year’s file, moved down a row, with the same mapping, and lists the rows it does not know', () => {
    const next = [['Reviderad'], ...sheet(2026, [['Ny insats', 50, 60]])];
    const applied = applyLayoutMapping(grid(next), mapping, { file: 'b2.xlsx' });
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    expect(applied.value.plan.years).toEqual([2026, 2027]);
    expect(applied.value.notes).toEqual(['Årtalsraden står på rad 3 (mappningen sa rad 2).']);
    expect(applied.value.unmapped).toEqual([
      { key: 'reviderad', label: 'Reviderad', line: 1, hasAmounts: false },
      { key: 'ny insats', label: 'Ny insats', line: 9, hasAmounts: true },
    ]);
    // The review table gets the known rows as reviewed and a proposal for the new ones.
    const extended = extendLayoutMapping(mapping, proposed(next as ReturnType<typeof sheet>));
    expect(extended.rows.map((r) => [r.key, r.role.kind])).toEqual([
      ['reviderad', 'title'],
      ['finsam exempel', 'title'],
      ['tkr', 'heading'],
      ['staten', 'member'],
      ['region exempel', 'member'],
      ['ingående eget kapital', 'opening-equity'],
      ['kostnader', 'heading'],
      ['kansli', 'cost'],
      ['ny insats', 'cost'],
      ['summa kostnader', 'stated'],
    ]);
  });

  it('refuses with file, line, column and the cell’s text', () => {
    const bad = sheet(2025, [['Lokal', 'se not', '1.050']]);
    const m = extendLayoutMapping(mapping, proposed(bad));
    // The proposal could not classify the row; the mapping says so until the user chooses.
    expect(m.rows.find((r) => r.key === 'lokal')).toMatchObject({
      role: { kind: 'unknown' },
      confidence: 'unknown',
      note: 'cellen "se not" (2025) är inget belopp',
    });
    const applied = applyLayoutMapping(grid(bad), m, { file: 'b.csv' });
    expect(applied.ok ? [] : applied.errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['unclassified-row', 8, 1],
    ]);
    const typed = withRole(m, 'lokal', { kind: 'cost', category: 'individual' });
    const both = applyLayoutMapping(grid(bad), typed, { file: 'b.csv' });
    expect(both.ok ? [] : both.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [8, 2, 'Ogiltigt belopp "se not" på raden "Lokal" (2025)'],
      [
        8,
        3,
        'Ogiltigt belopp "1.050" på raden "Lokal" (2026): "1.050" kan betyda både 1 050 och 1,05 (är punkten tusentalsavgränsare eller decimaltecken?); skriv 1050 eller 1,05',
      ],
    ]);
  });

  it('refuses what the mapping leaves open or names wrongly', () => {
    const file = { file: 'b.xlsx' };
    const noUnit = applyLayoutMapping(grid(sheet()), { ...mapping, unit: null }, file);
    expect(noUnit.ok ? null : noUnit.errors[0]?.message).toBe(
      'Enheten är inte angiven: ange kr, tkr eller mkr (mappningens "unit")',
    );
    const unknown = applyLayoutMapping(grid(sheet()), withRole(mapping, 'kansli', { kind: 'unknown' }), file);
    expect(unknown.ok ? null : unknown.errors).toEqual([
      {
        code: 'unclassified-row',
        message:
          'Raden "Kansli" är inte klassad: välj roll (member, member-total, esf, income, cost, opening-equity, stated, heading, ignore)',
        reason: { code: 'unclassified-row', label: 'Kansli' },
        file: 'b.xlsx',
        line: 7,
        column: 1,
      },
    ]);
    const project = withRole(mapping, 'kansli', { kind: 'cost', category: 'administration', project: 'Okänt' });
    const noProject = applyLayoutMapping(grid(sheet()), project, file);
    expect(noProject.ok ? null : noProject.errors[0]?.message).toBe(
      'Raden "Kansli": ESF-projektet "Okänt" finns inte bland ESF-intäkterna',
    );
    const state = withRole(withRole(mapping, 'region exempel', { kind: 'member', group: 'state' }), 'staten', {
      kind: 'ignore',
    });
    const noAmounts = applyLayoutMapping(grid(sheet()), state, file);
    expect(noAmounts.ok ? null : noAmounts.errors[0]?.message).toBe(
      'Staten ("Region Exempel") saknar belopp: bara region och kommun räknas fram',
    );
    const lines = withRole(mapping, 'summa kostnader', {
      kind: 'stated',
      figure: 'lines',
      lines: ['kansli', 'revision'],
    });
    const noLine = applyLayoutMapping(grid(sheet()), lines, file);
    expect(noLine.ok ? null : noLine.errors[0]?.message).toBe(
      'Raden "Summa kostnader" summerar rader som inte finns: "revision"',
    );
    const moved = applyLayoutMapping(grid(sheet()), { ...mapping, yearColumns: [5, 6] }, file);
    expect(moved.ok ? null : moved.errors[0]?.message).toBe(
      'Mappningens årtalskolumner (5, 6) har inga årtal som följer på varandra',
    );
  });
});

describe('parseLayoutMapping', () => {
  it('takes back what was saved as JSON', () => {
    const mapping = proposed(sheet()).mapping;
    expect(parseLayoutMapping(JSON.parse(JSON.stringify(mapping)))).toEqual({ ok: true, value: mapping });
  });

  it('names the path of what is wrong', () => {
    const mapping = proposed(sheet()).mapping;
    const duplicated = { ...mapping, rows: [...mapping.rows, mapping.rows[0]] };
    expect(parseLayoutMapping(duplicated, 'm.json')).toEqual({
      ok: false,
      errors: [
        {
          code: 'bad-mapping',
          message: `Mappningen: rows.${mapping.rows.length}.key: Nyckeln "finsam exempel" finns två gånger`,
          reason: { code: 'duplicate-key', path: `rows.${mapping.rows.length}.key`, key: 'finsam exempel' },
          path: ['rows', mapping.rows.length, 'key'],
          file: 'm.json',
        },
      ],
    });
    const badRole = parseLayoutMapping({ ...mapping, rows: [{ key: 'x', label: 'X', role: { kind: 'revenue' } }] });
    expect(badRole.ok ? [] : badRole.errors.map((e) => e.path)).toEqual([['rows', 0, 'role', 'kind']]);
    expect(parseLayoutMapping({ ...mapping, version: 2 }).ok).toBe(false);
  });
});
