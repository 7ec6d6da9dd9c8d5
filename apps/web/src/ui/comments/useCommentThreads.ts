import { useSyncExternalStore } from 'react';
import { useSession } from '../../app/SessionContext.ts';
import type { CommentThread } from '../../core/docModel.ts';

const NONE: readonly CommentThread[] = [];
const noSubscription = () => () => {};
const none = () => NONE;

/** The shared plan's comment threads, live (none in the local demo). */
export function useCommentThreads(): readonly CommentThread[] {
  const threads = useSession().comments?.threads;
  return useSyncExternalStore(threads?.subscribe ?? noSubscription, threads?.get ?? none);
}
