import { type CommentThread, commentsRoot, readThreads } from '@samplan/plan-doc';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const NONE: readonly CommentThread[] = [];

/** The document's comment threads, live (re-read when anything under the comments root changes). */
export function useCommentThreads(doc: Y.Doc | null): readonly CommentThread[] {
  const [threads, setThreads] = useState<readonly CommentThread[]>(() => (doc ? readThreads(doc).threads : NONE));
  useEffect(() => {
    if (!doc) return;
    const root = commentsRoot(doc);
    const read = () => setThreads(readThreads(doc).threads);
    read();
    root.observeDeep(read);
    return () => root.unobserveDeep(read);
  }, [doc]);
  return threads;
}
