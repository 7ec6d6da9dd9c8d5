import type { Plan } from '@samplan/engine';
import { readVersions, saveVersion, versionsRoot } from '@samplan/plan-doc';
import type { DocBinding } from '../docBinding.ts';
import { createDerivedStore, type Store } from '../store.ts';

/** The versions saved in a shared plan's document: read live, save the plan under a name. */
export interface VersionCommands {
  /** The saved versions (newest first) and why any could not be read; a stable snapshot between changes. */
  readonly list: Store<ReturnType<typeof readVersions>>;
  save(input: { name: string; savedBy: string; plan: Plan }): ReturnType<typeof saveVersion>;
}

/** The version commands over `binding`'s document. */
export function createVersionCommands({ doc, origin }: DocBinding): VersionCommands {
  return {
    list: createDerivedStore(
      () => readVersions(doc),
      (changed) => {
        const root = versionsRoot(doc);
        root.observe(changed);
        return () => root.unobserve(changed);
      },
    ),
    save: (input) => saveVersion(doc, input, origin),
  };
}
