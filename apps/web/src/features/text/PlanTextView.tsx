import { useEffect, useMemo, useState } from 'react';
import { useAnnounce, useT } from '../../app/hooks.ts';
import { useCollab, useSession } from '../../app/SessionContext.ts';
import { colorFor } from '../../core/collab/createPresence.ts';
import { type CommentAnchor, unresolvedBySection } from '../../core/docModel.ts';
import type { HighlightRange } from '../../core/text/CommentHighlights.ts';
import { canComment, canEdit } from '../../session/api.ts';
import { CommentsPanel } from '../../ui/comments/CommentsPanel.tsx';
import { useCommentThreads } from '../../ui/comments/useCommentThreads.ts';
import { SectionEditor } from '../../ui/text/SectionEditor.tsx';
import { useOutline } from '../../ui/text/useOutline.ts';

const sectionFromHash = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('section');

/**
 * The verksamhetsplan's text: the outline with unresolved comments per section, the chosen
 * section's text co-edited live (everyone's caret visible), and its comment threads.
 */
export function PlanTextView() {
  const collab = useCollab();
  const t = useT();
  const announce = useAnnounce();
  const text = useSession().text;
  const sections = useOutline();
  const threads = useCommentThreads();
  const [chosen, setChosen] = useState<string | null>(sectionFromHash);
  const [draft, setDraft] = useState<CommentAnchor | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const section = sections.find((s) => s.id === chosen) ?? sections[0];
  const counts = useMemo(() => unresolvedBySection(threads), [threads]);
  const sectionThreads = useMemo(() => threads.filter((th) => th.section === section?.id), [threads, section]);
  const highlights = useMemo<HighlightRange[]>(
    () =>
      sectionThreads.flatMap((th) =>
        th.anchor.kind === 'text'
          ? [
              {
                id: th.id,
                from: th.anchor.from,
                to: th.anchor.to,
                resolved: th.resolved !== null,
                active: th.id === activeThread,
              },
            ]
          : [],
      ),
    [sectionThreads, activeThread],
  );
  useEffect(() => {
    collab?.shared.presence.setFocus('text', section ? `section/${section.id}` : null);
  }, [collab, section]);

  if (!collab || !text) return <p>{t('text.sharedOnly')}</p>;
  const { info, shared } = collab;
  const editable = canEdit(info.role);
  const user = { id: info.user.id, name: info.user.name, role: info.role, color: colorFor(info.user.id) };
  if (!section) return <p role="status">{t('text.loadingOutline')}</p>;

  return (
    <div className="plan-text">
      <nav className="outline" aria-label={t('text.outline')}>
        <h2>{t('text.outline')}</h2>
        <ol>
          {sections.map((s, i) => {
            const open = counts.get(s.id) ?? 0;
            return (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={s.id === section.id ? 'true' : undefined}
                  onClick={() => {
                    setChosen(s.id);
                    setDraft(null);
                    setActiveThread(null);
                  }}
                  data-testid={`section-${s.id}`}
                >
                  <span>
                    {i + 1}. {s.title}
                  </span>
                  {open > 0 && (
                    <span
                      className="comment-count"
                      data-testid="unresolved-count"
                      title={t('text.unresolved', { count: open })}
                    >
                      {open}
                      <span className="visually-hidden"> {t('text.unresolved', { count: open })}</span>
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
        {editable && (
          <button
            type="button"
            data-testid="add-section"
            onClick={() => {
              const id = text.add(t('text.newSection'), section.id);
              setChosen(id);
              setRenaming(id);
              announce(t('text.sectionAdded'));
            }}
          >
            {t('text.addSection')}
          </button>
        )}
      </nav>
      <article className="section" aria-labelledby="section-title">
        <header className="section-header">
          {renaming === section.id ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const title = new FormData(e.currentTarget).get('title');
                text.rename(section.id, String(title ?? ''));
                setRenaming(null);
              }}
            >
              <label>
                {t('text.sectionTitle')}
                <input name="title" defaultValue={section.title} data-testid="section-title-input" />
              </label>
              <button type="submit">{t('text.save')}</button>
            </form>
          ) : (
            <h2 id="section-title">{section.title}</h2>
          )}
          {editable && renaming !== section.id && (
            <div className="section-actions">
              <button type="button" onClick={() => setRenaming(section.id)}>
                {t('text.rename')}
              </button>
              <button type="button" onClick={() => text.move(section.id, -1)}>
                {t('text.moveUp')}
              </button>
              <button type="button" onClick={() => text.move(section.id, 1)}>
                {t('text.moveDown')}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (!globalThis.confirm(t('text.removeConfirm', { title: section.title }))) return;
                  text.remove(section.id);
                  setChosen(null);
                }}
              >
                {t('text.remove')}
              </button>
            </div>
          )}
        </header>
        <SectionEditor
          key={section.id}
          section={section}
          editable={editable}
          awareness={shared.provider.awareness}
          user={user}
          highlights={highlights}
          onComment={
            canComment(info.role)
              ? (selection) => {
                  setDraft({ kind: 'text', section: section.id, ...selection });
                  setActiveThread(null);
                }
              : undefined
          }
          onOpenThread={setActiveThread}
        />
        {section.kind !== 'text' && (
          <p className="muted section-note">
            {t(section.kind === 'goals' ? 'text.goalsFollow' : 'text.budgetFollows')}
          </p>
        )}
      </article>
      <CommentsPanel
        heading={t('comments.heading')}
        threads={sectionThreads}
        draft={draft}
        onDraftDone={() => setDraft(null)}
        activeThread={activeThread}
        onSelect={setActiveThread}
      />
    </div>
  );
}
