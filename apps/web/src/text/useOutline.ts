import { outlineRoot, type PlanSection, readOutline, sectionsRoot } from '@samplan/plan-doc';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const NONE: readonly PlanSection[] = [];

/**
 * The plan's sections in order, live. Re-read when the outline, the set of sections or a title
 * changes; typing in a section's text (deeper in the same maps) does not re-read it.
 */
export function useOutline(doc: Y.Doc | null): readonly PlanSection[] {
  const [sections, setSections] = useState<readonly PlanSection[]>(() => (doc ? readOutline(doc) : NONE));
  useEffect(() => {
    if (!doc) return;
    const outline = outlineRoot(doc);
    const sectionMaps = sectionsRoot(doc);
    const read = () => setSections(readOutline(doc));
    const onSections = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events.some((e) => e.target === sectionMaps || e.target.parent === sectionMaps)) read();
    };
    read();
    outline.observe(read);
    sectionMaps.observeDeep(onSections);
    return () => {
      outline.unobserve(read);
      sectionMaps.unobserveDeep(onSections);
    };
  }, [doc]);
  return sections;
}
