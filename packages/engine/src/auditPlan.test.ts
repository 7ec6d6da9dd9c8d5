import { describe, expect, it } from 'vitest';
import { type AuditEntry, auditPlan, figureValue } from './auditPlan.ts';
import { parsePlan } from './parsePlan.ts';
import type { Plan, PlanInput, StatedFigure } from './planSchema.ts';
import { projectPlan } from './projectPlan.ts';
import { parseRate, type Rate, rate } from './rate.ts';

/** "15 333,5" tkr → "15333500" kr. */
const tkr = (text: string): string => {
  const [whole = '0', frac = ''] = text.replace(/\s/g, '').split(',');
  const kr = BigInt(whole) * 1000n + BigInt(frac.padEnd(3, '0').slice(0, 3));
  return kr.toString();
};
const years3 = (a: string, b: string, c: string) => ({ '2023': tkr(a), '2024': tkr(b), '2025': tkr(c) });
const pct = (text: string) => {
  // "9,2 %" → "0.092"
  const [whole = '0', frac = '0'] = text.replace(/\s*%/, '').split(',');
  return (Number(whole) / 100 + Number(frac) / 1000).toFixed(3);
};

type StatedInput = NonNullable<PlanInput['stated']>[number];

/**
 * Göteborg 2023 (seed 000), section 6.1 Driftbudget, in kronor; the stated figures as the document prints
 * them, in whole tkr and shares with one decimal of a percent.
 */
