import { useMemo, useState } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import { useCollab } from '../../app/SessionContext.ts';
import { type CommentAnchor, unresolvedBySection } from '../../core/docModel.ts';
import { canComment } from '../../session/api.ts';
import { CommentsPanel } from '../../ui/comments/CommentsPanel.tsx';
import { useCommentThreads } from '../../ui/comments/useCommentThreads.ts';
import { useOutline } from '../../ui/text/useOutline.ts';

type Target = 'line' | 'scenario';

/**
 * Every comment thread of the plan: unresolved counts per section, threads filtered by section,
 * and new threads on a budget line or a scenario (text ranges are commented in the plan text).
 */
export function CommentsView() {
  const collab = useCollab();
  const plan = usePlan();
  const t = useT();
  const threads = useCommentThreads();
  const sections = useOutline();
  const [section, setSection] = useState<string | null>(null);
  const [target, setTarget] = useState<Target>('line');
  const [choice, setChoice] = useState('');
  const [draft, setDraft] = useState<CommentAnchor | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const counts = useMemo(() => unresolvedBySection(threads), [threads]);
  if (!collab) return null;
  const lines = [
    ...plan.members.map((l) => ({ collection: 'members' as const, id: l.id, name: l.name })),
    ...plan.revenues.map((l) => ({ collection: 'revenues' as const, id: l.id, name: l.name })),
    ...plan.costs.map((l) => ({ collection: 'costs' as const, id: l.id, name: l.name })),
  ];
  const shown = section === null ? threads : threads.filter((th) => th.section === section);
  const start = () => {
    if (target === 'scenario') {
      if (plan.scenarios.some((s) => s.id === choice)) setDraft({ kind: 'scenario', scenario: choice });
      return;
    }
    const line = lines.find((l) => `${l.collection}/${l.id}` === choice);
    if (line) setDraft({ kind: 'line', collection: line.collection, line: line.id });
  };
  return (
    <div className="comments-view">
      <section aria-labelledby="by-section">
        <h1 id="by-section">{t('comments.bySection')}</h1>
        <ul className="section-counts" data-testid="section-counts">
          <li>
            <button type="button" aria-pressed={section === null} onClick={() => setSection(null)}>
              {t('comments.all')} ({threads.filter((th) => !th.resolved).length})
            </button>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                aria-pressed={section === s.id}
                onClick={() => setSection(s.id)}
                data-testid={`count-${s.id}`}
              >
                {s.title} ({counts.get(s.id) ?? 0})
              </button>
            </li>
          ))}
        </ul>
        {canComment(collab.info.role) && (
          <form
            className="new-comment-target"
            onSubmit={(e) => {
              e.preventDefault();
              start();
            }}
          >
            <h2>{t('comments.newOn')}</h2>
            <label>
              {t('comments.target')}
              <select
                value={target}
                data-testid="comment-target-kind"
                onChange={(e) => {
                  setTarget(e.target.value === 'scenario' ? 'scenario' : 'line');
                  setChoice('');
                }}
              >
                <option value="line">{t('comments.targetLine')}</option>
                <option value="scenario">{t('comments.targetScenario')}</option>
              </select>
            </label>
            <label>
              {t('comments.choose')}
              <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="comment-target">
                <option value="">–</option>
                {target === 'line'
                  ? lines.map((l) => (
                      <option key={`${l.collection}/${l.id}`} value={`${l.collection}/${l.id}`}>
                        {l.name}
                      </option>
                    ))
                  : plan.scenarios.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
              </select>
            </label>
            <button type="submit" disabled={choice === ''} data-testid="comment-target-start">
              {t('comments.write')}
            </button>
          </form>
        )}
      </section>
      <CommentsPanel
        heading={t('comments.heading')}
        threads={shown}
        draft={draft}
        onDraftDone={() => setDraft(null)}
        activeThread={active}
        onSelect={setActive}
      />
    </div>
  );
}
