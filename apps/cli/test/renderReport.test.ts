import { auditPlan, type Plan, type PlanInput, parsePlan, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { describeSource, type Report, renderReport } from '../src/renderReport.ts';

const parse = (input: PlanInput): Plan => {
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

// 2025: revenue 4 000 000 kr (FK 2 000 000, region and kommun 1 000 000 each), costs 15 869 000
// (Team 15 000 000, Kansli 869 000): result −11 869 000, equity 20 000 000 → 8 131 000.
const plan = (stated: NonNullable<PlanInput['stated']>): Plan =>
  parse({
    name: 'Rapportförbundet',
    years: [2025],
    openingEquity: '20000000',
    members: [
      { id: 'fk', name: 'FK', group: 'state', amounts: { '2025': '2000000' } },
      { id: 'reg', name: 'Regionen', group: 'region' },
      { id: 'kom', name: 'Kommunen', group: 'kommun' },
    ],
    costs: [
      { id: 'team', name: 'Team', category: 'individual', amount: { type: 'yearly', amounts: { '2025': '15000000' } } },
      {
        id: 'kansli',
        name: 'Kansli',
        category: 'administration',
        amount: { type: 'yearly', amounts: { '2025': '869000' } },
      },
    ],
    stated,
  });

const report = (p: Plan, audit = auditPlan(p)): string => {
  const projection = projectPlan(p);
  if (!projection.ok) throw new Error('projection');
  const r: Report = {
    title: p.name,
    projectNames: new Map(),
    scenarioName: 'Grundplan',
    projection: projection.value,
    audit,
    spendingRoom: null,
    stateCut: null,
  };
  return renderReport(r);
};

/** The report's audit section, up to the blank line after it. */
const auditLines = (text: string): string[] => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Granskning'));
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
};

describe('renderReport: the audit names each row and where it came from', () => {
  it('a cost total printed negative is no slip; one off by a tkr names its row, line and file', () => {
    const text = report(
      plan([
        {
          year: 2025,
          figure: 'costs',
          value: '-15869000',
          precision: '1000',
          sign: 'negative',
          label: 'Summa kostnader',
          source: { file: 'plan.csv', line: 33 },
        },
        {
          year: 2025,
          figure: 'costs',
          value: '-15870000',
          precision: '1000',
          sign: 'negative',
          label: 'Summa kostnader (text)',
          source: { file: 'plan.csv', line: 34 },
        },
      ]),
    );
    expect(auditLines(text)).toEqual([
      'Granskning: 1 av 2 angivna summor stämmer inte med beräkningen:',
      '  2025  Summa kostnader (text) (rad 34 i plan.csv): dokumentet \u221215\u00a0870 tkr, beräknat 15\u00a0869 tkr, skillnad +1 tkr (dokumentet anger talet med omvänt tecken)',
    ]);
  });

  it('a workbook row with its sheet, a sentence of the text, and a sum of lines without a label', () => {
    const text = report(
      plan([
        {
          year: 2025,
          figure: 'lines',
          lines: ['team', 'kansli'],
          value: '15870000',
          source: { file: 'budget.xlsx', sheet: 'Budget 2025', row: 12, column: 3 },
        },
        {
          year: 2025,
          figure: 'costs',
          value: '8562000',
          precision: '1000',
          label: 'Budgetram',
          source: { file: 'vp.docx', quote: 'Styrelsen har fastställt en budgetram på 8 562 tkr.' },
        },
        { year: 2025, figure: 'share-member-state', value: '0.6', label: 'Statens andel' },
      ]),
    );
    expect(auditLines(text)).toEqual([
      'Granskning: 3 av 3 angivna summor stämmer inte med beräkningen:',
      '  2025  summa av rader (team, kansli) (rad 12 på bladet Budget 2025 i budget.xlsx): dokumentet 15\u00a0870 tkr, beräknat 15\u00a0869 tkr, skillnad +1 tkr',
      '  2025  Budgetram (i texten \u201dStyrelsen har fastställt en budgetram på 8 562 tkr.\u201d i vp.docx): dokumentet 8\u00a0562 tkr, beräknat 15\u00a0869 tkr, skillnad \u22127\u00a0307 tkr',
      '  2025  Statens andel: dokumentet 60,0 %, beräknat 50,00 %',
    ]);
  });

  it('lists the figures the audit could not check, with file:line:column', () => {
    const p = plan([{ year: 2025, figure: 'costs', value: '15869000', label: 'Summa kostnader' }]);
    const broken: Plan = {
      ...p,
      stated: [
        ...p.stated,
        {
          year: 2025,
          figure: 'costs',
          value: '15 869 tkr',
          label: 'Summa kostnader',
          source: { file: 'budget.xlsx', sheet: 'Budget', row: 34, column: 2 },
        },
      ],
    };
    expect(auditLines(report(broken))).toEqual([
      'Granskning: alla 1 angivna summor stämmer.',
      'En angiven siffra kunde inte kontrolleras:',
      '  budget.xlsx:34:2: Angiven siffra "Summa kostnader" 2025: "15 869 tkr" är inget belopp i kronor',
    ]);
    const none: Plan = { ...broken, stated: broken.stated.slice(1) };
    expect(auditLines(report(none))[0]).toBe('Granskning: ingen av planens angivna summor kunde kontrolleras.');
  });
});

describe('describeSource', () => {
  it('says where a figure came from as a person would, and nothing when nothing is known', () => {
    expect(describeSource({ file: 'plan.csv', line: 34, column: 2 })).toBe('rad 34 i plan.csv');
    expect(describeSource({ line: 34 })).toBe('rad 34');
    expect(describeSource({ file: 'b.xlsx', sheet: 'Budget', row: 7, line: 99 })).toBe(
      'rad 7 på bladet Budget i b.xlsx',
    );
    expect(describeSource({ quote: 'x'.repeat(100) })).toBe(`i texten \u201d${'x'.repeat(79)}…\u201d`);
    expect(describeSource({})).toBeNull();
    expect(describeSource(undefined)).toBeNull();
  });
});
