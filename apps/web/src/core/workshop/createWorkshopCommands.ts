import type { Change, Plan } from '@samplan/engine';
import {
  ensureWorkshop,
  pin,
  propose,
  readWorkshop,
  savePinned,
  setLive,
  showSideBySide,
  unpin,
  unvote,
  vote,
  type WorkshopAuthor,
  workshopRoot,
} from '@samplan/plan-doc';
import type { DocBinding } from '../docBinding.ts';
import { createDerivedStore, type Store } from '../store.ts';

/** The strategy day (workshop) of a shared plan: read it against the plan, and every move in it. */
export interface WorkshopCommands {
  /** Counts the changes under the workshop root: a new value means `read` may answer differently. */
  readonly changes: Store<number>;
  /** The workshop read against `plan`, with the number of entries that are not valid against it. */
  read(plan: Plan): ReturnType<typeof readWorkshop>;
  /** Creates the workshop's maps if they are missing; true when it wrote. */
  ensure(): boolean;
  setLive(plan: Plan, live: { name: string; changes: readonly Change[] }): ReturnType<typeof setLive>;
  propose(
    plan: Plan,
    input: { author: WorkshopAuthor; name: string; changes: readonly Change[] },
  ): ReturnType<typeof propose>;
  vote(proposalId: string, userId: string): void;
  unvote(proposalId: string, userId: string): void;
  pin(proposalId: string): void;
  unpin(proposalId: string): void;
  showSideBySide(proposalIds: readonly string[]): void;
  savePinned(plan: Plan, input: { versionName: string; savedBy: string }): ReturnType<typeof savePinned>;
}

/** The workshop commands over `binding`'s document. */
export function createWorkshopCommands({ doc, origin }: DocBinding): WorkshopCommands {
  let count = 0;
  return {
    changes: createDerivedStore(
      () => count,
      (changed) => {
        const root = workshopRoot(doc);
        const onChange = () => {
          count += 1;
          changed();
        };
        root.observeDeep(onChange);
        return () => root.unobserveDeep(onChange);
      },
    ),
    read: (plan) => readWorkshop(doc, plan),
    ensure: () => ensureWorkshop(doc, origin),
    setLive: (plan, live) => setLive(doc, plan, live, origin),
    propose: (plan, input) => propose(doc, plan, input, origin),
    vote: (proposalId, userId) => vote(doc, proposalId, userId, origin),
    unvote: (proposalId, userId) => unvote(doc, proposalId, userId, origin),
    pin: (proposalId) => pin(doc, proposalId, origin),
    unpin: (proposalId) => unpin(doc, proposalId, origin),
    showSideBySide: (proposalIds) => showSideBySide(doc, proposalIds, origin),
    savePinned: (plan, input) => savePinned(doc, plan, input, origin),
  };
}
