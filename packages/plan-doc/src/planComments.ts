import type { Issue } from '@samplan/engine';
import * as Y from 'yjs';

/** Name of the root `Y.Map` of comment threads (id → thread map), next to the plan root. */
export const COMMENTS_ROOT = 'comments';

/**
 * What a thread is about: a budget line, a scenario, or a range of a section's text. A text range is
 * kept as two Yjs relative positions (JSON), so it follows the text as people write around it.
 */
export type CommentAnchor =
  | { readonly kind: 'line'; readonly collection: 'members' | 'revenues' | 'costs'; readonly line: string }
  | { readonly kind: 'scenario'; readonly scenario: string }
  | {
      readonly kind: 'text';
      readonly section: string;
      readonly from: unknown;
      readonly to: unknown;
      /** The text the range held when the thread was started (shown if the range is gone). */
      readonly quote: string;
    };

/** One message of a thread. `author` is the user id; `mentions` the user ids mentioned. */
export interface CommentMessage {
  readonly id: string;
  readonly author: string;
  readonly authorName: string;
  readonly text: string;
  /** ISO 8601 time of writing. */
  readonly at: string;
  readonly mentions: readonly string[];
}

export interface CommentResolution {
  readonly by: string;
  readonly byName: string;
  readonly at: string;
}

/** A thread: its anchor, the section it counts toward, its messages, and whether it is resolved. */
export interface CommentThread {
  readonly id: string;
  readonly anchor: CommentAnchor;
  /** The outline section the thread belongs to (a budget line or scenario belongs to `budget`). */
  readonly section: string;
  readonly author: string;
  readonly createdAt: string;
  readonly resolved: CommentResolution | null;
  readonly messages: readonly CommentMessage[];
}

export const MAX_COMMENT_LENGTH = 5_000;
export const MAX_MENTIONS = 20;
/** The section budget lines and scenarios are counted under. */
export const BUDGET_SECTION = 'budget';

export const commentsRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(COMMENTS_ROOT);

/** The section a thread about `anchor` belongs to. */
export const anchorSection = (anchor: CommentAnchor): string =>
  anchor.kind === 'text' ? anchor.section : BUDGET_SECTION;

/** Who writes, as the thread and message fields need it. */
export interface CommentAuthor {
  readonly id: string;
  readonly name: string;
}

type Written = { ok: true; id: string } | { ok: false; errors: Issue[] };

