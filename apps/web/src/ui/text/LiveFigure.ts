import { mergeAttributes, Node } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { LiveFigureView } from './LiveFigureView.tsx';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    liveFigure: {
      /** Inserts a live figure at the selection. */
      insertLiveFigure: (attrs: Record<string, unknown>) => ReturnType;
    };
  }
}

/**
 * A figure from the engine inside a sentence ("utgående eget kapital 2025"): an inline atom whose
 * attributes say which figure of which scenario; the view shows the current value, so the text
 * never states a stale number. Stored in the document as its attributes only, never as the number.
 */
export const LiveFigure = Node.create({
  name: 'liveFigure',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    const attr = (name: string, fallback: unknown, parse: (v: string) => unknown = (v) => v) => ({
      default: fallback,
      parseHTML: (el: HTMLElement) => {
        const value = el.getAttribute(`data-${name}`);
        return value === null || value === '' ? fallback : parse(value);
      },
      renderHTML: (attrs: Record<string, unknown>) =>
        attrs[name] === null ? {} : { [`data-${name}`]: String(attrs[name]) },
    });
    return {
      scenario: attr('scenario', ''),
      figure: attr('figure', 'closing-equity'),
      year: attr('year', null, (v) => Number.parseInt(v, 10)),
      line: attr('line', null),
      unit: attr('unit', 'tkr'),
    };
  },
  parseHTML: () => [{ tag: 'span[data-live-figure]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { 'data-live-figure': '' })],
  renderText: () => '[siffra]',
  addNodeView() {
    return ReactNodeViewRenderer(LiveFigureView, { as: 'span', className: 'live-figure-wrapper' });
  },
  addCommands() {
    return {
      insertLiveFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});
