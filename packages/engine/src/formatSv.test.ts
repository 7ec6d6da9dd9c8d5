import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimalSv, formatKr, formatPercent, formatTkr, roundToUnit } from './formatSv.ts';
import type { Ore } from './money.ts';
import { parseRate, type Rate, rate } from './rate.ts';

const MINUS = '\u2212';
const NBSP = '\u00a0';

describe('formatDecimalSv', () => {
  it('uses a U+2212 minus, no-break spaces between thousands and a decimal comma', () => {
    expect(formatDecimalSv('-8430.5', 1)).toBe(`${MINUS}8${NBSP}430,5`);
    expect(formatDecimalSv('12604000')).toBe(`12${NBSP}604${NBSP}000`);
    expect(formatDecimalSv('999')).toBe('999');
    expect(formatDecimalSv('1000')).toBe(`1${NBSP}000`);
    expect(formatDecimalSv('0.5', 2)).toBe('0,50');
  });

  it('formats the decimal string exactly, without going through a float', () => {
    expect(formatDecimalSv('9007199254740993')).toBe(`9${NBSP}007${NBSP}199${NBSP}254${NBSP}740${NBSP}993`);
    expect(formatDecimalSv('0.125', 2)).toBe('0,13');
    expect(formatDecimalSv('2.5')).toBe('3');
  });
});

describe('roundToUnit', () => {
  it('rounds öre to whole units half away from zero', () => {
    expect(roundToUnit(149_999 as Ore, 100_000)).toBe('1');
    expect(roundToUnit(150_000 as Ore, 100_000)).toBe('2');
    expect(roundToUnit(-150_000 as Ore, 100_000)).toBe('-2');
    expect(roundToUnit(-149_999 as Ore, 100_000)).toBe('-1');
    expect(roundToUnit(-49_999 as Ore, 100_000)).toBe('0');
    expect(roundToUnit(50 as Ore, 100)).toBe('1');
  });
});

describe('formatTkr', () => {
  it('prints amounts in tkr the sv-SE way', () => {
    expect(formatTkr(-125_000_000 as Ore)).toBe(`${MINUS}1${NBSP}250 tkr`);
    expect(formatTkr(417_400_000 as Ore)).toBe(`4${NBSP}174 tkr`);
    expect(formatTkr(-843_012_345 as Ore)).toBe(`${MINUS}8${NBSP}430 tkr`);
    expect(formatTkr(843_050_000 as Ore)).toBe(`8${NBSP}431 tkr`);
    expect(formatTkr(0 as Ore)).toBe('0 tkr');
    expect(formatTkr(417_400_000 as Ore, false)).toBe(`4${NBSP}174`);
  });

  it('shows amounts under half a tkr in kr', () => {
    expect(formatTkr(-40_000 as Ore)).toBe(`${MINUS}400 kr`);
    expect(formatTkr(49_999 as Ore)).toBe('500 kr');
    expect(formatTkr(50_000 as Ore)).toBe('1 tkr');
    expect(formatTkr(-40_000 as Ore, false)).toBe(`${MINUS}400`);
  });

  it('agrees with exact rounding for every amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 }), (amount) => {
        const text = formatTkr(amount as Ore);
        const m = /^(\u2212?)([\d\u00a0]+)(,\d\d)? (tkr|kr)$/.exec(text);
        expect(m, text).not.toBeNull();
        const [, sign = '', digits = '', ore = '', unit] = m ?? [];
        // Under half a krona the amount is shown in öre (`0,01 kr`), so the sign never gets lost.
        const value = BigInt(digits.replaceAll(NBSP, '') + ore.slice(1)) * (sign ? -1n : 1n);
        const unitOre = ore ? 1n : unit === 'tkr' ? 100_000n : 100n;
        // |value × unit − amount| ≤ ½ unit
        const diff = 2n * (value * unitOre - BigInt(amount));
        expect(diff <= unitOre && -diff <= unitOre).toBe(true);
        if (amount !== 0) expect(value === 0n, text).toBe(false);
        expect(unit === 'kr').toBe(Math.abs(amount) < 50_000 && amount !== 0);
      }),
    );
  });
});

describe('formatKr', () => {
  it('prints kronor, with öre only when present', () => {
    expect(formatKr(1_260_400_000 as Ore)).toBe(`12${NBSP}604${NBSP}000 kr`);
    expect(formatKr(-15_048_025 as Ore)).toBe(`${MINUS}150${NBSP}480,25 kr`);
    expect(formatKr(15_348_960 as Ore)).toBe(`153${NBSP}489,60 kr`);
    expect(formatKr(5 as Ore, false)).toBe('0,05');
    expect(formatKr(-5 as Ore)).toBe(`${MINUS}0,05 kr`);
    expect(formatKr(0 as Ore)).toBe('0 kr');
  });
});

describe('formatPercent', () => {
  it('prints a rate as a percentage with one decimal by default', () => {
    expect(formatPercent(rate(6958, 75724))).toBe('9,2 %');
    expect(formatPercent(rate(6981, 68049))).toBe('10,3 %');
    expect(formatPercent(parseRate('0.2') as Rate, 0)).toBe('20 %');
    expect(formatPercent(parseRate('-0.1') as Rate)).toBe(`${MINUS}10,0 %`);
    expect(formatPercent(rate(1, 3), 2)).toBe('33,33 %');
    expect(formatPercent(rate(2, 3), 2)).toBe('66,67 %');
    expect(formatPercent(rate(1234, 10), 0)).toBe(`12${NBSP}340 %`);
    // 0.0005 rounds half away from zero: 0.05 % → 0,1 %
    expect(formatPercent(rate(1, 2000))).toBe('0,1 %');
    expect(formatPercent(rate(-1, 2000))).toBe(`${MINUS}0,1 %`);
  });
});
