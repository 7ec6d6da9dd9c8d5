import { type Plan, type PlanInput, parsePlan } from '@samplan/engine';
import { createUndoManager, createYjsPlanStore, planToDoc } from '@samplan/plan-doc';
import { createLocalPlanStore, type PlanStore } from '@samplan/plan-store';
import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../worker/createEngineClient.ts';
import type { ProjectResponse } from '../worker/engineApi.ts';
import { createPlanSession } from './createPlanSession.ts';

const plan = (): Plan => {
  const zero = { '2025': '0', '2026': '0' };
  const input: PlanInput = {
    name: 'Prov',
    years: [2025, 2026],
    members: [
      { id: 'staten', name: 'Staten', group: 'state', amounts: zero },
      { id: 'region', name: 'Regionen', group: 'region', amounts: zero },
      { id: 'kommun-1', name: 'Kommunen', group: 'kommun', amounts: zero },
    ],
  };
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
};

/** An engine that answers nothing by itself: the test delivers results through `deliver`. */
const fakeEngine = () => {
  const listeners = new Set<(r: ProjectResponse) => void>();
  const requested: Plan[] = [];
  const engine = {
    project: (p: Plan) => requested.push(p),
    onResult(listener: (r: ProjectResponse) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latestRequest: () => requested.length,
  } as unknown as EngineClient;
  const deliver = (r: ProjectResponse) => {
    for (const l of listeners) l(r);
  };
  return { engine, requested, deliver };
};

const storage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

const esf = (projectId: string) =>
  [
    { id: projectId, name: 'Projekt', status: 'approved' },
    { id: 'esf-line', kind: 'esf', name: 'ESF-stöd Projekt', project: projectId, amounts: {} },
  ] as const;

const counting = (store: PlanStore) => {
  let notifications = 0;
  store.subscribe(() => notifications++);
  return () => notifications;
};

describe('createPlanSession', () => {
  it('adds an ESF project and its line in one change, or neither when a step is refused (local plan)', () => {
    const store = createLocalPlanStore(plan());
    const notified = counting(store);
    const session = createPlanSession({ store, engine: fakeEngine().engine, storage: storage() });

    const [project, line] = esf('p1');
    expect(session.budget.addEsfProject({ ...project }, { ...line }).ok).toBe(true);
    expect(session.plan.get().esfProjects.map((p) => p.id)).toEqual(['p1']);
    expect(session.plan.get().revenues.map((r) => r.id)).toContain('esf-line');
    expect(notified()).toBe(1);

    // The same line id again: the second step fails, so the new project is not added either.
    const before = session.plan.get();
    const again = session.budget.addEsfProject({ ...project, id: 'p2' }, { ...line, project: 'p2' });
    expect(again.ok).toBe(false);
    expect(session.plan.get()).toBe(before);
    expect(notified()).toBe(1);
  });

  it('writes a shared plan’s batch as one transaction: one update for the others, one undo step', () => {
    const doc = planToDoc(plan());
    const origin = { userId: 'u', clientId: doc.clientID };
    const store = createYjsPlanStore(doc, { origin });
    const undo = createUndoManager(doc, origin);
    const session = createPlanSession({ store, engine: fakeEngine().engine, doc: { doc, origin }, storage: storage() });
    let updates = 0;
    doc.on('update', () => updates++);

    const [project, line] = esf('p1');
    expect(session.budget.addEsfProject({ ...project }, { ...line }).ok).toBe(true);
    expect(updates).toBe(1);
    expect(store.getPlan().esfProjects.map((p) => p.id)).toEqual(['p1']);
    expect(store.getPlan().revenues.some((r) => r.id === 'esf-line')).toBe(true);

    const refused = session.budget.addEsfProject({ ...project, id: 'p2' }, { ...line, project: 'p2' });
    expect(refused.ok).toBe(false);
    expect(updates).toBe(1);

    undo.undo();
    expect(store.getPlan().esfProjects).toEqual([]);
    expect(store.getPlan().revenues.some((r) => r.id === 'esf-line')).toBe(false);
  });

  it('makes each change of the years its own undo step in a shared plan', () => {
    const doc = planToDoc(plan());
    const origin = { userId: 'u', clientId: doc.clientID };
    const store = createYjsPlanStore(doc, { origin });
    // A long capture window: without a step of its own, the year would be undone with the amount.
    const undoManager = createUndoManager(doc, origin, { captureTimeout: 60_000 });
    const session = createPlanSession({ store, engine: fakeEngine().engine, doc: { doc, origin, undoManager } });
    expect(
      session.apply({ type: 'set-amount', collection: 'members', id: 'staten', year: 2025, value: '100' }).ok,
    ).toBe(true);
    expect(session.years.add().ok).toBe(true);
    expect(store.getPlan().years).toEqual([2025, 2026, 2027]);

    undoManager.undo();
    expect(store.getPlan().years).toEqual([2025, 2026]);
    expect(store.getPlan().members.find((m) => m.id === 'staten')?.amounts?.['2025']).toBe('100');
  });

  it('refuses every edit for a read-only person, in the UI’s language', () => {
    const store = createLocalPlanStore(plan());
    const session = createPlanSession({ store, engine: fakeEngine().engine, readOnly: true, storage: storage() });
    const result = session.years.add();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe('read-only');
    expect(session.plan.get().years).toEqual([2025, 2026]);
  });

  it('projects every plan change once started, and notifies only the stores that changed', () => {
    const store = createLocalPlanStore(plan());
    const { engine, requested, deliver } = fakeEngine();
    const session = createPlanSession({ store, engine, storage: storage() });
    const stop = session.start();
    expect(requested).toHaveLength(1);

    let projections = 0;
    let settings = 0;
    session.projections.subscribe(() => projections++);
    session.settings.subscribe(() => settings++);
    expect(session.years.add().ok).toBe(true);
    expect(requested).toHaveLength(2);
    expect(requested[1]?.years).toEqual([2025, 2026, 2027]);

    const response = { requestId: 2 } as ProjectResponse;
    deliver(response);
    expect(session.projections.get()).toBe(response);
    expect([projections, settings]).toEqual([1, 0]);

    session.settings.setUnit('kr');
    expect(session.settings.get().unit).toBe('kr');
    expect([projections, settings]).toEqual([1, 1]);

    stop();
    session.years.add();
    expect(requested).toHaveLength(2);
  });
});
