import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type ClientOrigin,
  closeCodes,
  commenterWrites,
  ROLES,
  type Role,
  readOnlyRoles,
  type UpdateContext,
  writeAccess,
} from '../src/index.ts';

/** A room document with one key, and an update from a client that adds another. */
function roomAndUpdate(): { doc: Y.Doc; nothingNew: Uint8Array; change: Uint8Array } {
  const doc = new Y.Doc();
  doc.getMap('m').set('base', 1);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const nothingNew = Y.encodeStateAsUpdate(client);
  const before = Y.encodeStateVector(client);
  client.getMap('m').set('more', 2);
  return { doc, nothingNew, change: Y.encodeStateAsUpdate(client, before) };
}

const as = (role: Role): ClientOrigin => ({ userId: `${role}-1`, role, connectionId: 1 });
const context = (doc: Y.Doc, update: Uint8Array, role: Role): UpdateContext => ({
  room: 'r',
  doc,
  update,
  connection: as(role),
});

describe('writeAccess', () => {
  it('lets owner and editor write all, a commenter comments, a viewer nothing', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, writeAccess(role)]))).toEqual({
      owner: 'all',
      editor: 'all',
      commenter: 'comments',
      viewer: 'none',
    });
  });
});

describe('readOnlyRoles', () => {
  it('refuses a viewer an update that changes the document, and lets through one that brings nothing new', async () => {
    const { doc, nothingNew, change } = roomAndUpdate();
    const plugin = readOnlyRoles();
    expect(await plugin.beforeApplyUpdate?.(context(doc, change, 'viewer'))).toEqual({
      accept: false,
      code: closeCodes.ReadOnly,
      reason: 'read-only: this role may not change the document',
    });
    expect(await plugin.beforeApplyUpdate?.(context(doc, nothingNew, 'viewer'))).toEqual({ accept: true });
    for (const role of ['owner', 'editor', 'commenter'] as const)
      expect(await plugin.beforeApplyUpdate?.(context(doc, change, role)), role).toEqual({ accept: true });
  });
});

describe('commenterWrites', () => {
  it("asks the policy about a commenter's updates only, with the commenter's user id, and refuses with ReadOnly", async () => {
    const { doc, change } = roomAndUpdate();
    const asked: string[] = [];
    let allow = false;
    const plugin = commenterWrites(async (policyDoc, update, userId) => {
      expect(policyDoc).toBe(doc);
      expect(update).toBe(change);
      asked.push(userId);
      return allow ? { ok: true } : { ok: false, reason: 'not a comment' };
    });
    for (const role of ['owner', 'editor', 'viewer'] as const)
      expect(await plugin.beforeApplyUpdate?.(context(doc, change, role)), role).toEqual({ accept: true });
    expect(asked).toEqual([]);
    expect(await plugin.beforeApplyUpdate?.(context(doc, change, 'commenter'))).toEqual({
      accept: false,
      code: closeCodes.ReadOnly,
      reason: 'kommentator: får bara skriva kommentarer',
    });
    allow = true;
    expect(await plugin.beforeApplyUpdate?.(context(doc, change, 'commenter'))).toEqual({ accept: true });
    expect(asked).toEqual(['commenter-1', 'commenter-1']);
  });
});
