import {
  extendLayoutMapping,
  type LayoutMapping,
  type LayoutProposal,
  parseLayoutMapping,
} from '@samplan/budget-layout';
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

/** The part of Web Storage the memory uses. */
interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A memory in Web Storage under `samplan.layoutMapping.<plan>`: a broken or foreign value is forgotten. */
export function storageLayoutMappingMemory(
  plan: string,
  storage: StorageLike | undefined = (globalThis as { localStorage?: StorageLike }).localStorage,
): LayoutMappingMemory {
  const key = `samplan.layoutMapping.${plan}`;
  return {
    recall() {
      try {
        const text = storage?.getItem(key);
        if (!text) return null;
        const parsed = parseLayoutMapping(JSON.parse(text));
        return parsed.ok ? parsed.value : null;
      } catch {
        return null;
      }
    },
    remember(mapping) {
      try {
        storage?.setItem(key, JSON.stringify(mapping));
      } catch {
        // Storage full or blocked: the next import is reviewed from the proposal.
      }
    },
  };
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

/** The mapping to review: the saved one completed with the proposal's new rows, or the proposal's. */
export interface MappingToReview {
  mapping: LayoutMapping;
  /** Keys of the rows whose role comes from the saved mapping. */
  fromSaved: ReadonlySet<string>;
}

/**
 * Starts the review from the saved mapping when the sheet is in its layout (at least half of the
 * sheet's rows are rows the saved mapping knows, in the unit the sheet gives), else from the
 * proposal. Rows the saved mapping lacks (a new insats) come from the proposal.
 */
export function mappingToReview(saved: LayoutMapping | null, proposal: LayoutProposal): MappingToReview {
  const none = { mapping: proposal.mapping, fromSaved: new Set<string>() };
  if (!saved) return none;
  const known = new Set(saved.rows.map((r) => r.key));
  const shared = proposal.mapping.rows.filter((r) => known.has(r.key)).map((r) => r.key);
  if (shared.length * 2 < proposal.mapping.rows.length) return none;
  const extended = extendLayoutMapping(saved, proposal);
  return {
    mapping: {
      ...extended,
      unit: proposal.unit ?? saved.unit,
      headerRow: proposal.mapping.headerRow,
      labelColumn: proposal.mapping.labelColumn,
      yearColumns: proposal.mapping.yearColumns,
      ...(proposal.mapping.sheet ? { sheet: proposal.mapping.sheet } : {}),
    },
    fromSaved: new Set(shared),
  };
}
