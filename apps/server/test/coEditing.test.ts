import { isDeepStrictEqual } from 'node:util';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type CollabServer, createCollabServer, type DocStorage } from '../src/index.ts';
import { testHooks, token } from './fixtures/testHooks.ts';
import {
  awarenessFrame,
  connectClient,
  destroyClients,
  docFromStorage,
  openRaw,
  startServer,
  syncFrame,
  tempDatabase,
  waitFor,
} from './helpers.ts';

describe('co-editing one room', () => {
  let database: ReturnType<typeof tempDatabase>;
  let running: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    database = tempDatabase();
    running = await startServer(database.file);
  });
  afterEach(async () => {
    destroyClients();
    await running.stop();
    database.remove();
  });

  it('converges on concurrent edits to different keys, the same key and one text; a later client gets everything', async () => {
    const { port } = running.server;
    const a = connectClient(port, 'plan-1', token('anna', 'editor'));
    const b = connectClient(port, 'plan-1', token('bo', 'owner'));
    await waitFor(() => a.synced() && b.synced(), 'both clients synced');

    // Both edit in the same tick, before either can have heard of the other's edit: truly concurrent.
    a.map.set('a', 1);
    b.map.set('b', 2);
    a.map.set('same', 'from anna');
    b.map.set('same', 'from bo');
    a.doc.getText('name').insert(0, 'Budget ');
    b.doc.getText('name').insert(0, '2025');

    const same = (x: Y.Doc, y: Y.Doc) => isDeepStrictEqual(x.toJSON(), y.toJSON());
    await waitFor(() => a.map.has('b') && b.map.has('a') && same(a.doc, b.doc), 'a and b converged');
    expect(a.map.get('a')).toBe(1);
    expect(a.map.get('b')).toBe(2);
    expect(['from anna', 'from bo']).toContain(a.map.get('same'));
    expect(a.doc.getText('name').toString()).toHaveLength('Budget 2025'.length);
    expect(a.doc.getText('name').toString()).toContain('Budget ');
    expect(a.doc.getText('name').toString()).toContain('2025');

    const c = connectClient(port, 'plan-1', token('cecilia', 'viewer'));
    c.doc.getText('name'); // toJSON lists only the root types a doc has asked for
    await waitFor(() => c.synced() && same(c.doc, a.doc), 'the late client has everything');
    expect(c.map.get('same')).toBe(a.map.get('same'));
  });

  it('keeps rooms apart', async () => {
    const { port } = running.server;
    const a = connectClient(port, 'plan-a', token('anna', 'editor'));
    const b = connectClient(port, 'plan-b', token('bo', 'editor'));
    await waitFor(() => a.synced() && b.synced(), 'both synced');
    a.map.set('only-in-a', true);
    const a2 = connectClient(port, 'plan-a', token('anna2', 'editor'));
    await waitFor(() => a2.synced() && a2.map.get('only-in-a') === true, 'a second client of plan-a sees the edit');
    expect(b.map.has('only-in-a')).toBe(false);
    expect(docFromStorage(running.storage, 'plan-b').getMap('m').has('only-in-a')).toBe(false);
  });

  it('relays presence (awareness) and removes a client’s states when its connection drops', async () => {
    const { port } = running.server;
    const watcher = connectClient(port, 'plan-1', token('watcher', 'viewer'));
    const talker = connectClient(port, 'plan-1', token('talker', 'commenter'));
    await waitFor(() => watcher.synced() && talker.synced(), 'both synced');
    talker.provider.awareness.setLocalStateField('user', { name: 'Talker' });
    const talkerId = talker.doc.clientID;
    await waitFor(
      () => watcher.provider.awareness.getStates().get(talkerId)?.user?.name === 'Talker',
      'presence relayed',
    );

    // A raw client announces presence, then vanishes without a goodbye: the server must clear its state.
    const raw = openRaw(port, 'plan-1', token('ghost', 'viewer'));
    await raw.opened;
    const ghost = new Y.Doc();
    const ghostAwareness = new Awareness(ghost);
    ghostAwareness.setLocalState({ user: { name: 'Ghost' } });
    const framesBefore = raw.frames.length;
    raw.socket.send(awarenessFrame(encodeAwarenessUpdate(ghostAwareness, [ghost.clientID])));
    await waitFor(() => watcher.provider.awareness.getStates().has(ghost.clientID), 'ghost presence relayed');
    // The sender hears its own presence back: a client alone in a room relies on it to stay connected.
    await waitFor(
      () => raw.frames.slice(framesBefore).some((frame) => awarenessClients(frame).includes(ghost.clientID)),
      'the ghost hears its own presence back',
    );
    raw.socket.terminate();
    await waitFor(() => !watcher.provider.awareness.getStates().has(ghost.clientID), 'ghost presence removed');
    expect(watcher.provider.awareness.getStates().has(talkerId)).toBe(true);
    ghostAwareness.destroy();
  });

  it('answers no client before the room is loaded completely from storage', async () => {
    const stored = new Y.Doc();
    stored.on('update', (update: Uint8Array) => running.storage.append('gated', update));
    for (let i = 0; i < 5; i++) stored.getMap('m').set(`stored-${i}`, i);

    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let loadStarted = false;
    const slowStorage: DocStorage = {
      ...running.storage,
      load: async (room) => {
        if (room !== 'gated') return running.storage.load(room);
        loadStarted = true;
        await gate;
        return running.storage.load(room);
      },
    };
    const server: CollabServer = await createCollabServer({
      storage: slowStorage,
      hooks: testHooks,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const raw = openRaw(server.port, 'gated', token('early', 'editor'));
      await raw.opened;
      raw.socket.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
      await waitFor(() => loadStarted, 'the room started loading');
      // A full round trip through the same server (another room) proves it had time to answer, had it wanted to.
      const other = connectClient(server.port, 'other-room', token('other', 'editor'));
      await waitFor(() => other.synced(), 'a client of another room synced');
      expect(raw.frames).toHaveLength(0);

      release();
      await waitFor(() => raw.frames.some((frame) => frame[0] === 0 && frame[1] === 1), 'the SyncStep2 answer');
      const answer = raw.frames.find((frame) => frame[0] === 0 && frame[1] === 1);
      const received = new Y.Doc();
      Y.applyUpdate(received, (answer ?? new Uint8Array()).subarray(3));
      expect(received.getMap('m').size).toBe(5);
      raw.socket.close();
    } finally {
      destroyClients();
      await server.close();
    }
  });

  it('runs the hooks: onLoad seeds a new room, onStore after the commit, onChange with the origin', async () => {
    await running.stop();
    const stores: { room: string; committed: boolean }[] = [];
    const origins: unknown[] = [];
    let loads = 0;
    running = await startServer(database.file, {
      hooks: {
        ...testHooks,
        onLoad: ({ doc }) => {
          loads++;
          if (doc.getMap('m').size === 0) doc.getMap('m').set('seeded', true);
        },
        onStore: ({ room, update }) => {
          const rows = running.storage.load(room);
          stores.push({ room, committed: Buffer.from(rows.at(-1)?.update ?? []).equals(Buffer.from(update)) });
        },
        onChange: ({ origin }) => {
          origins.push(origin);
        },
      },
    });
    const a = connectClient(running.server.port, 'hooked', token('anna', 'editor'));
    await waitFor(() => a.synced() && a.map.get('seeded') === true, 'the seed reached the client');
    a.map.set('x', 1);
    await waitFor(() => stores.length === 2 && origins.length === 2, 'two stored changes');
    expect(loads).toBe(1);
    expect(stores).toEqual([
      { room: 'hooked', committed: true },
      { room: 'hooked', committed: true },
    ]);
    expect(origins[1]).toMatchObject({ userId: 'anna', role: 'editor' });
    expect(docFromStorage(running.storage, 'hooked').getMap('m').toJSON()).toEqual({ seeded: true, x: 1 });
  });
});

/** The client ids in an awareness frame ([1, payload]); none for any other frame. */
function awarenessClients(frame: Uint8Array): number[] {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 1) return [];
  const payload = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const ids: number[] = [];
  for (let count = decoding.readVarUint(payload); count > 0; count--) {
    ids.push(decoding.readVarUint(payload));
    decoding.readVarUint(payload); // clock
    decoding.readVarString(payload); // state
  }
  return ids;
}
