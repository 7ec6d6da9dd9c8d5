import { type LayoutMapping, parseLayoutMapping } from '@samplan/budget-layout';
import { readLayoutMapping, writeLayoutMapping } from '@samplan/plan-doc';
import type * as Y from 'yjs';

/**
 * Where the reviewed mapping of a plan's budget sheet is kept, so that next year's file in the same
 * layout opens with the roles chosen last time. The local plan keeps it in this browser's storage;
 * a shared plan keeps it in its document (plan-doc's `imports` root), where every member's next
 * import finds it.
 */
export interface LayoutMappingMemory {
  recall(): LayoutMapping | null;
  remember(mapping: LayoutMapping): void;
}

/**
 * A memory in a shared plan's document: synced to every member and stored by the server. Only
 * owners and editors write (for anyone else the server would refuse the update and close the
 * connection); a broken or foreign value is forgotten.
 */
export function docLayoutMappingMemory(doc: Y.Doc, origin: unknown, writable: boolean): LayoutMappingMemory {
  return {
    recall() {
      const stored = readLayoutMapping(doc);
      if (stored === null) return null;
      const parsed = parseLayoutMapping(stored);
      return parsed.ok ? parsed.value : null;
    },
    remember(mapping) {
      if (writable) writeLayoutMapping(doc, mapping, origin);
    },
  };
}
