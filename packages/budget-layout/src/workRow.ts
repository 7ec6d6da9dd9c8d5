import type { CostCategory } from '@samplan/engine';
import type { Decimal } from 'decimal.js';
import type { LayoutRow } from './layoutGrid.ts';
import type { RowRole } from './layoutMapping.ts';
import type { YearValue } from './readRowValues.ts';
import type { Reason } from './reason.ts';

/** How sure a proposal is: the label or the arithmetic says it, a guess from weaker clues, or no idea. */
export type Confidence = 'sure' | 'guess' | 'unknown';

/** The part of the sheet a row is in. */
export type Section = 'before' | 'revenue' | 'costs';

/** What a row is before its exact role is settled. */
export type RowKind = 'title' | 'heading' | 'ignore' | 'line' | 'total' | 'result' | 'share' | 'unknown';

/** A row while the proposal is worked out (internal to the proposal). */
export interface WorkRow {
  row: LayoutRow;
  key: string;
  /** The label as printed. */
  label: string;
  section: Section;
  /** Rows between two headings or totals share a group: a "Summa" sums its group. */
  group: number;
  values: YearValue[];
  /** The plain printed amounts in kronor per plan year, as printed (sign included); null when empty. */
  amounts: (Decimal | null)[];
  /** The value of the last printed digit of each amount, in kronor. */
  precisions: (Decimal | null)[];
  kind: RowKind;
  role: RowRole;
  confidence: Confidence;
  /** The explanation's parts (`reasonSv` says each in Swedish; joined with "; "). */
  why: Reason[];
  /** The ESF condition its label states: "(om ESF projekt MIA Vidare beviljas)". */
  condition?: { project: string; words: string; applied: boolean };
  alternative?: { project: string };
  /** For cost lines: where the category came from (a heading beats a keyword). */
  categoryFrom?: 'unallocated' | 'heading' | 'subtotal' | 'keyword' | 'default';
  /** The heading above a cost line, for the explanation. */
  heading?: { label: string; category?: CostCategory };
}

/** Rows whose role makes a plan line (member, ESF, income, cost). */
export const isLine = (w: WorkRow): boolean =>
  w.kind === 'line' && w.role.kind !== 'opening-equity' && w.role.kind !== 'unknown';

/** A revenue line (member, members' total, ESF, other income). */
export const isRevenueLine = (w: WorkRow): boolean =>
  isLine(w) && ['member', 'member-total', 'esf', 'income'].includes(w.role.kind);

/** A cost line. */
export const isCostLine = (w: WorkRow): boolean => isLine(w) && w.role.kind === 'cost';
