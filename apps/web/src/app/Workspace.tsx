import type { Plan, Result } from '@samplan/engine';
import type { PlanEdit, PlanStore } from '@samplan/plan-store';
import { type ReactNode, useEffect, useMemo } from 'react';
import { createPlanSession } from '../core/createPlanSession.ts';
import type { Unit } from '../format/amounts.ts';
import type { Language, MessageKey } from '../i18n/messages.ts';
import type { EngineClient } from '../worker/createEngineClient.ts';
import type { ProjectResponse } from '../worker/engineApi.ts';
import { useLanguage, usePlan, useProjections, useSettings, useStatus, useT } from './hooks.ts';
import { type Collab, CollabContext, SessionContext, useCollab, useSession } from './SessionContext.ts';

export type { Collab } from './SessionContext.ts';

/**
 * Everything a view needed before the session's hooks: kept for the views not yet moved to
 * `usePlan`, `useProjections`, `useT`, `useStatus` (it re-renders on any of them).
 */
export interface Workspace {
  plan: Plan;
  /** Applies an edit if the plan stays valid; otherwise nothing changes and the issues come back. */
  apply(edit: PlanEdit): Result<Plan>;
  engine: EngineClient;
  /** The newest projection of the base plan and every scenario; null until the first arrives. */
  projections: ProjectResponse | null;
  unit: Unit;
  setUnit(unit: Unit): void;
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Announces a message to screen readers and shows it in the status line. */
  announce(message: string): void;
  status: string;
  /** The shared plan when co-editing (null in the local demo). */
  collab: Collab | null;
  /** True when this person may not change the plan (viewer, commenter, or an opened version). */
  readOnly: boolean;
}

/** The whole workspace, composed of the session's hooks (prefer the one hook a component needs). */
export function useWorkspace(): Workspace {
  const session = useSession();
  const collab = useCollab();
  const plan = usePlan();
  const projections = useProjections();
  const { unit, language } = useSettings();
  const [status, announce] = useStatus();
  const t = useT();
  return useMemo<Workspace>(
    () => ({
      plan,
      apply: session.apply,
      engine: session.engine,
      projections,
      unit,
      setUnit: session.settings.setUnit,
      language,
      setLanguage: session.settings.setLanguage,
      t,
      announce,
      status,
      collab,
      readOnly: session.readOnly,
    }),
    [session, plan, projections, unit, language, t, announce, status, collab],
  );
}

/** Opens a plan session on the store and the engine worker: every plan change is projected, the newest result wins. */
export function WorkspaceProvider({
  store,
  engine,
  collab = null,
  readOnly = false,
  children,
}: {
  store: PlanStore;
  engine: EngineClient;
  collab?: Collab | null;
  readOnly?: boolean;
  children: ReactNode;
}) {
  const session = useMemo(
    () => createPlanSession({ store, engine, doc: collab?.shared ?? null, readOnly }),
    [store, engine, collab, readOnly],
  );
  useEffect(() => session.start(), [session]);
  return (
    <SessionContext.Provider value={session}>
      <CollabContext.Provider value={collab}>
        <DocumentLanguage />
        {children}
      </CollabContext.Provider>
    </SessionContext.Provider>
  );
}

/** Keeps `<html lang>` in the UI's language. */
function DocumentLanguage() {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return null;
}