const newId = (doc: Y.Doc, prefix: string, at: Date): string =>
  `${prefix}-${at.getTime().toString(36)}-${doc.clientID.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

function messageOf(
  doc: Y.Doc,
  author: CommentAuthor,
  text: string,
  mentions: readonly string[],
  at: Date,
): CommentMessage | Issue {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_COMMENT_LENGTH) {
    return {
      code: 'comment-text',
      message: `Skriv en kommentar (högst ${MAX_COMMENT_LENGTH} tecken).`,
      path: ['text'],
    };
  }
  return {
    id: newId(doc, 'm', at),
    author: author.id,
    authorName: author.name,
    text: trimmed,
    at: at.toISOString(),
    mentions: [...new Set(mentions)].slice(0, MAX_MENTIONS),
  };
}

const isIssue = (value: CommentMessage | Issue): value is Issue => 'code' in value;

/** Starts a thread with its first message (one transaction with `origin`). */
export function startThread(
  doc: Y.Doc,
  input: { anchor: CommentAnchor; author: CommentAuthor; text: string; mentions?: readonly string[]; at?: Date },
  origin: unknown = null,
): Written {
  const at = input.at ?? new Date();
  const message = messageOf(doc, input.author, input.text, input.mentions ?? [], at);
  if (isIssue(message)) return { ok: false, errors: [message] };
  const id = newId(doc, 't', at);
  doc.transact(() => {
    commentsRoot(doc).set(
      id,
      new Y.Map<unknown>([
        ['anchor', input.anchor],
        ['section', anchorSection(input.anchor)],
        ['author', input.author.id],
        ['createdAt', at.toISOString()],
        ['resolved', null],
        ['messages', Y.Array.from([message])],
      ]),
    );
  }, origin);
  return { ok: true, id };
}

/** Adds a reply to a thread. */
export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  input: { author: CommentAuthor; text: string; mentions?: readonly string[]; at?: Date },
  origin: unknown = null,
): Written {
  const thread = commentsRoot(doc).get(threadId);
  const messages = thread instanceof Y.Map ? thread.get('messages') : undefined;
  if (!(messages instanceof Y.Array)) {
    return { ok: false, errors: [{ code: 'no-thread', message: 'Tråden finns inte längre.', path: [threadId] }] };
  }
  const message = messageOf(doc, input.author, input.text, input.mentions ?? [], input.at ?? new Date());
  if (isIssue(message)) return { ok: false, errors: [message] };
  doc.transact(() => messages.push([message]), origin);
  return { ok: true, id: message.id };
}

/** Resolves a thread (`by` set) or reopens it (`by` null). */
export function setThreadResolved(
  doc: Y.Doc,
  threadId: string,
  by: CommentAuthor | null,
  origin: unknown = null,
  at: Date = new Date(),
): void {
  const thread = commentsRoot(doc).get(threadId);
  if (!(thread instanceof Y.Map)) return;
  const resolved: CommentResolution | null = by ? { by: by.id, byName: by.name, at: at.toISOString() } : null;
  doc.transact(() => thread.set('resolved', resolved), origin);
}

/**
 * The document's threads, oldest first. A malformed entry (a hostile or broken client) is left out
 * and reported; a malformed message is skipped. Never throws.
 */
export function readThreads(doc: Y.Doc): { threads: CommentThread[]; issues: Issue[] } {
  const threads: CommentThread[] = [];
  const issues: Issue[] = [];
  for (const [id, value] of commentsRoot(doc).entries()) {
    const thread = readThread(id, value);
    if (thread) threads.push(thread);
    else
      issues.push({
        code: 'invalid-thread',
        message: `Kommentarstråden ${id} kan inte läsas.`,
        path: [COMMENTS_ROOT, id],
      });
  }
  threads.sort((a, b) =>
    a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt),
  );
  return { threads, issues };
}

/** Unresolved threads per section id. */
export function unresolvedBySection(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of threads) if (!t.resolved) counts.set(t.section, (counts.get(t.section) ?? 0) + 1);
  return counts;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);

function readThread(id: string, value: unknown): CommentThread | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const anchor = readAnchor(value.get('anchor'));
  const messagesType: unknown = value.get('messages');
  const author: unknown = value.get('author');
  const createdAt: unknown = value.get('createdAt');
  if (!anchor || !(messagesType instanceof Y.Array) || !isString(author) || !isString(createdAt)) return undefined;
  const messages = (messagesType.toArray() as unknown[]).flatMap((m) => {
    const message = readMessage(m);
    return message ? [message] : [];
  });
  if (messages.length === 0) return undefined;
  const section: unknown = value.get('section');
  return {
    id,
    anchor,
    section: isString(section) ? section : anchorSection(anchor),
    author,
    createdAt,
    resolved: readResolution(value.get('resolved')),
    messages,
  };
}

function readAnchor(v: unknown): CommentAnchor | undefined {
  if (!isRecord(v)) return undefined;
  if (v.kind === 'line' && isString(v.line) && ['members', 'revenues', 'costs'].includes(v.collection as string))
    return { kind: 'line', collection: v.collection as 'members' | 'revenues' | 'costs', line: v.line };
  if (v.kind === 'scenario' && isString(v.scenario)) return { kind: 'scenario', scenario: v.scenario };
  if (v.kind === 'text' && isString(v.section) && isString(v.quote))
    return { kind: 'text', section: v.section, from: v.from, to: v.to, quote: v.quote.slice(0, 500) };
  return undefined;
}

function readMessage(v: unknown): CommentMessage | undefined {
  if (!isRecord(v)) return undefined;
  const { id, author, authorName, text, at, mentions } = v;
  if (!isString(id) || !isString(author) || !isString(text) || !isString(at)) return undefined;
  return {
    id,
    author,
    authorName: isString(authorName) ? authorName : '',
    text: text.slice(0, MAX_COMMENT_LENGTH),
    at,
    mentions: Array.isArray(mentions) ? mentions.filter(isString).slice(0, MAX_MENTIONS) : [],
  };
}

function readResolution(v: unknown): CommentResolution | null {
  if (!isRecord(v) || !isString(v.by) || !isString(v.at)) return null;
  return { by: v.by, byName: isString(v.byName) ? v.byName : '', at: v.at };
}
