import type { Plan, Scenario } from '@samplan/engine';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSession } from '../../app/SessionContext.ts';
import type { Workshop } from '../../core/docModel.ts';
import type { WorkshopCommands } from '../../core/workshop/createWorkshopCommands.ts';
import type { EngineClient } from '../../worker/createEngineClient.ts';
import type { ScenarioProjection } from '../../worker/engineApi.ts';

/** The shared plan's workshop, read against `plan`, live (re-read when anything under the workshop root changes). */
export function useWorkshop(workshop: WorkshopCommands, plan: Plan): { workshop: Workshop; invalid: number } {
  const version = useSyncExternalStore(workshop.changes.subscribe, workshop.changes.get);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the document changed.
  return useMemo(() => {
    const { workshop: read, issues } = workshop.read(plan);
    return { workshop: read, invalid: issues.length };
  }, [workshop, plan, version]);
}

/**
 * The base plan and `scenarios` projected in the engine worker, on their own (not through the
 * workspace's queue); the newest answer wins and the previous one stays until it comes. Null until
 * the first answer.
 */
export function useScenarioProjections(
  engine: EngineClient,
  plan: Plan,
  scenarios: readonly Scenario[],
): readonly ScenarioProjection[] | null {
  const [results, setResults] = useState<readonly ScenarioProjection[] | null>(null);
  const key = JSON.stringify(scenarios);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scenarios are compared by their JSON (`key`).
  useEffect(() => {
    let current = true;
    engine.projectScenarios(plan, scenarios).then(
      (answer) => {
        if (current) setResults(answer);
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [engine, plan, key]);
  return results;
}

/**
 * Calls `write` at most every `ms` milliseconds: the first value at once, then the newest one when
 * the interval has passed (so a dragged slider is shared while it moves, and where it stops).
 */
export function useThrottled<T>(write: (value: T) => void, ms: number): (value: T) => void {
  const writeRef = useRef(write);
  writeRef.current = write;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      if (pending.current) writeRef.current(pending.current.value);
    },
    [],
  );
  return useCallback(
    (value: T) => {
      if (timer.current !== null) {
        pending.current = { value };
        return;
      }
      writeRef.current(value);
      const tick = () => {
        const next = pending.current;
        pending.current = null;
        if (next) {
          writeRef.current(next.value);
          timer.current = setTimeout(tick, ms);
        } else timer.current = null;
      };
      timer.current = setTimeout(tick, ms);
    },
    [ms],
  );
}

/** The workshop commands of the shared plan; only inside the workshop of a shared plan. */
export function useWorkshopCommands(): WorkshopCommands {
  const workshop = useSession().workshop;
  if (!workshop) throw new Error('useWorkshopCommands outside a shared plan');
  return workshop;
}
