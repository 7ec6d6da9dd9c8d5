import { Decimal } from 'decimal.js';
import { showAmount, type Unit } from '../../format/amounts.ts';
import type { ProjectResponse } from '../../worker/engineApi.ts';

/** The figures a sentence can embed. Flows (revenue, costs, result, lines) sum all years when no year is chosen. */
export const FIGURES = ['closing-equity', 'result', 'revenue', 'member-revenue', 'costs', 'line'] as const;
export type FigureKind = (typeof FIGURES)[number];

/** What a live figure in the text refers to: stored as the node's attributes in the document. */
export interface FigureRef {
  /** Scenario id; '' for the base plan. */
  readonly scenario: string;
  readonly figure: FigureKind;
  /** A plan year; null for the whole period (closing equity: the last year). */
  readonly year: number | null;
  /** For `line`: the line id (a member, revenue or cost line). */
  readonly line: string | null;
  readonly unit: Unit;
}

export type FigureValue = { ok: true; text: string } | { ok: false; reason: 'computing' | 'missing' };

const add = (values: readonly string[]): string => values.reduce((sum, v) => sum.plus(v), new Decimal(0)).toFixed();

/**
 * The text a live figure shows: the engine's number for the chosen scenario and year, formatted
 * sv-SE with its unit (`12 604 tkr`, `1 289 500 kr`). Never computes anything the engine did not.
 */
export function figureValue(ref: FigureRef, response: ProjectResponse | null): FigureValue {
  if (!response) return { ok: false, reason: 'computing' };
  const result = response.results.find((r) => (r.id ?? '') === ref.scenario);
  if (!result?.ok) return { ok: false, reason: result ? 'missing' : 'computing' };
  const { years, lines } = result.projection;
  const chosen = ref.year === null ? years : years.filter((y) => y.year === ref.year);
  if (chosen.length === 0) return { ok: false, reason: 'missing' };
  let kronor: string;
  switch (ref.figure) {
    case 'closing-equity':
      kronor = (chosen.at(-1) as (typeof chosen)[number]).closingEquity;
      break;
    case 'result':
      kronor = add(chosen.map((y) => y.result));
      break;
    case 'revenue':
      kronor = add(chosen.map((y) => y.revenue));
      break;
    case 'member-revenue':
      kronor = add(chosen.map((y) => y.revenueBySource.members));
      break;
    case 'costs':
      kronor = add(chosen.map((y) => y.costs));
      break;
    case 'line': {
      const line = lines.find((l) => l.id === ref.line);
      if (!line) return { ok: false, reason: 'missing' };
      kronor = add(years.flatMap((y, i) => (ref.year === null || y.year === ref.year ? [line.amounts[i] ?? '0'] : [])));
      break;
    }
  }
  return { ok: true, text: `${showAmount(kronor, ref.unit)} ${ref.unit}` };
}

/** Reads a figure reference from stored node attributes (anything another client wrote). */
export function readFigureRef(attrs: Record<string, unknown>): FigureRef {
  const figure = FIGURES.includes(attrs.figure as FigureKind) ? (attrs.figure as FigureKind) : 'closing-equity';
  const year = typeof attrs.year === 'number' && Number.isInteger(attrs.year) ? attrs.year : null;
  return {
    scenario: typeof attrs.scenario === 'string' ? attrs.scenario : '',
    figure,
    year,
    line: typeof attrs.line === 'string' ? attrs.line : null,
    unit: attrs.unit === 'kr' ? 'kr' : 'tkr',
  };
}
