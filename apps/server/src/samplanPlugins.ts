import type { CollabPlugin } from './CollabHooks.ts';
import { commenterWrites } from './plugins/commenterWrites.ts';
import { readOnlyRoles } from './plugins/readOnlyRoles.ts';

/**
 * The plug-ins of the Samplan server: readers write nothing, commenters write what plan-doc's
 * commenter policy allows (their own comments, and their own proposals and votes on a strategy day),
 * owners and editors everything. Plan-doc is loaded on a commenter's first update, so a process
 * that runs only the collaboration core starts without the plan model.
 */
export function samplanPlugins(): CollabPlugin[] {
  return [
    readOnlyRoles(),
    commenterWrites(async (doc, update, userId) => {
      const { checkCommenterUpdate } = await import('@samplan/plan-doc');
      return checkCommenterUpdate(doc, update, userId);
    }),
  ];
}
