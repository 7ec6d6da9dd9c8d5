import type { CostCategory, Issue, MemberGroup, StatedFigure } from '@samplan/engine';
import type { LayoutUnit } from './layoutUnit.ts';

/** What a clue in a row's label makes of the row. */
export type ClueRole =
  | { kind: 'member'; group: MemberGroup }
  | { kind: 'esf'; project: string }
  | { kind: 'income' }
  | { kind: 'cost'; category: CostCategory };

/** The rows a total was found to add up. */
export type SummedRows =
  | { kind: 'above' }
  | { kind: 'revenue' }
  | { kind: 'revenue-and-equity' }
  | { kind: 'members' }
  | { kind: 'esf' }
  | { kind: 'other-income' }
  | { kind: 'costs' }
  | { kind: 'category'; category: CostCategory }
  | { kind: 'costs-except-administration' };

/** A cell of the sheet that states a unit. */
export interface UnitCell {
  unit: LayoutUnit;
  /** The cell's text, trimmed. */
  text: string;
  line: number;
  column: number;
}

/**
 * Why `1.050` is no amount: it reads as 1 050 (a thousands separator) and as 1,05 (a decimal
 * point). `whole` and `fraction` are the digits either side, `decimal` the other reading in Swedish form.
 */
export interface Ambiguity {
  /** The text the number was read from. */
  text: string;
  whole: string;
  fraction: string;
  decimal: string;
  separator: '.' | ',';
}

/**
 * One part of why the proposal did what it did, a note about the sheet, or why a mapping is
 * refused: a code and its parameters, so a reader can say it in any language. Words quoted from the
 * sheet (`clue`, `label`, `text`) are as printed; `reasonSv` is the Swedish the CLI prints.
 */
export type Reason =
  // Why a row got its role (the parts of a RowProposal's explanation).
  | { code: 'title-above-header' }
  | { code: 'note-above-header' }
  | { code: 'header-row'; first: number; last: number }
  | { code: 'section-in-header'; label: string; section: 'revenue' | 'costs' }
  | { code: 'section-heading'; label: string; section: 'revenue' | 'costs' }
  | { code: 'category-heading'; label: string; category: CostCategory }
  | { code: 'heading-without-amounts' }
  | { code: 'note-without-amounts' }
  | { code: 'empty-row' }
  | { code: 'amounts-outside-years' }
  | { code: 'not-an-amount'; text: string; year: number }
  | { code: 'amounts-without-label' }
  | { code: 'label-clue'; clue: string; role: ClueRole }
  | { code: 'derived-by-matching' }
  | { code: 'equity-among-revenue'; clue: string }
  | { code: 'opening-equity-label'; clue: string }
  | { code: 'member-total'; clue: string }
  | { code: 'esf-applied'; condition: string }
  | { code: 'income-by-section' }
  | { code: 'costs-under-heading' }
  | { code: 'costs-after-revenue-total' }
  | { code: 'costs-start-at'; label: string }
  | { code: 'under-heading'; heading: string; category: CostCategory }
  | { code: 'category-default' }
  | { code: 'subtotal-category'; label: string; category: CostCategory }
  | { code: 'member-share'; clue: string; group: MemberGroup }
  | { code: 'category-share'; clue: string; years: number[]; category: CostCategory }
  | { code: 'share-without-base' }
  | { code: 'total-unexplained'; word: string }
  | { code: 'total-named'; clue: string; figure: StatedFigure }
  | {
      code: 'total-sums';
      word: string;
      rows: SummedRows;
      /** How many rows add up to it. */
      count: number;
      figure: StatedFigure;
      /** The years it adds up in, and the ones it does not (empty when it adds up every year). */
      matched: number[];
      missed: number[];
    }
  | { code: 'printed-negative' }
  | { code: 'result-unexplained'; label: string }
  | { code: 'result-named'; clue: string; figure: 'result' | 'closing-equity' }
  | { code: 'result-formula'; clue: string; figure: 'result' | 'closing-equity'; matched: number[]; missed: number[] }
  | { code: 'alternative-figures'; condition: string; project: string }
  | { code: 'alternative-unknown-project'; condition: string; project: string }
  | { code: 'cost-of-project'; project: string }
  | { code: 'requisitioning-member'; member: string }
  | { code: 'no-clue' }
  // How the unit was found (LayoutProposal.unitReason).
  | { code: 'unit-given'; unit: LayoutUnit }
  | ({ code: 'unit-from-sheet' } & UnitCell)
  | { code: 'unit-conflict'; cells: UnitCell[] }
  | { code: 'unit-missing' }
  // Notes about the sheet as a whole (LayoutProposal.noteReasons, AppliedLayout.noteReasons).
  | ({ code: 'unit-contradicted'; given: LayoutUnit } & UnitCell)
  | { code: 'column-before-plan'; text: string }
  | { code: 'column-outside-years'; text: string; first: number; last: number }
  | { code: 'costs-printed-negative' }
  | { code: 'header-moved'; line: number; mapped: number }
  | { code: 'mapped-row-missing'; label: string }
  | { code: 'member-total-split'; label: string }
  // Refusals (LayoutIssue.reason).
  | { code: 'no-year-header' }
  | { code: 'no-mapped-year-header'; columns: number[]; text?: string }
  | { code: 'unknown-unit' }
  | { code: 'amount-precision'; text: string }
  | { code: 'invalid-amount'; text: string; label: string; year: number; ambiguity?: Ambiguity }
  | { code: 'unclassified-row'; label: string }
  | { code: 'state-without-amounts'; label: string }
  | { code: 'unknown-member'; label: string; member: string }
  | { code: 'unknown-project'; label: string; project: string }
  | { code: 'unknown-line'; label: string; keys: string[] }
  | { code: 'bad-mapping'; path: string; detail: string }
  | { code: 'duplicate-key'; path: string; key: string };

