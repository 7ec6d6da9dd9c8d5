import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useState } from 'react';
import { useT } from '../../app/hooks.ts';
import type { Awareness, PlanSection } from '../../core/docModel.ts';
import {
  CommentHighlights,
  commentHighlightsKey,
  type HighlightRange,
  relativeRange,
} from '../../core/text/CommentHighlights.ts';
import { FigureDialog } from './FigureDialog.tsx';
import { LiveFigure } from './LiveFigure.ts';
import './planText.css';

/** Who I am in the text: shown at my caret for the others (the same `user` state presence sends). */
export interface CaretUser {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly color: string;
}

/** A text range someone wants to comment on. */
export interface TextSelection {
  readonly from: unknown;
  readonly to: unknown;
  readonly quote: string;
}

/** The editor's extensions: rich text, tables, live figures, comment marks, and the Yjs binding. */
function extensions(section: PlanSection, placeholder: string, awareness: Awareness | null, user: CaretUser | null) {
  return [
    // Undo is Yjs's (own changes only); no trailing node: a reader's editor must never write.
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder }),
    LiveFigure,
    CommentHighlights,
    Collaboration.configure({ fragment: section.body }),
    ...(awareness && user ? [CollaborationCaret.configure({ provider: { awareness }, user: { ...user } })] : []),
  ];
}

