import * as encoding from 'lib0/encoding';
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

/** mulberry32: a small seeded PRNG, so every run sends the same 200 frames. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261122;
const FRAMES = 200;
const CONNECTIONS = 6;

/** Builds the hostile frames: random bytes, real message types with garbage payloads, truncations. */
function hostileFrames(random: () => number): (Uint8Array | string)[] {
  const int = (below: number) => Math.floor(random() * below);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  const withVarUints = (...parts: (number | Uint8Array)[]) => {
    const encoder = encoding.createEncoder();
    for (const part of parts) {
      if (typeof part === 'number') encoding.writeVarUint(encoder, part);
      else encoding.writeVarUint8Array(encoder, part);
    }
    return encoding.toUint8Array(encoder);
  };
  const realUpdate = () => {
    const doc = new Y.Doc();
    doc.getMap('m').set(`k${int(1000)}`, 'x'.repeat(int(50)));
    doc.getText('t').insert(0, 'fuzz');
    doc.getText('t').delete(0, 2);
    return Y.encodeStateAsUpdate(doc);
  };
  const kinds: (() => Uint8Array | string)[] = [
    () => bytes(int(64)), // random bytes, maybe empty
    () => withVarUints(0, int(4), bytes(int(40))), // sync, any sub-type, garbage payload
    () => withVarUints(0, 2, realUpdate()).subarray(0, 1 + int(30)), // a real update, truncated
    () => {
      const update = realUpdate(); // a real update with a few bytes flipped
      for (let i = 0; i < 3; i++) update[int(update.length)] = int(256);
      return withVarUints(0, 2, update);
    },
    () => withVarUints(1, bytes(int(30))), // awareness with garbage
    () => {
      const encoder = encoding.createEncoder(); // awareness whose state is not JSON
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, int(1000));
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, '{"user":');
      return withVarUints(1, encoding.toUint8Array(encoder));
    },
    () => Uint8Array.from({ length: 1 + int(12) }, () => 0x80 | int(128)), // a varint that never ends
    () => new Uint8Array([...withVarUints(0, 0, new Uint8Array([0])), ...bytes(1 + int(5))]), // trailing bytes
    () => withVarUints(4 + int(300), bytes(int(20))), // unknown message type
    () => new Uint8Array([0, 2, 0xff, 0xff, 0x03, ...bytes(int(10))]), // length prefix longer than the frame
    () => new Uint8Array([0, 0]), // sync step 1 without its state vector
    () => String.fromCharCode(...bytes(int(20))), // a text frame
  ];
  return Array.from({ length: FRAMES }, () => (kinds[int(kinds.length)] ?? kinds[0])?.() ?? new Uint8Array());
}

describe('seeded fuzz', () => {
  let database: ReturnType<typeof tempDatabase>;
  let running: Awaited<ReturnType<typeof startServer>>;
  const unexpectedErrors: string[] = [];
  beforeAll(async () => {
    database = tempDatabase();
    running = await startServer(database.file, {
      onError: (error, context) => unexpectedErrors.push(`${context}: ${String(error)}`),
    });
  });
  afterAll(async () => {
    destroyClients();
    await running.stop();
    database.remove();
  });

  it(`survives ${FRAMES} malformed frames while the clients of another room keep converging`, async () => {
    const { port } = running.server;
    const frames = hostileFrames(seededRandom(SEED));
    const calmA = connectClient(port, 'calm', token('anna', 'editor'));
    const calmB = connectClient(port, 'calm', token('bo', 'editor'));
    await waitFor(() => calmA.synced() && calmB.synced(), 'the calm clients synced');

    const probe = syncFrame(0, Y.encodeStateVector(new Y.Doc()));
    const isSyncStep2 = (frame: Uint8Array) => frame[0] === 0 && frame[1] === 1;
    const sockets: (RawClient | null)[] = Array.from({ length: CONNECTIONS }, () => null);
    const codes = new Map<number, number>();
    let survived = 0;

    for (const [i, frame] of frames.entries()) {
      const slot = i % CONNECTIONS;
      let raw = sockets[slot];
      if (!raw || raw.closeCode() !== null) {
        raw = openRaw(port, `fuzz-${slot % 3}`, token(`fuzzer${slot}`, 'editor'));
        await raw.opened;
        sockets[slot] = raw;
      }
      const answersBefore = raw.frames.filter(isSyncStep2).length;
      raw.socket.send(frame);
      // Then a valid SyncStep1: either the frame closed the connection, or the probe gets its answer.
      raw.socket.send(probe);
      const current = raw;
      await waitFor(
        () => current.closeCode() !== null || current.frames.filter(isSyncStep2).length > answersBefore,
        `the outcome of frame ${i}`,
      );
      const code = current.closeCode();
      if (code === null) survived++;
      else codes.set(code, (codes.get(code) ?? 0) + 1);

      if (i % 5 === 0) (i % 10 === 0 ? calmA : calmB).map.set(`calm-${i}`, i);
    }
    for (const raw of sockets) raw?.socket.close();

    await waitFor(
      () => calmA.map.size === FRAMES / 5 && calmB.map.size === FRAMES / 5,
      'the calm room converged on every edit',
    );
    expect(calmA.map.toJSON()).toEqual(calmB.map.toJSON());
    expect([...codes.keys()]).toEqual([closeCodes.BadMessage]);
    expect(codes.get(closeCodes.BadMessage)).toBeGreaterThan(FRAMES * 0.8);
    expect(survived + (codes.get(closeCodes.BadMessage) ?? 0)).toBe(FRAMES);
    expect(unexpectedErrors).toEqual([]);

    for (const room of ['fuzz-0', 'fuzz-1', 'fuzz-2']) {
      await expectServerServes(port, room);
      expect(() => docFromStorage(running.storage, room)).not.toThrow();
    }
  });
});
