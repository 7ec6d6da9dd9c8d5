import { useState } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import type { Collab } from '../../app/Workspace.tsx';
import { proposalTitle, type Workshop } from '../../core/docModel.ts';
import { describeChanges } from './describeChanges.ts';
import { useWorkshopCommands } from './useWorkshop.ts';

/** Every proposal with its votes; the presenter pins and picks two to show side by side. */
export function Proposals({
  collab,
  workshop,
  presents,
  participates,
}: {
  collab: Collab;
  workshop: Workshop;
  presents: boolean;
  participates: boolean;
}) {
  const t = useT();
  const plan = usePlan();
  const ws = useWorkshopCommands();
  const userId = collab.info.user.id;
  const [picked, setPicked] = useState<readonly string[]>(() => workshop.shown);
  const chosen = picked.filter((id) => workshop.proposals.some((p) => p.id === id));
  const votesText = (count: number) =>
    count === 1 ? t('workshop.oneVote') : t('workshop.votes', { count: count.toLocaleString('sv-SE') });
  return (
    <section className="workshop-proposals" aria-labelledby="workshop-proposals-heading">
      <h2 id="workshop-proposals-heading">
        {t('workshop.proposals')} ({workshop.proposals.length})
      </h2>
      {workshop.proposals.length === 0 ? (
        <p>{t('workshop.noProposals')}</p>
      ) : (
        <ul className="proposal-list">
          {workshop.proposals.map((p) => {
            const title = proposalTitle(p);
            const voters = workshop.votes.get(p.id) ?? [];
            const mine = voters.includes(userId);
            const pinned = workshop.pinned.includes(p.id);
            const isPicked = chosen.includes(p.id);
            return (
              <li key={p.id} className={pinned ? 'proposal pinned' : 'proposal'} data-testid="proposal">
                <p className="proposal-title">
                  <strong>{title}</strong>
                  {pinned && <span className="badge">{t('workshop.pinnedBadge')}</span>}
                </p>
                <p className="proposal-changes">{describeChanges(t, plan, p.changes)}</p>
                <p className="proposal-actions">
                  <span data-testid="proposal-votes" data-count={voters.length}>
                    {votesText(voters.length)}
                  </span>
                  {participates && (
                    <button
                      type="button"
                      className={mine ? '' : 'secondary'}
                      aria-pressed={mine}
                      onClick={() => (mine ? ws.unvote(p.id, userId) : ws.vote(p.id, userId))}
                      data-testid="proposal-vote"
                    >
                      {t('workshop.vote')}
                      <span className="visually-hidden">: {title}</span>
                    </button>
                  )}
                  {presents && (
                    <button
                      type="button"
                      className={pinned ? '' : 'secondary'}
                      aria-pressed={pinned}
                      onClick={() => (pinned ? ws.unpin(p.id) : ws.pin(p.id))}
                      data-testid="proposal-pin"
                    >
                      {t('workshop.pin')}
                      <span className="visually-hidden">: {title}</span>
                    </button>
                  )}
                  {presents && (
                    <label>
                      <input
                        type="checkbox"
                        checked={isPicked}
                        disabled={!isPicked && chosen.length >= 2}
                        onChange={(e) =>
                          setPicked(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))
                        }
                        data-testid="proposal-pick"
                      />
                      {t('workshop.pick')}
                      <span className="visually-hidden">: {title}</span>
                    </label>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {presents && workshop.proposals.length > 0 && (
        <p>
          <button
            type="button"
            disabled={chosen.length !== 2}
            aria-describedby={chosen.length !== 2 ? 'pick-two' : undefined}
            onClick={() => ws.showSideBySide(chosen)}
            data-testid="show-side-by-side"
          >
            {t('workshop.showSideBySide')}
          </button>{' '}
          {chosen.length !== 2 && (
            <span id="pick-two" className="muted">
              {t('workshop.pickTwo')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
