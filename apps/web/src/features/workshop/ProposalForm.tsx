import type { Change } from '@samplan/engine';
import { type FormEvent, useId, useState } from 'react';
import { useAnnounce, usePlan, useT } from '../../app/hooks.ts';
import type { Collab } from '../../app/Workspace.tsx';
import { LeverControls, NO_CHANGES } from './LeverControls.tsx';
import { useWorkshopCommands } from './useWorkshop.ts';

/** A participant's proposal: the same levers, a name, and "Föreslå". */
export function ProposalForm({ collab }: { collab: Collab }) {
  const t = useT();
  const plan = usePlan();
  const announce = useAnnounce();
  const ws = useWorkshopCommands();
  const [changes, setChanges] = useState<readonly Change[]>(NO_CHANGES);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const errorId = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { user } = collab.info;
    const written = ws.propose(plan, { author: { id: user.id, name: user.name }, name, changes });
    if (!written.ok) {
      setError(written.errors[0]?.message ?? t('scenarios.invalid'));
      return;
    }
    setError(null);
    announce(t('workshop.proposed', { name: name.trim() }));
    setName('');
    setChanges(NO_CHANGES);
  };
  return (
    <section className="workshop-propose" aria-labelledby="workshop-propose-heading">
      <h2 id="workshop-propose-heading">{t('workshop.proposeHeading')}</h2>
      <p>{t('workshop.proposeHelp')}</p>
      <form onSubmit={onSubmit}>
        <LeverControls changes={changes} onChange={setChanges} testPrefix="draft" />
        <div className="field">
          <label htmlFor={nameId}>{t('workshop.proposalName')}</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            data-testid="proposal-name"
          />
        </div>
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="propose">
          {t('workshop.propose')}
        </button>
      </form>
    </section>
  );
}
