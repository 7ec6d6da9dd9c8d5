import {
  applyLayoutMapping,
  type Grid,
  proposeLayoutMapping,
  REASON_CODES,
  type Reason,
  type ReasonCode,
  type ReasonOf,
} from '@samplan/budget-layout';
import { describe, expect, it } from 'vitest';
import { type Language, MESSAGES, type MessageKey, translate } from '../../i18n/messages.ts';
import { issueText, listText, reasonsText, reasonText } from './reasonText.ts';

const tr = (language: Language) => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(language, key, values);
const sv = tr('sv');
const en = tr('en');

/** One reason of every code: a code added to the package fails to compile here until it has one. */
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
    figure: 'cost-individual',
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
    missed: [2026],
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
  'invalid-amount': {
    code: 'invalid-amount',
    text: '1.050',
    label: 'Lokal',
    year: 2026,
    ambiguity: { text: '1.050', whole: '1', fraction: '050', decimal: '1,05', separator: '.' },
  },
  'unclassified-row': { code: 'unclassified-row', label: 'Kansli' },
  'state-without-amounts': { code: 'state-without-amounts', label: 'Staten' },
  'unknown-member': { code: 'unknown-member', label: 'Kansli', member: 'okänd' },
  'unknown-project': { code: 'unknown-project', label: 'Kansli', project: 'Okänt' },
  'unknown-line': { code: 'unknown-line', label: 'Summa', keys: ['revision', 'lokal'] },
  'bad-mapping': { code: 'bad-mapping', path: 'rows.0.role.kind', detail: 'Invalid input' },
  'duplicate-key': { code: 'duplicate-key', path: 'rows.3.key', key: 'kansli' },
};

/** The text without what was quoted from the sheet or passed in as a name (those stay as printed). */
function ownWords(text: string, reason: Reason): string {
  let rest = text;
  const values = JSON.stringify(reason).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  for (const v of values.map((q) => JSON.parse(q) as string).sort((a, b) => b.length - a.length))
    if (v.length > 2) rest = rest.replaceAll(v, '');
  return rest.replace(/(?<!\p{L})öre(?!\p{L})/gu, '');
}

