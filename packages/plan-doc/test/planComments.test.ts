import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  anchorSection,
  BUDGET_SECTION,
  type CommentAnchor,
  commentsRoot,
  MAX_COMMENT_LENGTH,
  MAX_MENTIONS,
  readThreads,
  replyToThread,
  setThreadResolved,
  startThread,
  unresolvedBySection,
} from '../src/planComments.ts';
import { ensureOutline, findSection } from '../src/planSections.ts';
import { syncDocs } from './docHelpers.ts';

const ANNA = { id: 'u-anna', name: 'Anna Andersson' };
const BO = { id: 'u-bo', name: 'Bo Berg' };
const LINE: CommentAnchor = { kind: 'line', collection: 'costs', line: 'unga' };

/** Starts a thread and returns its id (the test fails if it was refused). */
function start(doc: Y.Doc, input: Parameters<typeof startThread>[1], origin: unknown = null): string {
  const started = startThread(doc, input, origin);
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  return started.id;
}

describe('comment threads', () => {
  it('starts a thread, replies, resolves and reopens it, each as one update with its origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const id = start(
      doc,
      { anchor: LINE, author: ANNA, text: '  Varför ökar Unga?  ', at: new Date('2025-03-01T09:00:00Z') },
      'anna',
    );
    const replied = replyToThread(
      doc,
      id,
      { author: BO, text: 'Fler deltagare.', mentions: [ANNA.id], at: new Date('2025-03-01T10:00:00Z') },
      'bo',
    );
    expect(replied.ok).toBe(true);
    setThreadResolved(doc, id, BO, 'bo', new Date('2025-03-02T08:00:00Z'));
    expect(origins).toEqual(['anna', 'bo', 'bo']);

    const { threads, issues } = readThreads(doc);
    expect(issues).toEqual([]);
    expect(threads).toEqual([
      {
        id,
        anchor: LINE,
        section: BUDGET_SECTION,
        author: ANNA.id,
        createdAt: '2025-03-01T09:00:00.000Z',
        resolved: { by: BO.id, byName: BO.name, at: '2025-03-02T08:00:00.000Z' },
        messages: [
          {
            id: expect.any(String),
            author: ANNA.id,
            authorName: ANNA.name,
            text: 'Varför ökar Unga?',
            at: '2025-03-01T09:00:00.000Z',
            mentions: [],
          },
          {
            id: replied.ok ? replied.id : '',
            author: BO.id,
            authorName: BO.name,
            text: 'Fler deltagare.',
            at: '2025-03-01T10:00:00.000Z',
            mentions: [ANNA.id],
          },
        ],
      },
    ]);
    expect(threads[0]?.messages[0]?.id).not.toBe(threads[0]?.messages[1]?.id);

    setThreadResolved(doc, id, null, 'anna');
    expect(readThreads(doc).threads[0]?.resolved).toBeNull();
    expect(origins).toEqual(['anna', 'bo', 'bo', 'anna']);
  });

  it('refuses an empty or too long text with an issue and writes nothing', () => {
    const doc = new Y.Doc();
    const id = start(doc, { anchor: LINE, author: ANNA, text: 'Första' });
    const before = Y.encodeStateAsUpdate(doc);
    for (const text of ['', '   \n\t ', 'x'.repeat(MAX_COMMENT_LENGTH + 1)]) {
      const started = startThread(doc, { anchor: LINE, author: ANNA, text });
      expect(started).toMatchObject({ ok: false, errors: [{ code: 'comment-text', path: ['text'] }] });
      expect(replyToThread(doc, id, { author: BO, text })).toMatchObject({
        ok: false,
        errors: [{ code: 'comment-text' }],
      });
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    // Exactly the limit is fine, and the limit counts the trimmed text.
    expect(startThread(doc, { anchor: LINE, author: ANNA, text: ` ${'x'.repeat(MAX_COMMENT_LENGTH)} ` }).ok).toBe(true);
  });

  it('refuses a reply to a thread that does not exist, and resolving one does nothing', () => {
    const doc = new Y.Doc();
    expect(replyToThread(doc, 't-gone', { author: BO, text: 'Hej' })).toMatchObject({
      ok: false,
      errors: [{ code: 'no-thread', path: ['t-gone'] }],
    });
    setThreadResolved(doc, 't-gone', BO);
    expect(commentsRoot(doc).size).toBe(0);
  });

  it('keeps each mention once, and at most MAX_MENTIONS', () => {
    const doc = new Y.Doc();
    const many = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `u-${i}`);
    const id = start(doc, { anchor: LINE, author: ANNA, text: 'Hej', mentions: ['u-bo', 'u-cia', 'u-bo', 'u-bo'] });
    replyToThread(doc, id, { author: BO, text: 'Alla', mentions: [...many, ...many] });
    const [thread] = readThreads(doc).threads;
    expect(thread?.messages[0]?.mentions).toEqual(['u-bo', 'u-cia']);
    expect(thread?.messages[1]?.mentions).toEqual(many.slice(0, MAX_MENTIONS));
  });

  it('counts unresolved threads per section', () => {
    const doc = new Y.Doc();
    const text = (section: string): CommentAnchor => ({ kind: 'text', section, from: null, to: null, quote: '' });
    const ids = [
      start(doc, { anchor: LINE, author: ANNA, text: '1' }),
      start(doc, { anchor: { kind: 'scenario', scenario: 'bas' }, author: ANNA, text: '2' }),
      start(doc, { anchor: text('vision'), author: ANNA, text: '3' }),
      start(doc, { anchor: text('vision'), author: BO, text: '4' }),
      start(doc, { anchor: text('inledning'), author: BO, text: '5' }),
    ];
    setThreadResolved(doc, ids[0] as string, ANNA);
    setThreadResolved(doc, ids[4] as string, ANNA);
    expect(Object.fromEntries(unresolvedBySection(readThreads(doc).threads))).toEqual({
      [BUDGET_SECTION]: 1,
      vision: 2,
    });
    expect(unresolvedBySection([]).size).toBe(0);
  });

  it('round-trips anchors of each kind, a text range following the text written before it', () => {
    const doc = new Y.Doc();
    ensureOutline(doc);
    const body = findSection(doc, 'vision')?.body;
    if (!body) throw new Error('no vision section');
    const paragraph = new Y.XmlText('Alla ska ha en väg till arbete.');
    body.insert(0, [paragraph]);
    const from = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraph, 5));
    const to = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraph, 8));
    const anchors: CommentAnchor[] = [
      { kind: 'line', collection: 'members', line: 'staten' },
      { kind: 'line', collection: 'revenues', line: 'esf-1' },
      { kind: 'line', collection: 'costs', line: 'unga' },
      { kind: 'scenario', scenario: 'nedskuren' },
      { kind: 'text', section: 'vision', from, to, quote: 'ska' },
    ];
    for (const anchor of anchors) start(doc, { anchor, author: ANNA, text: 'Om detta' });

    // Through another document, as a collaborator reads them.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const read = readThreads(other).threads;
    expect(read.map((t) => t.anchor)).toEqual(expect.arrayContaining(anchors));
    expect(read).toHaveLength(anchors.length);
    expect(read.map((t) => t.section).sort()).toEqual([...anchors.map(anchorSection)].sort());

    // The range still covers the same words after text is written before it.
    const textAnchor = read.find((t) => t.anchor.kind === 'text')?.anchor;
    if (textAnchor?.kind !== 'text') throw new Error('no text anchor');
    const otherParagraph = findSection(other, 'vision')?.body.get(0) as Y.XmlText;
    otherParagraph.insert(0, 'Vi vill att ');
    const position = (json: unknown) =>
      Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), other)?.index ?? -1;
    expect(otherParagraph.toString().slice(position(textAnchor.from), position(textAnchor.to))).toBe('ska');
  });

  it('reports hostile or broken entries instead of throwing, and skips malformed messages', () => {
    const doc = new Y.Doc();
    const good = start(doc, { anchor: LINE, author: ANNA, text: 'Bra', at: new Date('2025-01-01T00:00:00Z') });
    const root = commentsRoot(doc);
    const thread = (entries: [string, unknown][]) => new Y.Map<unknown>(entries);
    const messages = (...values: unknown[]) => {
      const array = new Y.Array<unknown>();
      array.push(values);
      return array;
    };
    const message = { id: 'm', author: 'u-x', text: 'Hej', at: '2025-01-01T00:00:00Z' };
    const base = (): [string, unknown][] => [
      ['anchor', LINE],
      ['author', 'u-x'],
      ['createdAt', '2025-01-02T00:00:00Z'],
    ];
    root.set('a-string', 'not a thread');
    root.set('an-array', new Y.Array());
    root.set(
      'no-anchor',
      thread([
        ['author', 'u-x'],
        ['createdAt', 'x'],
        ['messages', messages(message)],
      ]),
    );
    root.set(
      'bad-anchor',
      thread([
        ...base().slice(1),
        ['anchor', { kind: 'line', collection: 'x', line: 'y' }],
        ['messages', messages(message)],
      ]),
    );
    root.set('anchor-is-a-map', thread([...base().slice(1), ['anchor', new Y.Map()], ['messages', messages(message)]]));
    root.set('messages-plain', thread([...base(), ['messages', [message]]]));
    root.set('no-messages-left', thread([...base(), ['messages', messages(5, null, 'text', new Y.Map())]]));
    root.set('number-author', thread([...base(), ['author', 7], ['messages', messages(message)]]));
    root.set(
      'some-good-messages',
      thread([
        ...base(),
        ['section', 42],
        ['resolved', { by: 5 }],
        [
          'messages',
          messages(
            { ...message, text: 'y'.repeat(MAX_COMMENT_LENGTH + 10), mentions: ['u-a', 5, 'u-b'], authorName: 3 },
            { ...message, id: 7 },
            ['an', 'array'],
          ),
        ],
      ]),
    );
    root.set(
      'long-quote',
      thread([
        ...base(),
        ['anchor', { kind: 'text', section: 's', quote: 'q'.repeat(900) }],
        ['messages', messages(message)],
      ]),
    );

    let read: ReturnType<typeof readThreads> | undefined;
    expect(() => {
      read = readThreads(doc);
    }).not.toThrow();
    const { threads, issues } = read as ReturnType<typeof readThreads>;
    expect(threads.map((t) => t.id)).toEqual([good, 'long-quote', 'some-good-messages']);
    expect(issues.map((i) => i.path?.[1]).sort()).toEqual(
      [
        'a-string',
        'an-array',
        'anchor-is-a-map',
        'bad-anchor',
        'messages-plain',
        'no-anchor',
        'no-messages-left',
        'number-author',
      ].sort(),
    );
    expect(issues.every((i) => i.code === 'invalid-thread' && i.path?.[0] === 'comments')).toBe(true);
    const partly = threads.find((t) => t.id === 'some-good-messages');
    expect(partly).toMatchObject({ section: BUDGET_SECTION, resolved: null });
    expect(partly?.messages).toHaveLength(1);
    expect(partly?.messages[0]).toMatchObject({ authorName: '', mentions: ['u-a', 'u-b'] });
    expect(partly?.messages[0]?.text).toHaveLength(MAX_COMMENT_LENGTH);
    const quote = threads.find((t) => t.id === 'long-quote')?.anchor;
    expect(quote?.kind === 'text' && quote.quote).toHaveLength(500);

    // A reply to a thread whose messages are not an array is refused, not thrown.
    expect(replyToThread(doc, 'messages-plain', { author: BO, text: 'Hej' }).ok).toBe(false);
    expect(replyToThread(doc, 'a-string', { author: BO, text: 'Hej' }).ok).toBe(false);
  });

  it('keeps both replies when two documents reply to one thread at once', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    const id = start(a, { anchor: LINE, author: ANNA, text: 'Fråga' });
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replyToThread(a, id, { author: ANNA, text: 'Från A' });
    replyToThread(b, id, { author: BO, text: 'Från B' });
    setThreadResolved(b, id, BO);
    start(b, { anchor: { kind: 'scenario', scenario: 'bas' }, author: BO, text: 'Ny tråd från B' });
    syncDocs(a, b);
    expect(readThreads(a)).toEqual(readThreads(b));
    const thread = readThreads(a).threads.find((t) => t.id === id);
    expect(thread?.messages.map((m) => m.text).slice(0, 1)).toEqual(['Fråga']);
    expect(
      thread?.messages
        .map((m) => m.text)
        .slice(1)
        .sort(),
    ).toEqual(['Från A', 'Från B']);
    expect(thread?.resolved?.by).toBe(BO.id);
    expect(readThreads(a).threads).toHaveLength(2);
  });
});
