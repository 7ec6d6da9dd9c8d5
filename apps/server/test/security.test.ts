import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../src/index.ts';
import { token } from './fixtures/testHooks.ts';
import {
  connectClient,
  destroyClients,
  docFromStorage,
  expectServerServes,
  openRaw,
  type RawClient,
  startServer,
  syncFrame,
  tempDatabase,
  waitFor,
} from './helpers.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;

/** A real Yjs update that sets `key` in the map `m`. */
function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, 'written by someone who may not');
  return Y.encodeStateAsUpdate(doc);
}

/** Opens a raw connection and waits for the server's first frame (its SyncStep1): the connection has joined. */
async function joinRaw(port: number, room: string, clientToken: string): Promise<RawClient> {
  const raw = openRaw(port, room, clientToken);
  await raw.opened;
  await waitFor(() => raw.frames.length > 0 || raw.closeCode() !== null, 'the server greeted the raw client');
  return raw;
}

describe('security', () => {
  let database: ReturnType<typeof tempDatabase>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let port: number;
  beforeAll(async () => {
    database = tempDatabase();
    running = await startServer(database.file, { maxMessageBytes: MAX_MESSAGE_BYTES });
    port = running.server.port;
    const owner = connectClient(port, 'secret', token('owner', 'owner', 'secret'));
    await waitFor(() => owner.synced(), 'owner synced');
    owner.map.set('base', 'by the owner');
    await waitFor(() => docFromStorage(running.storage, 'secret').getMap('m').has('base'), 'base stored');
    destroyClients();
  });
  afterAll(async () => {
    destroyClients();
    await running.stop();
    database.remove();
  });

  it('closes a connection without a token with Unauthorized (4401)', async () => {
    expect((await openRaw(port, 'secret').closed).code).toBe(closeCodes.Unauthorized);
    expect((await openRaw(port, 'secret', 'not-a-token').closed).code).toBe(closeCodes.Unauthorized);
    await expectServerServes(port, 'after-unauthorized');
  });

  it('closes a user without access to the room with Forbidden (4403)', async () => {
    const raw = openRaw(port, 'secret', token('mallory', 'editor', 'her-own-plan,another'));
    expect((await raw.closed).code).toBe(closeCodes.Forbidden);
    // The same token works for a room it names.
    const allowed = await joinRaw(port, 'her-own-plan', token('mallory', 'editor', 'her-own-plan,another'));
    expect(allowed.closeCode()).toBeNull();
    allowed.socket.close();
    await expectServerServes(port, 'after-forbidden');
  });

  it('lets a viewer sync and follow along', async () => {
    const viewer = connectClient(port, 'secret', token('vera', 'viewer', 'secret'));
    const editor = connectClient(port, 'secret', token('eddie', 'editor', 'secret'));
    await waitFor(() => viewer.synced() && editor.synced(), 'both synced');
    expect(viewer.map.get('base')).toBe('by the owner');
    editor.map.set('later', 1);
    await waitFor(() => viewer.map.get('later') === 1, 'the viewer follows edits');
    expect(viewer.provider.wsconnected).toBe(true);
    destroyClients();
  });

  it('closes a viewer that sends an update with ReadOnly (4409) and stores nothing of it', async () => {
    const editor = connectClient(port, 'secret', token('eddie', 'editor', 'secret'));
    await waitFor(() => editor.synced(), 'editor synced');
    const rowsBefore = running.storage.load('secret').length;
    for (const [syncType, key] of [
      [2, 'evil-update'],
      [1, 'evil-sync-step-2'],
    ] as const) {
      for (const role of ['viewer', 'commenter']) {
        const raw = await joinRaw(port, 'secret', token(`${role}-${key}`, role, 'secret'));
        raw.socket.send(syncFrame(syncType, updateSetting(`${key}-${role}`)));
        expect((await raw.closed).code).toBe(closeCodes.ReadOnly);
      }
    }
    // A viewer's own provider, editing locally, is closed the same way and does not reconnect.
    const viewer = connectClient(port, 'secret', token('vera', 'viewer', 'secret'));
    await waitFor(() => viewer.synced(), 'viewer synced');
    let closedWith: number | null = null;
    viewer.provider.on('closed', (event: { code: number }) => {
      closedWith = event.code;
    });
    viewer.map.set('evil-provider', true);
    await waitFor(() => closedWith !== null, 'the viewer provider was closed');
    expect(closedWith).toBe(closeCodes.ReadOnly);

    const stored = docFromStorage(running.storage, 'secret').getMap('m');
    expect([...stored.keys()].filter((key) => key.startsWith('evil'))).toEqual([]);
    expect(stored.get('base')).toBe('by the owner');
    expect(running.storage.load('secret').length).toBe(rowsBefore);
    expect([...editor.map.keys()].filter((key) => key.startsWith('evil'))).toEqual([]);
    destroyClients();
    await expectServerServes(port, 'secret');
  });

  it('closes a connection that sends a message over maxMessageBytes with MessageTooLarge (4413)', async () => {
    const raw = await joinRaw(port, 'big', token('bigmouth', 'editor'));
    raw.socket.send(syncFrame(2, new Uint8Array(MAX_MESSAGE_BYTES + 1)));
    expect((await raw.closed).code).toBe(closeCodes.MessageTooLarge);
    expect(running.storage.load('big')).toEqual([]);
    await expectServerServes(port, 'big');
  });

  it('closes text frames and bad room names with BadMessage (4400)', async () => {
    const raw = await joinRaw(port, 'texty', token('texter', 'editor'));
    raw.socket.send('hello');
    expect((await raw.closed).code).toBe(closeCodes.BadMessage);
    expect((await openRaw(port, '%E0%A4%A', token('x', 'editor')).closed).code).toBe(closeCodes.BadMessage);
    await expectServerServes(port, 'texty');
  });
});