function goteborg(): PlanInput {
  const cost = (
    id: string,
    name: string,
    category: 'individual' | 'structural' | 'administration',
    v: [string, string, string],
    project?: string,
  ) => ({
    id,
    name,
    category,
    ...(project ? { project } : {}),
    amount: { type: 'yearly' as const, amounts: years3(...v) },
  });
  const stated: StatedInput[] = [];
  const state = (figure: StatedFigure, label: string, values: (string | null)[]) =>
    values.forEach((v, i) => {
      if (v === null) return;
      const share = figure.startsWith('share-');
      stated.push({
        year: 2023 + i,
        figure,
        label,
        value: share ? pct(v) : tkr(v),
        precision: share ? '0.001' : '1000',
      });
    });
  state('revenue-with-equity', 'Summa intäkter (inkl. ingående eget kapital)', ['79 898', '70 747', '68 914']);
  state('opening-equity', 'Ingående eget kapital (tabellen Intäkter)', ['12 604', '4 065', '2 683']);
  state('member-revenue', 'Medlemsintäkter', ['61 334', '61 334', '61 334']);
  state('member-revenue', 'Totalt medlemsintäkter (text)', ['61 224', null, null]);
  state('cost-structural', 'Strukturövergripande insatser, SUMMA', ['1 950', '905', '905']);
  state('cost-individual', 'Individinriktade insatser, SUMMA', ['66 816', '60 163', '59 004']);
  state('cost-administration', 'Förvaltningskostnader, SUMMA', ['6 958', '6 981', '7 009']);
  state('costs', 'SUMMA KOSTNADER', ['75 724', '68 049', '66 918']);
  state('closing-equity', 'Eget kapital vid årets slut (text)', ['4 174', '2 807', '2 120']);
  state('share-structural', 'Strukturövergripande, andel', ['2,6 %', '1,3 %', '1,4 %']);
  state('share-individual', 'Individinriktade, andel', ['88,2 %', '88,4 %', '88,2 %']);
  state('share-administration', 'Förvaltning, andel', ['9,2 %', '10,2 %', '10,5 %']);
  return {
    name: 'Samordningsförbundet Göteborg 2023–2025',
    years: [2023, 2024, 2025],
    openingEquity: tkr('12 604'),
    members: [
      { id: 'fk', name: 'Staten gm Försäkringskassan', group: 'state', amounts: years3('30 667', '30 667', '30 667') },
      {
        id: 'vgr',
        name: 'Västra Götalandsregionen',
        group: 'region',
        amounts: years3('15 333,5', '15 333,5', '15 333,5'),
      },
      { id: 'gbg', name: 'Göteborgs Stad', group: 'kommun', amounts: years3('15 333,5', '15 333,5', '15 333,5') },
    ],
    esfProjects: [
      { id: 'landa', name: 'LANDA och Move On', status: 'approved' },
      { id: 'gg', name: 'Gränsgångare', status: 'approved' },
    ],
    revenues: [
      {
        id: 'esf-landa',
        kind: 'esf',
        name: 'ESF-medel LANDA och Move On',
        project: 'landa',
        amounts: years3('449', '0', '0'),
      },
      {
        id: 'esf-gg',
        kind: 'esf',
        name: 'ESF-medel lokalt projekt Gränsgångare',
        project: 'gg',
        amounts: years3('3 308', '3 308', '2 757'),
      },
      {
        id: 'esf-gg-pl',
        kind: 'esf',
        name: 'ESF-medel projektledning Gränsgångare',
        project: 'gg',
        amounts: years3('2 163', '2 000', '2 100'),
      },
      { id: 'utb', kind: 'income', name: 'Övriga intäkter', amounts: years3('40', '40', '40') },
    ],
    costs: [
      cost('utv', 'Utvecklingsmedel', 'structural', ['139', '40', '40']),
      cost('utb-k', 'Utbildning', 'structural', ['375', '375', '375']),
      cost('kom', 'Kommunikation + Insatskatalogen', 'structural', ['291', '300', '300']),
      cost('nat', 'Nätverk', 'structural', ['208', '125', '125']),
      cost('sgl', 'Sgl Noll', 'structural', ['400', '0', '0']),
      cost('ana', 'Analys och Utvärdering', 'structural', ['537', '65', '65']),
      cost('ist', 'Individsamverkansteam', 'individual', ['10 930', '10 000', '9 125']),
      cost('unga', 'Unga vuxna', 'individual', ['13 770', '13 300', '13 325']),
      cost('col', 'Columbus', 'individual', ['1 004', '1 006', '1 008']),
      cost('vux', 'Vuxna', 'individual', ['14 616', '13 300', '13 125']),
      cost('ha', 'Hälsa och Aktivitet', 'individual', ['13 145', '11 300', '11 125']),
      cost('move', 'ESF-projekt Move On', 'individual', ['500', '0', '0'], 'landa'),
      cost('move-impl', 'Move On implementering', 'individual', ['1 440', '0', '0']),
      cost('landa-c', 'ESF-projektet LANDA', 'individual', ['360', '0', '0'], 'landa'),
      cost('gg-lok', 'ESF-projekt lokalt projekt Gränsgångare', 'individual', ['2 433', '2 802', '2 741'], 'gg'),
      cost('gg-led', 'ESF-projekt ledning Gränsgångare', 'individual', ['2 163', '2 000', '2 100'], 'gg'),
      cost('lokal', 'Lokal', 'individual', ['6 455', '6 455', '6 455']),
      cost('adm', 'Adm. kostnader + reservationer', 'administration', ['900', '900', '900']),
      cost('sty', 'Styrelsen', 'administration', ['450', '450', '450']),
      cost('rev', 'Revision', 'administration', ['200', '200', '200']),
      cost('kansli', 'Kansli', 'administration', ['4 908', '4 931', '4 959']),
      cost('mat', 'Material/representation', 'administration', ['500', '500', '500']),
    ],
    stated,
  };
}

const parse = (input: PlanInput): Plan => {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** Two rates are the same number (the engine may leave ratios unreduced). */
const same = (a: unknown, b: Rate): boolean => {
  const r = a as Rate | null | undefined;
  return !!r && r.d > 0n && r.n * b.d === b.n * r.d;
};

const kr = (e: AuditEntry) =>
  e.unit === 'kr' ? [e.year, e.figure, e.stated / 100, e.computed / 100, e.difference / 100] : null;

describe('auditPlan on Göteborg 2023', () => {
  const plan = parse(goteborg());

  it('recomputes the equity the text states: 12 604 → 4 174 → 2 807 → 2 120 tkr', () => {
    const p = projectPlan(plan);
    expect(p.ok && p.value.rows.map((r) => r.closingEquity / 100_000)).toEqual([4174, 2807, 2120]);
    expect(p.ok && p.value.rows.map((r) => r.revenue / 100_000)).toEqual([67_294, 66_682, 66_231]);
  });

  it('reports only the figures that disagree, with stated − computed', () => {
    const audit = auditPlan(plan);
    expect(audit.checked).toBe(34);
    expect(audit.entries.filter((e) => e.unit === 'kr').map(kr)).toEqual([
      [2024, 'revenue-with-equity', 70_747_000, 70_856_000, -109_000],
      [2025, 'revenue-with-equity', 68_914_000, 69_038_000, -124_000],
      [2024, 'opening-equity', 4_065_000, 4_174_000, -109_000],
      [2025, 'opening-equity', 2_683_000, 2_807_000, -124_000],
      [2023, 'member-revenue', 61_224_000, 61_334_000, -110_000],
    ]);
    const shares = audit.entries.filter((e) => e.unit === 'share');
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ year: 2024, figure: 'share-administration', label: 'Förvaltning, andel' });
    expect(same(shares[0]?.stated, parseRate('0.102') as Rate)).toBe(true);
    expect(same(shares[0]?.computed, rate(6981, 68049))).toBe(true);
    // 0.102 − 6981/68049 = −0.000588…
    expect(same(shares[0]?.difference, rate(102n * 68049n - 6981n * 1000n, 1000n * 68049n))).toBe(true);
  });

  it('keeps the label of the stated figure', () => {
    const entry = auditPlan(plan).entries.find((e) => e.figure === 'member-revenue');
    expect(entry?.label).toBe('Totalt medlemsintäkter (text)');
  });
});

