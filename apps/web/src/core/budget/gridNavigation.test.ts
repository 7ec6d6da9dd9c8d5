import { describe, expect, it } from 'vitest';
import {
  arrowDirection,
  moveInGrid,
  newLineId,
  sameProps,
  slugify,
  storedAmount,
  sumColumns,
  sumKronor,
} from './gridNavigation.ts';

describe('moveInGrid', () => {
  const rows = ['members/staten', 'costs/vuxna', 'costs/kansli'];
  const years = [2023, 2024, 2025];

  it('moves across rows and years', () => {
    expect(moveInGrid(rows, years, { row: 'costs/vuxna', year: 2024 }, 'up')).toEqual({
      row: 'members/staten',
      year: 2024,
    });
    expect(moveInGrid(rows, years, { row: 'costs/vuxna', year: 2024 }, 'down')).toEqual({
      row: 'costs/kansli',
      year: 2024,
    });
    expect(moveInGrid(rows, years, { row: 'costs/vuxna', year: 2024 }, 'left')).toEqual({
      row: 'costs/vuxna',
      year: 2023,
    });
    expect(moveInGrid(rows, years, { row: 'costs/vuxna', year: 2024 }, 'right')).toEqual({
      row: 'costs/vuxna',
      year: 2025,
    });
  });

  it('stops at the edges and at unknown cells', () => {
    expect(moveInGrid(rows, years, { row: 'members/staten', year: 2023 }, 'up')).toBeNull();
    expect(moveInGrid(rows, years, { row: 'costs/kansli', year: 2023 }, 'down')).toBeNull();
    expect(moveInGrid(rows, years, { row: 'members/staten', year: 2023 }, 'left')).toBeNull();
    expect(moveInGrid(rows, years, { row: 'members/staten', year: 2025 }, 'right')).toBeNull();
    expect(moveInGrid(rows, years, { row: 'costs/gone', year: 2024 }, 'down')).toBeNull();
    expect(moveInGrid(rows, years, { row: 'costs/vuxna', year: 2030 }, 'down')).toBeNull();
  });
});

describe('arrowDirection', () => {
  const caret = (editing: boolean, start: number, end: number, length = 6) => ({
    editing,
    selectionStart: start,
    selectionEnd: end,
    length,
  });

  it('always moves up and down, and ignores other keys', () => {
    expect(arrowDirection('ArrowUp', caret(true, 2, 2))).toBe('up');
    expect(arrowDirection('ArrowDown', caret(true, 2, 2))).toBe('down');
    expect(arrowDirection('a', caret(false, 0, 6))).toBeNull();
  });

  it('moves left and right when not editing, whatever the selection', () => {
    expect(arrowDirection('ArrowLeft', caret(false, 0, 6))).toBe('left');
    expect(arrowDirection('ArrowRight', caret(false, 0, 6))).toBe('right');
  });

  it('while editing, moves only from the start or the end of the text', () => {
    expect(arrowDirection('ArrowLeft', caret(true, 0, 0))).toBe('left');
    expect(arrowDirection('ArrowLeft', caret(true, 3, 3))).toBeNull();
    expect(arrowDirection('ArrowRight', caret(true, 6, 6))).toBe('right');
    expect(arrowDirection('ArrowRight', caret(true, 3, 3))).toBeNull();
    expect(arrowDirection('ArrowLeft', caret(true, 0, 6))).toBeNull();
  });
});

describe('newLineId', () => {
  it('slugs Swedish names', () => {
    expect(slugify('Hälsa och Aktivitet')).toBe('halsa-och-aktivitet');
    expect(slugify('Adm. kostnader + reservationer')).toBe('adm-kostnader-reservationer');
    expect(slugify('  ')).toBe('rad');
    expect(slugify('Övrigt')).toBe('ovrigt');
  });

  it('counts past existing ids', () => {
    expect(newLineId('Vuxna', [])).toBe('vuxna-1');
    expect(newLineId('Vuxna', ['vuxna', 'vuxna-1', 'vuxna-2'])).toBe('vuxna-3');
    expect(newLineId('Vuxna', ['vuxna-2'])).toBe('vuxna-1');
  });
});

describe('sums and stored amounts', () => {
  it('sums kronor exactly, ignoring gaps', () => {
    expect(sumKronor(['15333500', '15333500', '30667000'])).toBe('61334000');
    expect(sumKronor(['0.1', '0.2', undefined, null, ''])).toBe('0.30');
    expect(sumKronor(['-8430000', '4000000'])).toBe('-4430000');
    expect(
      sumColumns(
        [
          ['1', '2'],
          ['3', undefined],
        ],
        2,
      ),
    ).toEqual(['4', '2']);
  });

  it('stores a typed negative cost as the same cost', () => {
    expect(storedAmount('-8430000', 'costs')).toBe('8430000');
    expect(storedAmount('-8430000', 'revenues')).toBe('-8430000');
    expect(storedAmount('-0', 'members')).toBe('0');
  });
});

describe('sameProps', () => {
  it('compares arrays by their elements', () => {
    const f = () => undefined;
    expect(sameProps({ a: 1, v: ['1', undefined], f }, { a: 1, v: ['1', undefined], f })).toBe(true);
    expect(sameProps({ a: 1, v: ['1', '2'] }, { a: 1, v: ['1', '3'] })).toBe(false);
    expect(sameProps({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameProps({ f }, { f: () => undefined })).toBe(false);
  });
});
