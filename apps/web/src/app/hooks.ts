import type { Plan } from '@samplan/engine';
import { useCallback, useSyncExternalStore } from 'react';
import type { PlanSession, Settings } from '../core/createPlanSession.ts';
import type { Unit } from '../format/amounts.ts';
import { type Language, type MessageKey, translate } from '../i18n/messages.ts';
import type { EngineClient } from '../worker/createEngineClient.ts';
import type { ProjectResponse } from '../worker/engineApi.ts';
import { useSession } from './SessionContext.ts';

/**
 * Thin hooks over the session's stores, each on `useSyncExternalStore` over one store: a new
 * projection re-renders only the components that read projections, a typed status only those
 * that show it.
 */

/** The plan, re-rendering on every accepted edit (local or remote). */
export function usePlan(): Plan {
  const { plan } = useSession();
  return useSyncExternalStore(plan.subscribe, plan.get);
}

/** The plan's name; re-renders only when the name changes, not on every edit. */
export function usePlanName(): string {
  const { plan } = useSession();
  return useSyncExternalStore(plan.subscribe, () => plan.get().name);
}

/** The newest projection of the base plan and every scenario; null until the first arrives. */
export function useProjections(): ProjectResponse | null {
  const { projections } = useSession();
  return useSyncExternalStore(projections.subscribe, projections.get);
}

/** The status line's message, and how to announce a new one (to screen readers too). */
export function useStatus(): [status: string, announce: (message: string) => void] {
  const { status } = useSession();
  return [useSyncExternalStore(status.subscribe, status.get), status.set];
}

/** The UI's settings (unit and language). */
export function useSettings(): Settings {
  const { settings } = useSession();
  return useSyncExternalStore(settings.subscribe, settings.get);
}

/** The unit amounts are shown in. */
export function useUnit(): Unit {
  const { settings } = useSession();
  return useSyncExternalStore(settings.subscribe, () => settings.get().unit);
}

/** The UI's language. */
export function useLanguage(): Language {
  const { settings } = useSession();
  return useSyncExternalStore(settings.subscribe, () => settings.get().language);
}

/** The translation function in the UI's language; a new one only when the language changes. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useLanguage();
  return useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    [language],
  );
}

/** Applies an edit (refused for a read-only person); never re-renders by itself. */
export function useApply(): PlanSession['apply'] {
  return useSession().apply;
}

/** Announces a message in the status line (and to screen readers), without re-rendering on the status. */
export function useAnnounce(): (message: string) => void {
  return useSession().status.set;
}

/** The engine worker's client. */
export function useEngine(): EngineClient {
  return useSession().engine;
}

/** True when this person may not change the plan (viewer, commenter, or an opened version). */
export function useReadOnly(): boolean {
  return useSession().readOnly;
}
