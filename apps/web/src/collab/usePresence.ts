import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Peer, Presence } from '../core/collab/createPresence.ts';

/** The presence of the shared plan (null in the local demo). A context of its own: its value never changes. */
export const PresenceContext = createContext<Presence | null>(null);

const NO_PEERS: readonly Peer[] = [];
const noSubscription = () => () => {};

/** The others in the plan right now. */
export function usePeers(): readonly Peer[] {
  const presence = useContext(PresenceContext);
  return useSyncExternalStore(presence?.subscribe ?? noSubscription, () => presence?.peers() ?? NO_PEERS);
}

/** The others editing one cell or field (`costs/kansli/2024`); re-renders only when they change. */
export function useCellPeers(cell: string): readonly Peer[] {
  const presence = useContext(PresenceContext);
  return useSyncExternalStore(presence?.subscribe ?? noSubscription, () => presence?.peersAt(cell) ?? NO_PEERS);
}
