import type { Result } from '@samplan/engine';
import { classifyRows } from './classifyRows.ts';
import { categoriesFromSubtotals, classifyResults, classifyTotals, costSignOf } from './classifyTotals.ts';
import { findHeader, findUnit, type UnitClue } from './findHeader.ts';
import { type Grid, layoutRows } from './layoutGrid.ts';
import type { LayoutMapping, LayoutUnit, MappingRow, RowRole } from './layoutMapping.ts';
import { UNIT_SCALE } from './layoutMapping.ts';
import { linkRows } from './linkRows.ts';
import type { LayoutIssue, Reason, UnitCell } from './reason.ts';
import { reasonSv, reasonsSv } from './reasonSv.ts';
import type { Confidence } from './workRow.ts';

export type { Confidence } from './workRow.ts';

/** Where the sheet came from, and the unit when the caller knows it. */
export interface ProposeLayoutOptions {
  file: string;
  sheet?: string;
  /** The unit the user gave; otherwise it is read from the sheet's text, never guessed. */
  unit?: LayoutUnit;
}

/** The proposal for one row: its role, how sure, and why (as reasons, and in Swedish), naming the clue. */
export interface RowProposal {
  key: string;
  label: string;
  /** The row's line (CSV) or row number (workbook). */
  line: number;
  /** The column of its label cell (a CSV's character column, a workbook's column number). */
  column: number;
  role: RowRole;
  alternative?: { project: string };
  confidence: Confidence;
  /** Why, in Swedish: `reasons` said with `reasonSv`, joined with "; " (what the CLI prints). */
  explanation: string;
  /** Why, part by part: a code and the clue's words, to say in any language. */
  reasons: Reason[];
  /** The amounts per plan year as printed (decimal strings, sheet unit, sign as printed), null when empty. */
  printed: (string | null)[];
}

/** A proposed mapping of a sheet laid out as printed, for the user to review. */
export interface LayoutProposal {
  file: string;
  sheet?: string;
  years: number[];
  header: { line: number; labelColumn: number; yearColumns: number[] };
  /** null: the sheet does not say and the caller did not either: ask the user. */
  unit: LayoutUnit | null;
  /** How the unit was found, or why it is not known (Swedish: `reasonSv(unitReason)`). */
  unitExplanation: string;
  unitReason: Reason;
  costSign: 'positive' | 'negative';
  rows: RowProposal[];
  /** What the proposal noticed about the sheet as a whole (Swedish: `noteReasons` said with `reasonSv`). */
  notes: string[];
  noteReasons: Reason[];
  /** The proposal as a mapping: save it once reviewed, apply it with `applyLayoutMapping`. */
  mapping: LayoutMapping;
}

const unitCell = (clue: UnitClue): UnitCell => ({
  unit: clue.unit,
  text: clue.cell.text.trim(),
  line: clue.cell.line,
  column: clue.cell.column,
});

/**
 * Proposes a role for every non-blank row of a budget sheet laid out as the förbund prints it:
 * finds the header row of years, the label column and the sections, and explains each guess.
 */
export function proposeLayoutMapping(grid: Grid, options: ProposeLayoutOptions): Result<LayoutProposal, LayoutIssue> {
  const rows = layoutRows(grid);
  const header = findHeader(rows);
  if (!header) {
    const reason: Reason = { code: 'no-year-header' };
    return {
      ok: false,
      errors: [
        {
          code: 'no-year-header',
          message: reasonSv(reason),
          reason,
          file: options.file,
          line: rows[0]?.line ?? 1,
          column: 1,
        },
      ],
    };
  }
  const noteReasons: Reason[] = [...header.skipped];
  const found = findUnit(rows, header);
  let unit: LayoutUnit | null = options.unit ?? found.clue?.unit ?? null;
  let unitReason: Reason;
  if (options.unit) {
    unitReason = { code: 'unit-given', unit: options.unit };
    const sheet = found.clue ?? found.conflict[0];
    if (sheet && sheet.unit !== options.unit)
      noteReasons.push({ code: 'unit-contradicted', given: options.unit, ...unitCell(sheet) });
  } else if (found.clue) {
    unitReason = { code: 'unit-from-sheet', ...unitCell(found.clue) };
  } else if (found.conflict.length) {
    unit = null;
    unitReason = { code: 'unit-conflict', cells: found.conflict.map(unitCell) };
  } else {
    unitReason = { code: 'unit-missing' };
  }

  const work = classifyRows(rows, header, unit ? UNIT_SCALE[unit] : 1);
  linkRows(work);
  categoriesFromSubtotals(work);
  const costSign = costSignOf(work);
  if (costSign < 0) noteReasons.push({ code: 'costs-printed-negative' });
  classifyTotals(work, costSign);
  classifyResults(work, costSign);

  const proposals: RowProposal[] = work.map((w) => {
    const reasons: Reason[] = w.why.length ? w.why : [{ code: 'no-clue' }];
    return {
      key: w.key,
      label: w.label,
      line: w.row.line,
      column: w.row.cells.get(header.labelColumn)?.column ?? header.labelColumn,
      role: w.confidence === 'unknown' ? { kind: 'unknown' } : w.role,
      ...(w.alternative ? { alternative: w.alternative } : {}),
      confidence: w.confidence,
      explanation: reasonsSv(reasons),
      reasons,
      printed: w.values.map((v) => (v.plain ? v.plain.value.toFixed() : null)),
    };
  });
  const mapping: LayoutMapping = {
    version: 1,
    unit,
    costSign: costSign < 0 ? 'negative' : 'positive',
    ...(options.sheet ? { sheet: options.sheet } : {}),
    headerRow: header.line,
    labelColumn: header.labelColumn,
    yearColumns: header.yearColumns,
    rows: proposals.map(
      (p): MappingRow => ({
        key: p.key,
        label: p.label,
        role: p.role,
        ...(p.alternative ? { alternative: p.alternative } : {}),
        confidence: p.confidence,
        note: p.explanation,
      }),
    ),
  };
  return {
    ok: true,
    value: {
      file: options.file,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      years: header.years,
      header: { line: header.line, labelColumn: header.labelColumn, yearColumns: header.yearColumns },
      unit,
      unitExplanation: reasonSv(unitReason),
      unitReason,
      costSign: mapping.costSign,
      rows: proposals,
      notes: noteReasons.map(reasonSv),
      noteReasons,
      mapping,
    },
  };
}
