import { type FormEvent, useId, useState } from 'react';
import { useAnnounce, usePlan, useT } from '../../app/hooks.ts';
import type { Collab } from '../../app/Workspace.tsx';
import { useWorkshopCommands } from './useWorkshop.ts';

/** Saves the pinned proposals into the plan, with a named version. */
export function SavePinned({ collab, pinned }: { collab: Collab; pinned: number }) {
  const t = useT();
  const plan = usePlan();
  const announce = useAnnounce();
  const ws = useWorkshopCommands();
  const [name, setName] = useState(() =>
    t('workshop.defaultVersion', { date: new Date().toLocaleDateString('sv-SE') }),
  );
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const nameId = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const saved = ws.savePinned(plan, { versionName: name, savedBy: collab.info.user.name });
    if (!saved.ok) {
      const [first] = saved.errors;
      setResult({
        ok: false,
        text: first?.code === 'nothing-pinned' ? t('workshop.nothingPinned') : (first?.message ?? ''),
      });
      return;
    }
    const text = t('workshop.saved', { count: saved.scenarios.length, name: name.trim() });
    setResult({ ok: true, text });
    announce(text);
  };
  return (
    <section className="workshop-save" aria-labelledby="workshop-save-heading">
      <h2 id="workshop-save-heading">{t('workshop.save')}</h2>
      <p>{t('workshop.saveHelp')}</p>
      <p data-testid="workshop-pinned-count">{t('workshop.pinnedCount', { count: pinned })}</p>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={nameId}>{t('workshop.versionName')}</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            data-testid="workshop-version-name"
          />
        </div>
        <button type="submit" data-testid="workshop-save">
          {t('workshop.save')}
        </button>
      </form>
      {result && (
        <p
          role={result.ok ? undefined : 'alert'}
          className={result.ok ? 'notice' : 'error'}
          data-testid="workshop-saved"
        >
          {result.text}
        </p>
      )}
    </section>
  );
}
