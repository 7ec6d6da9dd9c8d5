import { useSyncExternalStore } from 'react';
import { useSession } from '../../app/SessionContext.ts';
import type { PlanSection } from '../../core/docModel.ts';

const NONE: readonly PlanSection[] = [];
const noSubscription = () => () => {};
const none = () => NONE;

/**
 * The plan's sections in order, live (none in the local demo). Re-read when the outline, the set of
 * sections or a title changes; typing in a section's text does not re-read it.
 */
export function useOutline(): readonly PlanSection[] {
  const outline = useSession().text?.outline;
  return useSyncExternalStore(outline?.subscribe ?? noSubscription, outline?.get ?? none);
}
