import { assertNever } from '@samplan/engine';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from './MessageType.ts';

/** A message the server sends to a y-websocket client. */
export type ServerMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array };

/** Encodes a message as one binary frame in the y-websocket wire format (the inverse of `decodeClientMessage`). */
export function encodeServerMessage(message: ServerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (message.type) {
    case 'sync-step-1':
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, SyncMessageType.Step1);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case 'sync-step-2':
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, SyncMessageType.Step2);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'update':
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, SyncMessageType.Update);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, MessageType.Awareness);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    default:
      return assertNever(message, 'server message');
  }
  return encoding.toUint8Array(encoder);
}
