import type { CostLine } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { parseAmount } from './parseAmount.ts';

/** `90 %`, `0,9`, `0.9` → `"0.9"`; null if it is not a rate. */
export function readRate(text: string): string | null {
  const parsed = parseAmount(text);
  if (!parsed) return null;
  return parsed.percent ? new Decimal(parsed.value).dividedBy(100).toFixed() : parsed.value;
}

/** `0 % – 15 %`, `0.05..0.14` → `{ min, max }`; null if it is not a band of two rates. */
export function readBand(text: string): { min: string; max: string } | null {
  const parts = text.split(/\s*[–—]\s*|\s+-\s+|\s*\.\.\s*/);
  const percent = text.includes('%');
  const rates = parts.map((p) => readRate(percent && !p.includes('%') ? `${p} %` : p));
  if (rates.length !== 2 || rates.some((r) => r === null)) return null;
  return { min: rates[0] as string, max: rates[1] as string };
}

/** Staff terms of a cost line, without the type and period. */
export type StaffTerms = Omit<Extract<CostLine['amount'], { type: 'staff' }>, 'type' | 'start' | 'end'>;

/** Reads `fte=0.25 salary=38000 year=2020 add-on=0.32 indexed=yes`; null if it is malformed. */
export function readStaff(text: string): StaffTerms | null {
  const pairs = new Map(
    text
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  const known = new Set(['fte', 'salary', 'year', 'add-on', 'indexed']);
  if ([...pairs.keys()].some((k) => !known.has(k))) return null;
  const fte = readRate(pairs.get('fte') ?? '');
  const salary = parseAmount(pairs.get('salary') ?? '');
  if (fte === null || !salary || salary.percent) return null;
  const indexed = pairs.get('indexed') ?? 'yes';
  if (indexed !== 'yes' && indexed !== 'no') return null;
  const out: StaffTerms = { fte, monthlySalary: salary.value, indexed: indexed === 'yes' };
  const year = pairs.get('year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) return null;
    out.salaryYear = Number(year);
  }
  const addOn = pairs.get('add-on');
  if (addOn !== undefined) {
    const r = readRate(addOn);
    if (r === null) return null;
    out.employerAddOn = r;
  }
  return out;
}