/** A plan with revenue 4 000 000 kr, costs 3 000 123.45 kr and an applied ESF project worth 500 000 kr. */
function small(stated: StatedInput[]): Plan {
  return parse({
    name: 'Revisionsförbundet',
    years: [2023, 2024, 2025],
    openingEquity: '1000000',
    members: [
      { id: 'fk', name: 'FK', group: 'state', amounts: { '2023': '2000000', '2024': '2000000', '2025': '2000000' } },
      { id: 'reg', name: 'Region', group: 'region' },
      { id: 'kom', name: 'Kommun', group: 'kommun' },
    ],
    esfProjects: [{ id: 'mia', name: 'MIA', status: 'applied' }],
    revenues: [{ id: 'mia-rev', kind: 'esf', name: 'ESF MIA', project: 'mia', amounts: { '2023': '500000' } }],
    costs: [
      {
        id: 'ind',
        name: 'Insatser',
        category: 'individual',
        amount: { type: 'yearly', amounts: { '2023': '2700123.45', '2024': '2700500', '2025': '2700000' } },
      },
      {
        id: 'adm',
        name: 'Kansli',
        category: 'administration',
        amount: { type: 'yearly', amounts: { '2023': '300000', '2024': '300000', '2025': '300000' } },
      },
      {
        id: 'mia-c',
        name: 'MIA',
        category: 'individual',
        project: 'mia',
        amount: { type: 'yearly', amounts: { '2023': '200000' } },
      },
    ],
    stated,
  });
}

