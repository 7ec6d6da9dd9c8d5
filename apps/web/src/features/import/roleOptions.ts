import type { RowRole } from '@samplan/budget-layout';
import { COST_CATEGORIES, type StatedFigure } from '@samplan/engine';

/** A row role as a select's value: `member:state`, `cost:administration`, `stated:costs`, `income`, … */
export type RoleValue = string;

/** The stated figures a person may choose for a row (the ones that need `lines` only when the row has them). */
export const STATED_CHOICES: readonly StatedFigure[] = [
  'revenue',
  'costs',
  'result',
  'closing-equity',
  'opening-equity',
  'revenue-with-equity',
  'member-revenue',
  'esf-revenue',
  'other-revenue',
  'cost-individual',
  'cost-structural',
  'cost-administration',
  'cost-unallocated',
  'cost-operations',
  'share-individual',
  'share-structural',
  'share-administration',
  'share-unallocated',
  'share-member-state',
  'share-member-region',
  'share-member-kommun',
];

/** The choices of the role select, in groups (each group's values in order). */
export const ROLE_GROUPS: readonly {
  group: 'revenue' | 'costs' | 'equity' | 'stated' | 'other';
  values: RoleValue[];
}[] = [
  { group: 'revenue', values: ['member:state', 'member:region', 'member:kommun', 'member-total', 'esf', 'income'] },
  { group: 'costs', values: COST_CATEGORIES.map((c) => `cost:${c}`) },
  { group: 'equity', values: ['opening-equity'] },
  { group: 'stated', values: STATED_CHOICES.map((f) => `stated:${f}`) },
  { group: 'other', values: ['title', 'heading', 'ignore'] },
];

/** The select value of a role. */
export function roleValue(role: RowRole): RoleValue {
  switch (role.kind) {
    case 'member':
      return `member:${role.group}`;
    case 'cost':
      return `cost:${role.category}`;
    case 'stated':
      return `stated:${role.figure}`;
    default:
      return role.kind;
  }
}

/** Figures of costs: a sheet that prints costs negative prints their totals negative too. */
const COST_FIGURES: ReadonlySet<string> = new Set([
  'costs',
  'cost-individual',
  'cost-structural',
  'cost-administration',
  'cost-unallocated',
  'cost-operations',
]);

/** What a new role keeps of the row: its label and amounts, and the role it had. */
export interface RoleContext {
  /** The row's role before this choice (its details are kept where they still apply). */
  previous: RowRole;
  /** The label as a line name (an ESF project chosen by hand is named after it). */
  label: string;
  /** The row's amounts as printed, for the sign of a stated cost total. */
  printed: readonly (string | null)[];
}

/** The role a select value stands for, keeping what the previous role knew that still applies. */
export function roleFromValue(value: RoleValue, { previous, label, printed }: RoleContext): RowRole {
  const [kind, detail] = value.split(':') as [string, string | undefined];
  switch (kind) {
    case 'member':
      return { kind: 'member', group: detail as 'state' | 'region' | 'kommun' };
    case 'cost': {
      const category = detail as (typeof COST_CATEGORIES)[number];
      return previous.kind === 'cost' ? { ...previous, category } : { kind: 'cost', category };
    }
    case 'stated': {
      const figure = detail as StatedFigure;
      if (previous.kind === 'stated' && previous.figure === figure) return previous;
      const negative = printed.find((p) => p !== null)?.startsWith('-') ?? false;
      return { kind: 'stated', figure, ...(COST_FIGURES.has(figure) && negative ? { sign: 'negative' as const } : {}) };
    }
    case 'esf':
      return previous.kind === 'esf' ? previous : { kind: 'esf', project: label, status: 'approved' };
    case 'heading':
      return previous.kind === 'heading' ? previous : { kind: 'heading' };
    case 'title':
    case 'ignore':
    case 'unknown':
    case 'member-total':
    case 'income':
    case 'opening-equity':
      return { kind };
    default:
      return { kind: 'unknown' };
  }
}

/** The select's values for a row: every choice, and the row's own role when it is none of them (a sum of named lines). */
export function roleValuesFor(role: RowRole): RoleValue[] {
  const all = ROLE_GROUPS.flatMap((g) => g.values);
  const own = roleValue(role);
  return all.includes(own) || own === 'unknown' ? all : [own, ...all];
}
