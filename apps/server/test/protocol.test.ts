import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeClientMessage, encodeServerMessage, parseRoomRequest } from '../src/index.ts';

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('a', 1);
  const update = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);

  it('reads the sync messages the y-websocket client sends (same wire format as the server’s)', () => {
    expect(decodeClientMessage(encodeServerMessage({ type: 'sync-step-1', stateVector }))).toEqual({
      type: 'sync-step-1',
      stateVector,
    });
    expect(decodeClientMessage(encodeServerMessage({ type: 'sync-step-2', update }))).toEqual({
      type: 'sync-step-2',
      update,
    });
    expect(decodeClientMessage(encodeServerMessage({ type: 'update', update }))).toEqual({ type: 'update', update });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
  });

  it.each([
    ['an empty frame', []],
    ['a truncated varint', [0x80]],
    ['an unknown message type', [9]],
    ['an unknown sync type', [0, 7, 0]],
    ['a sync step 1 without its state vector', [0, 0]],
    ['a length prefix beyond the frame', [0, 2, 10, 0, 0]],
    ['an update that is not a Yjs update', [0, 2, 3, 0xff, 0xff, 0xff]],
    ['trailing bytes', [3, 0]],
    ['an awareness state that is not JSON', [1, 6, 1, 1, 1, 2, 0x7b, 0x22]],
    ['an awareness state that is not an object', [1, 5, 1, 1, 1, 1, 0x37]],
  ])('refuses %s without throwing', (_name, bytes) => {
    expect(decodeClientMessage(new Uint8Array(bytes)).type).toBe('invalid');
  });
});

describe('parseRoomRequest', () => {
  it('takes the room from the last path segment and params from the query string', () => {
    expect(parseRoomRequest('/collab/plan%20A?token=abc&x=1')).toEqual({
      room: 'plan A',
      params: { token: 'abc', x: '1' },
    });
    expect(parseRoomRequest('//plan')).toEqual({ room: 'plan', params: {} });
  });

  it('refuses empty, malformed and overlong room names', () => {
    expect(parseRoomRequest('/')).toBeNull();
    expect(parseRoomRequest('/?token=a')).toBeNull();
    expect(parseRoomRequest('/%E0%A4%A')).toBeNull();
    expect(parseRoomRequest(`/${'x'.repeat(201)}`)).toBeNull();
  });
});
