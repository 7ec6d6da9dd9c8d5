import {
  addSection,
  moveSection,
  outlineRoot,
  type PlanSection,
  readOutline,
  removeSection,
  renameSection,
  sectionsRoot,
} from '@samplan/plan-doc';
import type * as Y from 'yjs';
import type { DocBinding } from '../docBinding.ts';
import { createDerivedStore, type Store } from '../store.ts';

/** The plan text's outline: its sections in order, live, and the edits of the outline. */
export interface TextCommands {
  /**
   * The sections in order. Re-read when the outline, the set of sections or a title changes;
   * typing in a section's text (deeper in the same maps) does not re-read it.
   */
  readonly outline: Store<readonly PlanSection[]>;
  /** Adds a section after `afterId` (first when null); returns its id. */
  add(title: string, afterId: string | null): string;
  rename(id: string, title: string): void;
  move(id: string, by: -1 | 1): void;
  remove(id: string): void;
}

/** The plan-text commands over `binding`'s document. */
export function createTextCommands({ doc, origin }: DocBinding): TextCommands {
  return {
    outline: createDerivedStore(
      () => readOutline(doc),
      (changed) => {
        const outline = outlineRoot(doc);
        const sectionMaps = sectionsRoot(doc);
        const onSections = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          if (events.some((e) => e.target === sectionMaps || e.target.parent === sectionMaps)) changed();
        };
        outline.observe(changed);
        sectionMaps.observeDeep(onSections);
        return () => {
          outline.unobserve(changed);
          sectionMaps.unobserveDeep(onSections);
        };
      },
    ),
    add: (title, afterId) => addSection(doc, title, afterId, origin),
    rename: (id, title) => renameSection(doc, id, title, origin),
    move: (id, by) => moveSection(doc, id, by, origin),
    remove: (id) => removeSection(doc, id, origin),
  };
}
