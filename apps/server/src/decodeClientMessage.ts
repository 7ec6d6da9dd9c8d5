import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from './MessageType.ts';

/** One message from a y-websocket client, fully decoded and checked, or `invalid` with the reason. */
export type ClientMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'invalid'; readonly reason: string };

/**
 * Decodes one binary frame from a client. Never throws: random bytes, truncated varints, unknown types,
 * trailing bytes and payloads that are not a valid state vector, Yjs update or awareness update all give
 * `{ type: 'invalid' }`. Payloads are decoded completely here, before anything is applied, so that a bad
 * update cannot be half-applied to the room's document.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    return decode(frame);
  } catch (error) {
    return { type: 'invalid', reason: `undecodable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function decode(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const messageType = decoding.readVarUint(decoder);
  let message: ClientMessage;
  switch (messageType) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncMessageType.Step1) {
        Y.decodeStateVector(payload);
        message = { type: 'sync-step-1', stateVector: payload };
      } else if (syncType === SyncMessageType.Step2 || syncType === SyncMessageType.Update) {
        Y.decodeUpdate(payload);
        message = { type: syncType === SyncMessageType.Step2 ? 'sync-step-2' : 'update', update: payload };
      } else {
        return { type: 'invalid', reason: `unknown sync message type ${syncType}` };
      }
      break;
    }
    case MessageType.Awareness: {
      const payload = decoding.readVarUint8Array(decoder);
      checkAwarenessUpdate(payload);
      message = { type: 'awareness', update: payload };
      break;
    }
    case MessageType.QueryAwareness:
      message = { type: 'query-awareness' };
      break;
    default:
      return { type: 'invalid', reason: `unknown message type ${messageType}` };
  }
  if (decoding.hasContent(decoder)) return { type: 'invalid', reason: 'trailing bytes after the message' };
  return message;
}

/** Reads an awareness update the way `applyAwarenessUpdate` does, so that a bad one is refused before any state changes. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // clientID
    decoding.readVarUint(decoder); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new Error('an awareness state must be an object or null');
    }
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness update');
}
