/**
 * The Mål view's pure helpers: which years an indicator table shows, new record ids, reading typed
 * participants and shares, the patches of an insats's goals and targets, and which issue of a
 * refused edit belongs next to a field. No DOM, no React, so vitest covers them directly.
 */
import type { CostLine, Indicator, Issue, ParticipantTargets, Plan, Result } from '@samplan/engine';
import { readPercent } from '../../format/amounts.ts';
import { newLineId } from '../budget/gridNavigation.ts';

/** Outcomes are followed from this many years before the plan's first year (as the plans print them). */
export const YEARS_BEFORE = 2;

/**
 * The outcome columns of a goal's indicator table: the two years before the plan's first year, the
 * plan years, and any other year an indicator already has an outcome for; ascending.
 */
export function outcomeYears(planYears: readonly number[], indicators: readonly Pick<Indicator, 'outcomes'>[]) {
  const years = new Set<number>();
  const first = planYears[0];
  if (first !== undefined) for (let y = first - YEARS_BEFORE; y < first; y++) years.add(y);
  for (const y of planYears) years.add(y);
  for (const i of indicators) for (const y of Object.keys(i.outcomes)) years.add(Number(y));
  return [...years].sort((a, b) => a - b);
}

/** Every id in the plan (lines, projects, goals, indicators, activities): ids must be unique across them. */
const planIds = (plan: Plan): string[] => [
  ...plan.members.map((r) => r.id),
  ...plan.revenues.map((r) => r.id),
  ...plan.costs.map((r) => r.id),
  ...plan.esfProjects.map((r) => r.id),
  ...plan.goals.map((r) => r.id),
  ...plan.indicators.map((r) => r.id),
  ...plan.activities.map((r) => r.id),
];

/** A new id for a goal, indicator or activity named `name`: made the way new lines' ids are. */
export const newRecordId = (name: string, plan: Plan): string => newLineId(name, planIds(plan));

/** The indicator with the outcome of `year` set to `text` (trimmed); an empty text removes the outcome. */
export function withOutcome(indicator: Indicator, year: number, text: string): Indicator {
  const outcomes = { ...indicator.outcomes };
  const value = text.trim();
  if (value === '') delete outcomes[String(year)];
  else outcomes[String(year)] = value;
  return { ...indicator, outcomes };
}

/** What was read from a field: a value (undefined when the field was left empty), or null when unreadable. */
export type Read<T> = { value: T | undefined } | null;

/** A typed number of participants (`200`, `1 200`); empty is "not given". */
export function readParticipants(text: string): Read<number> {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (digits === '') return { value: undefined };
  if (!/^\d{1,7}$/.test(digits)) return null;
  return { value: Number(digits) };
}

/** A typed share in percent (`25`, `25 %`, `12,5`) as a stored rate (`"0.25"`); between 0 and 100 %. */
export function readShare(text: string): Read<string> {
  if (text.trim() === '') return { value: undefined };
  const rate = readPercent(text);
  if (rate === null || Number(rate) < 0 || Number(rate) > 1) return null;
  return { value: rate };
}

/** An insats's targets with one of them changed; undefined when none is left. */
export function withTarget<K extends keyof ParticipantTargets>(
  targets: ParticipantTargets | undefined,
  key: K,
  value: ParticipantTargets[K] | undefined,
): ParticipantTargets | undefined {
  const next: ParticipantTargets = { ...targets };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * The goals an insats serves after (un)linking `goal`, in the plan's goal order; undefined when it
 * serves none.
 */
export function withGoal(
  line: Pick<CostLine, 'goals'>,
  goal: string,
  linked: boolean,
  goalOrder: readonly string[],
): string[] | undefined {
  const chosen = new Set(line.goals ?? []);
  if (linked) chosen.add(goal);
  else chosen.delete(goal);
  const next = goalOrder.filter((id) => chosen.has(id));
  return next.length > 0 ? next : undefined;
}

/**
 * The message to show next to a field after the store refused an edit: the first issue whose path
 * names `field` (a property or a year), else the first issue; null when there is none.
 */
export function issueFor(issues: readonly Issue[], field: string): string | null {
  const about = issues.find((i) => i.path?.some((p) => String(p) === field));
  return (about ?? issues[0])?.message ?? null;
}

/** Null when the edit was applied; otherwise the message for `field` (or `fallback` when there is none). */
export const refusalFor = (result: Result<unknown>, field: string, fallback: string): string | null =>
  result.ok ? null : (issueFor(result.errors, field) ?? fallback);
