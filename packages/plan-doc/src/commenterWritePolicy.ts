import * as Y from 'yjs';
import { COMMENTS_ROOT } from './planComments.ts';
import { WORKSHOP_ROOT } from './planWorkshop.ts';

/*
 * What a commenter (kommentator) may write into a plan's document. The document's roots are this
 * package's, so the rules live here; the server only asks, before it applies a commenter's update,
 * whether the update passes (`checkCommenterUpdate`), and refuses the whole update otherwise.
 */

/** Whether a commenter's update may be applied; `reason` says why not (for logs and tests, in English). */
export type CommenterUpdateCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const refused = (reason: string): CommenterUpdateCheck => ({ ok: false, reason });
const OK: CommenterUpdateCheck = { ok: true };

/** What a rule set knows of the update being checked. */
export interface WriteScope {
  /** The commenter. */
  readonly userId: string;
  /** Whether an item was added by this update (the document did not have it before). */
  isNew(item: Y.Item): boolean;
}

/** The checks of one update under one root, made by a {@link WriteRuleSet}. */
export interface RootWriteChecks {
  /** Checks one struct the update adds under the root. */
  insert(item: Y.Item): CommenterUpdateCheck;
  /** Checks, after every insert, what the inserts built together. */
  done(): CommenterUpdateCheck;
  /** Whether the update may delete this struct under the root. */
  mayDelete(item: Y.Item): boolean;
  /** Why a deletion `mayDelete` refuses is refused. */
  readonly deleteRefused: string;
}

/** What a commenter may write under one root map of the document. */
export interface WriteRuleSet {
  /** The root map's name. */
  readonly root: string;
  /** Starts checking one update under `root` (the probe document's root map). */
  start(root: Y.Map<unknown>, scope: WriteScope): RootWriteChecks;
}

/** The keys a new thread map may have (`startThread` writes exactly these). */
const THREAD_KEYS: ReadonlySet<string> = new Set(['anchor', 'section', 'author', 'createdAt', 'resolved', 'messages']);

/**
 * Comments: each new entry of the root is a thread map (plain `anchor`, `section`, `createdAt`,
 * `resolved`, and a `messages` array) whose `author` is the commenter; in an existing thread only
 * `resolved` may be set, to null or a resolution whose `by` is the commenter; each new message (a
 * plain object in a thread's `messages`) has `author` the commenter; nothing is deleted but a
 * `resolved` value that is replaced (overwriting a map key deletes the old value).
 */
export const COMMENT_WRITE_RULES: WriteRuleSet = {
  root: COMMENTS_ROOT,
  start(comments, { userId, isNew }) {
    const isThread = (type: unknown): type is Y.Map<unknown> =>
      type instanceof Y.Map && type._item !== null && type._item.parent === comments;
    const newThreads: Y.Map<unknown>[] = [];
    return {
      insert(item) {
        const { parent, content } = item;
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
        const owner = parent instanceof Y.AbstractType ? parent._item : null;
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
      },
      done() {
        for (const thread of newThreads)
          if (thread.get('author') !== userId) return refused('a commenter may only start threads of its own');
        return OK;
      },
      // Overwriting `resolved` deletes its previous value (or the new one, if a concurrent value wins):
      // fine as long as the thread still has a value. Any other deletion removes comments.
      mayDelete: (item) =>
        item.parentSub === 'resolved' && isThread(item.parent) && item.parent._map.get('resolved')?.deleted === false,
      deleteRefused: 'a commenter may not delete comments',
    };
  },
};

/**
 * The strategy day's workshop: a commenter (a participant) may add a proposal of its own — a plain
 * object in the `proposals` map whose `id` is its key and `author` the commenter, never overwriting
 * one — and set or delete its own votes, the keys `<proposal id>/<user id>` of the `votes` map whose
 * user id is the commenter's, to `true`. It may create those two maps when the workshop has none
 * yet (replacing one deletes it, which is refused). The presenter's `live` scenario, `pinned` and
 * `shown` are for editors.
 */
