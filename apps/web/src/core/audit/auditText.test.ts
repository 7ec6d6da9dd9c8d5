import {
  type AuditEntryDetailJson,
  auditPlan,
  type Issue,
  type Plan,
  type PlanInput,
  parsePlan,
  projectionDetailToJson,
  projectPlan,
} from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { showAmount } from '../../format/amounts.ts';
import { type MessageKey, translate } from '../../i18n/messages.ts';
import { figureLabel, linesText, negated, signNote } from './auditEntryText.ts';
import { auditErrorText } from './auditErrorText.ts';
import { auditSourceText } from './auditSource.ts';

/**
 * A plan whose document states figures the way real ones do, for the audit's tests: a cost total
 * printed negative in a workbook, a subtotal of named lines in a CSV, a figure quoted from the text,
 * and a share of a year without costs (which cannot be checked).
 */
const statedPlanInput: PlanInput = {
  name: 'Finsam Test',
  years: [2025, 2026],
  members: [{ id: 'staten', name: 'Staten', group: 'state', amounts: { 2025: '1000000', 2026: '1000000' } }],
  costs: [
    {
      id: 'kansli',
      name: 'Kansli',
      category: 'administration',
      amount: { type: 'yearly', amounts: { 2025: '400000' } },
    },
  ],
  stated: [
    {
      year: 2025,
      figure: 'costs',
      value: '-500000',
      precision: '1000',
      sign: 'negative',
      label: 'Summa kostnader',
      source: { file: 'budget.xlsx', sheet: 'Budget', row: 16, line: 16, column: 1 },
    },
    {
      year: 2025,
      figure: 'lines',
      lines: ['kansli'],
      value: '300000',
      label: '',
      source: { file: 'plan.csv', line: 12, column: 1 },
    },
    {
      year: 2025,
      figure: 'revenue',
      value: '900000',
      label: 'Budgetram',
      source: { file: 'vp.docx', quote: 'Styrelsen har fastställt en budgetram på 900 tkr.' },
    },
    {
      year: 2026,
      figure: 'share-administration',
      value: '0.1',
      label: 'Förvaltningens andel',
      source: { file: 'budget.xlsx', sheet: 'Budget', row: 20, line: 20, column: 1 },
    },
  ],
};

