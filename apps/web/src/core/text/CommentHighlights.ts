import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** A commented range of the text: two Yjs relative positions (JSON), as stored in the thread's anchor. */
export interface HighlightRange {
  readonly id: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly resolved: boolean;
  readonly active: boolean;
}

/** Set the ranges with `tr.setMeta(commentHighlightsKey, ranges)`. */
export const commentHighlightsKey = new PluginKey<readonly HighlightRange[]>('commentHighlights');

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}
const syncState = (state: EditorState) => ySyncPluginKey.getState(state) as SyncState | undefined;

/** A stored relative position (JSON) as an absolute ProseMirror position now; null if its text is gone. */
function toAbsolute(state: EditorState, json: unknown): number | null {
  const sync = syncState(state);
  if (!sync?.binding || typeof json !== 'object' || json === null) return null;
  try {
    const position = Y.createRelativePositionFromJSON(json);
    return relativePositionToAbsolutePosition(sync.doc, sync.type, position, sync.binding.mapping as never);
  } catch {
    return null;
  }
}

/** The selection `from`–`to` as relative positions (JSON) that follow the text as others write. */
export function relativeRange(state: EditorState, from: number, to: number): { from: unknown; to: unknown } | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const relative = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, sync.type, sync.binding?.mapping as never));
  return { from: relative(from), to: relative(to) };
}

/**
 * Marks the commented ranges of a section (from the comment threads, which live outside the text:
 * a commenter can comment on text without changing it). Resolved threads are not marked.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<readonly HighlightRange[]>({
        key: commentHighlightsKey,
        state: {
          init: () => [],
          apply: (tr, ranges) => (tr.getMeta(commentHighlightsKey) as readonly HighlightRange[] | undefined) ?? ranges,
        },
        props: {
          decorations(state) {
            const ranges = commentHighlightsKey.getState(state) ?? [];
            const decorations: Decoration[] = [];
            for (const range of ranges) {
              if (range.resolved) continue;
              const from = toAbsolute(state, range.from);
              const to = toAbsolute(state, range.to);
              if (from === null || to === null || from >= to) continue;
              decorations.push(
                Decoration.inline(from, to, {
                  class: range.active ? 'comment-range active' : 'comment-range',
                  'data-thread': range.id,
                }),
              );
            }
            return decorations.length ? DecorationSet.create(state.doc, decorations) : null;
          },
        },
      }),
    ];
  },
});
