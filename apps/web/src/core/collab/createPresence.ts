import { isRole, type Role } from '@samplan/api-contract';
import type { Awareness } from 'y-protocols/awareness';

/** Another person in the plan right now, from their awareness state. */
export interface Peer {
  /** The Yjs client id (one per open tab). */
  readonly clientId: number;
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly color: string;
  /** The view they are in (`budget`, `scenarios`, …), or null. */
  readonly view: string | null;
  /** The cell or field they are editing (`costs/kansli/2024`), or null. */
  readonly cell: string | null;
}

/** Presence as the workspace uses it: the others, and where I am. */
export interface Presence {
  /** Everyone else, by name (one entry per tab). */
  peers(): readonly Peer[];
  /** The others editing this cell or field. The same array until it changes. */
  peersAt(cell: string): readonly Peer[];
  subscribe(listener: () => void): () => void;
  /** Says where I am; sent at most every `throttleMs`, the last call always wins. */
  setFocus(view: string | null, cell: string | null): void;
  destroy(): void;
}

/** Colours with at least 4.5:1 contrast against white, for names and outlines. */
const COLORS = ['#b91c1c', '#1d4ed8', '#047857', '#7e22ce', '#b45309', '#be185d', '#0f766e', '#4338ca'] as const;

/** A stable colour for a user id. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? COLORS[0];
}

const NO_PEERS: readonly Peer[] = Object.freeze([]);

/**
 * Presence over a Yjs awareness: my `user` ({ id, name, role, color }) and `focus` ({ view, cell }),
 * and the other clients' states, validated (a state is whatever another client sent). Focus changes
 * are throttled so moving through a grid with the arrow keys sends a few updates, not one per key.
 */
export function createPresence(
  awareness: Awareness,
  /** Me; null to watch the others without being shown (the print view). */
  user: { id: string; name: string; role: Role } | null,
  { throttleMs = 120 }: { throttleMs?: number } = {},
): Presence {
  const listeners = new Set<() => void>();
  let peers: readonly Peer[] = NO_PEERS;
  let byCell = new Map<string, readonly Peer[]>();
  let pending: { view: string | null; cell: string | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSent = 0;

  if (user) {
    awareness.setLocalStateField('user', { id: user.id, name: user.name, role: user.role, color: colorFor(user.id) });
    awareness.setLocalStateField('focus', { view: null, cell: null });
  } else awareness.setLocalState(null);

  const refresh = () => {
    const next: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const peer = readPeer(clientId, state);
      if (peer) next.push(peer);
    }
    next.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.clientId - b.clientId);
    // A change only to fields presence does not show (a text caret, moved on every keystroke) changes
    // nothing here: no new arrays, no listeners, so no React commit while someone types in the text.
    if (samePeers(peers, next)) return;
    const nextByCell = new Map<string, Peer[]>();
    for (const peer of next) {
      if (peer.cell === null) continue;
      nextByCell.set(peer.cell, [...(nextByCell.get(peer.cell) ?? []), peer]);
    }
    // Keep the arrays of cells whose peers did not change, so only the changed cells re-render.
    const merged = new Map<string, readonly Peer[]>();
    for (const [cell, list] of nextByCell) {
      const before = byCell.get(cell);
      merged.set(cell, before && sameFocus(before, list) ? before : list);
    }
    peers = next;
    byCell = merged;
    for (const listener of [...listeners]) listener();
  };
  awareness.on('change', refresh);
  refresh();

  const send = () => {
    timer = null;
    if (!pending) return;
    lastSent = Date.now();
    awareness.setLocalStateField('focus', pending);
    pending = null;
  };

  return {
    peers: () => peers,
    peersAt: (cell) => byCell.get(cell) ?? NO_PEERS,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setFocus(view, cell) {
      if (!user) return;
      pending = { view, cell };
      if (timer !== null) return;
      const wait = Math.max(0, lastSent + throttleMs - Date.now());
      if (wait === 0) send();
      else timer = setTimeout(send, wait);
    },
    destroy() {
      if (timer !== null) clearTimeout(timer);
      awareness.off('change', refresh);
      listeners.clear();
    },
  };
}

function readPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, focus } = state as { user?: unknown; focus?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, role, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || !isRole(role)) return null;
  const f = (typeof focus === 'object' && focus !== null ? focus : {}) as Record<string, unknown>;
  return {
    clientId,
    userId: id,
    name: name.slice(0, 100),
    role: role as Role,
    color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : colorFor(id),
    view: typeof f.view === 'string' ? f.view.slice(0, 50) : null,
    cell: typeof f.cell === 'string' ? f.cell.slice(0, 300) : null,
  };
}

const sameFocus = (a: readonly Peer[], b: readonly Peer[]): boolean =>
  a.length === b.length &&
  a.every((peer, i) => peer.clientId === b[i]?.clientId && peer.name === b[i]?.name && peer.color === b[i]?.color);

/** Whether two peer lists show the same (every field of every peer equal, in order). */
const samePeers = (a: readonly Peer[], b: readonly Peer[]): boolean =>
  a.length === b.length &&
  a.every((peer, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      peer.clientId === other.clientId &&
      peer.userId === other.userId &&
      peer.name === other.name &&
      peer.role === other.role &&
      peer.color === other.color &&
      peer.view === other.view &&
      peer.cell === other.cell
    );
  });
