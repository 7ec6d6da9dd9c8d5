import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCodes, createCollabServer, createSqliteStorage, type DocStorage } from '../src/index.ts';
import { testHooks, token } from './fixtures/testHooks.ts';
import {
  type Client,
  connectClient,
  destroyClients,
  docFromStorage,
  startServer,
  tempDatabase,
  waitFor,
} from './helpers.ts';
import { killServerProcess, killServerProcesses, spawnServerProcess } from './serverProcesses.ts';

describe('durability', () => {
  let database: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    database = tempDatabase();
  });
  afterEach(async () => {
    destroyClients();
    await killServerProcesses();
    database.remove();
  });

  it('keeps every update across a server restart on the same SQLite file', async () => {
    const first = await startServer(database.file);
    const writer = connectClient(first.server.port, 'plan', token('anna', 'editor'));
    const observer = connectClient(first.server.port, 'plan', token('olle', 'viewer'));
    await waitFor(() => writer.synced() && observer.synced(), 'synced');
    for (let i = 0; i < 20; i++) writer.map.set(`k${i}`, i);
    writer.doc.getText('name').insert(0, 'Verksamhetsplan 2025');
    writer.doc.getText('name').delete(0, 'Verksamhets'.length);
    await waitFor(
      () => observer.map.size === 20 && observer.doc.getText('name').toString() === 'plan 2025',
      'the observer has every edit (so the server has committed them)',
    );
    destroyClients();
    await first.stop();

    const second = await startServer(database.file);
    try {
      const reader = connectClient(second.server.port, 'plan', token('rut', 'viewer'));
      await waitFor(() => reader.synced(), 'the new client synced');
      expect(reader.map.toJSON()).toEqual(writer.map.toJSON());
      expect(reader.doc.getText('name').toString()).toBe('plan 2025');
    } finally {
      destroyClients();
      await second.stop();
    }
  });

  it('keeps every acknowledged update when the server process is killed with SIGKILL', async () => {
    const first = await spawnServerProcess('serverProcess.ts', [database.file]);
    // The observer defines "acknowledged": the server relays an update only after committing it.
    const observer = connectClient(first.port, 'crash', token('observer', 'viewer'));
    const writers: Client[] = [];
    for (let w = 0; w < 5; w++) writers.push(connectClient(first.port, 'crash', token(`writer${w}`, 'editor')));
    await waitFor(() => observer.synced() && writers.every((writer) => writer.synced()), 'all synced');

    const write = (from: number, to: number) =>
      writers.forEach((writer, w) => {
        for (let n = from; n < to; n++) writer.map.set(`w${w}-${n}`, n); // one transaction, one update each
      });
    write(0, 50);
    await waitFor(() => observer.map.size === 250, 'all 250 updates acknowledged');

    // A second wave, killed while it is in flight.
    write(50, 100);
    await waitFor(() => observer.map.size >= 260, 'part of the second wave acknowledged');
    await killServerProcess(first.child, 'SIGKILL');
    await waitFor(() => !observer.provider.wsconnected, 'the observer noticed the crash');
    const acknowledged = [...observer.map.keys()];
    destroyClients(); // the writers must not re-send their edits to the new server

    const second = await spawnServerProcess('serverProcess.ts', [database.file]);
    const checker = connectClient(second.port, 'crash', token('checker', 'viewer'));
    await waitFor(() => checker.synced(), 'the checker synced with the restarted server');
    const missing = acknowledged.filter((key) => !checker.map.has(key));
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(260);
    for (let w = 0; w < 5; w++) for (let n = 0; n < 50; n++) expect(checker.map.get(`w${w}-${n}`)).toBe(n);
  });

  it('drops a room whose storage fails (1011, nothing relayed); clients reconnect and their edits are stored', async () => {
    const storage = createSqliteStorage(database.file);
    let failNext = false;
    const flaky: DocStorage = {
      ...storage,
      append: (room, update) => {
        if (!failNext) return storage.append(room, update);
        failNext = false;
        throw new Error('disk full');
      },
    };
    const errors: string[] = [];
    const server = await createCollabServer({
      storage: flaky,
      hooks: testHooks,
      port: 0,
      host: '127.0.0.1',
      onError: (error) => errors.push(String(error)),
    });
    try {
      const writer = connectClient(server.port, 'flaky', token('anna', 'editor'));
      const observer = connectClient(server.port, 'flaky', token('olle', 'viewer'));
      await waitFor(() => writer.synced() && observer.synced(), 'synced');
      const closes: number[] = [];
      let observerHadX: boolean | null = null;
      for (const client of [writer, observer]) {
        client.provider.on('connection-close', (event: { code: number } | null) => {
          if (event) closes.push(event.code);
          if (client === observer) observerHadX ??= observer.map.has('x');
        });
      }
      failNext = true;
      writer.map.set('x', 1);
      await waitFor(() => closes.length === 2, 'both clients were closed');
      expect(closes).toEqual([closeCodes.InternalError, closeCodes.InternalError]);
      expect(observerHadX).toBe(false); // the failed update was never relayed
      expect(errors.some((error) => error.includes('disk full'))).toBe(true);

      await waitFor(() => observer.map.get('x') === 1, 'after reconnecting, the edit is re-sent, stored and relayed');
      expect(docFromStorage(storage, 'flaky').getMap('m').get('x')).toBe(1);
    } finally {
      destroyClients();
      await server.close();
      storage.close();
    }
  });
});
