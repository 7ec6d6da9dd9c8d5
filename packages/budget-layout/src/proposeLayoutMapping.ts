import type { Result } from '@samplan/engine';
import { classifyRows } from './classifyRows.ts';
import { categoriesFromSubtotals, classifyResults, classifyTotals, costSignOf } from './classifyTotals.ts';
import { findHeader, findUnit } from './findHeader.ts';
import { type Grid, layoutRows } from './layoutGrid.ts';
import type { LayoutMapping, LayoutUnit, MappingRow, RowRole } from './layoutMapping.ts';
import { UNIT_SCALE } from './layoutMapping.ts';
import { linkRows } from './linkRows.ts';
import type { Confidence } from './workRow.ts';

export type { Confidence } from './workRow.ts';

/** Where the sheet came from, and the unit when the caller knows it. */
export interface ProposeLayoutOptions {
  file: string;
  sheet?: string;
  /** The unit the user gave; otherwise it is read from the sheet's text, never guessed. */
  unit?: LayoutUnit;
}

/** The proposal for one row: its role, how sure, and why (in Swedish, naming the clue). */
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
  explanation: string;
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
  /** How the unit was found, or why it is not known (Swedish). */
  unitExplanation: string;
  costSign: 'positive' | 'negative';
  rows: RowProposal[];
  /** What the proposal noticed about the sheet as a whole (Swedish). */
  notes: string[];
  /** The proposal as a mapping: save it once reviewed, apply it with `applyLayoutMapping`. */
  mapping: LayoutMapping;
}

const where = (line: number, column: number) => `rad ${line}, kolumn ${column}`;

/**
 * Proposes a role for every non-blank row of a budget sheet laid out as the förbund prints it:
 * finds the header row of years, the label column and the sections, and explains each guess.
 */
export function proposeLayoutMapping(grid: Grid, options: ProposeLayoutOptions): Result<LayoutProposal> {
  const rows = layoutRows(grid);
  const header = findHeader(rows);
  if (!header)
    return {
      ok: false,
      errors: [
        {
          code: 'no-year-header',
          message:
            'Hittar ingen rubrikrad med årtal (t.ex. 2024, 2025, 2026 eller Budget 2024) i bladet: budgeten behöver en kolumn per år',
          file: options.file,
          line: rows[0]?.line ?? 1,
          column: 1,
        },
      ],
    };
  const notes = [...header.skipped];
  const found = findUnit(rows, header);
  let unit: LayoutUnit | null = options.unit ?? found.clue?.unit ?? null;
  let unitExplanation: string;
  if (options.unit) {
    unitExplanation = `enheten angiven: ${options.unit}`;
    const sheet = found.clue ?? found.conflict[0];
    if (sheet && sheet.unit !== options.unit)
      notes.push(
        `Du angav ${options.unit} men bladet säger ${sheet.unit} ("${sheet.cell.text.trim()}", ${where(sheet.cell.line, sheet.cell.column)}): beloppen läses i ${options.unit}.`,
      );
  } else if (found.clue) {
    unitExplanation = `"${found.clue.cell.text.trim()}" (${where(found.clue.cell.line, found.clue.cell.column)}) → belopp i ${found.clue.unit}`;
  } else if (found.conflict.length) {
    unit = null;
    unitExplanation = `Bladet nämner både ${found.conflict
      .map((c) => `${c.unit} ("${c.cell.text.trim()}", ${where(c.cell.line, c.cell.column)})`)
      .join(' och ')}: ange enheten`;
  } else {
    unitExplanation = 'Bladet säger inte om beloppen är i kr eller tkr: ange enheten';
  }

  const work = classifyRows(rows, header, unit ? UNIT_SCALE[unit] : 1);
  linkRows(work);
  categoriesFromSubtotals(work);
  const costSign = costSignOf(work);
  if (costSign < 0) notes.push('Kostnaderna är tryckta med minustecken → läses som kostnader (positiva i planen).');
  classifyTotals(work, costSign);
  classifyResults(work, costSign);

  const proposals: RowProposal[] = work.map((w) => ({
    key: w.key,
    label: w.label,
    line: w.row.line,
    column: w.row.cells.get(header.labelColumn)?.column ?? header.labelColumn,
    role: w.confidence === 'unknown' ? { kind: 'unknown' } : w.role,
    ...(w.alternative ? { alternative: w.alternative } : {}),
    confidence: w.confidence,
    explanation: w.why.join('; ') || 'ingen ledtråd',
    printed: w.values.map((v) => (v.plain ? v.plain.value.toFixed() : null)),
  }));
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
      unitExplanation,
      costSign: mapping.costSign,
      rows: proposals,
      notes,
      mapping,
    },
  };
}
