import {
  extendLayoutMapping,
  type LayoutMapping,
  type LayoutProposal,
  parseLayoutMapping,
} from '@samplan/budget-layout';
import type { LayoutMappingMemory } from '../../core/import/docLayoutMappingMemory.ts';

export type { LayoutMappingMemory } from '../../core/import/docLayoutMappingMemory.ts';

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