/** A reason's code. */
export type ReasonCode = Reason['code'];

/** The reason with this code. */
export type ReasonOf<C extends ReasonCode> = Extract<Reason, { code: C }>;

// A record over every code, so a code added to `Reason` and missing here fails to compile.
const CODES: Record<ReasonCode, true> = {
  'title-above-header': true,
  'note-above-header': true,
  'header-row': true,
  'section-in-header': true,
  'section-heading': true,
  'category-heading': true,
  'heading-without-amounts': true,
  'note-without-amounts': true,
  'empty-row': true,
  'amounts-outside-years': true,
  'not-an-amount': true,
  'amounts-without-label': true,
  'label-clue': true,
  'derived-by-matching': true,
  'equity-among-revenue': true,
  'opening-equity-label': true,
  'member-total': true,
  'esf-applied': true,
  'income-by-section': true,
  'costs-under-heading': true,
  'costs-after-revenue-total': true,
  'costs-start-at': true,
  'under-heading': true,
  'category-default': true,
  'subtotal-category': true,
  'member-share': true,
  'category-share': true,
  'share-without-base': true,
  'total-unexplained': true,
  'total-named': true,
  'total-sums': true,
  'printed-negative': true,
  'result-unexplained': true,
  'result-named': true,
  'result-formula': true,
  'alternative-figures': true,
  'alternative-unknown-project': true,
  'cost-of-project': true,
  'requisitioning-member': true,
  'no-clue': true,
  'unit-given': true,
  'unit-from-sheet': true,
  'unit-conflict': true,
  'unit-missing': true,
  'unit-contradicted': true,
  'column-before-plan': true,
  'column-outside-years': true,
  'costs-printed-negative': true,
  'header-moved': true,
  'mapped-row-missing': true,
  'member-total-split': true,
  'no-year-header': true,
  'no-mapped-year-header': true,
  'unknown-unit': true,
  'amount-precision': true,
  'invalid-amount': true,
  'unclassified-row': true,
  'state-without-amounts': true,
  'unknown-member': true,
  'unknown-project': true,
  'unknown-line': true,
  'bad-mapping': true,
  'duplicate-key': true,
};

/** Every reason code, for a reader that must say each of them (the web's messages test). */
export const REASON_CODES: readonly ReasonCode[] = Object.keys(CODES) as ReasonCode[];

/**
 * A refusal of the layout importer: an issue (code, Swedish message, file, line, column) with its
 * reason. The plan's own checks (`parsePlan`) pass through as the engine gives them, without one.
 */
export interface LayoutIssue extends Issue {
  reason?: Reason;
}
