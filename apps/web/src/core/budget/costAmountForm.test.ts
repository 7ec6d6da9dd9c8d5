import { describe, expect, it } from 'vitest';
import { amountTexts, isIsoDate, issueField, readCostAmount, readFte, sameAmount } from './costAmountForm.ts';

describe('amountTexts', () => {
  it('shows a period total in the unit and a staff line in kr, FTE and PO-påslag the Swedish way', () => {
    expect(amountTexts({ type: 'period', start: '2023-04-01', end: '2024-03-31', total: '1200000' }, 'tkr')).toEqual({
      start: '2023-04-01',
      end: '2024-03-31',
      total: '1\u00a0200',
      fte: '',
      salary: '',
      addOn: '',
    });
    expect(
      amountTexts({ type: 'staff', fte: '0.25', monthlySalary: '38000', employerAddOn: '0.315', indexed: true }, 'tkr'),
    ).toMatchObject({ fte: '0,25', salary: '38\u00a0000', start: '', end: '', addOn: '31,5' });
  });
});

describe('readCostAmount', () => {
  it('reads a new period line, the total in the chosen unit', () => {
    expect(readCostAmount('period', { start: '2023-04-01', end: ' 2024-03-31 ', total: '1 200' }, true, 'tkr')).toEqual(
      { ok: true, amount: { type: 'period', start: '2023-04-01', end: '2024-03-31', total: '1200000' } },
    );
  });

  it('reads a new staff line; an empty PO-påslag and empty dates are left out', () => {
    expect(readCostAmount('staff', { fte: '0,5', salary: '40 000', addOn: '32' }, true, 'tkr')).toEqual({
      ok: true,
      amount: { type: 'staff', fte: '0.5', monthlySalary: '40000', employerAddOn: '0.32', indexed: true },
    });
    expect(readCostAmount('staff', { fte: '1', salary: '35000', start: '2024-01-01' }, false, 'kr')).toEqual({
      ok: true,
      amount: { type: 'staff', fte: '1', monthlySalary: '35000', start: '2024-01-01', indexed: false },
    });
  });

  it('keeps what was not typed in from the stored amount, unrounded', () => {
    const stored = { type: 'period' as const, start: '2023-04-01', end: '2024-03-31', total: '1234567.89' };
    expect(readCostAmount('period', { end: '2024-06-30' }, true, 'tkr', stored)).toEqual({
      ok: true,
      amount: { ...stored, end: '2024-06-30' },
    });
    const staff = {
      type: 'staff' as const,
      fte: '0.25',
      monthlySalary: '38000',
      salaryYear: 2020,
      employerAddOn: '0.3',
      indexed: true,
    };
    expect(readCostAmount('staff', { addOn: '' }, false, 'tkr', staff)).toEqual({
      ok: true,
      amount: { type: 'staff', fte: '0.25', monthlySalary: '38000', salaryYear: 2020, indexed: false },
    });
  });

  it('names each field it cannot read', () => {
    expect(readCostAmount('period', { start: '2023-02-30', total: 'mycket' }, true, 'tkr')).toEqual({
      ok: false,
      errors: { start: 'budget.invalidDate', end: 'budget.dateRequired', total: 'budget.invalid' },
    });
    expect(readCostAmount('staff', { fte: '-1', salary: '', addOn: 'x' }, true, 'tkr')).toEqual({
      ok: false,
      errors: { fte: 'budget.invalidFte', salary: 'budget.invalid', addOn: 'budget.invalidPercent' },
    });
  });

  it('leaves a yearly amount as it is', () => {
    const yearly = { type: 'yearly' as const, amounts: { '2023': '1' } };
    expect(readCostAmount('yearly', {}, true, 'tkr', yearly)).toEqual({ ok: true, amount: yearly });
    expect(readCostAmount('yearly', {}, true, 'tkr')).toEqual({ ok: true, amount: { type: 'yearly', amounts: {} } });
  });
});

describe('small readers', () => {
  it('reads dates and FTEs', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(readFte('0,125')).toBe('0.125');
    expect(readFte('abc')).toBeNull();
    expect(readFte('50 %')).toBeNull();
  });

  it('finds the field a store issue is about', () => {
    expect(issueField({ path: ['costs', 3, 'amount', 'end'] })).toBe('end');
    expect(issueField({ path: ['costs', 3, 'amount', 'monthlySalary'] })).toBe('salary');
    expect(issueField({ path: ['costs', 3, 'amount', 'employerAddOn'] })).toBe('addOn');
    expect(issueField({ path: ['costs', 3, 'project'] })).toBe('project');
    expect(issueField({ path: ['costs', 3, 'id'] })).toBeNull();
    expect(issueField({})).toBeNull();
  });
});

describe('sameAmount', () => {
  it('compares period and staff terms field by field, yearly amounts by identity', () => {
    const period = { type: 'period' as const, start: '2023-04-01', end: '2024-03-31', total: '1200000' };
    expect(sameAmount(period, { ...period })).toBe(true);
    expect(sameAmount(period, { ...period, total: '1600000' })).toBe(false);
    const staff = { type: 'staff' as const, fte: '0.5', monthlySalary: '40000', indexed: true };
    expect(sameAmount(staff, { ...staff })).toBe(true);
    expect(sameAmount(staff, { ...staff, employerAddOn: '0.32' })).toBe(false);
    const yearly = { type: 'yearly' as const, amounts: {} };
    expect(sameAmount(yearly, yearly)).toBe(true);
    expect(sameAmount(yearly, { type: 'yearly', amounts: {} })).toBe(false);
  });
});
