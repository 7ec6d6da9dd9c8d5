import type * as Y from 'yjs';
import { ACCEPT_UPDATE, type CollabPlugin } from '../CollabHooks.ts';
import { closeCodes } from '../closeCodes.ts';
import type { MaybePromise } from '../DocStorage.ts';
import { writeAccess } from '../roleCanWrite.ts';

/**
 * What a commenter may write, decided by whoever owns the document's shape (for Samplan, plan-doc's
 * `checkCommenterUpdate`): whether `update` from the user `userId` may be applied to `doc`. It must
 * not change `doc`; `reason` is for logs and tests.
 */
export type CommenterWritePolicy = (
  doc: Y.Doc,
  update: Uint8Array,
  userId: string,
) => MaybePromise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }>;

/**
 * The plug-in that lets commenters (kommentator: the roles whose `writeAccess` is `comments`) write
 * only what `policy` allows: any other update of theirs — even one that holds a valid comment next
 * to something else — is refused whole with ReadOnly (4409). Other roles pass untouched. The server
 * core names no document root; the policy brings them.
 */
export function commenterWrites(policy: CommenterWritePolicy): CollabPlugin {
  return {
    name: 'commenter writes',
    async beforeApplyUpdate({ doc, update, connection }) {
      if (writeAccess(connection.role) !== 'comments') return ACCEPT_UPDATE;
      const check = await policy(doc, update, connection.userId);
      return check.ok
        ? ACCEPT_UPDATE
        : { accept: false, code: closeCodes.ReadOnly, reason: 'kommentator: får bara skriva kommentarer' };
    },
  };
}
