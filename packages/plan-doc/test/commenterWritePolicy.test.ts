import { type Plan, parsePlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEditToDoc } from '../src/applyEditToDoc.ts';
import { COMMENT_WRITE_RULES, checkCommenterUpdate } from '../src/commenterWritePolicy.ts';
import {
  type CommentAnchor,
  commentsRoot,
  readThreads,
  replyToThread,
  setThreadResolved,
  startThread,
} from '../src/planComments.ts';
import { ensureOutline, readOutline } from '../src/planSections.ts';
import { planToDoc } from '../src/planToDoc.ts';
import {
  ensureWorkshop,
  pin,
  propose,
  readWorkshop,
  setLive,
  showSideBySide,
  unvote,
  vote,
  workshopRoot,
} from '../src/planWorkshop.ts';

/** A small valid plan: one insats to comment on. */
function plan(): Plan {
  const parsed = parsePlan({
    name: 'Samordningsförbundet Exempel',
    years: [2024, 2025, 2026],
    openingEquity: '0',
    members: [],
    costs: [{ id: 'unga', name: 'Unga', category: 'individual', amount: { type: 'yearly', amounts: {} } }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const KIM = { id: 'kim', name: 'Kim Kommentator' };
const EDDIE = { id: 'eddie', name: 'Eddie Redaktör' };
const ANCHOR: CommentAnchor = { kind: 'line', collection: 'costs', line: 'unga' };

/** The room's document: a plan with its outline and one thread an editor started. */
function roomDoc(): { doc: Y.Doc; thread: string } {
  const doc = planToDoc(plan());
  ensureOutline(doc);
  const started = startThread(doc, { anchor: ANCHOR, author: EDDIE, text: 'Stämmer beloppet?' });
  if (!started.ok) throw new Error('thread');
  return { doc, thread: started.id };
}

/** A client holding the room's document: `change` runs on it, and what it changed is the update. */
function updateFrom(room: Y.Doc, change: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

/** Checks `update` as from Kim, and that the room's document was left as it was. */
function check(room: Y.Doc, update: Uint8Array, userId = KIM.id) {
  const before = Y.encodeStateAsUpdate(room);
  const verdict = checkCommenterUpdate(room, update, userId);
  expect(Y.encodeStateAsUpdate(room)).toEqual(before);
  return verdict;
}

/** Each change, made on a client and sent as Kim's update, is refused with a reason matching its pattern. */
function expectRefused(room: Y.Doc, cases: [string, (client: Y.Doc) => void, RegExp][]): void {
  for (const [what, change, reason] of cases)
    expect(check(room, updateFrom(room, change)), what).toEqual({ ok: false, reason: expect.stringMatching(reason) });
}

const messagesOf = (doc: Y.Doc, thread: string) =>
  (commentsRoot(doc).get(thread) as Y.Map<unknown>).get('messages') as Y.Array<unknown>;

describe('checkCommenterUpdate', () => {
  it("allows a commenter's own threads, replies, resolving and reopening, and updates that bring nothing", () => {
    const { doc, thread } = roomDoc();
    const allowed: [string, (client: Y.Doc) => void][] = [
      ['a new thread', (c) => startThread(c, { anchor: ANCHOR, author: KIM, text: 'Varför?', mentions: ['eddie'] })],
      [
        'a thread on a text range',
        (c) =>
          startThread(c, {
            anchor: { kind: 'text', section: 'vision', from: { a: 1 }, to: null, quote: 'Vision' },
            author: KIM,
            text: 'Otydligt',
          }),
      ],
      ['a reply', (c) => replyToThread(c, thread, { author: KIM, text: 'Jag undrar också.' })],
      [
        'two replies',
        (c) => {
          for (const text of ['Ett', 'Två']) replyToThread(c, thread, { author: KIM, text });
        },
      ],
      ['resolving', (c) => setThreadResolved(c, thread, KIM)],
      [
        'resolving, then reopening',
        (c) => {
          for (const by of [KIM, null]) setThreadResolved(c, thread, by);
        },
      ],
      [
        'a thread, replied to and resolved',
        (c) => {
          const started = startThread(c, { anchor: { kind: 'scenario', scenario: 's' }, author: KIM, text: 'Hm' });
          if (!started.ok) throw new Error('thread');
          replyToThread(c, started.id, { author: KIM, text: 'Löst' });
          setThreadResolved(c, started.id, KIM);
        },
      ],
      ['nothing new', () => {}],
    ];
    for (const [what, change] of allowed) expect(check(doc, updateFrom(doc, change)), what).toEqual({ ok: true });
    // The whole document, as a SyncStep2 to an empty state vector would carry it, brings nothing new.
    expect(check(doc, Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
  });

  it('applied, an allowed update gives the same threads as on the client', () => {
    const { doc, thread } = roomDoc();
    const update = updateFrom(doc, (c) => {
      replyToThread(c, thread, { author: KIM, text: 'Svar' });
      setThreadResolved(c, thread, KIM);
    });
    expect(check(doc, update)).toEqual({ ok: true });
    Y.applyUpdate(doc, update);
    const [read] = readThreads(doc).threads;
    expect(read?.messages.map((m) => m.text)).toEqual(['Stämmer beloppet?', 'Svar']);
    expect(read?.resolved?.by).toBe('kim');
  });

  it('refuses anything outside comments, alone or next to a valid comment', () => {
    const { doc, thread } = roomDoc();
    const comment = (c: Y.Doc) => replyToThread(c, thread, { author: KIM, text: 'Ok' });
    const outside = /changes more than comments/;
    expectRefused(doc, [
      [
        'a plan edit',
        (c) => applyEditToDoc(c, { type: 'set-amount', collection: 'costs', id: 'unga', year: 2025, value: '9' }),
        outside,
      ],
      ['a plan rename', (c) => applyEditToDoc(c, { type: 'set-name', name: 'Kapad' }), outside],
      [
        'text in a section',
        (c) => {
          ensureOutline(c);
          readOutline(c)[0]?.body.insert(0, [new Y.XmlText('Skrivet av en kommentator')]);
        },
        outside,
      ],
      ['a new root', (c) => c.getMap('elsewhere').set('x', 1), outside],
      ['a saved version', (c) => c.getMap('versions').set('v', { name: 'x' }), outside],
      [
        'a comment and a plan edit',
        (c) => {
          comment(c);
          applyEditToDoc(c, { type: 'set-opening-equity', value: '1' });
        },
        outside,
      ],
      [
        'a comment and a section edit',
        (c) => {
          comment(c);
          readOutline(c)[1]?.body.insert(0, [new Y.XmlElement('paragraph')]);
        },
        outside,
      ],
    ]);
  });

  it("refuses comments in someone else's name", () => {
    const { doc, thread } = roomDoc();
    const notOwn = /messages of its own/;
    expectRefused(doc, [
      ['a thread by Eddie', (c) => startThread(c, { anchor: ANCHOR, author: EDDIE, text: 'Jag är Eddie' }), notOwn],
      ['a reply by Eddie', (c) => replyToThread(c, thread, { author: EDDIE, text: 'Jag är Eddie' }), notOwn],
      ['resolved by Eddie', (c) => setThreadResolved(c, thread, EDDIE), /resolve threads in its own name/],
      [
        'a thread of Kim whose message is by Eddie',
        (c) =>
          commentsRoot(c).set(
            't-x',
            new Y.Map<unknown>([
              ['anchor', ANCHOR],
              ['author', 'kim'],
              ['createdAt', '2025-01-01T00:00:00.000Z'],
              ['messages', Y.Array.from([{ id: 'm', author: 'eddie', text: 'x', at: '', mentions: [] }])],
            ]),
          ),
        notOwn,
      ],
      [
        'a thread by Eddie whose message is by Kim',
        (c) =>
          commentsRoot(c).set(
            't-y',
            new Y.Map<unknown>([
              ['anchor', ANCHOR],
              ['author', 'eddie'],
              ['messages', Y.Array.from([{ id: 'm', author: 'kim', text: 'x', at: '', mentions: [] }])],
            ]),
          ),
        /start threads of its own/,
      ],
      ['a message that is not an object', (c) => messagesOf(c, thread).push(['kim']), notOwn],
    ]);
  });

  it('refuses deleting or rewriting comments', () => {
    const { doc, thread } = roomDoc();
    const threadOf = (c: Y.Doc) => commentsRoot(c).get(thread) as Y.Map<unknown>;
    const deletes = /may not delete comments/;
    expectRefused(doc, [
      ['deleting a message', (c) => messagesOf(c, thread).delete(0, 1), deletes],
      ['deleting a thread', (c) => commentsRoot(c).delete(thread), deletes],
      ["deleting a thread's resolved", (c) => threadOf(c).delete('resolved'), deletes],
      ['replacing a thread', (c) => commentsRoot(c).set(thread, new Y.Map<unknown>([['author', 'kim']])), deletes],
      ["rewriting a thread's author", (c) => threadOf(c).set('author', 'kim'), /only set "resolved"/],
      ['a new key in a thread', (c) => threadOf(c).set('extra', 1), /only set "resolved"/],
      ['a thread that is not a map', (c) => commentsRoot(c).set('t-z', 'text'), /must be a map/],
      [
        'a message as a map',
        (c) => messagesOf(c, thread).push([new Y.Map<unknown>([['author', 'kim']])]),
        /where no comment goes|plain object/,
      ],
      [
        'a reply then its deletion',
        (c) => {
          replyToThread(c, thread, { author: KIM, text: 'Oj' });
          messagesOf(c, thread).delete(1, 1);
        },
        /plain object|may not delete/,
      ],
    ]);
  });

  it('refuses an update with missing dependencies, and bytes that are no update, without throwing', () => {
    const { doc, thread } = roomDoc();
    // Another client replies; Kim answers that reply, and sends only his own part.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(other);
    replyToThread(other, thread, { author: KIM, text: 'Först' });
    const kim = new Y.Doc();
    Y.applyUpdate(kim, Y.encodeStateAsUpdate(other));
    const kimBefore = Y.encodeStateVector(kim);
    replyToThread(kim, thread, { author: KIM, text: 'Sedan' });
    expect(check(doc, Y.encodeStateAsUpdate(kim, kimBefore)).ok).toBe(false);
    // With what it builds on, it passes.
    expect(check(doc, Y.encodeStateAsUpdate(kim, Y.encodeStateVector(doc))).ok).toBe(true);
    // A delete of something the room has never seen is pending too.
    expect(check(doc, Y.encodeStateAsUpdate(other, before)).ok).toBe(true);
    const deleting = new Y.Doc();
    Y.applyUpdate(deleting, Y.encodeStateAsUpdate(other));
    const deletingBefore = Y.encodeStateVector(deleting);
    messagesOf(deleting, thread).delete(1, 1);
    expect(check(doc, Y.encodeStateAsUpdate(deleting, deletingBefore)).ok).toBe(false);

    for (const bytes of [new Uint8Array([1, 2, 3, 4, 5]), new Uint8Array([255, 255, 255, 255, 255, 255])])
      expect(check(doc, bytes).ok).toBe(false);
  });

  it('allows a reply to a thread an editor removed meanwhile, and resolving against a concurrent resolve', () => {
    const { doc, thread } = roomDoc();
    const reply = updateFrom(doc, (c) => replyToThread(c, thread, { author: KIM, text: 'Sent svar' }));
    const resolve = updateFrom(doc, (c) => setThreadResolved(c, thread, KIM));
    setThreadResolved(doc, thread, EDDIE);
    expect(check(doc, resolve)).toEqual({ ok: true });
    commentsRoot(doc).delete(thread);
    expect(check(doc, reply)).toEqual({ ok: true });
  });
});

describe('checkCommenterUpdate: the strategy day', () => {
  const CUT = [{ type: 'indexation' as const, rate: '0.03' }];

  /** The room's document with the workshop's maps, one proposal by Eddie and Eddie's vote for it. */
  function workshopDoc(): { doc: Y.Doc; eddies: string } {
    const doc = planToDoc(plan());
    ensureWorkshop(doc);
    const written = propose(doc, plan(), { author: EDDIE, name: 'Eddies förslag', changes: CUT });
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    vote(doc, written.id, EDDIE.id);
    return { doc, eddies: written.id };
  }
  const proposeAs = (author: { id: string; name: string }) => (c: Y.Doc) => {
    const written = propose(c, plan(), { author, name: 'Stäng Unga', changes: CUT });
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
  };
  const mapOf = (c: Y.Doc, key: string) => workshopRoot(c).get(key) as Y.Map<unknown>;

  it('allows a proposal and votes of its own, taking a vote back, and starting the maps of a fresh workshop', () => {
    const { doc, eddies } = workshopDoc();
    const allowed: [string, (client: Y.Doc) => void][] = [
      ['a proposal', proposeAs(KIM)],
      ['a vote', (c) => vote(c, eddies, KIM.id)],
      [
        'a vote taken back in the same update',
        (c) => {
          vote(c, eddies, KIM.id);
          unvote(c, eddies, KIM.id);
        },
      ],
      [
        'a proposal, a comment and a vote',
        (c) => {
          proposeAs(KIM)(c);
          startThread(c, { anchor: ANCHOR, author: KIM, text: 'Se mitt förslag' });
          vote(c, eddies, KIM.id);
        },
      ],
    ];
    for (const [what, change] of allowed) expect(check(doc, updateFrom(doc, change)), what).toEqual({ ok: true });
    // Applied, the proposal reads as Kim's.
    const update = updateFrom(doc, proposeAs(KIM));
    Y.applyUpdate(doc, update);
    expect(readWorkshop(doc, plan()).workshop.proposals.map((p) => p.author)).toEqual([EDDIE.id, KIM.id]);
    // Kim's vote, once stored, may be taken back.
    const voted = updateFrom(doc, (c) => vote(c, eddies, KIM.id));
    Y.applyUpdate(doc, voted);
    expect(
      check(
        doc,
        updateFrom(doc, (c) => unvote(c, eddies, KIM.id)),
      ),
    ).toEqual({ ok: true });
    // In a document whose workshop has no maps yet, the first proposal and vote create them.
    const fresh = planToDoc(plan());
    expect(check(fresh, updateFrom(fresh, proposeAs(KIM)))).toEqual({ ok: true });
    expect(
      check(
        fresh,
        updateFrom(fresh, (c) => vote(c, 'p-1', KIM.id)),
      ),
    ).toEqual({ ok: true });
  });

  it("refuses a proposal or a vote in someone else's name, and rewriting or deleting others' entries", () => {
    const { doc, eddies } = workshopDoc();
    const stored = readWorkshop(doc, plan()).workshop.proposals[0];
    expectRefused(doc, [
      ["a proposal in Eddie's name", proposeAs(EDDIE), /propose in its own name/],
      [
        'a proposal whose id is not its key',
        (c) => mapOf(c, 'proposals').set('p-kim', { ...stored, id: 'p-other', author: KIM.id }),
        /propose in its own name/,
      ],
      ['a proposal that is a map', (c) => mapOf(c, 'proposals').set('p-kim', new Y.Map()), /one plain object/],
      [
        "overwriting Eddie's proposal",
        (c) => mapOf(c, 'proposals').set(eddies, { ...stored, author: KIM.id, name: 'Kapat' }),
        /only take back votes of its own/,
      ],
      ["deleting Eddie's proposal", (c) => mapOf(c, 'proposals').delete(eddies), /only take back votes/],
      ["a vote in Eddie's name", (c) => vote(c, eddies, EDDIE.id), /vote in its own name/],
      ['a second vote under another key', (c) => mapOf(c, 'votes').set(`${eddies}/x/${KIM.id}`, true), /own name/],
      ['a vote without a proposal', (c) => mapOf(c, 'votes').set(`/${KIM.id}`, true), /vote in its own name/],
      ['a vote that is not true', (c) => mapOf(c, 'votes').set(`${eddies}/${KIM.id}`, 5), /must be true/],
      ["taking back Eddie's vote", (c) => unvote(c, eddies, EDDIE.id), /only take back votes of its own/],
      ['replacing the proposals map', (c) => workshopRoot(c).set('proposals', new Y.Map()), /only take back votes/],
    ]);
  });

  it('refuses pinning, showing side by side and the live scenario: those are for editors', () => {
    const { doc, eddies } = workshopDoc();
    const fresh = planToDoc(plan());
    expectRefused(doc, [
      ['pinning', (c) => pin(c, eddies), /workshop where a commenter may not/],
      ['showing side by side', (c) => showSideBySide(c, [eddies]), /may not set "shown"/],
      ['the live scenario', (c) => setLive(c, plan(), { name: 'Live', changes: CUT }), /may not set "live"/],
      ['a key of its own in the workshop', (c) => workshopRoot(c).set('extra', 1), /may not set "extra"/],
      [
        'a proposal with a plan edit',
        (c) => {
          proposeAs(KIM)(c);
          applyEditToDoc(c, { type: 'set-name', name: 'Kapad' });
        },
        /changes more than comments and workshop proposals/,
      ],
    ]);
    // Nor a map the workshop does not have yet.
    expectRefused(fresh, [
      ['pinning in a fresh workshop', (c) => pin(c, 'p-1'), /may not set "pinned"|commenter may not$/],
    ]);
  });
});

describe('checkCommenterUpdate: rule sets', () => {
  it('lets a commenter write only under the roots of the rule sets it is given', () => {
    const { doc, thread } = roomDoc();
    ensureWorkshop(doc);
    const written = propose(doc, plan(), { author: EDDIE, name: 'Eddies förslag', changes: [] });
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    const reply = updateFrom(doc, (c) => replyToThread(c, thread, { author: KIM, text: 'Bara kommentarer.' }));
    const ballot = updateFrom(doc, (c) => vote(c, written.id, KIM.id));
    expect(checkCommenterUpdate(doc, reply, KIM.id, [COMMENT_WRITE_RULES])).toEqual({ ok: true });
    expect(checkCommenterUpdate(doc, ballot, KIM.id)).toEqual({ ok: true });
    expect(checkCommenterUpdate(doc, ballot, KIM.id, [COMMENT_WRITE_RULES])).toEqual({
      ok: false,
      reason: expect.stringMatching(/changes more than comments/),
    });
  });
});
