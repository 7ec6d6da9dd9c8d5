import { readNumber } from '@samplan/budget-table';
import { describe, expect, it } from 'vitest';
import { grid } from '../test/grid.ts';
import { applyLayoutMapping } from './applyLayoutMapping.ts';
import { proposeLayoutMapping } from './proposeLayoutMapping.ts';
import { readLayoutCell } from './readLayoutCell.ts';
import { REASON_CODES, type ReasonCode, type ReasonOf } from './reason.ts';
import { ambiguitySv, reasonSv, reasonsSv } from './reasonSv.ts';

/** One reason of every code (the type makes a new code fail to compile until it has one). */
const EXAMPLES: { [C in ReasonCode]: ReasonOf<C> } = {
  'title-above-header': { code: 'title-above-header' },
  'note-above-header': { code: 'note-above-header' },
  'header-row': { code: 'header-row', first: 2025, last: 2027 },
  'section-in-header': { code: 'section-in-header', label: 'Kostnader tkr', section: 'costs' },
  'section-heading': { code: 'section-heading', label: 'Intäkter', section: 'revenue' },
  'category-heading': { code: 'category-heading', label: 'Individinriktade insatser', category: 'individual' },
  'heading-without-amounts': { code: 'heading-without-amounts' },
  'note-without-amounts': { code: 'note-without-amounts' },
  'empty-row': { code: 'empty-row' },
  'amounts-outside-years': { code: 'amounts-outside-years' },
  'not-an-amount': { code: 'not-an-amount', text: 'se not', year: 2025 },
  'amounts-without-label': { code: 'amounts-without-label' },
  'label-clue': { code: 'label-clue', clue: 'Region', role: { kind: 'member', group: 'region' } },
  'derived-by-matching': { code: 'derived-by-matching' },
  'equity-among-revenue': { code: 'equity-among-revenue', clue: 'Balanserat resultat' },
  'opening-equity-label': { code: 'opening-equity-label', clue: 'Ingående eget kapital' },
  'member-total': { code: 'member-total', clue: 'Medlemsintäkter' },
  'esf-applied': { code: 'esf-applied', condition: '(om ansökan beviljas)' },
  'income-by-section': { code: 'income-by-section' },
  'costs-under-heading': { code: 'costs-under-heading' },
  'costs-after-revenue-total': { code: 'costs-after-revenue-total' },
  'costs-start-at': { code: 'costs-start-at', label: 'Kansli' },
  'under-heading': { code: 'under-heading', heading: 'Strukturövergripande insatser', category: 'structural' },
  'category-default': { code: 'category-default' },
  'subtotal-category': { code: 'subtotal-category', label: 'Delsumma administration', category: 'administration' },
  'member-share': { code: 'member-share', clue: 'Staten', group: 'state' },
  'category-share': { code: 'category-share', clue: 'Förvaltning', years: [2025, 2026], category: 'administration' },
  'share-without-base': { code: 'share-without-base' },
  'total-unexplained': { code: 'total-unexplained', word: 'Summa' },
  'total-named': { code: 'total-named', clue: 'ESF', figure: 'esf-revenue' },
  'total-sums': {
    code: 'total-sums',
    word: 'SUMMA',
    rows: { kind: 'above' },
    count: 4,
    figure: 'lines',
    matched: [2025, 2026],
    missed: [2027],
  },
  'printed-negative': { code: 'printed-negative' },
  'result-unexplained': { code: 'result-unexplained', label: 'Netto' },
  'result-named': { code: 'result-named', clue: 'Årets resultat', figure: 'result' },
  'result-formula': {
    code: 'result-formula',
    clue: 'Utgående eget kapital',
    figure: 'closing-equity',
    matched: [2025],
    missed: [],
  },
  'alternative-figures': { code: 'alternative-figures', condition: '(om ESF MIA)', project: 'MIA Vidare' },
  'alternative-unknown-project': { code: 'alternative-unknown-project', condition: '(om ESF Nya)', project: 'Nya' },
  'cost-of-project': { code: 'cost-of-project', project: 'Gränsgångare' },
  'requisitioning-member': { code: 'requisitioning-member', member: 'Gislaveds kommun' },
  'no-clue': { code: 'no-clue' },
  'unit-given': { code: 'unit-given', unit: 'tkr' },
  'unit-from-sheet': { code: 'unit-from-sheet', unit: 'tkr', text: 'Intäkter tkr', line: 5, column: 1 },
  'unit-conflict': {
    code: 'unit-conflict',
    cells: [
      { unit: 'tkr', text: 'tkr', line: 2, column: 1 },
      { unit: 'kr', text: '(kr)', line: 9, column: 1 },
    ],
  },
  'unit-missing': { code: 'unit-missing' },
  'unit-contradicted': { code: 'unit-contradicted', given: 'kr', unit: 'tkr', text: 'tkr', line: 1, column: 1 },
  'column-before-plan': { code: 'column-before-plan', text: 'Prognos 2024' },
  'column-outside-years': { code: 'column-outside-years', text: '2030', first: 2020, last: 2029 },
  'costs-printed-negative': { code: 'costs-printed-negative' },
  'header-moved': { code: 'header-moved', line: 3, mapped: 2 },
  'mapped-row-missing': { code: 'mapped-row-missing', label: 'Revision' },
  'member-total-split': { code: 'member-total-split', label: 'Medlemsintäkter' },
  'no-year-header': { code: 'no-year-header' },
  'no-mapped-year-header': { code: 'no-mapped-year-header', columns: [5, 6], text: 'Not' },
  'unknown-unit': { code: 'unknown-unit' },
  'amount-precision': { code: 'amount-precision', text: '1,234' },
  'invalid-amount': { code: 'invalid-amount', text: 'se not', label: 'Lokal', year: 2025 },
  'unclassified-row': { code: 'unclassified-row', label: 'Kansli' },
  'state-without-amounts': { code: 'state-without-amounts', label: 'Staten' },
  'unknown-member': { code: 'unknown-member', label: 'Kansli', member: 'okänd' },
  'unknown-project': { code: 'unknown-project', label: 'Kansli', project: 'Okänt' },
  'unknown-line': { code: 'unknown-line', label: 'Summa', keys: ['revision', 'lokal'] },
  'bad-mapping': { code: 'bad-mapping', path: 'rows.0.role.kind', detail: 'Invalid input' },
  'duplicate-key': { code: 'duplicate-key', path: 'rows.3.key', key: 'kansli' },
};

