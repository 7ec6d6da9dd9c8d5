import { describe, expect, it } from 'vitest';
import { applyPatch, diffJson } from './resultPatch.ts';

/** mulberry32: a seeded source, so every run checks the same values. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random JSON value with few distinct keys and leaves, so two values often share parts. */
function jsonValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 0 ? 7 : 4));
  const keys = ['a', 'b', 'c', 'd'];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(next() * 3);
    case 2:
      return ['x', 'y', '1 000'][Math.floor(next() * 3)];
    case 3:
      return next() < 0.5;
    case 4:
    case 5:
      return Object.fromEntries(keys.filter(() => next() < 0.6).map((k) => [k, jsonValue(next, depth - 1)] as const));
    default:
      return Array.from({ length: Math.floor(next() * 4) }, () => jsonValue(next, depth - 1));
  }
}

describe('resultPatch', () => {
  it('applying the diff of two values gives the second, for any JSON values', () => {
    const next = random(20_251_207);
    for (let run = 0; run < 2_000; run++) {
      const a = jsonValue(next, 4);
      const b = jsonValue(next, 4);
      const patch = diffJson(a, b);
      expect(applyPatch(structuredClone(a), structuredClone(patch))).toEqual(b);
      expect(patch === null).toBe(JSON.stringify(a) === JSON.stringify(b));
    }
  });

  it('keeps the objects whose contents did not change and sends only what changed', () => {
    const row = (year: number, closing: string) => ({ year, closingEquity: closing, byCategory: { admin: '10' } });
    const lines = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, amounts: ['1', '2'] }));
    const prev = { years: [row(2025, '100'), row(2026, '200')], lines, findings: [] as string[] };
    const next = {
      years: [row(2025, '100'), row(2026, '250')],
      lines: lines.map((l, i) => (i === 7 ? { ...l, amounts: ['1', '3'] } : { ...l })),
      findings: ['equity-cap'],
    };
    const patch = diffJson(prev, next);
    expect(JSON.stringify(patch).length).toBeLessThan(300);
    const after = applyPatch(prev, structuredClone(patch));
    expect(after).toEqual(next);
    expect(after.years[0]).toBe(prev.years[0]);
    expect(after.years[1]?.byCategory).toBe(prev.years[1]?.byCategory);
    expect(after.lines.filter((l, i) => l !== prev.lines[i]).map((l) => l.id)).toEqual(['c7']);
    expect(applyPatch(prev, diffJson(prev, structuredClone(prev)))).toBe(prev);
  });

  it('follows arrays that grow and shrink and objects that lose keys', () => {
    const prev = { list: [1, 2, 3], gone: true, keep: { a: 1 } };
    const next = { list: [1, 5], keep: { a: 1 }, added: [{ x: null }] };
    const after = applyPatch<unknown>(prev, diffJson(prev, next)) as typeof next & { gone?: boolean };
    expect(after).toEqual(next);
    expect('gone' in after).toBe(false);
    expect((after as typeof next).keep).toBe(prev.keep);
  });
});