describe('reasonText', () => {
  it('has a Swedish and an English text for every reason code of the layout importer', () => {
    expect(new Set(REASON_CODES)).toEqual(new Set(Object.keys(EXAMPLES)));
    for (const code of REASON_CODES) {
      const key = `import.reason.${code}` as MessageKey;
      expect(MESSAGES.sv[key], code).toBeTruthy();
      expect(MESSAGES.en[key], code).toBeTruthy();
    }
  });

  it('fills every parameter in both languages, and the English says it in English', () => {
    for (const reason of Object.values(EXAMPLES) as Reason[]) {
      const s = reasonText(reason, sv);
      const e = reasonText(reason, en);
      for (const text of [s, e]) expect(text, reason.code).not.toMatch(/\{\w+\}|undefined|\[object|NaN/);
      expect(e, reason.code).not.toBe(s);
      expect(ownWords(e, reason), `${reason.code}: ${e}`).not.toMatch(/[åäöÅÄÖ]/);
    }
  });

  it('says the clue and the role with the workspace’s words', () => {
    const region = EXAMPLES['label-clue'];
    expect(reasonText(region, sv)).toBe("'Region' i radnamnet → region (medlem)");
    expect(reasonText(region, en)).toBe("'Region' in the row name → region (member)");
    expect(reasonText(EXAMPLES['under-heading'], en)).toBe(
      "under the heading 'Strukturövergripande insatser' → structural intervention",
    );
    expect(reasonText(EXAMPLES['total-sums'], sv)).toBe(
      "'SUMMA' och de 4 raderna ovanför summerar till den 2025 och 2026 men inte 2027 (granskningen visar skillnaden) → summa individinriktade insatser",
    );
    expect(reasonText(EXAMPLES['total-sums'], en)).toBe(
      "'SUMMA' and the 4 rows above add up to it in 2025 and 2026 but not in 2027 (the audit shows the difference) → total individual-focused interventions",
    );
    expect(reasonText({ ...EXAMPLES['total-sums'], count: 1, missed: [] }, en)).toBe(
      "'SUMMA' and the row above add up to it → total individual-focused interventions",
    );
    expect(reasonText(EXAMPLES['invalid-amount'], en).replace(/\u00a0/g, ' ')).toBe(
      'Invalid amount “1.050” in the row “Lokal” (2026): “1.050” can mean both 1 050 and 1,05 (is the point a thousands separator or a decimal mark?); write 1050 or 1,05',
    );
    expect(listText([2023, 2024, 2025], en)).toBe('2023, 2024 and 2025');
  });

  it('explains a proposal’s rows, its unit and its notes in the UI’s language', () => {
    const rows: (string | number | null)[][] = [
      ['Finsam Exempel'],
      ['tkr', 'Prognos 2024', 2025, 2026],
      ['Intäkter'],
      ['Region Exempel', null, 500, 500],
      ['Balanserat resultat', null, 300, null],
      ['Kostnader'],
      ['Kansli', null, -50, -50],
      ['Summa kostnader', null, -50, -50],
    ];
    const grid: Grid = rows.map((cells, r) =>
      cells.map((text, c) => ({ text: text === null ? '' : String(text), line: r + 1, column: c + 1 })),
    );
    const proposed = proposeLayoutMapping(grid, { file: 'budget.csv' });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.errors));
    const p = proposed.value;
    const explain = (key: string, t: typeof sv) => reasonsText(p.rows.find((r) => r.key === key)?.reasons ?? [], t);
    expect(explain('region exempel', en)).toBe("'Region' in the row name → region (member)");
    expect(explain('balanserat resultat', en)).toBe(
      "'Balanserat resultat' among the revenue → opening equity (not revenue)",
    );
    expect(explain('kansli', en)).toBe("in the costs section → cost; 'Kansli' in the row name → administration");
    expect(explain('kansli', sv)).toBe("under rubriken Kostnader → kostnad; 'Kansli' i radnamnet → förvaltning");
    expect(explain('summa kostnader', en)).toBe(
      "'Summa' and the row above add up to it → total costs; printed with a minus sign → compared with the opposite sign",
    );
    expect(reasonText(p.unitReason, en)).toBe('“tkr” (row 2, column 1) → amounts in tkr');
    expect(p.noteReasons.map((r) => reasonText(r, en))).toEqual([
      'The column “Prognos 2024” is for a year before the plan and is not read.',
      'Costs are printed with a minus sign and are read as costs (positive in the plan).',
    ]);
    for (const row of p.rows) expect(reasonsText(row.reasons, en), row.key).not.toMatch(/\{\w+\}/);
  });

  it('says a refusal from its reason, and keeps the message of an issue that has none', () => {
    const grid: Grid = [
      [{ text: 'Budget', line: 1, column: 1 }],
      [
        { text: 'Kansli', line: 2, column: 1 },
        { text: '100', line: 2, column: 2 },
      ],
    ];
    const refused = proposeLayoutMapping(grid, { file: 'b.csv' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.map((e) => issueText(e, en))).toEqual([
      'The sheet has no header row with years (e.g. 2024, 2025, 2026 or Budget 2024): the budget needs a column per year',
    ]);
    expect(refused.errors.map((e) => issueText(e, sv))).toEqual(refused.errors.map((e) => e.message));
    const applied = applyLayoutMapping(
      [
        [
          { text: 'tkr', line: 1, column: 1 },
          { text: '2025', line: 1, column: 2 },
        ],
      ],
      {
        version: 1,
        unit: null,
        costSign: 'positive',
        headerRow: 1,
        labelColumn: 1,
        yearColumns: [2],
        rows: [],
      },
      { file: 'b.csv' },
    );
    expect(applied.ok ? [] : applied.errors.map((e) => issueText(e, en))).toEqual([
      'The unit is not given: choose kr, tkr or mkr',
    ]);
    expect(issueText({ code: 'invalid-amount', message: 'Ogiltigt belopp "x" i kolumn 2025' }, en)).toBe(
      'Ogiltigt belopp "x" i kolumn 2025',
    );
  });
});
