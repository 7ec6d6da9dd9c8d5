import type { Change, Plan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEditToDoc } from '../src/applyEditToDoc.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { readVersions } from '../src/planVersions.ts';
import {
  ensureWorkshop,
  pin,
  proposalTitle,
  propose,
  readWorkshop,
  savePinned,
  setLive,
  showSideBySide,
  unpin,
  unvote,
  vote,
  WORKSHOP_PROPOSALS,
  WORKSHOP_VOTES,
  workshopRoot,
} from '../src/planWorkshop.ts';
import { readPlan, seedPlan, syncDocs } from './docHelpers.ts';

const ANNA = { id: 'anna', name: 'Anna' };
const VERA = { id: 'vera', name: 'Vera' };
const AT = new Date('2025-03-14T09:00:00Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);

const CUT: Change[] = [{ type: 'state-allocation', fromYear: 2024, rate: '-0.1', matching: true }];
const REJECT_LANDA: Change[] = [
  { type: 'esf-decision', project: 'landa-och-move-on', decision: 'rejected', scaleCosts: false, keepLines: [] },
];

function setup(): { doc: Y.Doc; plan: Plan } {
  const doc = planToDoc(seedPlan());
  ensureWorkshop(doc);
  return { doc, plan: readPlan(doc) };
}

function proposed(doc: Y.Doc, plan: Plan, input: Parameters<typeof propose>[2]): string {
  const written = propose(doc, plan, input);
  if (!written.ok) throw new Error(JSON.stringify(written.errors));
  return written.id;
}

describe('the workshop', () => {
  it('keeps proposals, votes, pins, what is shown and the live scenario, and shares them', () => {
    const { doc, plan } = setup();
    const other = new Y.Doc();
    syncDocs(doc, other);

    expect(setLive(doc, plan, { name: 'Live', changes: CUT }).ok).toBe(true);
    const a = proposed(doc, plan, { author: VERA, name: ' Stäng Unga vuxna ', changes: REJECT_LANDA, at: AT });
    const b = proposed(other, plan, { author: ANNA, name: 'Nedskärning', changes: CUT, at: later(1) });
    syncDocs(doc, other);
    vote(doc, a, 'anna');
    vote(other, a, 'vera');
    vote(other, b, 'vera');
    unvote(other, b, 'vera');
    pin(doc, a);
    pin(doc, b);
    syncDocs(doc, other);
    unpin(other, b);
    showSideBySide(doc, [b, a, a, 'x']);
    syncDocs(doc, other);

    for (const d of [doc, other]) {
      const { workshop, issues } = readWorkshop(d, plan);
      expect(issues).toEqual([]);
      expect(workshop.live).toEqual({ name: 'Live', changes: CUT });
      expect(workshop.proposals).toEqual([
        {
          id: a,
          author: 'vera',
          authorName: 'Vera',
          name: 'Stäng Unga vuxna',
          changes: REJECT_LANDA,
          createdAt: AT.toISOString(),
        },
        {
          id: b,
          author: 'anna',
          authorName: 'Anna',
          name: 'Nedskärning',
          changes: CUT,
          createdAt: later(1).toISOString(),
        },
      ]);
      expect([...workshop.votes]).toEqual([[a, ['anna', 'vera']]]);
      expect(workshop.pinned).toEqual([a]);
      // Two at most; an id that is no proposal does not count.
      expect(workshop.shown).toEqual([b, a]);
    }
    // Without a plan it reads the document's own.
    expect(readWorkshop(doc).workshop.proposals).toHaveLength(2);
    showSideBySide(doc, []);
    expect(readWorkshop(doc, plan).workshop.shown).toEqual([]);
  });

  it('fills in the engine defaults and refuses what the engine would not take', () => {
    const { doc, plan } = setup();
    const id = proposed(doc, plan, {
      author: VERA,
      name: 'Avslag',
      changes: [{ type: 'esf-decision', project: 'gransgangare', decision: 'rejected' } as Change],
    });
    expect(readWorkshop(doc, plan).workshop.proposals.find((p) => p.id === id)?.changes).toEqual([
      { type: 'esf-decision', project: 'gransgangare', decision: 'rejected', scaleCosts: false, keepLines: [] },
    ]);
    const refusals: [string, Parameters<typeof propose>[2]][] = [
      ['an empty name', { author: VERA, name: '  ', changes: CUT }],
      ['a name too long', { author: VERA, name: 'x'.repeat(201), changes: CUT }],
      [
        'an unknown ESF project',
        { author: VERA, name: 'x', changes: [{ ...REJECT_LANDA[0], project: 'finns-inte' } as Change] },
      ],
      ['a change that is none', { author: VERA, name: 'x', changes: [{ type: 'magic' } as unknown as Change] }],
    ];
    for (const [what, input] of refusals) expect(propose(doc, plan, input).ok, what).toBe(false);
    expect(setLive(doc, plan, { name: '', changes: [] }).ok).toBe(false);
    expect(readWorkshop(doc, plan).workshop.proposals).toHaveLength(1);
  });

  it('skips malformed entries a broken or hostile client wrote, and reports them', () => {
    const { doc, plan } = setup();
    const good = proposed(doc, plan, { author: VERA, name: 'Bra', changes: CUT, at: AT });
    const proposals = workshopRoot(doc).get(WORKSHOP_PROPOSALS) as Y.Map<unknown>;
    const valid = {
      id: 'p-x',
      author: 'vera',
      authorName: 'Vera',
      name: 'x',
      changes: [],
      createdAt: AT.toISOString(),
    };
    proposals.set('p-text', 'inte ett förslag');
    proposals.set('p-map', new Y.Map());
    proposals.set('p-wrong-id', { ...valid, id: 'p-other' });
    proposals.set('p-no-author', { ...valid, id: 'p-no-author', author: '' });
    proposals.set('p-bad-date', { ...valid, id: 'p-bad-date', createdAt: 'i morgon' });
    proposals.set('p-bad-change', { ...valid, id: 'p-bad-change', changes: [{ type: 'indexation', rate: 'mycket' }] });
    proposals.set('p-huge', { ...valid, id: 'p-huge', name: 'x'.repeat(5_000) });
    const votes = workshopRoot(doc).get(WORKSHOP_VOTES) as Y.Map<unknown>;
    votes.set(`${good}/anna`, true);
    votes.set(`${good}/bo`, 'ja');
    votes.set(`${good}/`, true);
    votes.set('p-text/anna', true);
    votes.set('utan-snedstreck', true);
    workshopRoot(doc).set('shown', ['p-map', 7, good]);
    workshopRoot(doc).set('live', { name: 'Live', changes: 'alla' });

    const { workshop, issues } = readWorkshop(doc, plan);
    expect(workshop.proposals.map((p) => p.id)).toEqual([good]);
    expect([...workshop.votes]).toEqual([[good, ['anna']]]);
    expect(workshop.shown).toEqual([good]);
    expect(workshop.live).toBeNull();
    expect(issues.map((i) => i.path?.join('/')).sort()).toEqual(
      [
        'workshop/live',
        ...['p-bad-change', 'p-bad-date', 'p-huge', 'p-map', 'p-no-author', 'p-text', 'p-wrong-id'].map(
          (id) => `workshop/proposals/${id}`,
        ),
      ].sort(),
    );
    // Maps that are not maps, and a root written by nobody, read as empty.
    const bare = planToDoc(seedPlan());
    workshopRoot(bare).set(WORKSHOP_PROPOSALS, 'x');
    expect(readWorkshop(bare, plan)).toEqual({
      workshop: { live: null, proposals: [], votes: new Map(), pinned: [], shown: [] },
      issues: [],
    });
  });

  it('leaves out a proposal the plan no longer fits', () => {
    const { doc, plan } = setup();
    proposed(doc, plan, { author: VERA, name: 'Avslå LANDA', changes: REJECT_LANDA });
    applyEditToDoc(doc, { type: 'remove-esf-project', id: 'landa-och-move-on' });
    const { workshop, issues } = readWorkshop(doc);
    expect(workshop.proposals).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['invalid-proposal']);
  });

  it('creates the maps once; proposals made at the same time on synced documents are both kept', () => {
    const doc = planToDoc(seedPlan());
    expect(ensureWorkshop(doc)).toBe(true);
    expect(ensureWorkshop(doc)).toBe(false);
    const plan = readPlan(doc);
    const [one, two] = [new Y.Doc(), new Y.Doc()];
    syncDocs(doc, one);
    syncDocs(doc, two);
    proposed(one, plan, { author: VERA, name: 'Ett', changes: CUT });
    proposed(two, plan, { author: ANNA, name: 'Två', changes: [] });
    vote(one, 'p', 'vera');
    vote(two, 'p', 'anna');
    syncDocs(one, two);
    syncDocs(doc, one);
    expect(
      readWorkshop(doc, plan)
        .workshop.proposals.map((p) => p.name)
        .sort(),
    ).toEqual(['Ett', 'Två']);
    expect((workshopRoot(doc).get(WORKSHOP_VOTES) as Y.Map<unknown>).size).toBe(2);
  });

  it('names a saved proposal after its author, unless it already is', () => {
    expect(proposalTitle({ name: 'Stäng Unga vuxna', authorName: 'Anna' })).toBe('Förslag från Anna: Stäng Unga vuxna');
    expect(proposalTitle({ name: 'Förslag från Bo: Spara', authorName: 'Anna' })).toBe('Förslag från Bo: Spara');
  });
});