describe('auditPlan: precision, shares and conditions', () => {
  it('a figure stated in whole tkr is not flagged for a sub-tkr difference, but is when the rounding differs', () => {
    const audit = auditPlan(
      small([
        { year: 2023, figure: 'costs', value: '3000000', precision: '1000' },
        { year: 2024, figure: 'costs', value: '3000000', precision: '1000' },
        { year: 2024, figure: 'costs', value: '3001000', precision: '1000' },
      ]),
    );
    expect(audit.checked).toBe(3);
    // 3 000 500 rounds half away from zero to 3 001 tkr: only the "3 000" figure for 2024 is wrong.
    expect(audit.entries.map(kr)).toEqual([[2024, 'costs', 3_000_000, 3_000_500, -500]]);
  });

  it('without a precision, one öre off is a finding', () => {
    const audit = auditPlan(
      small([
        { year: 2023, figure: 'costs', value: '3000123.45' },
        { year: 2023, figure: 'costs', value: '3000123.44' },
      ]),
    );
    expect(audit.entries.map(kr)).toEqual([[2023, 'costs', 3_000_123.44, 3_000_123.45, -0.01]]);
  });

  it('rounds negative figures away from zero', () => {
    // Result 2024: 4 000 000 − 3 000 500 = 999 500; closing after three years is checked too.
    const audit = auditPlan(
      small([
        { year: 2024, figure: 'result', value: '1000000', precision: '1000' },
        { year: 2024, figure: 'cost-operations', value: '-2701000', precision: '1000' },
      ]),
    );
    expect(audit.entries.map(kr)).toEqual([[2024, 'cost-operations', -2_701_000, 2_700_500, -5_401_500]]);
    const negative = auditPlan(small([{ year: 2024, figure: 'result', value: '-1000000', precision: '1000' }]));
    expect(negative.entries.map(kr)).toEqual([[2024, 'result', -1_000_000, 999_500, -1_999_500]]);
  });

  it('share figures with one decimal of a percent', () => {
    // 2023: admin 300 000 / 3 000 123.45 = 9.99959 % → "10,0 %"
    const audit = auditPlan(
      small([
        { year: 2023, figure: 'share-administration', value: '0.1', precision: '0.001' },
        { year: 2023, figure: 'share-administration', value: '0.099', precision: '0.001' },
        { year: 2023, figure: 'share-administration', value: '0.1' },
      ]),
    );
    expect(audit.checked).toBe(3);
    expect(audit.entries.map((e) => e.unit)).toEqual(['share', 'share']);
    expect(same(audit.entries[0]?.stated, parseRate('0.099') as Rate)).toBe(true);
    expect(same(audit.entries[1]?.stated, parseRate('0.1') as Rate)).toBe(true);
    expect(same(audit.entries[0]?.computed, rate(30_000_000, 300_012_345))).toBe(true);
    expect(
      same(audit.entries[0]?.difference, rate(99n * 300_012_345n - 30_000_000n * 1000n, 1000n * 300_012_345n)),
    ).toBe(true);
  });

  it('checks a figure made on an ESF assumption against the plan with that project running, or not', () => {
    const audit = auditPlan(
      small([
        // With MIA: revenue 4 500 000. The base plan leaves the applied project out (4 000 000).
        { year: 2023, figure: 'revenue', value: '4500000', when: { project: 'mia', runs: true }, label: 'Med MIA' },
        { year: 2023, figure: 'revenue', value: '4500000', label: 'Utan villkor' },
        { year: 2023, figure: 'costs', value: '3200123.45', when: { project: 'mia', runs: true } },
        { year: 2023, figure: 'revenue', value: '4000000', when: { project: 'mia', runs: false } },
      ]),
    );
    expect(audit.checked).toBe(4);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      label: 'Utan villkor',
      when: undefined,
      stated: 450_000_000,
      computed: 400_000_000,
    });
  });

  it('reports the condition and source with the entry', () => {
    const audit = auditPlan(
      small([
        {
          year: 2023,
          figure: 'revenue-with-equity',
          value: '1',
          when: { project: 'mia', runs: true },
          source: { file: 'vp.pdf', line: 42 },
        },
      ]),
    );
    expect(audit.entries[0]).toMatchObject({
      unit: 'kr',
      computed: 550_000_000,
      when: { project: 'mia', runs: true },
      source: { file: 'vp.pdf', line: 42 },
    });
  });

  it('a share of zero costs cannot be checked: an error of the audit, not a silent skip', () => {
    const plan = parse({
      name: 'Tom',
      years: [2023, 2024, 2025],
      openingEquity: '0',
      members: [],
      stated: [
        { year: 2023, figure: 'share-administration', value: '0.1', label: 'Förvaltning, andel' },
        { year: 2023, figure: 'costs', value: '0' },
      ],
    });
    expect(auditPlan(plan)).toEqual({
      checked: 1,
      entries: [],
      errors: [
        {
          code: 'audit-no-base',
          message: 'Angiven siffra "Förvaltning, andel" 2023: andelen kan inte räknas, kostnaderna är 0 kr',
          params: { figure: 'share-administration', year: 2023, label: 'Förvaltning, andel', base: 'costs' },
          path: ['stated', 0, 'figure'],
          field: 'figure',
        },
      ],
    });
  });

  it('figureValue maps every figure to the projected row', () => {
    const p = projectPlan(small([]));
    if (!p.ok) throw new Error('projection');
    const row = p.value.rows[0];
    if (!row) throw new Error('row');
    expect(figureValue(row, 'revenue-with-equity')).toBe(500_000_000);
    expect(figureValue(row, 'cost-operations')).toBe(270_012_345);
    expect(figureValue(row, 'opening-equity')).toBe(100_000_000);
    expect(same(figureValue(row, 'share-unallocated'), rate(0))).toBe(true);
    expect(same(figureValue(row, 'share-administration'), rate(30_000_000, 300_012_345))).toBe(true);
    expect(figureValue({ ...row, costs: 0 as typeof row.costs }, 'share-individual')).toBeNull();
  });
});

