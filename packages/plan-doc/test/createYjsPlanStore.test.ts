import { importBudgetTable } from '@samplan/budget-table';
import type { Plan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createYjsPlanStore } from '../src/createYjsPlanStore.ts';
import { startThread } from '../src/planComments.ts';
import { planRoot } from '../src/planRoot.ts';
import { ensureOutline, readOutline } from '../src/planSections.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { saveVersion } from '../src/planVersions.ts';

const seed = (): Plan => {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('seed');
  return r.value;
};

/** Two clients with a store each, connected as a provider would connect them: every update goes across at once. */
function connected(plan: Plan) {
  const a = planToDoc(plan);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  return { a, b, storeA: createYjsPlanStore(a, { origin: 'anna' }), storeB: createYjsPlanStore(b, { origin: 'bo' }) };
}

const cost = (plan: Plan, id: string, year: string) => {
  const amount = plan.costs.find((c) => c.id === id)?.amount;
  return amount?.type === 'yearly' ? amount.amounts[year] : undefined;
};

describe('the Yjs plan store', () => {
  it('applies a valid edit to the document and to every client’s plan', () => {
    const { storeA, storeB } = connected(seed());
    let heardB = 0;
    storeB.subscribe(() => heardB++);
    const result = storeA.apply({
      type: 'set-amount',
      collection: 'costs',
      id: 'vuxna',
      year: 2024,
      value: '13500000',
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toBe(storeA.getPlan());
    expect(cost(storeA.getPlan(), 'vuxna', '2024')).toBe('13500000');
    expect(cost(storeB.getPlan(), 'vuxna', '2024')).toBe('13500000');
    expect(heardB).toBe(1);
  });

  it('refuses an invalid edit and leaves the document untouched', () => {
    const { a, storeA } = connected(seed());
    const before = Y.encodeStateVector(a);
    const plan = storeA.getPlan();
    let heard = 0;
    storeA.subscribe(() => heard++);
    const result = storeA.apply({ type: 'set-assumption', key: 'utilization', value: '1.5' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toBe('Nyttjandegraden ska vara mellan 0 och 1');
    expect(Y.encodeStateVector(a)).toEqual(before);
    expect(storeA.getPlan()).toBe(plan);
    expect(heard).toBe(0);
  });

  it('refuses an edit over the document limits (a 100 000-character name) that the engine would take', () => {
    const { a, storeA } = connected(seed());
    const before = Y.encodeStateVector(a);
    const result = storeA.apply({ type: 'set-name', name: 'x'.repeat(100_000) });
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['doc-too-large']);
    expect(Y.encodeStateVector(a)).toEqual(before);
  });

  it('keeps every untouched line object, so views re-render only the edited row', () => {
    const { storeA, storeB } = connected(seed());
    const before = storeB.getPlan();
    storeA.apply({ type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2024, value: '13500000' });
    const after = storeB.getPlan();
    const i = after.costs.findIndex((c) => c.id === 'vuxna');
    expect(after.costs[i]).not.toBe(before.costs[i]);
    expect(after.costs.filter((_, k) => k !== i).every((c) => before.costs.includes(c))).toBe(true);
    expect(after.members).toBe(before.members);
    expect(after.assumptions).toBe(before.assumptions);
  });

  it('keeps the last valid plan while the document is invalid, reports why, and recovers', () => {
    const { b, storeA, storeB } = connected(seed());
    const valid = storeA.getPlan();
    // Another client (a buggy or hostile one) writes a number where an amount belongs.
    b.transact(() => planRoot(b).set('openingEquity', 12604000));
    expect(storeA.getPlan()).toBe(valid);
    expect(storeA.issues().map((e) => e.path?.join('.'))).toEqual(['openingEquity']);
    // A valid edit still goes through (it may be the repair) and says the plan is still invalid.
    const result = storeA.apply({ type: 'set-name', name: 'Göteborg' });
    expect(!result.ok && result.errors[0]?.code).toBe('doc-still-invalid');
    const repaired = storeB.apply({ type: 'set-opening-equity', value: '12604000' });
    expect(repaired.ok).toBe(true);
    expect(storeA.issues()).toEqual([]);
    expect(storeA.getPlan().name).toBe('Göteborg');
  });

  it('shows a fallback plan until the document is synced, and never shapes an empty document piecemeal', () => {
    const plan = seed();
    const doc = new Y.Doc();
    expect(() => createYjsPlanStore(doc, { origin: 'c' })).toThrow(/no valid plan/);
    const store = createYjsPlanStore(doc, { origin: 'c', fallback: plan });
    expect(store.getPlan()).toBe(plan);
    expect(store.issues().map((e) => e.code)).toEqual(['doc-empty']);
    const refused = store.apply({ type: 'set-amount', collection: 'costs', id: 'vuxna', year: 2024, value: '1' });
    expect(refused.ok).toBe(false);
    expect(planRoot(doc).size).toBe(0);
    let heard = 0;
    store.subscribe(() => heard++);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(planToDoc({ ...plan, name: 'Från servern' })));
    expect(heard).toBe(1);
    expect(store.getPlan().name).toBe('Från servern');
    expect(store.issues()).toEqual([]);
  });

  it('seeds an empty document with replace-plan', () => {
    const plan = seed();
    const doc = new Y.Doc();
    const store = createYjsPlanStore(doc, { origin: 'c', fallback: plan });
    expect(store.apply({ type: 'replace-plan', plan }).ok).toBe(true);
    expect(store.getPlan()).toEqual(plan);
  });

  it('stops listening after destroy', () => {
    const { storeA, storeB } = connected(seed());
    let heard = 0;
    storeB.subscribe(() => heard++);
    storeB.destroy();
    storeA.apply({ type: 'set-name', name: 'Nytt' });
    expect(heard).toBe(0);
  });

  it('neither re-reads nor notifies for the plan text, comments or versions (other roots of the document)', () => {
    const plan = seed();
    const doc = planToDoc(plan);
    ensureOutline(doc);
    const store = createYjsPlanStore(doc, { origin: 'c' });
    let heard = 0;
    store.subscribe(() => heard++);
    const body = readOutline(doc)[0]?.body as Y.XmlFragment;
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Inledningen')]);
      body.insert(0, [paragraph]);
    });
    startThread(doc, { anchor: { kind: 'scenario', scenario: 'x' }, author: { id: 'u', name: 'U' }, text: 'Hej' });
    saveVersion(doc, { name: 'V1', savedBy: 'U', plan }, 'c');
    expect(heard).toBe(0);
    store.apply({ type: 'set-name', name: 'Nytt namn' });
    expect(heard).toBe(1);
  });
});
