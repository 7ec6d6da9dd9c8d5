import { describe, expect, it } from 'vitest';
import { percentInText, readLayoutCell, readYearCell } from './readLayoutCell.ts';

const number = (raw: string, options = {}) => {
  const r = readLayoutCell(raw, options);
  if (r.type !== 'number') return r;
  const show = (n: typeof r.plain) =>
    n ? `${n.value.toFixed()}${n.percent ? '%' : ''}${n.scale ? `×${n.scale}` : ''}` : null;
  return [show(r.plain), show(r.alt)];
};

describe('readLayoutCell', () => {
  it('reads amounts as förbund print them', () => {
    expect(number('12 604')).toEqual(['12604', null]);
    expect(number('15 333,5')).toEqual(['15333.5', null]);
    expect(number('−8 430')).toEqual(['-8430', null]);
    expect(number('(90)')).toEqual(['-90', null]);
    expect(number('90-')).toEqual(['-90', null]);
    expect(number('–')).toEqual(['0', null]);
    expect(number('8 562 tkr')).toEqual(['8562×1000', null]);
    expect(number('9,2 %')).toEqual(['9.2%', null]);
    expect(number('310 000 ²')).toEqual(['310000', null]);
    expect(number('1 046 378 **')).toEqual(['1046378', null]);
  });

  it('reads the figure in parentheses as the alternative when the row has one', () => {
    expect(number('2 283 000 (3 215 000) ⁶', { alternative: true })).toEqual(['2283000', '3215000']);
    expect(number('(545 000) ³', { alternative: true })).toEqual([null, '545000']);
    expect(number('-232 000 (448 500)', { alternative: true })).toEqual(['-232000', '448500']);
    expect(readLayoutCell('2 283 000 (3 215 000)')).toEqual({ type: 'text', text: '2 283 000 (3 215 000)' });
  });

  it('refuses an ambiguous 1.050 with the reason, but not a workbook number', () => {
    expect(readLayoutCell('1.050')).toEqual({
      type: 'text',
      text: '1.050',
      ambiguity: { text: '1.050', whole: '1', fraction: '050', decimal: '1,05', separator: '.' },
    });
    expect(number('1.050', { numeric: true })).toEqual(['1.05', null]);
    expect(readLayoutCell('se not')).toEqual({ type: 'text', text: 'se not' });
    expect(readLayoutCell('  ')).toEqual({ type: 'empty' });
  });
});

describe('readYearCell', () => {
  it('reads years as numbers, text and dates, and tells forecasts from plan years', () => {
    expect(['2024', 'Budget 2024', 'Plan 2025', '2024-01-01', '2025 tkr', 'År 2026'].map(readYearCell)).toEqual([
      { year: 2024, kind: 'plan' },
      { year: 2024, kind: 'plan' },
      { year: 2025, kind: 'plan' },
      { year: 2024, kind: 'plan' },
      { year: 2025, kind: 'plan' },
      { year: 2026, kind: 'plan' },
    ]);
    expect(
      ['Prognos 2020', 'Förväntat utfall 2019', 'Utfall 2019', 'Bokslut 2022', '2023 (prognos)'].map(
        (t) => readYearCell(t)?.kind,
      ),
    ).toEqual(['past', 'past', 'past', 'past', 'past']);
    expect(['2024 Budget', '2025 (plan)'].map(readYearCell)).toEqual([
      { year: 2024, kind: 'plan' },
      { year: 2025, kind: 'plan' },
    ]);
    expect(['Budget 2021 och plan 2022-2023', '1989', '12 604', 'Kansli'].map(readYearCell)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('percentInText', () => {
  it('finds the one percentage of a text, or none', () => {
    expect(percentInText('Motsvarar 1,3% av kostnadsbudgeten.')?.value.toFixed()).toBe('1.3');
    expect(percentInText('Förvaltningskostnader 9,2% av kostnadsbudgeten.')?.decimals).toBe(1);
    expect(percentInText('2020 ingick 45% förbundschef och 25% förbundssekreterare')).toBeNull();
    expect(percentInText('Kansli')).toBeNull();
  });
});