/** One section's text, co-edited live: toolbar, the editor with everyone's carets, comment marks. */
export function SectionEditor({
  section,
  editable,
  awareness,
  user,
  highlights,
  onComment,
  onOpenThread,
  print = false,
}: {
  /** Only the text, for the print view: no toolbar, carets or comment marks. */
  print?: boolean;
  section: PlanSection;
  editable: boolean;
  awareness: Awareness | null;
  user: CaretUser | null;
  highlights: readonly HighlightRange[];
  onComment?: (selection: TextSelection) => void;
  onOpenThread?: (threadId: string) => void;
}) {
  const t = useT();
  const editor = useEditor(
    {
      extensions: extensions(section, print ? '' : t('text.placeholder'), print ? null : awareness, user),
      editable,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          class: print ? 'print-body' : 'section-text',
          'aria-label': t('text.editorLabel', { title: section.title }),
          'data-testid': 'section-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [section.id, section.body, awareness, editable],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, highlights).setMeta('addToHistory', false));
  }, [editor, highlights]);

  const commentOnSelection = () => {
    if (!editor || !onComment) return;
    const range = selectedRange(editor);
    if (!range) return;
    const relative = relativeRange(editor.state, range.from, range.to);
    if (!relative) return;
    onComment({ ...relative, quote: editor.state.doc.textBetween(range.from, range.to, ' ').slice(0, 500) });
  };

  if (print) return <EditorContent editor={editor} className="print-text" />;
  return (
    <div className="section-editor">
      <Toolbar editor={editor} editable={editable} onComment={onComment ? commentOnSelection : undefined} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click on a marked range opens its thread; the threads are also listed beside the text */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
      <div
        onClick={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>('[data-thread]')?.dataset.thread;
          if (id) onOpenThread?.(id);
        }}
      >
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

/**
 * The selected text range: the editor's selection, or (in a read-only editor, whose selection the
 * browser keeps) the DOM selection mapped to document positions.
 */
function selectedRange(editor: Editor): { from: number; to: number } | null {
  const { from, to } = editor.state.selection;
  if (from < to) return { from, to };
  const dom = globalThis.getSelection?.();
  if (!dom || dom.rangeCount === 0 || dom.isCollapsed) return null;
  const range = dom.getRangeAt(0);
  if (!editor.view.dom.contains(range.startContainer) || !editor.view.dom.contains(range.endContainer)) return null;
  try {
    const a = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const b = editor.view.posAtDOM(range.endContainer, range.endOffset);
    return a < b ? { from: a, to: b } : null;
  } catch {
    return null;
  }
}

/** A mouse press on a toolbar button leaves the focus (and the caret) in the editor. */
const keepEditorFocus = (e: { preventDefault: () => void }) => e.preventDefault();

function Toolbar({
  editor,
  editable,
  onComment,
}: {
  editor: Editor | null;
  editable: boolean;
  onComment: (() => void) | undefined;
}) {
  const t = useT();
  const [dialog, setDialog] = useState<'figure' | 'link' | null>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            h2: e.isActive('heading', { level: 2 }),
            h3: e.isActive('heading', { level: 3 }),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            link: e.isActive('link'),
            table: e.isActive('table'),
          }
        : null,
  });
  if (!editor) return null;
  // The caret stays in the text: a toolbar button never takes focus on a mouse press (so what is typed
  // right after the click lands in the editor), and a keyboard press gives focus back at once.
  // Tiptap's own focus() is deferred to the next animation frame; keys typed before it would be lost.
  const chain = () => {
    if (!editor.view.hasFocus()) editor.view.focus();
    return editor.chain().focus();
  };
  const button = (key: string, label: string, pressed: boolean | undefined, run: () => void) => (
    <button
      type="button"
      aria-pressed={pressed}
      onMouseDown={keepEditorFocus}
      onClick={run}
      data-testid={`tool-${key}`}
      disabled={!editable}
    >
      {label}
    </button>
  );
  return (
    <div className="text-toolbar" role="toolbar" aria-label={t('text.toolbar')}>
      {editable && (
        <>
          {button('h2', t('text.tool.h2'), active?.h2, () => chain().toggleHeading({ level: 2 }).run())}
          {button('h3', t('text.tool.h3'), active?.h3, () => chain().toggleHeading({ level: 3 }).run())}
          {button('bold', t('text.tool.bold'), active?.bold, () => chain().toggleBold().run())}
          {button('italic', t('text.tool.italic'), active?.italic, () => chain().toggleItalic().run())}
          {button('bullet', t('text.tool.bullet'), active?.bullet, () => chain().toggleBulletList().run())}
          {button('ordered', t('text.tool.ordered'), active?.ordered, () => chain().toggleOrderedList().run())}
          {button('link', t('text.tool.link'), active?.link, () => setDialog(dialog === 'link' ? null : 'link'))}
          {active?.table ? (
            <>
              {button('row', t('text.tool.addRow'), undefined, () => chain().addRowAfter().run())}
              {button('column', t('text.tool.addColumn'), undefined, () => chain().addColumnAfter().run())}
              {button('delete-table', t('text.tool.deleteTable'), undefined, () => chain().deleteTable().run())}
            </>
          ) : (
            button('table', t('text.tool.table'), undefined, () =>
              chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
            )
          )}
          {button('figure', t('text.tool.figure'), dialog === 'figure', () =>
            setDialog(dialog === 'figure' ? null : 'figure'),
          )}
          {button('undo', t('text.tool.undo'), undefined, () => chain().undo().run())}
          {button('redo', t('text.tool.redo'), undefined, () => chain().redo().run())}
        </>
      )}
      {onComment && (
        <button
          type="button"
          className="comment-button"
          data-testid="tool-comment"
          onMouseDown={keepEditorFocus}
          onClick={onComment}
        >
          {t('text.tool.comment')}
        </button>
      )}
      {dialog === 'figure' && (
        <FigureDialog
          onInsert={(attrs) => {
            chain()
              .insertLiveFigure({ ...attrs })
              .run();
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'link' && (
        <LinkForm
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onSubmit={(href) => {
            if (href === '') chain().extendMarkRange('link').unsetLink().run();
            else chain().extendMarkRange('link').setLink({ href }).run();
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

function LinkForm({
  initial,
  onSubmit,
  onClose,
}: {
  initial: string;
  onSubmit: (href: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState('');
  return (
    <form
      className="text-popover"
      onSubmit={(e) => {
        e.preventDefault();
        const value = href.trim();
        if (value !== '' && !/^(https?:\/\/|mailto:)/i.test(value) && !/^[\w.-]+\.[a-z]{2,}/i.test(value)) {
          setError(t('text.linkInvalid'));
          return;
        }
        onSubmit(value === '' || /^(https?:|mailto:)/i.test(value) ? value : `https://${value}`);
      }}
    >
      <label>
        {t('text.linkAddress')}
        <input
          value={href}
          onChange={(e) => setHref(e.target.value)}
          aria-invalid={error !== ''}
          aria-describedby={error ? 'link-error' : undefined}
          data-testid="link-input"
        />
      </label>
      {error && (
        <p id="link-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t('text.linkApply')}</button>
      <button type="button" onClick={onClose}>
        {t('text.cancel')}
      </button>
    </form>
  );
}
