import { useState } from 'react';
import { useAnnounce, useLanguage, usePlan, useT } from '../../app/hooks.ts';
import { useCollab, useSession } from '../../app/SessionContext.ts';
import type { CommentAnchor, CommentThread } from '../../core/docModel.ts';
import { canComment } from '../../session/api.ts';
import { type Mentionable, MentionTextarea, mentionsIn } from './MentionTextarea.tsx';
import './comments.css';

const time = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

/** What a thread is about, in words: the quoted text, the budget line's or the scenario's name. */
export function useAnchorLabel(): (anchor: CommentAnchor) => string {
  const plan = usePlan();
  const t = useT();
  return (anchor) => {
    switch (anchor.kind) {
      case 'text':
        return `”${anchor.quote}”`;
      case 'line': {
        const line = plan[anchor.collection].find((l) => l.id === anchor.line);
        return t('comments.onLine', { name: line?.name ?? anchor.line });
      }
      case 'scenario':
        return t('comments.onScenario', {
          name: plan.scenarios.find((s) => s.id === anchor.scenario)?.name ?? anchor.scenario,
        });
    }
  };
}

/**
 * Comment threads: each with its messages, a reply box with @-mentions, resolve and reopen; and, when
 * `draft` is given, a form to start a thread on it. Everyone but a viewer may comment.
 */
export function CommentsPanel({
  threads,
  draft,
  onDraftDone,
  activeThread,
  onSelect,
  heading,
}: {
  threads: readonly CommentThread[];
  draft: CommentAnchor | null;
  onDraftDone: () => void;
  activeThread: string | null;
  onSelect: (id: string | null) => void;
  heading: string;
}) {
  const collab = useCollab();
  const t = useT();
  const [showResolved, setShowResolved] = useState(false);
  const label = useAnchorLabel();
  if (!collab) return null;
  const { info } = collab;
  const may = canComment(info.role);
  const people: Mentionable[] = info.members.filter((m) => m.id !== info.user.id);
  const shown = threads.filter((th) => showResolved || !th.resolved || th.id === activeThread);
  const open = threads.filter((th) => !th.resolved).length;
  return (
    <aside className="comments-panel" aria-label={heading} data-testid="comments-panel">
      <h2>
        {heading} <span className="count">({open})</span>
      </h2>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(e) => setShowResolved(e.target.checked)}
          data-testid="show-resolved"
        />
        {t('comments.showResolved')}
      </label>
      {draft && may && <NewThread anchor={draft} label={label(draft)} people={people} onDone={onDraftDone} />}
      {shown.length === 0 && !draft && <p className="muted">{t('comments.none')}</p>}
      <ol className="threads">
        {shown.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            label={label(thread.anchor)}
            active={thread.id === activeThread}
            onSelect={() => onSelect(thread.id === activeThread ? null : thread.id)}
            people={people}
            may={may}
          />
        ))}
      </ol>
    </aside>
  );
}

function NewThread({
  anchor,
  label,
  people,
  onDone,
}: {
  anchor: CommentAnchor;
  label: string;
  people: readonly Mentionable[];
  onDone: () => void;
}) {
  const collab = useCollab();
  const t = useT();
  const announce = useAnnounce();
  const comments = useSession().comments;
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  if (!collab || !comments) return null;
  const { info } = collab;
  return (
    <form
      className="new-thread"
      data-testid="new-thread"
      onSubmit={(e) => {
        e.preventDefault();
        const written = comments.start({ anchor, author: info.user, text, mentions: mentionsIn(text, people) });
        if (!written.ok) {
          setError(written.errors[0]?.message ?? '');
          return;
        }
        announce(t('comments.started'));
        setText('');
        onDone();
      }}
    >
      <p className="anchor">{label}</p>
      <MentionTextarea
        value={text}
        onChange={(v) => {
          setText(v);
          setError('');
        }}
        people={people}
        label={t('comments.newLabel')}
        placeholder={t('comments.placeholder')}
        testId="new-thread-text"
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" data-testid="new-thread-submit">
        {t('comments.start')}
      </button>
      <button type="button" onClick={onDone}>
        {t('text.cancel')}
      </button>
    </form>
  );
}

function ThreadView({
  thread,
  label,
  active,
  onSelect,
  people,
  may,
}: {
  thread: CommentThread;
  label: string;
  active: boolean;
  onSelect: () => void;
  people: readonly Mentionable[];
  may: boolean;
}) {
  const collab = useCollab();
  const t = useT();
  const language = useLanguage();
  const announce = useAnnounce();
  const comments = useSession().comments;
  const [reply, setReply] = useState('');
  const [error, setError] = useState('');
  if (!collab || !comments) return null;
  const { info } = collab;
  const names = new Map(info.members.map((m) => [m.id, m.name]));
  return (
    <li
      className={`thread${thread.resolved ? ' resolved' : ''}${active ? ' active' : ''}`}
      data-testid="thread"
      data-thread={thread.id}
    >
      <button type="button" className="thread-anchor" aria-expanded={active} onClick={onSelect}>
        {label}
        {thread.resolved && <span className="badge">{t('comments.resolvedBadge')}</span>}
      </button>
      <ol className="messages">
        {thread.messages.map((m) => (
          <li key={m.id} data-testid="comment-message">
            <p className="meta">
              <strong>{m.authorName || names.get(m.author) || m.author}</strong> · {time(m.at, language)}
            </p>
            <p className="text">
              <MessageText text={m.text} mentioned={m.mentions.map((id) => names.get(id) ?? '').filter(Boolean)} />
            </p>
            {m.mentions.includes(info.user.id) && <p className="mention-me">{t('comments.mentionsYou')}</p>}
          </li>
        ))}
      </ol>
      {thread.resolved && (
        <p className="muted">
          {t('comments.resolvedBy', { name: thread.resolved.byName, time: time(thread.resolved.at, language) })}
        </p>
      )}
      {may && (
        <div className="thread-actions">
          {!thread.resolved && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const written = comments.reply(thread.id, {
                  author: info.user,
                  text: reply,
                  mentions: mentionsIn(reply, people),
                });
                if (!written.ok) setError(written.errors[0]?.message ?? '');
                else {
                  setReply('');
                  announce(t('comments.replied'));
                }
              }}
            >
              <MentionTextarea
                value={reply}
                onChange={(v) => {
                  setReply(v);
                  setError('');
                }}
                people={people}
                label={t('comments.replyLabel')}
                testId="reply-text"
              />
              {error && (
                <p className="field-error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" data-testid="reply-submit">
                {t('comments.reply')}
              </button>
            </form>
          )}
          <button
            type="button"
            data-testid={thread.resolved ? 'reopen' : 'resolve'}
            onClick={() => {
              comments.setResolved(thread.id, thread.resolved ? null : info.user);
              announce(thread.resolved ? t('comments.reopened') : t('comments.resolvedNow'));
            }}
          >
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A message with its @-mentions emphasised. */
function MessageText({ text, mentioned }: { text: string; mentioned: readonly string[] }) {
  if (mentioned.length === 0) return <>{text}</>;
  const pattern = new RegExp(
    `(${mentioned.map((n) => `@${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('|')})`,
    'g',
  );
  return (
    <>
      {text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
