import * as Y from 'yjs';

/**
 * Name of the root `Y.Map` of comment threads in a plan's document. The same as `@samplan/plan-doc`'s
 * `COMMENTS_ROOT` (a test checks), defined here so that the server core does not load the plan model.
 */
export const COMMENTS_ROOT = 'comments';

/** Whether a commenter's update may be applied; `reason` says why not (for logs and tests, in English). */
export type CommentUpdateCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The keys a new thread map may have (plan-doc's `startThread` writes exactly these). */
const THREAD_KEYS: ReadonlySet<string> = new Set(['anchor', 'section', 'author', 'createdAt', 'resolved', 'messages']);

const refused = (reason: string): CommentUpdateCheck => ({ ok: false, reason });
const OK: CommentUpdateCheck = { ok: true };

/**
 * Decides, before anything reaches the room's document, whether `update` from the commenter `userId`
 * only writes comments. It is applied to a probe copy of `doc` (`doc` is never changed) and allowed when:
 * - nothing is left pending (an update with missing dependencies could not be checked);
 * - every type it changes lies under the `comments` root map;
 * - each new entry of that map is a thread map (plain `anchor`, `section`, `createdAt`, `resolved`, and
 *   a `messages` array) whose `author` is `userId`; in an existing thread only `resolved` may be set;
 * - each new message (a plain object in a thread's `messages`) has `author` `userId`;
 * - each `resolved` value set is null or has `by` `userId`;
 * - it deletes nothing but a `resolved` value it replaces (overwriting a map key deletes the old value).
 * Structs that land nowhere (a reply to a thread deleted meanwhile becomes a GC struct) change nothing
 * and pass. Never throws: an update that cannot be applied is refused.
 */
export function checkCommentUpdate(doc: Y.Doc, update: Uint8Array, userId: string): CommentUpdateCheck {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    // Only the room's applied state: what it holds pending (another client's update still missing
    // something) is not this update's doing.
    probe.store.pendingStructs = null;
    probe.store.pendingDs = null;
    const comments = probe.getMap<unknown>(COMMENTS_ROOT);
    let verdict = refused('the update was not checked');
    probe.transact((transaction) => {
      Y.applyUpdate(probe, update);
      verdict = inspect(transaction, comments, userId);
    });
    return verdict;
  } catch {
    return refused('the update could not be applied');
  } finally {
    probe.destroy();
  }
}

/** Checks what applying the update did, inside its transaction (deleted content is still readable). */
function inspect(transaction: Y.Transaction, comments: Y.Map<unknown>, userId: string): CommentUpdateCheck {
  const { store } = transaction.doc;
  if (store.pendingStructs !== null || store.pendingDs !== null)
    return refused('the update depends on changes the server does not have');
  for (const type of transaction.changed.keys())
    if (rootOf(type) !== comments) return refused('the update changes more than comments');

  const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  const isThread = (type: unknown): type is Y.Map<unknown> =>
    type instanceof Y.Map && type._item !== null && type._item.parent === comments;

  const newThreads: Y.Map<unknown>[] = [];
  const checkInsert = (item: Y.Item): CommentUpdateCheck => {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType) || rootOf(parent) !== comments)
      return refused('the update writes outside comments');
    const { content } = item;
    if (parent === comments) {
      if (item.parentSub === null || !(content instanceof Y.ContentType) || !(content.type instanceof Y.Map))
        return refused('a comment thread must be a map');
      newThreads.push(content.type as Y.Map<unknown>);
      return OK;
    }
    if (isThread(parent)) {
      const key = item.parentSub;
      if (key === 'resolved') return checkResolved(content, userId);
      if (key === null || !THREAD_KEYS.has(key) || !isNew(parent._item as Y.Item))
        return refused(`a commenter may only set "resolved" on an existing thread, not "${key}"`);
      if (key === 'messages')
        return content instanceof Y.ContentType && content.type instanceof Y.Array
          ? OK
          : refused('the messages of a thread must be an array');
      return content instanceof Y.ContentAny ? OK : refused(`a thread's "${key}" must be a plain value`);
    }
    const owner = parent._item;
    if (
      parent instanceof Y.Array &&
      owner !== null &&
      owner.parentSub === 'messages' &&
      isThread(owner.parent) &&
      item.parentSub === null
    ) {
      if (!(content instanceof Y.ContentAny)) return refused('a message must be a plain object');
      for (const message of content.arr)
        if (!isRecord(message) || message.author !== userId)
          return refused('a commenter may only write messages of its own');
      return OK;
    }
    return refused('the update writes inside comments where no comment goes');
  };

  for (const [client, structs] of store.clients) {
    const before = transaction.beforeState.get(client) ?? 0;
    for (let i = structs.length - 1; i >= 0; i--) {
      const struct = structs[i] as Y.Item | Y.GC;
      if (struct.id.clock < before) break;
      // A GC struct changes no type: sent as such, or an item whose parent is gone.
      if (!(struct instanceof Y.Item)) continue;
      const verdict = checkInsert(struct);
      if (!verdict.ok) return verdict;
    }
  }
  for (const thread of newThreads)
    if (thread.get('author') !== userId) return refused('a commenter may only start threads of its own');

  let deletes: CommentUpdateCheck = OK;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!deletes.ok || !(struct instanceof Y.Item)) return;
    // Overwriting `resolved` deletes its previous value (or the new one, if a concurrent value wins):
    // fine as long as the thread still has a value. Any other deletion removes comments.
    const parent = struct.parent;
    const replaced =
      struct.parentSub === 'resolved' && isThread(parent) && parent._map.get('resolved')?.deleted === false;
    if (!replaced) deletes = refused('a commenter may not delete comments');
  });
  return deletes;
}

/** A `resolved` value: null (reopened) or a resolution by the commenter; a value replaced at once is gone. */
function checkResolved(content: Y.Item['content'], userId: string): CommentUpdateCheck {
  if (content instanceof Y.ContentDeleted) return OK;
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return refused('"resolved" must be one value');
  const [value] = content.arr;
  return value === null || (isRecord(value) && value.by === userId)
    ? OK
    : refused('a commenter may only resolve threads in its own name');
}

/** Any shared type, as Yjs types a transaction's changed types. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** The root type a type lies under, or null if it hangs from no type (not integrated). */
function rootOf(type: SharedType): unknown {
  let current = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  return current;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
