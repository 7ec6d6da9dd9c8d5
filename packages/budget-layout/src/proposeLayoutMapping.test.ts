import { auditPlan, formatKronor } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { grid } from '../test/grid.ts';
import { applyLayoutMapping } from './applyLayoutMapping.ts';
import { type LayoutProposal, proposeLayoutMapping } from './proposeLayoutMapping.ts';

const propose = (rows: Parameters<typeof grid>[0], unit?: 'kr' | 'tkr') => {
  const p = proposeLayoutMapping(grid(rows), { file: 'budget.xlsx', ...(unit ? { unit } : {}) });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};
const role = (p: LayoutProposal, key: string) => p.rows.find((r) => r.key === key);

describe('the header of years', () => {
  it('reads Excel dates and a year-only header, and takes one to ten years', () => {
    const dates = propose([
      ['Belopp i kr', '2025-01-01', '2026-01-01'],
      ['Staten', 100, 100],
    ]);
    expect(dates.years).toEqual([2025, 2026]);
    const one = propose(
      [
        ['', 'Budget 2025'],
        ['Staten', 100],
      ],
      'kr',
    );
    expect(one.years).toEqual([2025]);
    const eleven = propose([
      ['kr', ...Array.from({ length: 11 }, (_, i) => 2020 + i)],
      ['Staten', 1],
    ]);
    expect(eleven.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    expect(eleven.notes).toEqual(['Kolumnen "2030" hör inte till årtalsföljden 2020–2029 och läses inte.']);
    expect(eleven.noteReasons).toEqual([{ code: 'column-outside-years', text: '2030', first: 2020, last: 2029 }]);
  });

  it('fails with the file when no row has years', () => {
    expect(proposeLayoutMapping(grid([['Budget'], ['Kansli', 100]]), { file: 'b.csv' })).toEqual({
      ok: false,
      errors: [
        {
          code: 'no-year-header',
          message:
            'Hittar ingen rubrikrad med årtal (t.ex. 2024, 2025, 2026 eller Budget 2024) i bladet: budgeten behöver en kolumn per år',
          reason: { code: 'no-year-header' },
          file: 'b.csv',
          line: 1,
          column: 1,
        },
      ],
    });
  });
});

describe('the unit', () => {
  it('is read from the sheet, never guessed, and the caller’s wins with a note', () => {
    expect(propose([['Budget (tkr)'], ['', 2025], ['Staten', 1]]).unit).toBe('tkr');
    const none = propose([
      ['', 2025],
      ['Staten', 1],
    ]);
    expect([none.unit, none.mapping.unit, none.unitExplanation]).toEqual([
      null,
      null,
      'Bladet säger inte om beloppen är i kr eller tkr: ange enheten',
    ]);
    const both = propose([['Belopp i tkr'], ['Avgift 50 kr per deltagare'], ['', 2025], ['Staten', 1]]);
    expect(both.unit).toBeNull();
    expect(both.unitExplanation).toBe(
      'Bladet nämner både tkr ("Belopp i tkr", rad 1, kolumn 1) och kr ("Avgift 50 kr per deltagare", rad 2, kolumn 1): ange enheten',
    );
    const given = propose([['Belopp i tkr'], ['', 2025], ['Staten', 1]], 'kr');
    expect(given.unit).toBe('kr');
    expect(given.notes).toEqual([
      'Du angav kr men bladet säger tkr ("Belopp i tkr", rad 1, kolumn 1): beloppen läses i kr.',
    ]);
  });
});

describe('rows', () => {
  const sheet = [
    ['Samordningsförbundet Exempel'],
    ['Belopp i tkr', 2025, 2026],
    ['Staten gm Försäkringskassan', 1000, 1000],
    ['Region Exempel', 500, 500],
    ['Gislaveds kommun', 500, 500],
    ['Summa medlemsintäkter', 2000, 2000],
    ['ESF-medel Jobbspår', 300, 300],
    ['Ränteintäkter', 5, 5],
    ['Prognos eget kapital', 800, 1005],
    ['Summa intäkter', 3105, 3310],
    ['Arbetsmarknadsteam Gislaved', 900, 900],
    ['Coacher Jobbspår (ESF-projekt)', 300, 300],
    ['Totalt Mysam', 1200, 1200],
    ['Unga vuxna-teamet', 100, 100],
    ['Ej beslutade medel', 200, 400],
    ['Kansli', 600, 600],
    ['Summa kostnader', 2100, 2300],
    ['Resultat', 205, 5],
    ['Statens andel av medlemsintäkterna 50 %'],
    [null, 77, 88],
  ];
  const p = propose(sheet);

  it('names each clue in Swedish', () => {
    expect(p.rows.map((r) => [r.key, r.role, r.confidence, r.explanation])).toEqual([
      ['samordningsförbundet exempel', { kind: 'title' }, 'sure', 'första texten ovanför årtalsraden → planens namn'],
      ['belopp i tkr', { kind: 'heading' }, 'sure', 'rad med årtalen 2025–2026 → rubrikrad'],
      [
        'staten gm försäkringskassan',
        { kind: 'member', group: 'state' },
        'sure',
        "'Staten' i radnamnet → staten (medlem)",
      ],
      ['region exempel', { kind: 'member', group: 'region' }, 'sure', "'Region' i radnamnet → region (medlem)"],
      ['gislaveds kommun', { kind: 'member', group: 'kommun' }, 'sure', "'kommun' i radnamnet → kommun (medlem)"],
      [
        'summa medlemsintäkter',
        { kind: 'stated', figure: 'member-revenue' },
        'sure',
        "'Summa' och raderna ovanför summerar till den → summa medlemsintäkter",
      ],
      [
        'esf-medel jobbspår',
        { kind: 'esf', project: 'Jobbspår', status: 'approved' },
        'sure',
        "'ESF' i radnamnet → ESF-intäkt för projektet Jobbspår",
      ],
      ['ränteintäkter', { kind: 'income' }, 'sure', "'Ränteintäkter' i radnamnet → övrig intäkt"],
      [
        'prognos eget kapital',
        { kind: 'opening-equity' },
        'sure',
        "'Prognos eget kapital' bland intäkterna → ingående eget kapital (ingen intäkt)",
      ],
      [
        'summa intäkter',
        { kind: 'stated', figure: 'revenue-with-equity' },
        'sure',
        "'Summa' och intäktsraderna och eget kapital summerar till den → summa intäkter inklusive ingående eget kapital",
      ],
      [
        'arbetsmarknadsteam gislaved',
        { kind: 'cost', category: 'individual', member: 'gislaveds kommun' },
        'guess',
        "efter summan av intäkterna → kostnad; 'Arbetsmarknadsteam' i radnamnet → individinriktad insats; 'Gislaveds kommun' nämns i radnamnet → rekvirerande organisation",
      ],
      [
        'coacher jobbspår (esf-projekt)',
        { kind: 'cost', category: 'individual', project: 'Jobbspår' },
        'guess',
        "efter summan av intäkterna → kostnad; 'Coacher' i radnamnet → individinriktad insats; 'Jobbspår' i radnamnet → kostnaden finns bara om ESF-projektet Jobbspår körs",
      ],
      [
        'totalt mysam',
        { kind: 'stated', figure: 'lines', lines: ['arbetsmarknadsteam gislaved', 'coacher jobbspår (esf-projekt)'] },
        'sure',
        "'Totalt' och raderna ovanför summerar till den → delsumma av raderna ovanför",
      ],
      [
        'unga vuxna-teamet',
        { kind: 'cost', category: 'individual' },
        'guess',
        "efter summan av intäkterna → kostnad; 'vuxna-teamet' i radnamnet → individinriktad insats",
      ],
      [
        'ej beslutade medel',
        { kind: 'cost', category: 'unallocated' },
        'guess',
        "efter summan av intäkterna → kostnad; 'Ej beslutade' i radnamnet → ej fördelade medel (utrymme för nya insatser)",
      ],
      [
        'kansli',
        { kind: 'cost', category: 'administration' },
        'guess',
        "efter summan av intäkterna → kostnad; 'Kansli' i radnamnet → förvaltning/administration",
      ],
      [
        'summa kostnader',
        { kind: 'stated', figure: 'costs' },
        'sure',
        "'Summa' och kostnadsraderna summerar till den → summa kostnader",
      ],
      ['resultat', { kind: 'stated', figure: 'result' }, 'sure', "'Resultat' = intäkter − kostnader → årets resultat"],
      [
        'statens andel av medlemsintäkterna 50 %',
        { kind: 'stated', figure: 'share-member-state' },
        'guess',
        "procent och 'Statens' i radnamnet → statens andel av medlemsintäkterna",
      ],
      ['(tom)', { kind: 'unknown' }, 'unknown', 'rad med belopp men utan namn'],
    ]);
  });

  it('builds a plan whose audit checks the named group and the result', () => {
    const mapping = {
      ...p.mapping,
      rows: p.mapping.rows.map((r) => (r.key === '(tom)' ? { ...r, role: { kind: 'ignore' as const } } : r)),
    };
    const applied = applyLayoutMapping(grid(sheet), mapping, { file: 'budget.xlsx', sheet: 'Budget' });
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    const { plan } = applied.value;
    expect(plan.name).toBe('Samordningsförbundet Exempel');
    expect(plan.costs.find((c) => c.name === 'Arbetsmarknadsteam Gislaved')?.member).toBe('gislaveds-kommun');
    expect(plan.costs.find((c) => c.name === 'Coacher Jobbspår (ESF-projekt)')?.project).toBe('jobbspar');
    expect(plan.stated.find((s) => s.figure === 'lines')).toMatchObject({
      year: 2025,
      value: '1200000',
      precision: '1000',
      lines: ['arbetsmarknadsteam-gislaved', 'coacher-jobbspar-esf-projekt'],
      label: 'Totalt Mysam',
      source: { file: 'budget.xlsx', sheet: 'Budget', line: 13, row: 13, column: 2 },
    });
    const audit = auditPlan(plan);
    expect(audit.errors).toEqual([]);
    expect(audit.entries).toEqual([]);
    expect(audit.checked).toBe(13);
  });
});

describe('signs', () => {
  it('reads costs printed negative as costs and compares their printed totals with the opposite sign', () => {
    const sheet = [
      ['Belopp i tkr', 2025, 2026],
      ['Intäkter'],
      ['Medlemsbidrag', 2000, 2000],
      ['Ingående eget kapital', 500, null],
      ['Kostnader'],
      ['Strukturövergripande insatser'],
      ['Utbildning', -200, -250],
      ['Summa strukturövergripande', -200, -250],
      ['Förvaltning'],
      ['Kansli', -600, -600],
      ['Revision', '(50)', '50-'],
      ['Summa kostnader', -850, -999],
      ['Årets resultat', 1150, 1150],
      ['Utgående eget kapital', 1650, 2800],
    ];
    const p = propose(sheet);
    expect(p.costSign).toBe('negative');
    expect(role(p, 'summa strukturövergripande')?.role).toEqual({
      kind: 'stated',
      figure: 'cost-structural',
      sign: 'negative',
    });
    expect(role(p, 'summa kostnader')).toMatchObject({
      role: { kind: 'stated', figure: 'costs', sign: 'negative' },
      confidence: 'guess',
      explanation:
        "'Summa' och kostnadsraderna summerar till den 2025 men inte 2026 (granskningen visar skillnaden) → summa kostnader; tryckt med minustecken → jämförs med omvänt tecken",
    });
    expect(role(p, 'årets resultat')?.role).toEqual({ kind: 'stated', figure: 'result' });
    expect(role(p, 'utgående eget kapital')?.role).toEqual({ kind: 'stated', figure: 'closing-equity' });
    const applied = applyLayoutMapping(grid(sheet), p.mapping, { file: 'b.xlsx' });
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    expect(applied.value.plan.costs.map((c) => c.amount)).toEqual([
      { type: 'yearly', amounts: { 2025: '200000', 2026: '250000' } },
      { type: 'yearly', amounts: { 2025: '600000', 2026: '600000' } },
      { type: 'yearly', amounts: { 2025: '50000', 2026: '50000' } },
    ]);
    // Only the real slips: 2026's total and result are printed wrong, the negative totals are not slips.
    expect(
      auditPlan(applied.value.plan).entries.map((e) => [
        e.year,
        e.figure,
        e.unit === 'kr' && formatKronor(e.difference),
      ]),
    ).toEqual([
      [2026, 'costs', '99000'],
      [2026, 'result', '50000'],
      [2026, 'closing-equity', '50000'],
    ]);
  });
});

describe('ESF applications', () => {
  it('reads "(om ansökan beviljas)" as an applied project the base plan leaves out', () => {
    const p = propose([
      ['kr', 2025],
      ['ESF-medel Jobbspår (om ansökan beviljas)', 300],
      ['Staten', 1000],
    ]);
    expect(p.rows[1]).toMatchObject({
      role: { kind: 'esf', project: 'Jobbspår', status: 'applied' },
      explanation:
        "'ESF' i radnamnet → ESF-intäkt för projektet Jobbspår; '(om ansökan beviljas)' → ansökt, inte beslutat: räknas inte i grundbudgeten",
    });
    expect(p.rows[1]?.alternative).toBeUndefined();
  });
});

describe('sections', () => {
  it('starts the costs at the first row naming a cost category when the sheet has no headings', () => {
    const p = propose([
      ['kr', 2025],
      ['Staten', 1000],
      ['Regionen', 500],
      ['Kansli', 300],
      ['Samverkansteam', 900],
    ]);
    expect(p.rows[4]?.explanation).toBe(
      "ingen rubrik Kostnader; kostnaderna börjar vid 'Kansli' → kostnad; 'Samverkansteam' i radnamnet → individinriktad insats",
    );
    expect(p.rows.slice(1).map((r) => [r.key, r.role])).toEqual([
      ['staten', { kind: 'member', group: 'state' }],
      ['regionen', { kind: 'member', group: 'region' }],
      ['kansli', { kind: 'cost', category: 'administration' }],
      ['samverkansteam', { kind: 'cost', category: 'individual' }],
    ]);
  });
});
