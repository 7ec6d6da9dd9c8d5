import type { PlanInfo } from '@samplan/api-contract';
import { createContext, useContext } from 'react';
import type { SharedPlan } from '../core/collab/openSharedPlan.ts';
import type { PlanSession } from '../core/createPlanSession.ts';

/** The live co-editing side of a workspace: the shared document and who I am in this plan. */
export interface Collab {
  readonly shared: SharedPlan;
  readonly info: PlanInfo;
}

/** The session of the surrounding `WorkspaceProvider`; its value changes only when another plan opens. */
export const SessionContext = createContext<PlanSession | null>(null);
/** The shared plan of the surrounding `WorkspaceProvider` (null in the local demo). */
export const CollabContext = createContext<Collab | null>(null);

/** The plan session: its stores and command maps. */
export function useSession(): PlanSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside WorkspaceProvider');
  return session;
}

/** The shared plan when co-editing (null in the local demo). */
export function useCollab(): Collab | null {
  return useContext(CollabContext);
}
