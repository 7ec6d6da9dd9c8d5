import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKronor, kronor, MAX_CELL_ORE, type Ore, ore, parseKronor, sumOre, ZERO } from './money.ts';

const MAX = MAX_CELL_ORE as number;

describe('parseKronor', () => {
  it('reads canonical decimal strings in kronor as whole öre', () => {
    expect(parseKronor('12604000')).toEqual({ ok: true, value: 1_260_400_000 });
    expect(parseKronor('-150480.25')).toEqual({ ok: true, value: -15_048_025 });
    expect(parseKronor('0.05')).toEqual({ ok: true, value: 5 });
    expect(parseKronor('1.2')).toEqual({ ok: true, value: 120 });
    expect(parseKronor('1.230')).toEqual({ ok: true, value: 123 });
    expect(parseKronor('007')).toEqual({ ok: true, value: 700 });
  });

  it('reads "-0" as a plain zero, not negative zero', () => {
    const parsed = parseKronor('-0.00');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.is(parsed.value, 0)).toBe(true);
  });

  it('rejects amounts finer than one öre', () => {
    expect(parseKronor('1.234')).toEqual({ ok: false, error: 'precision' });
    expect(parseKronor('-0.001')).toEqual({ ok: false, error: 'precision' });
    expect(parseKronor('150480.255')).toEqual({ ok: false, error: 'precision' });
  });

  it('rejects text that is not a canonical decimal (Swedish comma, exponent, spaces, signs)', () => {
    for (const text of [
      '12,5',
      '1e3',
      ' 1',
      '1 ',
      '+1',
      '',
      '.5',
      '1.',
      '12 604 000',
      '−5',
      '0x10',
      'NaN',
      'Infinity',
    ]) {
      expect(parseKronor(text), text).toEqual({ ok: false, error: 'syntax' });
    }
  });

  it('accepts up to 1 000 000 000 kr per cell and rejects one öre more, both signs', () => {
    expect(parseKronor('1000000000')).toEqual({ ok: true, value: MAX });
    expect(parseKronor('-1000000000')).toEqual({ ok: true, value: -MAX });
    expect(parseKronor('1000000000.01')).toEqual({ ok: false, error: 'range' });
    expect(parseKronor('-1000000000.01')).toEqual({ ok: false, error: 'range' });
    expect(parseKronor('99999999999999999999')).toEqual({ ok: false, error: 'range' });
  });

  it('scales exactly before converting (tkr tables)', () => {
    expect(parseKronor('4174', 1000)).toEqual({ ok: true, value: 417_400_000 });
    expect(parseKronor('15333.5', 1000)).toEqual({ ok: true, value: 1_533_350_000 });
    expect(parseKronor('0.00001', 1000)).toEqual({ ok: true, value: 1 });
    expect(parseKronor('0.000001', 1000)).toEqual({ ok: false, error: 'precision' });
    expect(parseKronor('1000001', 1000)).toEqual({ ok: false, error: 'range' });
  });
});

/** Independent oracle for parseKronor: BigInt arithmetic on the digits. */
function oracle(text: string, scale = 1n): { ok: true; value: number } | { ok: false; error: string } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { ok: false, error: 'syntax' };
  const [, sign = '', whole = '0', frac = ''] = m;
  // value in öre = (whole.frac) × scale × 100, exact as a fraction over 10^len(frac)
  const num = (BigInt(whole) * 10n ** BigInt(frac.length) + BigInt(frac || '0')) * scale * 100n;
  const den = 10n ** BigInt(frac.length);
  if (num % den !== 0n) return { ok: false, error: 'precision' };
  const value = num / den;
  if (value > 100_000_000_000n) return { ok: false, error: 'range' };
  return { ok: true, value: Number(sign && value !== 0n ? -value : value) };
}

describe('parseKronor agrees with an exact oracle (property)', () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  const decimal = fc
    .tuple(fc.boolean(), digits(1, 14), fc.option(digits(1, 8), { nil: undefined }))
    .map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}${frac === undefined ? '' : `.${frac}`}`);

  it('for short and long decimal strings (both the fast path and decimal.js)', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        expect(parseKronor(text)).toEqual(oracle(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('for strings with trailing zeros and leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), fc.nat(6), fc.nat(6), (x, lead, trail) => {
        const text = formatKronor(x as Ore);
        const padded = text.replace(/^(-?)/, `$1${'0'.repeat(lead)}`) + (text.includes('.') ? '0'.repeat(trail) : '');
        expect(parseKronor(padded)).toEqual(oracle(padded));
        expect(parseKronor(padded)).toEqual({ ok: true, value: x });
      }),
    );
  });

  it('with a scale (tkr)', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(1, 10, 1000), (text, scale) => {
        expect(parseKronor(text, scale)).toEqual(oracle(text, BigInt(scale)));
      }),
    );
  });
});

describe('formatKronor', () => {
  it('prints canonical decimal strings', () => {
    expect(formatKronor(1_260_400_000 as Ore)).toBe('12604000');
    expect(formatKronor(-15_048_025 as Ore)).toBe('-150480.25');
    expect(formatKronor(5 as Ore)).toBe('0.05');
    expect(formatKronor(-5 as Ore)).toBe('-0.05');
    expect(formatKronor(110 as Ore)).toBe('1.10');
    expect(formatKronor(100 as Ore)).toBe('1');
    expect(formatKronor(ZERO)).toBe('0');
    expect(formatKronor(-0 as Ore)).toBe('0');
    expect(formatKronor(MAX_CELL_ORE)).toBe('1000000000');
  });

  it('round-trips every amount within the cell range: parse(format(x)) = x', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (x) => {
        expect(parseKronor(formatKronor(x as Ore))).toEqual({ ok: true, value: x });
      }),
    );
  });

  it('round-trips canonical strings: format(parse(s)) = s', () => {
    const canonical = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999_999 }), fc.option(fc.integer({ min: 1, max: 99 })))
      .filter(([neg, kr, cents]) => !(neg && kr === 0 && cents === null))
      .map(([neg, kr, cents]) => `${neg ? '-' : ''}${kr}${cents === null ? '' : `.${String(cents).padStart(2, '0')}`}`);
    fc.assert(
      fc.property(canonical, (text) => {
        const parsed = parseKronor(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(formatKronor(parsed.value)).toBe(text);
      }),
    );
  });

  it('prints every safe-integer total exactly (plan totals may exceed the cell range)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (x) => {
        const text = formatKronor(x as Ore);
        const m = /^(-?)(\d+)(?:\.(\d\d))?$/.exec(text);
        expect(m).not.toBeNull();
        const [, sign, kr = '', cents = '00'] = m ?? [];
        expect((sign ? -1n : 1n) * (BigInt(kr) * 100n + BigInt(cents))).toBe(BigInt(x));
      }),
    );
  });
});

describe('ore, kronor, sumOre', () => {
  it('brands safe integers and refuses anything else', () => {
    expect(ore(42)).toBe(42);
    expect(ore(-Number.MAX_SAFE_INTEGER)).toBe(-Number.MAX_SAFE_INTEGER);
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => ore(bad)).toThrow(RangeError);
  });

  it('converts whole kronor to öre', () => {
    expect(kronor(12_604_000)).toBe(1_260_400_000);
    expect(kronor(-38_000)).toBe(-3_800_000);
  });

  it('sums exactly', () => {
    expect(sumOre([])).toBe(0);
    expect(sumOre([1_260_400_000, -843_000_000, 1])).toBe(417_400_001);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX, max: MAX }), { maxLength: 50 }), (xs) => {
        expect(BigInt(sumOre(xs))).toBe(xs.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });
});