describe('stated figures the audit cannot read are refused', () => {
  it('a stated amount finer than öre is a parse error with its path, not a silent pass', () => {
    const result = parsePlan({
      ...(small([]) as unknown as PlanInput),
      stated: [{ year: 2023, figure: 'costs', value: '3000000.001' }],
    });
    expect(!result.ok && result.errors.map((e) => [e.code, e.path])).toEqual([
      ['amount-precision', ['stated', 0, 'value']],
    ]);
  });
});

// The small plan in 2023: revenue 4 000 000 (FK 2 000 000, region and kommun 1 000 000 each; the
// applied ESF project MIA is left out), costs 3 000 123.45 (Insatser 2 700 123.45, Kansli 300 000).

describe('auditPlan: signs as the document prints them', () => {
  it('a cost total printed negative is not a slip; the same figure without its sign is', () => {
    const printed = {
      year: 2023,
      figure: 'costs',
      value: '-3000000',
      precision: '1000',
      label: 'Summa kostnader',
    } as const;
    expect(auditPlan(small([{ ...printed, sign: 'negative' }]))).toEqual({ checked: 1, entries: [], errors: [] });
    // read as the engine's convention, it is off by twice its size: the false slip the sign removes
    expect(auditPlan(small([printed])).entries.map(kr)).toEqual([
      [2023, 'costs', -3_000_000, 3_000_123.45, -6_000_123.45],
    ]);
  });

  it('a negative-printed total that is off keeps its printed value; the difference is in the engine’s sign', () => {
    const audit = auditPlan(
      small([
        {
          year: 2023,
          figure: 'costs',
          value: '-3001000',
          precision: '1000',
          sign: 'negative',
          label: 'Summa kostnader',
        },
      ]),
    );
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ label: 'Summa kostnader', sign: 'negative', unit: 'kr' });
    expect(audit.entries.map(kr)).toEqual([[2023, 'costs', -3_001_000, 3_000_123.45, 876.55]]);
  });

  it('the sign applies to any figure: a result printed with the opposite sign', () => {
    // 2023 result: 4 000 000 − 3 000 123.45 = 999 876.55, printed as "−1 000" tkr in a table that prints surpluses negative
    const right = auditPlan(
      small([{ year: 2023, figure: 'result', value: '-1000000', precision: '1000', sign: 'negative' }]),
    );
    expect(right.entries).toEqual([]);
    const plain = auditPlan(small([{ year: 2023, figure: 'result', value: '1000000', precision: '1000' }]));
    expect(plain.entries).toEqual([]);
  });
});

