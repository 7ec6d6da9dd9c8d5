/** The budget tables' row view-model and its pure helpers (row keys, projected amounts, rename edits, used ids). */
import type { CostAmount, Plan } from '@samplan/engine';
import type { LineCollection, PlanEdit } from '@samplan/plan-store';
import type { Workspace } from '../../app/Workspace.tsx';

/** Kronor per plan year; undefined where a year has no amount. */
export type Values = readonly (string | undefined)[];

/** The grid row of a line: collections may reuse an id, so the collection is part of the key. */
export const rowKey = (collection: LineCollection, id: string) => `${collection}/${id}`;

/** `Medlemsbidrag` → `medlemsbidrag` for "Summa medlemsbidrag"; `ESF-medel` stays. */
export const lowerFirst = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** A line as the tables show it. */
export interface RowModel {
  collection: LineCollection;
  id: string;
  name: string;
  /** Group, project, period or staff terms: a short text under the name. */
  note: string;
  /** Yearly amounts typed in the plan; otherwise computed and shown read-only. */
  editable: boolean;
  /** Kronor per plan year: stored (editable) or from the latest projection. */
  values: Values;
  removable: boolean;
  /** A cost line's amount and ESF project, for its edit form (the store keeps untouched objects). */
  amount: CostAmount | undefined;
  project: string | undefined;
}

/** Each line's yearly amounts in the latest projection of the base plan, by row key. */
export function projectedAmounts(
  workspace: Pick<Workspace, 'projections'>,
  years: readonly number[],
): Map<string, Values> {
  const out = new Map<string, Values>();
  const base = workspace.projections?.results[0];
  if (!base?.ok) return out;
  const projectedYears = base.projection.years.map((y) => y.year);
  const index = years.map((year) => projectedYears.indexOf(year));
  for (const line of base.projection.lines) {
    const collection: LineCollection = line.kind === 'member' ? 'members' : line.kind === 'cost' ? 'costs' : 'revenues';
    out.set(
      rowKey(collection, line.id),
      index.map((i) => (i < 0 ? undefined : line.amounts[i])),
    );
  }
  return out;
}

/** The edit that renames a line of any collection. */
export function renameEdit(collection: LineCollection, id: string, name: string): PlanEdit {
  switch (collection) {
    case 'members':
      return { type: 'set-line', collection, id, patch: { name } };
    case 'revenues':
      return { type: 'set-line', collection, id, patch: { name } };
    case 'costs':
      return { type: 'set-line', collection, id, patch: { name } };
  }
}

/** Every id a new line or project must not reuse: the lines of all collections and the ESF projects. */
export const lineIds = (plan: Plan): string[] => [
  ...plan.members.map((l) => l.id),
  ...plan.revenues.map((l) => l.id),
  ...plan.costs.map((l) => l.id),
  ...plan.esfProjects.map((p) => p.id),
];
