import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteStorage } from '../src/index.ts';
import { token } from './fixtures/testHooks.ts';
import { connectClient, destroyClients, docFromStorage, startServer, tempDatabase, waitFor } from './helpers.ts';

describe('unloading and compaction', () => {
  let database: ReturnType<typeof tempDatabase>;
  let running: Awaited<ReturnType<typeof startServer>> | null = null;
  beforeEach(() => {
    database = tempDatabase();
  });
  afterEach(async () => {
    destroyClients();
    await running?.stop();
    running = null;
    database.remove();
  });

  it('unloads a room when its last client leaves, compacted to one stored row, and reloads it', async () => {
    running = await startServer(database.file);
    const { server, storage } = running;
    const a = connectClient(server.port, 'quiet', token('anna', 'editor'));
    const b = connectClient(server.port, 'quiet', token('bo', 'editor'));
    const other = connectClient(server.port, 'busy', token('cecilia', 'editor'));
    await waitFor(() => a.synced() && b.synced() && other.synced(), 'synced');
    for (let i = 0; i < 30; i++) a.map.set(`k${i}`, i);
    b.doc.getText('name').insert(0, 'Plan');
    await waitFor(() => b.map.size === 30 && a.doc.getText('name').toString() === 'Plan', 'edits relayed');
    expect(server.roomsInMemory().sort()).toEqual(['busy', 'quiet']);
    expect(storage.load('quiet').length).toBe(31);

    a.provider.destroy();
    expect(server.roomsInMemory()).toContain('quiet');
    b.provider.destroy();
    await waitFor(() => !server.roomsInMemory().includes('quiet'), 'the room left memory');
    expect(server.roomsInMemory()).toEqual(['busy']);
    const rows = storage.load('quiet');
    expect(rows).toHaveLength(1);
    const stored = docFromStorage(storage, 'quiet');
    expect(stored.getMap('m').size).toBe(30);
    expect(stored.getText('name').toString()).toBe('Plan');

    const c = connectClient(server.port, 'quiet', token('cecilia', 'viewer'));
    await waitFor(() => c.synced(), 'a new client synced with the reloaded room');
    expect(c.map.toJSON()).toEqual(stored.getMap('m').toJSON());
    expect(c.doc.getText('name').toString()).toBe('Plan');
  });

  it('compacts in the background every N updates while clients stay', async () => {
    running = await startServer(database.file, { compactEvery: 10 });
    const { server, storage } = running;
    const writer = connectClient(server.port, 'long', token('anna', 'editor'));
    const reader = connectClient(server.port, 'long', token('bo', 'viewer'));
    await waitFor(() => writer.synced() && reader.synced(), 'synced');
    for (let i = 0; i < 25; i++) writer.map.set(`k${i}`, i);
    await waitFor(() => reader.map.size === 25, 'all relayed');
    // 25 appends with compaction after every 10th: one merged row for the first 20, then 5 single ones.
    expect(storage.load('long')).toHaveLength(6);
    expect(server.roomsInMemory()).toEqual(['long']);
    expect(docFromStorage(storage, 'long').getMap('m').toJSON()).toEqual(writer.map.toJSON());
  });

  it('compaction in storage keeps updates appended after upToId and their order', () => {
    const storage = createSqliteStorage(database.file);
    try {
      const doc = new Y.Doc();
      const ids: number[] = [];
      doc.on('update', (update: Uint8Array) => ids.push(storage.append('r', update)));
      for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i);
      storage.append('another room', new Uint8Array([0, 0]));
      const state = Y.encodeStateAsUpdate(doc);
      const upToId = ids.at(-1) ?? 0;
      doc.getMap('m').set('after', true);
      storage.compact('r', state, upToId);
      const rows = storage.load('r');
      expect(rows.map((row) => row.id)).toEqual([upToId, ids.at(-1)]);
      expect(Array.from(rows[0]?.update ?? [])).toEqual(Array.from(state));
      expect(docFromStorage(storage, 'r').getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
      expect(storage.load('another room')).toHaveLength(1);
    } finally {
      storage.close();
    }
  });
});
