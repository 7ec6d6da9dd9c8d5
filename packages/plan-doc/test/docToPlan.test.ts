import type { Issue, Plan } from '@samplan/engine';
import type { PlanEdit } from '@samplan/plan-store';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createYjsPlanStore } from '../src/createYjsPlanStore.ts';
import { docToPlan } from '../src/docToPlan.ts';
import { planRoot } from '../src/planRoot.ts';
import { planToDoc } from '../src/planToDoc.ts';
import { arbPlan } from './planArbitrary.ts';

/** A Yjs type the fuzz test can walk into and change. */
type Node = Y.Map<unknown> | Y.Array<unknown> | Y.Text;

const plan = fc.sample(arbPlan, { numRuns: 1, seed: 17 })[0] as Plan;
const firstCost = plan.costs[0] as Plan['costs'][number];

/** A valid document, changed by `hack` in one transaction (as a hostile client's update would be). */
function hacked(hack: (root: Y.Map<unknown>, doc: Y.Doc) => void): Y.Doc {
  const doc = planToDoc(plan);
  doc.transact(() => hack(planRoot(doc), doc));
  return doc;
}
const map = (root: Y.Map<unknown>, ...path: string[]) =>
  path.reduce((m, key) => m.get(key) as Y.Map<unknown>, root) as Y.Map<unknown>;
