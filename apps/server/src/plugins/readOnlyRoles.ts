import * as Y from 'yjs';
import { ACCEPT_UPDATE, type CollabPlugin } from '../CollabHooks.ts';
import { closeCodes } from '../closeCodes.ts';
import { writeAccess } from '../roleCanWrite.ts';

/**
 * The plug-in that keeps readers (läsare: the roles whose `writeAccess` is `none`) from changing a
 * document: their updates are refused with ReadOnly (4409) unless the document already contains
 * everything in them. A read-only client answers the server's SyncStep1 too; that is fine as long as
 * it brings nothing new. Other roles pass untouched.
 */
export function readOnlyRoles(): CollabPlugin {
  return {
    name: 'read-only roles',
    beforeApplyUpdate({ doc, update, connection }) {
      if (writeAccess(connection.role) !== 'none' || Y.snapshotContainsUpdate(Y.snapshot(doc), update))
        return ACCEPT_UPDATE;
      return { accept: false, code: closeCodes.ReadOnly, reason: 'read-only: this role may not change the document' };
    },
  };
}
