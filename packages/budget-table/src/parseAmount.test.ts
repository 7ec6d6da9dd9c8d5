import { describe, expect, it } from 'vitest';
import { parseAmount } from './parseAmount.ts';

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

  it.each(['12,6,04', '1.234.567', '1234 567', '12 60', 'abc', '', '--5', '5-', '1e5', '0x10', '12 604 kr'])(
    'rejects %j',
    (text) => {
      expect(parseAmount(text)).toBeNull();
    },
  );
});
