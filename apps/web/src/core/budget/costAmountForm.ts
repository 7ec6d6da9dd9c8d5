/**
 * The cost line form's pure part: the texts a cost amount is shown as, reading typed texts back
 * into an amount (with a message key per invalid field), and which field a store issue is about.
 * No DOM, no React, so vitest covers it directly.
 */
import type { CostAmount, Issue } from '@samplan/engine';
import { percentText, readAmount, readDecimal, readPercent, showAmount, type Unit } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export type AmountType = CostAmount['type'];
export const AMOUNT_TYPES: readonly AmountType[] = ['yearly', 'period', 'staff'];

/** A text field of the form; `indexed` is a checkbox and `project` a select, kept apart. */
export type AmountField = 'start' | 'end' | 'total' | 'fte' | 'salary' | 'addOn';
/** Any field a message can be shown next to. */
export type FormField = AmountField | 'project';
export type AmountTexts = Record<AmountField, string>;

/** The text fields each kind of amount has, in the order they are shown. */
export const AMOUNT_FIELDS: Record<AmountType, readonly AmountField[]> = {
  yearly: [],
  period: ['start', 'end', 'total'],
  staff: ['fte', 'salary', 'start', 'end', 'addOn'],
};

const EMPTY: AmountTexts = { start: '', end: '', total: '', fte: '', salary: '', addOn: '' };

/** How a stored amount is shown in the form: dates as stored, the total in `unit`, the salary in kr. */
export function amountTexts(amount: CostAmount | undefined, unit: Unit): AmountTexts {
  if (amount?.type === 'period') {
    return { ...EMPTY, start: amount.start, end: amount.end, total: showAmount(amount.total, unit) };
  }
  if (amount?.type === 'staff') {
    return {
      ...EMPTY,
      fte: amount.fte.replace('.', ','),
      salary: showAmount(amount.monthlySalary, 'kr'),
      start: amount.start ?? '',
      end: amount.end ?? '',
      addOn: amount.employerAddOn === undefined ? '' : percentText(amount.employerAddOn),
    };
  }
  return EMPTY;
}

/** A real calendar date written `ÅÅÅÅ-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A typed FTE (`0,5`, `1`, `0.25`) as a decimal string; null when it is not a number ≥ 0. */
export function readFte(text: string): string | null {
  const value = readDecimal(text);
  return value === null || value.startsWith('-') ? null : value;
}

export type ReadAmount =
  | { ok: true; amount: CostAmount }
  | { ok: false; errors: Partial<Record<AmountField, MessageKey>> };

/**
 * Reads the form back into an amount of `type`. `typed` holds only the fields the person typed
 * in; a field not typed in keeps the value of `original` (so opening and saving never rounds a
 * stored total to the shown unit). Dates are checked for form here; whether the period is the
 * right way round is the store's check.
 */
export function readCostAmount(
  type: AmountType,
  typed: Partial<AmountTexts>,
  indexed: boolean,
  unit: Unit,
  original?: CostAmount,
): ReadAmount {
  const errors: Partial<Record<AmountField, MessageKey>> = {};
  const kept = original?.type === type ? original : undefined;
  const date = (field: 'start' | 'end', required: boolean, stored: string | undefined): string | undefined => {
    const text = typed[field];
    if (text === undefined && kept) return stored;
    const trimmed = (text ?? '').trim();
    if (trimmed === '') {
      if (required) errors[field] = 'budget.dateRequired';
      return undefined;
    }
    if (!isIsoDate(trimmed)) errors[field] = 'budget.invalidDate';
    return trimmed;
  };
  const amount = (field: 'total' | 'salary', inUnit: Unit, stored: string | undefined): string => {
    const text = typed[field];
    if (text === undefined && stored !== undefined) return stored;
    const read = readAmount(text ?? '', inUnit);
    if (read === null || read.startsWith('-')) errors[field] = 'budget.invalid';
    return read ?? '';
  };

  switch (type) {
    case 'yearly':
      return { ok: true, amount: kept ?? { type: 'yearly', amounts: {} } };
    case 'period': {
      const p = kept?.type === 'period' ? kept : undefined;
      const start = date('start', true, p?.start);
      const end = date('end', true, p?.end);
      const total = amount('total', unit, p?.total);
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return { ok: true, amount: { type: 'period', start: start ?? '', end: end ?? '', total } };
    }
    case 'staff': {
      const s = kept?.type === 'staff' ? kept : undefined;
      let fte = s?.fte ?? '';
      if (typed.fte !== undefined || !s) {
        const read = readFte(typed.fte ?? '');
        if (read === null) errors.fte = 'budget.invalidFte';
        fte = read ?? '';
      }
      const monthlySalary = amount('salary', 'kr', s?.monthlySalary);
      const start = date('start', false, s?.start);
      const end = date('end', false, s?.end);
      let employerAddOn = s?.employerAddOn;
      if (typed.addOn !== undefined || !s) {
        const text = (typed.addOn ?? '').trim();
        employerAddOn = text === '' ? undefined : (readPercent(text) ?? undefined);
        if (text !== '' && employerAddOn === undefined) errors.addOn = 'budget.invalidPercent';
      }
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return {
        ok: true,
        amount: {
          type: 'staff',
          fte,
          monthlySalary,
          ...(s?.salaryYear !== undefined && { salaryYear: s.salaryYear }),
          ...(start !== undefined && { start }),
          ...(end !== undefined && { end }),
          ...(employerAddOn !== undefined && { employerAddOn }),
          indexed,
        },
      };
    }
  }
}

/**
 * Whether two amounts are the same terms (a period or staff line's fields; a yearly amount by
 * identity). A save sends only what changed, so it never writes over a co-editor's cells.
 */
export function sameAmount(a: CostAmount, b: CostAmount): boolean {
  if (a === b) return true;
  if (a.type === 'yearly' || b.type === 'yearly') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!Object.is(x[key], y[key])) return false;
  return true;
}

const STORE_FIELDS: Record<string, AmountField> = {
  start: 'start',
  end: 'end',
  total: 'total',
  fte: 'fte',
  monthlySalary: 'salary',
  employerAddOn: 'addOn',
};

/**
 * The form field a store issue is about (`["costs", 3, "amount", "end"]` → `end`), or null when
 * it is about something the form does not show.
 */
export function issueField(issue: Pick<Issue, 'path'>): FormField | null {
  const path = issue.path ?? [];
  const at = path.indexOf('amount');
  if (at >= 0) return STORE_FIELDS[String(path[at + 1])] ?? null;
  return path.at(-1) === 'project' ? 'project' : null;
}