describe('auditPlan: subtotals of named lines, ESF and other income, opening equity, shares', () => {
  it('a stated group subtotal off by 1 000 kr is one slip with that difference', () => {
    const group = { year: 2023, figure: 'lines' as const, lines: ['ind', 'adm'], label: 'Personalkostnader' };
    expect(auditPlan(small([{ ...group, value: '3000123.45' }])).entries).toEqual([]);
    const audit = auditPlan(small([{ ...group, value: '3001123.45' }]));
    expect(audit.entries.map(kr)).toEqual([[2023, 'lines', 3_001_123.45, 3_000_123.45, 1000]]);
    expect(audit.entries[0]).toMatchObject({ label: 'Personalkostnader', lines: ['ind', 'adm'] });
    // printed negative and in tkr, the same slip
    const negative = auditPlan(small([{ ...group, value: '-3001000', precision: '1000', sign: 'negative' }]));
    expect(negative.entries.map(kr)).toEqual([[2023, 'lines', -3_001_000, 3_000_123.45, 876.55]]);
  });

  it('a subtotal of revenue lines, and of a rejected project’s lines under its assumption', () => {
    const audit = auditPlan(
      small([
        { year: 2023, figure: 'lines', lines: ['fk', 'reg'], value: '3000000' },
        {
          year: 2023,
          figure: 'lines',
          lines: ['mia-rev', 'fk'],
          value: '2500000',
          when: { project: 'mia', runs: true },
        },
        { year: 2023, figure: 'lines', lines: ['mia-c'], value: '0' },
        { year: 2023, figure: 'lines', lines: ['mia-c'], value: '200000', when: { project: 'mia', runs: true } },
      ]),
    );
    expect(audit).toMatchObject({ checked: 4, entries: [], errors: [] });
  });

  it('shares of named lines: of total costs for cost lines, of total revenue for revenue lines', () => {
    const audit = auditPlan(
      small([
        // 300 000 / 3 000 123.45 = 9.99959 % → 10.0 %
        { year: 2023, figure: 'share-lines', lines: ['adm'], value: '0.1', precision: '0.001' },
        {
          year: 2023,
          figure: 'share-lines',
          lines: ['adm'],
          value: '0.099',
          precision: '0.001',
          label: 'Kansli, andel',
        },
        // 2 000 000 / 4 000 000
        { year: 2023, figure: 'share-lines', lines: ['fk'], value: '0.5' },
      ]),
    );
    expect(audit.checked).toBe(3);
    expect(audit.entries).toHaveLength(1);
    const e = audit.entries[0];
    expect(e).toMatchObject({ unit: 'share', label: 'Kansli, andel', figure: 'share-lines' });
    expect(same(e?.stated, rate(99, 1000))).toBe(true);
    expect(same(e?.computed, rate(30_000_000, 300_012_345))).toBe(true);
    expect(same(e?.difference, rate(99 * 300_012_345 - 30_000_000 * 1000, 1000 * 300_012_345))).toBe(true);
  });

  it('member shares: the law’s 50/25/25; a stated 60 % for the state is a slip of 10 points', () => {
    const shares = (state: string) =>
      small([
        { year: 2023, figure: 'share-member-state', value: state },
        { year: 2023, figure: 'share-member-region', value: '0.25' },
        { year: 2023, figure: 'share-member-kommun', value: '0.25' },
      ]);
    expect(auditPlan(shares('0.5'))).toEqual({ checked: 3, entries: [], errors: [] });
    const slip = auditPlan(shares('0.6')).entries;
    expect(slip.map((e) => e.figure)).toEqual(['share-member-state']);
    expect(same(slip[0]?.difference, rate(1, 10))).toBe(true);
  });

  it('ESF revenue and other income totals, with and without the ESF assumption', () => {
    const audit = auditPlan(
      small([
        { year: 2023, figure: 'esf-revenue', value: '0' },
        { year: 2023, figure: 'esf-revenue', value: '500000', when: { project: 'mia', runs: true } },
        { year: 2023, figure: 'other-revenue', value: '40000', label: 'Övriga intäkter' },
      ]),
    );
    expect(audit.checked).toBe(3);
    expect(audit.entries.map(kr)).toEqual([[2023, 'other-revenue', 40_000, 0, 40_000]]);
  });

  it('stated opening equity: of the first year, and of a later year as the roll-forward gives it', () => {
    // 2024 opening = 1 000 000 + 999 876.55
    const audit = auditPlan(
      small([
        { year: 2023, figure: 'opening-equity', value: '1000000' },
        { year: 2024, figure: 'opening-equity', value: '1999876.55' },
        { year: 2024, figure: 'opening-equity', value: '2000000', label: 'Ingående eget kapital (tabellen)' },
      ]),
    );
    expect(audit.entries.map(kr)).toEqual([[2024, 'opening-equity', 2_000_000, 1_999_876.55, 123.45]]);
    // a plan that states none counts from 0, so a document's opening equity shows as a difference
    const { openingEquity: _, ...rest } = small([{ year: 2023, figure: 'opening-equity', value: '1000000' }]);
    expect(auditPlan(parse(rest as PlanInput)).entries.map(kr)).toEqual([
      [2023, 'opening-equity', 1_000_000, 0, 1_000_000],
    ]);
  });
});

describe('auditPlan: every entry says where it came from', () => {
  it('a figure read from the text carries its sentence; one from a workbook its sheet and row', () => {
    const quote = 'Styrelsen har fastställt en budgetram för 2023 på 3 100 tkr.';
    const audit = auditPlan(
      small([
        {
          year: 2023,
          figure: 'costs',
          value: '3100000',
          precision: '1000',
          label: 'Budgetram',
          source: { file: 'vp.docx', quote },
        },
        {
          year: 2023,
          figure: 'costs',
          value: '-3001000',
          precision: '1000',
          sign: 'negative',
          label: 'Summa kostnader',
          source: { file: 'budget.xlsx', sheet: 'Budget 2023', row: 34, column: 3 },
        },
      ]),
    );
    expect(audit.entries.map((e) => [e.label, e.source])).toEqual([
      ['Budgetram', { file: 'vp.docx', quote }],
      ['Summa kostnader', { file: 'budget.xlsx', sheet: 'Budget 2023', row: 34, column: 3 }],
    ]);
  });
});

