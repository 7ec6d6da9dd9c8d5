import { describe, expect, it } from 'vitest';
import { cellText, cleanFloat, isYearFormat, numberFormatOf, numberText } from './cellText.ts';

describe('numberFormatOf', () => {
  it('reads the decimals and the percent sign of the positive section', () => {
    expect(numberFormatOf(undefined)).toEqual({ percent: false, decimals: 0 });
    expect(numberFormatOf('General')).toEqual({ percent: false, decimals: 0 });
    expect(numberFormatOf('#,##0.00')).toEqual({ percent: false, decimals: 2 });
    expect(numberFormatOf('0.0 %')).toEqual({ percent: true, decimals: 1 });
    expect(numberFormatOf('#,##0\\ "kr. %";[Red]-#,##0.000')).toEqual({ percent: false, decimals: 0 });
    expect(numberFormatOf('[$-41D]0.00%')).toEqual({ percent: true, decimals: 2 });
  });
});

describe('numberText', () => {
  it('writes the shortest exact decimal, never an exponent, padded to the format', () => {
    expect(numberText(30667000)).toBe('30667000');
    expect(numberText(-8430.5)).toBe('-8430.5');
    expect(numberText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(4065, '#,##0.0')).toBe('4065.0');
    expect(numberText(0.092, '0.0 %')).toBe('9.2 %');
    expect(numberText(0.0925, '0.0 %')).toBe('9.25 %');
    expect(numberText(0.1, '0.00%')).toBe('10.00 %');
  });
});

describe('cellText', () => {
  it('turns every kind of cell value into the text of a table cell', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(' 12 604 ')).toBe(' 12 604 ');
    expect(cellText(new Date(Date.UTC(2024, 5, 30)))).toBe('2024-06-30');
    expect(cellText({ formula: 'A1*2', result: 2000 })).toBe('2000');
    expect(cellText({ formula: 'A1*2', result: 0.5 }, '0 %')).toBe('50 %');
    expect(cellText({ formula: 'A1*2' })).toBe('=A1*2');
    expect(cellText({ sharedFormula: 'B2', result: new Date(Date.UTC(2023, 0, 1)) })).toBe('2023-01-01');
    expect(cellText({ richText: [{ text: 'Gräns' }, { text: 'gångare' }] })).toBe('Gränsgångare');
    expect(cellText({ text: 'länk', hyperlink: 'https://example.se' })).toBe('länk');
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(cellText(true)).toBe('SANT');
  });
});

describe('cleanFloat', () => {
  it('removes the binary noise of a computed result, and nothing else', () => {
    expect(cleanFloat(8562.000000000002)).toBe(8562);
    expect(cleanFloat(0.1 + 0.2)).toBe(0.3);
    expect(cleanFloat(1.1 * 1.1)).toBe(1.21);
    expect(cleanFloat(-8430.000000000009)).toBe(-8430);
    expect(cleanFloat(15333.499999999998)).toBe(15333.5);
    for (const typed of [0.001, 1234.5671, 8562, 0.092, 123456789012.34, 1e21, 0, -0.3])
      expect(cleanFloat(typed)).toBe(typed);
    // A result that really has more digits keeps them (the importer refuses finer than öre).
    expect(cleanFloat(1 / 3)).toBe(0.333333333333333);
    expect(cleanFloat(2 / 3)).toBe(0.666666666666667);
  });
});

describe('isYearFormat', () => {
  it('is true for a date format that shows only the year', () => {
    expect(['yyyy', 'YYYY', '[$-41D]yyyy', 'yy'].map(isYearFormat)).toEqual([true, true, true, true]);
    expect(['yyyy-mm-dd', 'General', undefined, '0', '"år" yyyy'].map(isYearFormat)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});
