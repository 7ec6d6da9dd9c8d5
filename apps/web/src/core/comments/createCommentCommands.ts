import {
  type CommentAnchor,
  type CommentAuthor,
  type CommentThread,
  commentsRoot,
  readThreads,
  replyToThread,
  setThreadResolved,
  startThread,
} from '@samplan/plan-doc';
import type { DocBinding } from '../docBinding.ts';
import { createDerivedStore, type Store } from '../store.ts';

/** What a comment's text says: its author, the words, and the members it mentions. */
export interface CommentInput {
  author: CommentAuthor;
  text: string;
  mentions?: readonly string[];
}

/** The comment threads of a shared plan: read live, start, reply, resolve or reopen. */
export interface CommentCommands {
  /** The document's threads, re-read when anything under the comments root changes. */
  readonly threads: Store<readonly CommentThread[]>;
  start(input: CommentInput & { anchor: CommentAnchor }): ReturnType<typeof startThread>;
  reply(threadId: string, input: CommentInput): ReturnType<typeof replyToThread>;
  /** Resolves the thread (`by` who) or, with null, reopens it. */
  setResolved(threadId: string, by: CommentAuthor | null): ReturnType<typeof setThreadResolved>;
}

/** The comment commands over `binding`'s document. */
export function createCommentCommands({ doc, origin }: DocBinding): CommentCommands {
  return {
    threads: createDerivedStore(
      () => readThreads(doc).threads,
      (changed) => {
        const root = commentsRoot(doc);
        root.observeDeep(changed);
        return () => root.unobserveDeep(changed);
      },
    ),
    start: (input) => startThread(doc, input, origin),
    reply: (threadId, input) => replyToThread(doc, threadId, input, origin),
    setResolved: (threadId, by) => setThreadResolved(doc, threadId, by, origin),
  };
}
