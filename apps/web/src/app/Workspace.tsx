import { fail, type Plan, type Result } from '@samplan/engine';
import type { PlanEdit, PlanStore } from '@samplan/plan-store';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { SharedPlan } from '../collab/openSharedPlan.ts';
import type { Unit } from '../format/amounts.ts';
import { type Language, type MessageKey, translate } from '../i18n/messages.ts';
import { storedLanguage } from '../i18n/storedLanguage.ts';
import type { PlanInfo } from '../session/api.ts';
import type { EngineClient } from '../worker/createEngineClient.ts';
import type { ProjectResponse } from '../worker/engineApi.ts';

/** The live co-editing side of a workspace: the shared document and who I am in this plan. */
export interface Collab {
  readonly shared: SharedPlan;
  readonly info: PlanInfo;
}

/** Everything a view needs: the plan and how to edit it, the latest projections, the UI settings. */
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

const WorkspaceContext = createContext<Workspace | null>(null);

/** The workspace of the surrounding `WorkspaceProvider`. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}

const readSetting = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
  const value = globalThis.localStorage?.getItem(key);
  return allowed.includes(value as T) ? (value as T) : fallback;
};

/** Connects the store and the engine worker: every plan change is projected, the newest result wins. */
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
  const plan = useSyncExternalStore(store.subscribe, store.getPlan);
  const [projections, setProjections] = useState<ProjectResponse | null>(null);
  const [unit, setUnitState] = useState<Unit>(() => readSetting('samplan.unit', ['tkr', 'kr'], 'tkr'));
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [status, setStatus] = useState('');

  useEffect(() => engine.onResult(setProjections), [engine]);
  // Ask the worker straight from the store's notification, not after React has rendered: the
  // worker then computes while the main thread renders and paints the edit.
  useEffect(() => {
    const request = () => {
      const current = store.getPlan();
      const id = engine.project(
        current,
        current.scenarios.map((s) => s.id),
      );
      performance.mark('samplan:requested', { detail: id });
    };
    request();
    return store.subscribe(request);
  }, [engine, store]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setUnit = useCallback((u: Unit) => {
    setUnitState(u);
    globalThis.localStorage?.setItem('samplan.unit', u);
  }, []);
  const setLanguage = useCallback((l: Language) => {
    setLanguageState(l);
    globalThis.localStorage?.setItem('samplan.language', l);
  }, []);
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    [language],
  );
  const apply = useCallback(
    (edit: PlanEdit): Result<Plan> => {
      if (readOnly) return fail({ code: 'read-only', message: translate(language, 'collab.readOnlyRefusal') });
      performance.mark('samplan:edit');
      return store.apply(edit);
    },
    [store, readOnly, language],
  );

  const value = useMemo<Workspace>(
    () => ({
      plan,
      apply,
      engine,
      projections,
      unit,
      setUnit,
      language,
      setLanguage,
      t,
      announce: setStatus,
      status,
      collab,
      readOnly,
    }),
    [plan, apply, engine, projections, unit, setUnit, language, setLanguage, t, status, collab, readOnly],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