/** The plan, checked by the engine. */
function statedPlan(input: PlanInput = statedPlanInput): Plan {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The audit of a plan as the worker sends it: the entries with their sources, and the errors. */
function auditJson(plan: Plan): { entries: AuditEntryDetailJson[]; errors: Issue[]; checked: number } {
  const projected = projectPlan(plan);
  if (!projected.ok) throw new Error(JSON.stringify(projected.errors));
  const json = projectionDetailToJson(projected.value, auditPlan(plan), {}, { lines: false });
  return { entries: json.audit, errors: json.auditErrors, checked: json.auditChecked };
}

const sv = (key: MessageKey, values?: Record<string, string | number>) => translate('sv', key, values);
const en = (key: MessageKey, values?: Record<string, string | number>) => translate('en', key, values);
const tkr = (v: string) => `${showAmount(v, 'tkr')} tkr`.replace(/[\u00a0\u202f]/g, ' ');

describe('the audit’s texts', () => {
  const plan = statedPlan();
  const audit = auditJson(plan);
  const entry = (label: string, figure: string) => {
    const e = audit.entries.find((x) => x.label === label && x.figure === figure);
    if (!e) throw new Error(`no entry ${label} ${figure}`);
    return e;
  };

  it('names where each figure was read: file and sheet and row, or file and line, or only the quote', () => {
    expect(audit.checked).toBe(3);
    const costs = entry('Summa kostnader', 'costs');
    const lines = entry('', 'lines');
    const quoted = entry('Budgetram', 'revenue');
    expect([costs, lines, quoted].map((e) => auditSourceText(e.source, sv))).toEqual([
      'budget.xlsx, blad Budget, rad 16',
      'plan.csv, rad 12',
      'vp.docx',
    ]);
    expect([costs, lines].map((e) => auditSourceText(e.source, en))).toEqual([
      'budget.xlsx, sheet Budget, row 16',
      'plan.csv, line 12',
    ]);
    expect(quoted.source?.quote).toBe('Styrelsen har fastställt en budgetram på 900 tkr.');
    expect(auditSourceText({ quote: 'Staten står för hälften.' }, en)).toBeNull();
    expect(auditSourceText(undefined, en)).toBeNull();
  });

  it('names the row, or the figure when the document gives no name, and the lines a subtotal sums', () => {
    const lines = entry('', 'lines');
    expect(figureLabel(lines.label, lines.figure, sv)).toBe('summa av namngivna rader');
    expect(figureLabel(lines.label, lines.figure, en)).toBe('total of named lines');
    expect(figureLabel('Summa kostnader', 'costs', en)).toBe('Summa kostnader');
    expect(linesText(lines, plan, sv)).toBe('summerar Kansli');
    expect(linesText(lines, plan, en)).toBe('sums Kansli');
    expect(linesText(entry('Summa kostnader', 'costs'), plan, en)).toBeNull();
  });

  it('shows a figure printed negative as printed, with a note that it is compared with the opposite sign', () => {
    const costs = entry('Summa kostnader', 'costs');
    // Printed −500 tkr, compared as 500 tkr against the computed 400 tkr: a slip of 100 tkr, not 900.
    expect([costs.stated, costs.computed, costs.difference]).toEqual(['-500000', '400000', '100000']);
    expect(tkr(costs.stated)).toBe('−500 tkr');
    expect(signNote(costs, tkr, sv)).toBe('Dokumentet trycker siffran med omvänt tecken; den jämförs som 500 tkr.');
    expect(signNote(costs, tkr, en)).toBe(
      'The document prints this figure with the opposite sign; it is compared as 500 tkr.',
    );
    expect(signNote(entry('Budgetram', 'revenue'), tkr, en)).toBeNull();
    expect([negated('-15869000'), negated('15869000'), negated('0')]).toEqual(['15869000', '-15869000', '0']);
  });

  it('says a figure that could not be checked, with where, in both languages', () => {
    expect(audit.errors.map((e) => e.code)).toEqual(['audit-no-base']);
    const [error] = audit.errors;
    if (!error) return;
    expect(auditErrorText(error, plan, sv)).toEqual({
      text: 'Förvaltningens andel 2026 (budget.xlsx, blad Budget, rad 20): andelen kan inte räknas, kostnaderna är 0 kr',
      quote: null,
    });
    expect(auditErrorText(error, plan, en).text).toBe(
      'Förvaltningens andel 2026 (budget.xlsx, sheet Budget, row 20): the share cannot be computed, costs are 0 kr',
    );
  });

  it('says every setting the audit cannot read, never dropping one', () => {
    // An unvalidated plan (a document edited by hand): the audit reports what validation would refuse.
    const stated = (s: Partial<Plan['stated'][number]>, i: number): Plan['stated'][number] => ({
      year: 2025,
      figure: 'costs',
      value: '1000',
      label: `Rad ${i}`,
      source: { file: 'plan.csv', line: 30 + i },
      ...s,
    });
    const broken: Plan = {
      ...plan,
      // No revenue in 2026: a share of revenue lines cannot be computed that year.
      members: plan.members.map((m) => ({ ...m, amounts: { 2025: '1000000', 2026: '0' } })),
      stated: (
        [
          { value: 'tusen' },
          { precision: 'x' },
          { year: 2030 },
          { when: { project: 'mia', runs: true } },
          { figure: 'lines' },
          { figure: 'lines', lines: ['okand'] },
          { figure: 'lines', lines: ['staten', 'kansli'] },
          { lines: ['kansli'] },
          { figure: 'share-lines', lines: ['staten'], value: '0.5', year: 2026, source: { quote: 'Hälften.' } },
          { figure: 'share-member-state', value: 'hälften' },
        ] satisfies Partial<Plan['stated'][number]>[]
      ).map(stated),
    };
    const { errors } = auditJson(broken);
    expect(errors).toHaveLength(broken.stated.length);
    const texts = errors.map((e) => auditErrorText(e, broken, en));
    expect(texts.map((x) => x.text)).toEqual([
      'Rad 0 2025 (plan.csv, line 30): “tusen” is not an amount in kronor',
      'Rad 1 2025 (plan.csv, line 31): the precision “x” is not a positive number',
      'Rad 2 2030 (plan.csv, line 32): 2030 is not one of the plan’s years (2025, 2026)',
      'Rad 3 2025 (plan.csv, line 33): the ESF project “mia” is not in the plan',
      'Rad 4 2025 (plan.csv, line 34): it does not say which lines it sums',
      'Rad 5 2025 (plan.csv, line 35): the line “okand” is not in the plan',
      'Rad 6 2025 (plan.csv, line 36): a total of lines takes either revenue or costs, not both',
      'Rad 7 2025 (plan.csv, line 37): only a total or share of lines names lines',
      'Rad 8 2026: the share cannot be computed, revenue is 0 kr',
      'Rad 9 2025 (plan.csv, line 39): “hälften” is not a share (e.g. “0.092” for 9,2 %)',
    ]);
    expect(texts[8]?.quote).toBe('Hälften.');
    expect(auditErrorText(errors[0] as Issue, broken, sv).text).toBe(
      'Rad 0 2025 (plan.csv, rad 30): ”tusen” är inget belopp i kronor',
    );
  });

  it('says an error by its own place when the plan on screen no longer has its figure there', () => {
    const [error] = audit.errors;
    if (!error) return;
    const edited = { ...plan, stated: plan.stated.slice(0, 2) };
    expect(auditErrorText(error, edited, en)).toEqual({
      text: 'budget.xlsx, line 20: could not be checked (audit-no-base)',
      quote: null,
    });
  });
});