describe('auditPlan: a setting that does not parse is an error, never skipped', () => {
  // An unvalidated plan (parsePlan refuses each of these): the audit reports, and checks the rest.
  const raw = (stated: Record<string, unknown>[]): Plan => ({ ...small([]), stated: stated as Plan['stated'] });

  it('reports each malformed figure with its path and checks the others', () => {
    const audit = auditPlan(
      raw([
        {
          year: 2023,
          figure: 'costs',
          value: '3 000 tkr',
          label: 'Summa kostnader',
          source: { file: 'budget.xlsx', sheet: 'Budget', row: 34, column: 3 },
        },
        { year: 2023, figure: 'costs', value: '3000000', precision: 'tusental', label: 'Summa kostnader' },
        { year: 2023, figure: 'share-administration', value: '0.1', precision: '0' },
        { year: 2023, figure: 'share-administration', value: 'tio procent' },
        { year: 2019, figure: 'costs', value: '1' },
        { year: 2023, figure: 'lines', value: '1', lines: ['ind', 'okänd'] },
        { year: 2023, figure: 'lines', value: '1' },
        { year: 2023, figure: 'share-lines', value: '1', lines: ['ind', 'fk'] },
        { year: 2023, figure: 'costs', value: '1', lines: ['ind'] },
        { year: 2023, figure: 'costs', value: '1', when: { project: 'okänt', runs: true } },
        { year: 2023, figure: 'costs', value: '3000123.45', label: 'Rätt' },
      ]),
    );
    expect(audit.errors.map((e) => [e.code, e.path?.join('.')])).toEqual([
      ['audit-invalid-value', 'stated.0.value'],
      ['audit-invalid-precision', 'stated.1.precision'],
      ['audit-invalid-precision', 'stated.2.precision'],
      ['audit-invalid-value', 'stated.3.value'],
      ['audit-year-outside-plan', 'stated.4.year'],
      ['audit-unknown-line', 'stated.5.lines.1'],
      ['audit-lines-missing', 'stated.6.lines'],
      ['audit-mixed-lines', 'stated.7.lines'],
      ['audit-lines-not-allowed', 'stated.8.lines'],
      ['audit-unknown-project', 'stated.9.when.project'],
    ]);
    expect(audit.errors[0]?.message).toBe(
      'Angiven siffra "Summa kostnader" 2023: "3 000 tkr" är inget belopp i kronor',
    );
    expect(audit.errors[1]?.message).toBe(
      'Angiven siffra "Summa kostnader" 2023: noggrannheten "tusental" är inget positivt tal',
    );
    expect(audit).toMatchObject({ checked: 1, entries: [] });
  });

  it('gives each error the values its message names, for a UI in another language', () => {
    const audit = auditPlan(
      raw([
        { year: 2023, figure: 'costs', value: '3 000 tkr', label: 'Summa kostnader' },
        { year: 2023, figure: 'costs', value: '3000000', precision: 'tusental' },
        { year: 2019, figure: 'costs', value: '1' },
        { year: 2023, figure: 'lines', value: '1', lines: ['ind', 'okänd'] },
        { year: 2023, figure: 'costs', value: '1', when: { project: 'okänt', runs: true } },
      ]),
    );
    expect(audit.errors.map((e) => [e.code, e.params])).toEqual([
      ['audit-invalid-value', { figure: 'costs', year: 2023, label: 'Summa kostnader', value: '3 000 tkr' }],
      ['audit-invalid-precision', { figure: 'costs', year: 2023, precision: 'tusental' }],
      ['audit-year-outside-plan', { figure: 'costs', year: 2019, years: '2023, 2024, 2025' }],
      ['audit-unknown-line', { figure: 'lines', year: 2023, line: 'okänd' }],
      ['audit-unknown-project', { figure: 'costs', year: 2023, project: 'okänt' }],
    ]);
  });

  it('parsePlan refuses a precision of 0 (the last printed digit is worth something)', () => {
    const result = parsePlan({
      ...(small([]) as unknown as PlanInput),
      stated: [{ year: 2023, figure: 'costs', value: '3000000', precision: '0' }],
    });
    expect(!result.ok && result.errors.map((e) => [e.code, e.path])).toEqual([
      ['precision-zero', ['stated', 0, 'precision']],
    ]);
  });
});