describe('savePinned', () => {
  it('adds the pinned proposals as scenarios and saves a version with them, in one transaction', () => {
    const { doc, plan: seeded } = setup();
    // A scenario already uses the first id a proposal would get.
    applyEditToDoc(doc, { type: 'put-scenario', scenario: { id: 'forslag-1', name: 'Befintligt', changes: [] } });
    const plan = readPlan(doc);
    expect(plan.scenarios).toHaveLength(seeded.scenarios.length + 1);
    const a = proposed(doc, plan, { author: VERA, name: 'Avslå LANDA', changes: REJECT_LANDA, at: AT });
    const b = proposed(doc, plan, { author: ANNA, name: 'Förslag från Anna: Skär', changes: CUT, at: later(1) });
    proposed(doc, plan, { author: ANNA, name: 'Inte fäst', changes: [], at: later(2) });
    pin(doc, b);
    pin(doc, a);

    let updates = 0;
    doc.on('update', () => updates++);
    const saved = savePinned(doc, plan, { versionName: ' Strategidag 2025-03-14 ', savedBy: 'Anna', at: AT }, 'me');
    expect(updates).toBe(1);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.scenarios).toEqual([
      { id: 'forslag-2', name: 'Förslag från Vera: Avslå LANDA', changes: REJECT_LANDA },
      { id: 'forslag-3', name: 'Förslag från Anna: Skär', changes: CUT },
    ]);
    const after = readPlan(doc);
    expect(after.scenarios.map((s) => s.id)).toEqual(['forslag-1', 'forslag-2', 'forslag-3']);
    const { versions } = readVersions(doc);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ id: saved.versionId, name: 'Strategidag 2025-03-14', savedBy: 'Anna' });
    expect(versions[0]?.plan).toEqual(after);

    // Saved again (a second version), the same proposals are not added twice.
    const again = savePinned(doc, after, { versionName: 'Igen', savedBy: 'Anna', at: later(5) });
    expect(again.ok && again.scenarios).toEqual([]);
    expect(readPlan(doc).scenarios).toHaveLength(3);
    expect(readVersions(doc).versions.map((v) => v.name)).toEqual(['Igen', 'Strategidag 2025-03-14']);
  });

  it('writes nothing when nothing is pinned or the version has no name', () => {
    const { doc, plan } = setup();
    const id = proposed(doc, plan, { author: VERA, name: 'x', changes: CUT });
    const before = Y.encodeStateVector(doc);
    const none = savePinned(doc, plan, { versionName: 'Dagen', savedBy: 'Anna' });
    expect(none.ok || none.errors[0]?.code).toBe('nothing-pinned');
    pin(doc, id);
    const pinnedState = Y.encodeStateVector(doc);
    expect(pinnedState).not.toEqual(before);
    const unnamed = savePinned(doc, plan, { versionName: ' ', savedBy: 'Anna' });
    expect(unnamed.ok || unnamed.errors[0]?.code).toBe('version-name');
    expect(Y.encodeStateVector(doc)).toEqual(pinnedState);
  });
});