export const WORKSHOP_WRITE_RULES: WriteRuleSet = {
  root: WORKSHOP_ROOT,
  start(workshop, { userId }) {
    const isChild = (type: unknown, key: string) =>
      type instanceof Y.Map && type._item !== null && type._item.parent === workshop && type._item.parentSub === key;
    // The proposal id is what comes before the first '/' (as `readWorkshop` splits it), so that a
    // commenter cannot vote twice for one proposal under keys that read as other users.
    const isOwnVote = (key: string | null) =>
      key !== null && key.indexOf('/') > 0 && key.slice(key.indexOf('/') + 1) === userId;
    return {
      insert(item) {
        const { parent, parentSub: key, content } = item;
        if (parent === workshop) {
          return (key === 'proposals' || key === 'votes') &&
            content instanceof Y.ContentType &&
            content.type instanceof Y.Map
            ? OK
            : refused(`a commenter may not set "${key}" of the workshop`);
        }
        if (isChild(parent, 'proposals')) {
          if (key === null || !(content instanceof Y.ContentAny) || content.arr.length !== 1)
            return refused('a proposal must be one plain object');
          const [proposal] = content.arr;
          return isRecord(proposal) && proposal.id === key && proposal.author === userId
            ? OK
            : refused('a commenter may only propose in its own name');
        }
        if (isChild(parent, 'votes')) {
          if (!isOwnVote(key)) return refused('a commenter may only vote in its own name');
          // Voted and taken back in the same update: the value is gone already.
          if (content instanceof Y.ContentDeleted) return OK;
          return content instanceof Y.ContentAny && content.arr.length === 1 && content.arr[0] === true
            ? OK
            : refused('a vote must be true');
        }
        return refused('the update writes inside the workshop where a commenter may not');
      },
      done: () => OK,
      mayDelete: (item) => isChild(item.parent, 'votes') && isOwnVote(item.parentSub),
      deleteRefused: 'a commenter may only take back votes of its own, nothing else in the workshop',
    };
  },
};

/** Everything a commenter may write: its comments, and its proposals and votes on a strategy day. */
export const COMMENTER_WRITE_RULES: readonly WriteRuleSet[] = [COMMENT_WRITE_RULES, WORKSHOP_WRITE_RULES];

/**
 * Decides, before anything reaches the room's document, whether `update` from the commenter `userId`
 * only writes what a commenter may (`rules`, by default {@link COMMENTER_WRITE_RULES}: its own comments,
 * and its own workshop proposals and votes). It is applied to a probe copy of `doc` (`doc` is never changed) and allowed when:
 * - nothing is left pending (an update with missing dependencies could not be checked);
 * - every type it changes lies under the root map of one of the rule sets (`comments`, `workshop`);
 * - each struct it adds, and each it deletes, passes the rules of the root it lies under.
 * Structs that land nowhere (a reply to a thread deleted meanwhile becomes a GC struct) change nothing
 * and pass. Never throws: an update that cannot be applied is refused.
 */
export function checkCommenterUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  userId: string,
  rules: readonly WriteRuleSet[] = COMMENTER_WRITE_RULES,
): CommenterUpdateCheck {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    // Only the room's applied state: what it holds pending (another client's update still missing
    // something) is not this update's doing.
    probe.store.pendingStructs = null;
    probe.store.pendingDs = null;
    const roots = rules.map((set) => ({ rules: set, root: probe.getMap<unknown>(set.root) }));
    let verdict = refused('the update was not checked');
    probe.transact((transaction) => {
      Y.applyUpdate(probe, update);
      verdict = inspect(transaction, roots, userId);
    });
    return verdict;
  } catch {
    return refused('the update could not be applied');
  } finally {
    probe.destroy();
  }
}

/** Checks what applying the update did, inside its transaction (deleted content is still readable). */
function inspect(
  transaction: Y.Transaction,
  roots: readonly { rules: WriteRuleSet; root: Y.Map<unknown> }[],
  userId: string,
): CommenterUpdateCheck {
  const { store } = transaction.doc;
  if (store.pendingStructs !== null || store.pendingDs !== null)
    return refused('the update depends on changes the server does not have');
  const scope: WriteScope = {
    userId,
    isNew: (item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0),
  };
  const checks = new Map<unknown, RootWriteChecks>(roots.map(({ rules, root }) => [root, rules.start(root, scope)]));
  const checksOf = (parent: Y.Item['parent']): RootWriteChecks | undefined =>
    parent instanceof Y.AbstractType ? checks.get(rootOf(parent)) : undefined;

  for (const type of transaction.changed.keys())
    if (!checks.has(rootOf(type))) return refused('the update changes more than comments and workshop proposals');

  for (const [client, structs] of store.clients) {
    const before = transaction.beforeState.get(client) ?? 0;
    for (let i = structs.length - 1; i >= 0; i--) {
      const struct = structs[i] as Y.Item | Y.GC;
      if (struct.id.clock < before) break;
      // A GC struct changes no type: sent as such, or an item whose parent is gone.
      if (!(struct instanceof Y.Item)) continue;
      const rules = checksOf(struct.parent);
      const verdict = rules ? rules.insert(struct) : refused('the update writes outside comments and the workshop');
      if (!verdict.ok) return verdict;
    }
  }
  for (const rules of checks.values()) {
    const verdict = rules.done();
    if (!verdict.ok) return verdict;
  }

  let deletes: CommenterUpdateCheck = OK;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!deletes.ok || !(struct instanceof Y.Item)) return;
    const rules = checksOf(struct.parent);
    if (!rules) deletes = refused('a commenter may not delete outside comments and the workshop');
    else if (!rules.mayDelete(struct)) deletes = refused(rules.deleteRefused);
  });
  return deletes;
}

/** A `resolved` value: null (reopened) or a resolution by the commenter; a value replaced at once is gone. */
function checkResolved(content: Y.Item['content'], userId: string): CommenterUpdateCheck {
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
