import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabPlugin, closeCodes, type UpdateContext } from '../src/index.ts';
import { testHooks, token } from './fixtures/testHooks.ts';
import {
  connectClient,
  destroyClients,
  docFromStorage,
  openRaw,
  type RawClient,
  startServer,
  syncFrame,
  tempDatabase,
  waitFor,
} from './helpers.ts';

/** A real Yjs update that sets `key` in the map `m`. */
function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

/** The keys an update sets in the map `m`. */
function keysOf(update: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return [...doc.getMap('m').keys()];
}

async function joinRaw(port: number, room: string, clientToken: string): Promise<RawClient> {
  const raw = openRaw(port, room, clientToken);
  await raw.opened;
  await waitFor(() => raw.frames.length > 0 || raw.closeCode() !== null, 'the server greeted the raw client');
  return raw;
}

/** A plug-in that refuses updates setting a key that starts with `prefix`, and records what it was asked. */
function refusing(name: string, prefix: string, code: number, asked: string[]): CollabPlugin {
  return {
    name,
    beforeApplyUpdate({ update }) {
      const keys = keysOf(update);
      asked.push(...keys);
      return keys.some((key) => key.startsWith(prefix))
        ? { accept: false, code: code as typeof closeCodes.ReadOnly, reason: `${name} says no` }
        : { accept: true };
    },
  };
}

describe('beforeApplyUpdate', () => {
  const database = tempDatabase();
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    destroyClients();
    await stop?.();
    stop = null;
  });
  afterAll(() => database.remove());

  it('asks the plug-ins in order, then the hooks; the first refusal closes with its code and nothing is stored', async () => {
    const askedA: string[] = [];
    const askedB: string[] = [];
    const seen: { room: string; user: string; role: string; hadKey: boolean }[] = [];
    const running = await startServer(`${database.file}.order`, {
      plugins: [
        refusing('first', 'no-a', closeCodes.ReadOnly, askedA),
        refusing('second', 'no-b', closeCodes.Forbidden, askedB),
      ],
      hooks: {
        ...testHooks,
        beforeApplyUpdate: ({ room, doc, update, connection }: UpdateContext) => {
          const [key = ''] = keysOf(update);
          // The room's document before the update: the key is not there yet.
          seen.push({ room, user: connection.userId, role: connection.role, hadKey: doc.getMap('m').has(key) });
          return key.startsWith('no-hook')
            ? { accept: false, code: closeCodes.BadMessage, reason: 'the hook says no' }
            : { accept: true };
        },
      },
    });
    stop = running.stop;
    const { port } = running.server;

    const cases: [string, number, string][] = [
      ['no-a-and-no-b', closeCodes.ReadOnly, 'first says no'],
      ['no-b', closeCodes.Forbidden, 'second says no'],
      ['no-hook', closeCodes.BadMessage, 'the hook says no'],
    ];
    for (const [key, code, reason] of cases) {
      const raw = await joinRaw(port, 'plugged', token(`user-${key}`, 'editor'));
      raw.socket.send(syncFrame(2, updateSetting(key)));
      expect(await raw.closed).toEqual({ code, reason });
    }
    // The first refusal wins: the second plug-in never saw the update the first refused.
    expect(askedA).toEqual(['no-a-and-no-b', 'no-b', 'no-hook']);
    expect(askedB).toEqual(['no-b', 'no-hook']);
    expect(seen).toEqual([{ room: 'plugged', user: 'user-no-hook', role: 'editor', hadKey: false }]);
    expect(running.storage.load('plugged')).toEqual([]);

    // What every check accepts is applied, stored and relayed as before.
    const writer = connectClient(port, 'plugged', token('writer', 'editor'));
    const reader = connectClient(port, 'plugged', token('reader', 'editor'));
    await waitFor(() => writer.synced() && reader.synced(), 'both synced');
    writer.map.set('fine', 1);
    await waitFor(() => reader.map.get('fine') === 1, 'the accepted edit relayed');
    expect(docFromStorage(running.storage, 'plugged').getMap('m').get('fine')).toBe(1);
    expect(seen.at(-1)).toEqual({ room: 'plugged', user: 'writer', role: 'editor', hadKey: false });
  });

  it('waits for an asynchronous verdict, and refuses an update whose check throws with InternalError', async () => {
    const errors: string[] = [];
    const running = await startServer(`${database.file}.async`, {
      plugins: [
        {
          name: 'slow',
          beforeApplyUpdate: async ({ update }) => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            if (keysOf(update).includes('explode')) throw new Error('policy bug');
            return { accept: true };
          },
        },
      ],
      onError: (error, context) => errors.push(`${context}: ${String(error)}`),
    });
    stop = running.stop;
    const { port } = running.server;

    const raw = await joinRaw(port, 'slow', token('boom', 'editor'));
    raw.socket.send(syncFrame(2, updateSetting('explode')));
    expect((await raw.closed).code).toBe(closeCodes.InternalError);
    expect(errors).toEqual(['beforeApplyUpdate of slow in room slow: Error: policy bug']);
    expect(running.storage.load('slow')).toEqual([]);

    // Several updates in a row keep their order while each waits for its verdict.
    const writer = connectClient(port, 'slow', token('writer', 'editor'));
    const reader = connectClient(port, 'slow', token('reader', 'editor'));
    await waitFor(() => writer.synced() && reader.synced(), 'both synced');
    for (let i = 0; i < 5; i++) writer.map.set('counter', i);
    await waitFor(() => reader.map.get('counter') === 4, 'the last value relayed');
    expect(docFromStorage(running.storage, 'slow').getMap('m').get('counter')).toBe(4);
  });

  it('enforces no role without plug-ins: the role checks are plug-ins, not the core', async () => {
    const running = await startServer(`${database.file}.bare`, { plugins: [] });
    stop = running.stop;
    const raw = await joinRaw(running.server.port, 'bare', token('vera', 'viewer'));
    raw.socket.send(syncFrame(2, updateSetting('by-a-viewer')));
    await waitFor(() => docFromStorage(running.storage, 'bare').getMap('m').has('by-a-viewer'), 'stored');
    expect(raw.closeCode()).toBeNull();
    raw.socket.close();
  });
});
