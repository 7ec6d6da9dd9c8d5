import type { Change, Scenario } from '@samplan/engine';

type ChangeOf<T extends Change['type']> = Extract<Change, { type: T }>;

/** The first change of a type (for levers that hold one value, like the state allocation). */
export const findChange = <T extends Change['type']>(
  scenario: Scenario,
  type: T,
  where: (c: ChangeOf<T>) => boolean = () => true,
) => scenario.changes.find((c): c is ChangeOf<T> => c.type === type && where(c as ChangeOf<T>));

/** Replaces the changes matching `match` with `next` (or removes them when `next` is null), keeping order. */
export function setChange(scenario: Scenario, match: (c: Change) => boolean, next: Change | null): Scenario {
  const at = scenario.changes.findIndex(match);
  const rest = scenario.changes.filter((c) => !match(c));
  if (next === null) return { ...scenario, changes: rest };
  const index = at < 0 ? rest.length : at;
  return { ...scenario, changes: [...rest.slice(0, index), next, ...rest.slice(index)] };
}

/** A new id that no scenario in `taken` uses: `scenario-1`, `scenario-2`, … */
export function nextScenarioId(taken: readonly { id: string }[], base = 'scenario'): string {
  const ids = new Set(taken.map((s) => s.id));
  let n = taken.length + 1;
  while (ids.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
