import { slugify as budgetTableSlug } from '@samplan/budget-table';
/**
 * Pure helpers of the budget editor: grid navigation, new line ids, exact sums. No DOM, no React,
 * so vitest covers them directly.
 */
import { formatKronor, type Ore, parseKronor } from '@samplan/engine';

/** A direction focus can move in the amount grid. */
export type Direction = 'up' | 'down' | 'left' | 'right';

/** A cell of the grid: its row (a line of the plan) and its year. */
export interface GridPosition {
  row: string;
  year: number;
}

/**
 * Where focus goes from `from` in `direction`. `rows` are the grid's rows in display order (only
 * rows with editable cells), `years` its columns. Null when there is nowhere to go (an edge, or a
 * position no longer in the grid). Every editable row has a cell for every year.
 */
export function moveInGrid(
  rows: readonly string[],
  years: readonly number[],
  from: GridPosition,
  direction: Direction,
): GridPosition | null {
  const r = rows.indexOf(from.row);
  const c = years.indexOf(from.year);
  if (r < 0 || c < 0) return null;
  const [dr, dc] =
    direction === 'up' ? [-1, 0] : direction === 'down' ? [1, 0] : direction === 'left' ? [0, -1] : [0, 1];
  const row = rows[r + dr];
  const year = years[c + dc];
  if (row === undefined || year === undefined) return null;
  return { row, year };
}

/** What an input reports about its text and caret when an arrow key is pressed. */
export interface CaretState {
  /** The person is editing the text (typed, clicked into it, or pressed F2), not just passing through. */
  editing: boolean;
  selectionStart: number | null;
  selectionEnd: number | null;
  length: number;
}

/**
 * Whether an arrow key moves to another cell (and which way) or stays in the text. Up/Down always
 * move. Left/Right move when the cell is not being edited, or when the caret (no selection) is
 * already at the start (Left) or the end (Right) of the text.
 */
export function arrowDirection(key: string, caret: CaretState): Direction | null {
  if (key === 'ArrowUp') return 'up';
  if (key === 'ArrowDown') return 'down';
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return null;
  const direction: Direction = key === 'ArrowLeft' ? 'left' : 'right';
  if (!caret.editing) return direction;
  const { selectionStart: start, selectionEnd: end } = caret;
  // Inputs that do not report a caret: treat the caret as being at the end, where typing leaves it.
  if (start === null || end === null) return direction === 'right' ? direction : null;
  if (start !== end) return null;
  if (direction === 'left') return start === 0 ? direction : null;
  return end === caret.length ? direction : null;
}

/** A name as an id part (`Unga vuxna` → `unga-vuxna`): the budget table's slug, capped at 60 characters. */
export function slugify(name: string): string {
  return budgetTableSlug(name).slice(0, 60).replace(/-+$/g, '') || 'rad';
}

/** A new line id `${slug}-${n}`: the smallest n ≥ 1 that collides with no existing id. No randomness. */
export function newLineId(name: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const slug = slugify(name);
  let n = 1;
  while (taken.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

/** Sums kronor strings exactly (in öre); missing and malformed amounts count as zero. */
export function sumKronor(values: readonly (string | null | undefined)[]): string {
  let total = 0;
  for (const v of values) {
    if (v === undefined || v === null || v === '') continue;
    const parsed = parseKronor(v);
    if (parsed.ok) total += parsed.value;
  }
  return formatKronor(total as Ore);
}

/** Adds kronor strings column by column: the yearly sum of several rows. */
export function sumColumns(rows: readonly (readonly (string | null | undefined)[])[], width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(sumKronor(rows.map((row) => row[c])));
  return out;
}

/** A typed amount as the value to store: costs are stored positive, so `−8 430` on a cost is 8 430. */
export function storedAmount(kronor: string, collection: 'members' | 'revenues' | 'costs'): string {
  const abs = collection === 'costs' && kronor.startsWith('-') ? kronor.slice(1) : kronor;
  return abs === '-0' ? '0' : abs;
}

/**
 * Props equality for memoized rows: shallow, except arrays, which are equal when their elements
 * are (the store hands out a freshly parsed plan after every edit, so arrays are new each time).
 */
export function sameProps<P extends object>(a: P, b: P): boolean {
  const ka = Object.keys(a) as (keyof P)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (Object.is(x, y)) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}