const codes = (doc: Y.Doc) => {
  const r = docToPlan(doc);
  return r.ok ? [] : r.errors.map((e) => e.code);
};
const errors = (doc: Y.Doc): Issue[] => {
  const r = docToPlan(doc);
  return r.ok ? [] : r.errors;
};
/** The same document as another client sees it, decoded from an update. */
const remote = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('docToPlan on malformed and hostile documents', () => {
  it('reports an empty document', () => {
    expect(codes(new Y.Doc())).toEqual(['doc-empty']);
  });

  it('reports a Yjs type of the wrong kind, with its path', () => {
    const doc = hacked((root) => {
      root.set('name', 'a plain string, not a Y.Text');
      root.set('years', new Y.Map());
    });
    expect(errors(doc).map((e) => [e.code, e.path])).toEqual([
      ['doc-wrong-type', ['name']],
      ['doc-wrong-type', ['years']],
    ]);
  });

  it('reports numbers instead of decimal strings as schema issues', () => {
    const doc = hacked((root) => {
      root.set('openingEquity', 1_000_000);
      map(root, 'members', 's0').set('amounts', new Y.Map([[String(plan.years[0]), 2_000_000]]));
    });
    for (const d of [doc, remote(doc)]) {
      const found = errors(d);
      expect(found.some((e) => e.path?.join('.') === 'openingEquity')).toBe(true);
      expect(found.some((e) => e.path?.join('.') === `members.0.amounts.${plan.years[0]}`)).toBe(true);
    }
  });

  it('reports a missing required field and a wrong Yjs type inside a record', () => {
    expect(codes(hacked((root) => map(root, 'costs', firstCost.id).delete('name')))).toContain('schema-invalid_type');
    expect(codes(hacked((root) => map(root, 'costs', firstCost.id).set('openingEquity', 'ignored')))).toEqual([]);
    expect(codes(hacked((root) => map(root, 'costs', firstCost.id).set('amount', new Y.Text('x'))))).toEqual([
      'doc-wrong-type',
    ]);
    expect(codes(hacked((root) => root.set('openingEquity', new Y.Text('100'))))).toEqual(['doc-wrong-type']);
    expect(codes(hacked((root) => root.set('openingEquity', new Uint8Array([1, 2]))))).toEqual(['doc-wrong-type']);
    expect(codes(hacked((root) => root.set('openingEquity', new Y.Doc())))).toEqual(['doc-wrong-type']);
  });

  it('reports an order entry without a record, and a record without an order entry', () => {
    const dangling = hacked((root) => (map(root, 'order').get('costs') as Y.Array<string>).push(['spöke']));
    expect(errors(dangling).map((e) => [e.code, e.path])).toEqual([
      ['doc-order-unknown-id', ['order', 'costs', plan.costs.length]],
    ]);
    const unordered = hacked((root) => (map(root, 'order').get('costs') as Y.Array<string>).delete(0, 1));
    expect(errors(unordered).map((e) => [e.code, e.path])).toEqual([['doc-unordered-record', ['costs', firstCost.id]]]);
    const wrongId = hacked((root) => (map(root, 'order').get('costs') as Y.Array<unknown>).insert(0, [42]));
    expect(codes(wrongId)).toEqual(['doc-wrong-type']);
  });

  it('refuses "__proto__" keys anywhere, and never pollutes Object.prototype', () => {
    const evil = () => JSON.parse('{"__proto__": {"polluted": true}, "type": "indexation", "rate": "0.01"}');
    const docs = [
      hacked((root) => map(root, 'costs').set('__proto__', new Y.Map([['name', new Y.Text('x')]]))),
      hacked((root) => (map(root, 'order').get('costs') as Y.Array<string>).push(['__proto__'])),
      hacked((root) => map(root, 'members', 's0', 'amounts').set('__proto__', { polluted: true })),
      hacked((root) => map(root, 'members', 's0').set('group', evil())),
      hacked((root) =>
        map(root, 'scenarios').set(
          'evil',
          new Y.Map<unknown>([
            ['name', new Y.Text('Ond')],
            ['changes', Y.Array.from([evil()])],
          ]),
        ),
      ),
    ];
    for (const doc of docs) {
      // Locally the key is an own "__proto__" property; decoded from an update it has become the
      // object's prototype. Both are refused.
      for (const d of [doc, remote(doc)]) {
        const found = codes(d);
        expect(found.length).toBeGreaterThan(0);
        expect(found.every((c) => c.startsWith('doc-'))).toBe(true);
      }
    }
  });

  it('refuses oversized strings and lists', () => {
    const big = 'x'.repeat(100_000);
    expect(codes(hacked((root) => root.set('name', new Y.Text(big))))).toEqual(['doc-too-large']);
    expect(codes(hacked((root) => map(root, 'costs', firstCost.id).set('name', new Y.Text(big))))).toEqual([
      'doc-too-large',
    ]);
    expect(codes(hacked((root) => root.set('openingEquity', big)))).toEqual(['doc-too-large']);
    let deep: unknown = 'botten';
    for (let i = 0; i < 100; i++) deep = { deep };
    expect(codes(hacked((root) => map(root, 'costs', firstCost.id).set('member', deep)))).toEqual(['doc-too-large']);
  });

  it('reports a root that another client defined as a different Yjs type', () => {
    const doc = new Y.Doc();
    doc.getArray('plan').push([1]);
    expect(codes(doc)).toEqual(['doc-unreadable']);
  });

  it('never throws on random Yjs operations on a valid document: the result is a plan or issues', () => {
    const tag = fc.constantFrom('map', 'text', 'array', 'bytes', 'proto', 'huge', 'doc');
    const value = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 8 }),
      fc.constantFrom(null, true, '2024', '-1.5', '1e9', ''),
      fc.jsonValue({ maxDepth: 3 }),
      tag,
    );
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'name', 'amounts', 'amount', 'type', 'order', 'costs', 'changes'),
      fc.constantFrom(...plan.years.map(String), ...plan.costs.map((c) => c.id)),
      fc.string({ maxLength: 4 }),
    );
    const op = fc.record({
      walk: fc.array(fc.nat(), { maxLength: 5 }),
      kind: fc.constantFrom('set', 'delete', 'insert', 'remove'),
      key,
      index: fc.nat(),
      value,
    });
    const materialize = (v: unknown): unknown => {
      switch (v) {
        case 'map':
          return new Y.Map([['type', 'yearly']]);
        case 'text':
          return new Y.Text('t');
        case 'array':
          return Y.Array.from(['c0', 1]);
        case 'bytes':
          return new Uint8Array([0, 1]);
        case 'proto':
          return JSON.parse('{"__proto__": {"polluted": true}}');
        case 'huge':
          return 'y'.repeat(100_000);
        case 'doc':
          return new Y.Doc();
        default:
          return v;
      }
    };
    const edits: PlanEdit[] = [
      { type: 'set-amount', collection: 'costs', id: firstCost.id, year: plan.years[0] as number, value: '5' },
      { type: 'set-name', name: 'Nytt namn' },
      { type: 'set-line', collection: 'costs', id: firstCost.id, patch: { name: 'Ny rad' } },
      { type: 'remove-scenario', id: 'sc0' },
    ];
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const doc = planToDoc(plan);
        for (const o of ops) {
          let target: Node = planRoot(doc);
          for (const step of o.walk) {
            const children: unknown[] =
              target instanceof Y.Map ? [...target.values()] : target instanceof Y.Array ? target.toArray() : [];
            const next = children.filter((c) => c instanceof Y.Map || c instanceof Y.Array || c instanceof Y.Text);
            if (!next.length) break;
            target = next[step % next.length] as Node;
          }
          if (target instanceof Y.Map) {
            if (o.kind === 'delete' || o.kind === 'remove') target.delete(o.key);
            else target.set(o.key, materialize(o.value));
          } else if (target instanceof Y.Array) {
            const at = o.index % (target.length + 1);
            if (o.kind === 'delete' || o.kind === 'remove') {
              if (target.length) target.delete(o.index % target.length, 1);
            } else target.insert(at, [materialize(o.value)]);
          } else if (target instanceof Y.Text) {
            if (o.kind === 'delete' && target.length) target.delete(o.index % target.length, 1);
            else target.insert(o.index % (target.length + 1), String(o.value).slice(0, 5));
          }
        }
        for (const d of [doc, remote(doc)]) {
          const r = docToPlan(d);
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(typeof e.code === 'string' && typeof e.message === 'string').toBe(true);
          }
        }
        // A store over the damaged document keeps working and never throws on an edit.
        const store = createYjsPlanStore(doc, { origin: 'fuzz', fallback: plan });
        for (const edit of edits) expect(store.apply(edit)).toHaveProperty('ok');
        store.destroy();
      }),
      { numRuns: 100, seed: 20250101 },
    );
  });
});