describe('reasons', () => {
  it('lists every code, and says each in Swedish with its parameters', () => {
    expect([...REASON_CODES].sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const reason of Object.values(EXAMPLES)) {
      const text = reasonSv(reason);
      expect(text, reason.code).not.toBe('');
      expect(text, reason.code).not.toMatch(/undefined|\[object|NaN/);
    }
    expect(reasonSv(EXAMPLES['label-clue'])).toBe("'Region' i radnamnet → region (medlem)");
    expect(reasonSv(EXAMPLES['total-sums'])).toBe(
      "'SUMMA' och raderna ovanför summerar till den 2025 och 2026 men inte 2027 (granskningen visar skillnaden) → delsumma av raderna ovanför",
    );
    expect(reasonSv(EXAMPLES['unit-conflict'])).toBe(
      'Bladet nämner både tkr ("tkr", rad 2, kolumn 1) och kr ("(kr)", rad 9, kolumn 1): ange enheten',
    );
  });

  it('says an ambiguous amount exactly as the budget table’s reader does', () => {
    for (const raw of ['1.050', '2,500', '−1.050', '12.345 kr', '(3.500)']) {
      const read = readNumber(raw);
      const reading = readLayoutCell(raw);
      expect(read.ok, raw).toBe(false);
      if (read.ok || read.code !== 'ambiguous-amount' || reading.type !== 'text' || !reading.ambiguity)
        throw new Error(`${raw} is not ambiguous`);
      expect(ambiguitySv(reading.ambiguity)).toBe(read.reason);
    }
  });

  it('gives each row its reasons as plain data, with the Swedish explanation made of them', () => {
    const p = proposeLayoutMapping(
      grid([
        ['Finsam Exempel'],
        ['tkr', 'Prognos 2024', 2025, 2026],
        ['Intäkter'],
        ['Region Exempel', null, 500, 500],
        ['Balanserat resultat', null, 300, null],
        ['Kostnader'],
        ['Individinriktade insatser'],
        ['Team Väst', null, -200, -200],
        ['Lots', null, -100, -100],
        ['Summa', null, -300, -300],
        ['Kansli', null, -50, 'se not'],
      ]),
      { file: 'b.xlsx' },
    );
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    const reasons = (key: string) => p.value.rows.find((r) => r.key === key)?.reasons;
    expect(reasons('region exempel')).toEqual([
      { code: 'label-clue', clue: 'Region', role: { kind: 'member', group: 'region' } },
    ]);
    expect(reasons('balanserat resultat')).toEqual([{ code: 'equity-among-revenue', clue: 'Balanserat resultat' }]);
    expect(reasons('team väst')).toEqual([
      { code: 'under-heading', heading: 'Individinriktade insatser', category: 'individual' },
    ]);
    expect(reasons('summa')).toEqual([
      {
        code: 'total-sums',
        word: 'Summa',
        rows: { kind: 'above' },
        count: 2,
        figure: 'costs',
        matched: [2025, 2026],
        missed: [],
      },
      { code: 'printed-negative' },
    ]);
    expect(reasons('kansli')).toEqual([{ code: 'not-an-amount', text: 'se not', year: 2026 }]);
    expect(p.value.unitReason).toEqual({ code: 'unit-from-sheet', unit: 'tkr', text: 'tkr', line: 2, column: 1 });
    expect(p.value.noteReasons).toEqual([
      { code: 'column-before-plan', text: 'Prognos 2024' },
      { code: 'costs-printed-negative' },
    ]);
    for (const row of p.value.rows) {
      expect(row.explanation).toBe(reasonsSv(row.reasons));
      expect(JSON.parse(JSON.stringify(row.reasons))).toEqual(row.reasons);
    }
    expect(p.value.unitExplanation).toBe(reasonSv(p.value.unitReason));
    expect(p.value.notes).toEqual(p.value.noteReasons.map(reasonSv));
  });

  it('gives every refusal and note of applying a mapping its reason, the message made of it', () => {
    const sheet = [['Finsam Exempel'], ['tkr', 2025, 2026], ['Staten', 1000, '1.050'], ['Kansli', 400, 410]];
    const p = proposeLayoutMapping(grid(sheet), { file: 'b.csv' });
    if (!p.ok) throw new Error('no proposal');
    const state = { kind: 'member', group: 'state' } as const;
    const rows = p.value.mapping.rows.map((r) => (r.key === 'staten' ? { ...r, role: state } : r));
    const refused = applyLayoutMapping(grid(sheet), { ...p.value.mapping, rows }, { file: 'b.csv' });
    if (refused.ok) throw new Error('an ambiguous amount was read');
    expect(refused.errors.map((e) => [e.code, e.line, e.reason])).toEqual([
      [
        'invalid-amount',
        3,
        {
          code: 'invalid-amount',
          text: '1.050',
          label: 'Staten',
          year: 2026,
          ambiguity: { text: '1.050', whole: '1', fraction: '050', decimal: '1,05', separator: '.' },
        },
      ],
    ]);
    for (const e of refused.errors) expect(e.message).toBe(e.reason && reasonSv(e.reason));

    // Next year's sheet: a note above the header moved it down, a row is gone and a new one is mapped.
    const moved = [
      ['Finsam Exempel'],
      ['Anteckning'],
      ['tkr', 2025, 2026],
      ['Staten', 1000, 1050],
      ['Medlemsintäkter', 800, 800],
    ];
    const mapping = {
      ...p.value.mapping,
      rows: [
        ...rows,
        { key: 'anteckning', label: 'Anteckning', role: { kind: 'ignore' as const } },
        { key: 'medlemsintäkter', label: 'Medlemsintäkter', role: { kind: 'member-total' as const } },
      ],
    };
    const applied = applyLayoutMapping(grid(moved), mapping, { file: 'b.csv' });
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    expect(applied.value.noteReasons).toEqual([
      { code: 'header-moved', line: 3, mapped: 2 },
      { code: 'mapped-row-missing', label: 'Kansli' },
      { code: 'member-total-split', label: 'Medlemsintäkter' },
    ]);
    expect(applied.value.notes).toEqual(applied.value.noteReasons.map(reasonSv));
  });
});
