import { describe, expect, it } from 'vitest';
import { parseAmount, readNumber } from './parseAmount.ts';

describe('parseAmount reads numbers as Swedes type them', () => {
  it.each([
    ['12 604', '12604', 0],
    ['12\u00a0604', '12604', 0],
    ['12\u2009604', '12604', 0],
    ['12\u202f604', '12604', 0],
    ['-8 430', '-8430', 0],
    ['\u22128 430', '-8430', 0],
    ['15 333,5', '15333.5', 1],
    ['15333.5', '15333.5', 1],
    ['1 234 567', '1234567', 0],
    [' 0 ', '0', 0],
    ['-0', '0', 0],
    ['545 033', '545033', 0],
  ])('%s → %s', (text, value, decimals) => {
    expect(parseAmount(text)).toEqual({ value, decimals, percent: false });
  });

  it('reads percentages', () => {
    expect(parseAmount('9,2 %')).toEqual({ value: '9.2', decimals: 1, percent: true });
    expect(parseAmount('20%')).toEqual({ value: '20', decimals: 0, percent: true });
  });

  it.each([
    ['(90)', '-90', 0],
    ['90-', '-90', 0],
    ['( 8 430 )', '-8430', 0],
    ['15 333,5−', '-15333.5', 1],
    ['-', '0', 0],
    ['–', '0', 0],
    ['−', '0', 0],
    ['0,050', '0.05', 3],
    ['1234.567', '1234.567', 3],
    ['12 604.500', '12604.5', 3],
  ])('%s → %s (negatives and zero as printed)', (text, value, decimals) => {
    expect(parseAmount(text)).toEqual({ value, decimals, percent: false });
  });

  it.each([
    '12,6,04',
    '1.234.567',
    '1234 567',
    '12 60',
    'abc',
    '',
    '--5',
    '(-5)',
    '-5-',
    '1e5',
    '0x10',
    '12 604 kr',
    '1.050',
  ])('rejects %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('readNumber', () => {
  it('reads a unit after the number, which parseAmount refuses', () => {
    expect(readNumber('8 562 tkr')).toEqual({
      ok: true,
      number: { value: '8562', decimals: 0, percent: false, unit: 'tkr' },
    });
    expect(readNumber('1,2 Mkr')).toEqual({
      ok: true,
      number: { value: '1.2', decimals: 1, percent: false, unit: 'mkr' },
    });
    expect(readNumber('(500) kr')).toEqual({
      ok: true,
      number: { value: '-500', decimals: 0, percent: false, unit: 'kr' },
    });
    expect(readNumber('– tkr')).toEqual({ ok: true, number: { value: '0', decimals: 0, percent: false, unit: 'tkr' } });
    expect(readNumber('kr')).toEqual({ ok: false, code: 'invalid-amount' });
    expect(readNumber('9 % kr')).toEqual({ ok: false, code: 'invalid-amount' });
  });

  it('refuses 1.050 and 1,050 and says why, but not a share or a spreadsheet number', () => {
    expect(readNumber('1.050')).toEqual({
      ok: false,
      code: 'ambiguous-amount',
      reason:
        '"1.050" kan betyda både 1 050 och 1,05 (är punkten tusentalsavgränsare eller decimaltecken?); skriv 1050 eller 1,05',
      whole: '1',
      fraction: '050',
      decimal: '1,05',
      separator: '.',
    });
    expect(readNumber('-12,500 tkr')).toMatchObject({ ok: false, code: 'ambiguous-amount' });
    expect(readNumber('1.050', { numeric: true })).toEqual({
      ok: true,
      number: { value: '1.05', decimals: 3, percent: false },
    });
    expect(readNumber('9,125 %')).toEqual({ ok: true, number: { value: '9.125', decimals: 3, percent: true } });
  });
});
