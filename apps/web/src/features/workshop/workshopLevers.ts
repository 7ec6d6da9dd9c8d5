import type { Change, Plan } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { setChange } from '../../ui/scenarioLevers.ts';

/**
 * The strategy day's levers, each a range in percent: the state allocation's change (a cut from the
 * plan's first year, the region and kommuner following), utilization and indexation; and per ESF
 * project whether it is approved or rejected.
 */
export const LEVER_RANGES = {
  state: { min: -15, max: 0, step: 1 },
  utilization: { min: 85, max: 100, step: 1 },
  indexation: { min: 1, max: 4, step: 0.5 },
} as const;

export type EsfDecision = 'approved' | 'rejected';

/** Where the levers stand for a list of changes (what is not changed stands where the plan has it). */
export interface LeverValues {
  /** Percent, −15…0. */
  readonly state: number;
  readonly esf: Readonly<Record<string, EsfDecision>>;
  /** Percent. */
  readonly utilization: number;
  /** Percent. */
  readonly indexation: number;
}

const percentOf = (fraction: string): number => new Decimal(fraction).times(100).toNumber();
const fractionOf = (percent: number): string => new Decimal(percent).dividedBy(100).toFixed();

type ChangeOf<T extends Change['type']> = Extract<Change, { type: T }>;
const first = <T extends Change['type']>(changes: readonly Change[], type: T, where: (c: ChangeOf<T>) => boolean) =>
  changes.find((c): c is ChangeOf<T> => c.type === type && where(c as ChangeOf<T>));

const isState = (c: Change) => c.type === 'state-allocation';
const isUtilization = (c: Change) => c.type === 'utilization' && c.line === undefined;
const isIndexation = (c: Change) => c.type === 'indexation';
const isEsf = (project: string) => (c: Change) => c.type === 'esf-decision' && c.project === project;

/** Without a decision an ESF project counts as in the plan: approved, or left out while applied for. */
const planDecision = (plan: Plan, project: string): EsfDecision =>
  plan.esfProjects.find((p) => p.id === project)?.status === 'applied' ? 'rejected' : 'approved';

export function leverValues(plan: Plan, changes: readonly Change[]): LeverValues {
  const state = first(changes, 'state-allocation', () => true);
  const utilization = first(changes, 'utilization', (c) => c.line === undefined);
  const indexation = first(changes, 'indexation', () => true);
  return {
    state: state?.rate === undefined ? 0 : percentOf(state.rate),
    esf: Object.fromEntries(
      plan.esfProjects.map((p) => [
        p.id,
        first(changes, 'esf-decision', (c) => c.project === p.id)?.decision ?? planDecision(plan, p.id),
      ]),
    ),
    utilization: percentOf(utilization?.rate ?? plan.assumptions.utilization),
    indexation: percentOf(indexation?.rate ?? plan.assumptions.indexation),
  };
}

/** Replaces the changes matching `match` by `next` (none when null), keeping the order. */
const put = (changes: readonly Change[], match: (c: Change) => boolean, next: Change | null): Change[] =>
  setChange({ id: 'levers', name: 'levers', changes: [...changes] }, match, next).changes;

/** The state allocation changed by `percent` (0: no change) from the plan's first year. */
export function withState(plan: Plan, changes: readonly Change[], percent: number): Change[] {
  const fromYear = plan.years[0] ?? 0;
  return put(
    changes,
    isState,
    percent === 0 ? null : { type: 'state-allocation', fromYear, rate: fractionOf(percent), matching: true },
  );
}

/** The ESF project decided (no change when that is what the plan has). */
export function withEsf(plan: Plan, changes: readonly Change[], project: string, decision: EsfDecision): Change[] {
  return put(
    changes,
    isEsf(project),
    decision === planDecision(plan, project)
      ? null
      : { type: 'esf-decision', project, decision, scaleCosts: false, keepLines: [] },
  );
}

/** Utilization at `percent` for every line (no change at the plan's own). */
export function withUtilization(plan: Plan, changes: readonly Change[], percent: number): Change[] {
  const same = percent === percentOf(plan.assumptions.utilization);
  return put(changes, isUtilization, same ? null : { type: 'utilization', rate: fractionOf(percent) });
}

/** Indexation at `percent` (no change at the plan's own). */
export function withIndexation(plan: Plan, changes: readonly Change[], percent: number): Change[] {
  const same = percent === percentOf(plan.assumptions.indexation);
  return put(changes, isIndexation, same ? null : { type: 'indexation', rate: fractionOf(percent) });
}

/** Whether two lists of changes put the levers in the same place. */
export function sameLevers(plan: Plan, a: readonly Change[], b: readonly Change[]): boolean {
  return JSON.stringify(leverValues(plan, a)) === JSON.stringify(leverValues(plan, b));
}

/** A lever value in percent as sv-SE text: `−10 %`, `2,5 %`. */
export function percentLabel(percent: number): string {
  const text = new Decimal(percent).toFixed(Number.isInteger(percent) ? 0 : 1).replace('.', ',');
  return `${text.replace('-', '−')} %`;
}
