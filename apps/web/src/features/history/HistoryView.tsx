import type { YearJson } from '@samplan/engine';
import { createLocalPlanStore } from '@samplan/plan-store';
import { type ComponentType, type FormEvent, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  useAnnounce,
  useApply,
  useLanguage,
  usePlan,
  useProjections,
  useReadOnly,
  useT,
  useUnit,
} from '../../app/hooks.ts';
import { useCollab, useSession } from '../../app/SessionContext.ts';
import { type Collab, WorkspaceProvider } from '../../app/Workspace.tsx';
import { signedDifference } from '../../core/compare/compareRows.ts';
import type { PlanVersion } from '../../core/docModel.ts';
import type { VersionCommands } from '../../core/versions/createVersionCommands.ts';
import { showAmount } from '../../format/amounts.ts';
import { createEngineClient, type EngineClient } from '../../worker/createEngineClient.ts';
import type { ProjectResponse } from '../../worker/engineApi.ts';

const dateTime = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Version history: save the plan under a name, list the versions, open one read-only, compare its
 * projection with the current plan's, or restore it (a `replace-plan` edit: shared, and undoable).
 * `Budget` is the budget view the app passes in, shown for a version opened read-only.
 */
export function HistoryView({ Budget }: { Budget: ComponentType }) {
  const collab = useCollab();
  const versions = useSession().versions;
  return collab && versions ? <History collab={collab} commands={versions} Budget={Budget} /> : null;
}

function History({ collab, commands, Budget }: { collab: Collab; commands: VersionCommands; Budget: ComponentType }) {
  const t = useT();
  const language = useLanguage();
  const plan = usePlan();
  const apply = useApply();
  const announce = useAnnounce();
  const readOnly = useReadOnly();
  const { versions, issues } = useSyncExternalStore(commands.list.subscribe, commands.list.get);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; mode: 'view' | 'compare' } | null>(null);
  const opened = versions.find((v) => v.id === open?.id) ?? null;

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const chosen = name.trim() || t('history.defaultName', { date: new Date().toLocaleDateString('sv-SE') });
    const saved = commands.save({ name: chosen, savedBy: collab.info.user.name, plan });
    if (!saved.ok) {
      setError(saved.errors[0]?.message ?? '');
      return;
    }
    setError(null);
    setName('');
    announce(t('history.saved', { name: chosen }));
  };

  const restore = (version: PlanVersion) => {
    if (!window.confirm(t('history.restoreConfirm', { name: version.name }))) return;
    const result = apply({ type: 'replace-plan', plan: version.plan });
    announce(result.ok ? t('history.restored', { name: version.name }) : (result.errors[0]?.message ?? ''));
  };

  return (
    <section aria-labelledby="history-heading" className="history">
      <h1 id="history-heading">{t('history.heading')}</h1>
      <p>{t('history.help')}</p>
      {!readOnly && (
        <form onSubmit={onSave} className="history-save">
          <label>
            {t('history.name')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('history.defaultName', { date: new Date().toLocaleDateString('sv-SE') })}
              maxLength={200}
              aria-invalid={error ? 'true' : undefined}
              data-testid="version-name"
            />
          </label>
          <button type="submit" data-testid="save-version">
            {t('history.save')}
          </button>
          {error && <p role="alert">{error}</p>}
        </form>
      )}
      {issues.length > 0 && <p role="alert">{t('history.invalidEntries', { count: issues.length })}</p>}
      {versions.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <table className="versions" data-testid="versions">
          <caption>{t('history.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.colName')}</th>
              <th scope="col">{t('history.colSaved')}</th>
              <th scope="col">{t('history.colBy')}</th>
              <th scope="col">{t('history.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} aria-current={version.id === open?.id ? 'true' : undefined}>
                <th scope="row">{version.name}</th>
                <td>{dateTime(version.savedAt, language)}</td>
                <td>{version.savedBy}</td>
                <td className="version-actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setOpen({ id: version.id, mode: 'view' })}
                    data-testid="version-open"
                  >
                    {t('history.open')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setOpen({ id: version.id, mode: 'compare' })}
                    data-testid="version-compare-button"
                  >
                    {t('history.compare')}
                  </button>
                  {!readOnly && (
                    <button type="button" onClick={() => restore(version)} data-testid="version-restore">
                      {t('history.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opened && open && (
        <VersionPanel version={opened} mode={open.mode} onClose={() => setOpen(null)} Budget={Budget} />
      )}
    </section>
  );
}

/** An opened version: its own read-only store and engine worker, shown as the budget or compared with now. */
/** A saved version opened read-only; `Budget` is the budget view (the app's, so this feature imports no other). */
function VersionPanel({
  version,
  mode,
  onClose,
  Budget,
}: {
  version: PlanVersion;
  mode: 'view' | 'compare';
  onClose(): void;
  Budget: ComponentType;
}) {
  const t = useT();
  const language = useLanguage();
  const outerProjections = useProjections();
  const store = useMemo(() => createLocalPlanStore(version.plan), [version]);
  // Its own worker, so the version's projection never takes the place of the live plan's.
  const [engine, setEngine] = useState<EngineClient | null>(null);
  useEffect(() => {
    const client = createEngineClient();
    setEngine(client);
    return () => client.terminate();
  }, []);
  return (
    <section className="version-panel" aria-labelledby="version-heading" data-testid="version-panel">
      <header className="version-panel-header">
        <h2 id="version-heading">
          {t('history.viewing', { name: version.name, date: dateTime(version.savedAt, language), by: version.savedBy })}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('history.close')}
        </button>
      </header>
      {engine && (
        <WorkspaceProvider store={store} engine={engine} readOnly>
          {mode === 'view' ? (
            <fieldset disabled className="read-only">
              <legend className="visually-hidden">{version.name}</legend>
              <Budget />
            </fieldset>
          ) : (
            <VersionCompare current={outerProjections} name={version.name} />
          )}
        </WorkspaceProvider>
      )}
    </section>
  );
}

const baseYears = (response: ProjectResponse | null): YearJson[] | null => {
  const base = response?.results.find((r) => r.id === null);
  return base?.ok ? base.projection.years : null;
};

/** The version's base projection against the current plan's, per year. */
function VersionCompare({ current, name }: { current: ProjectResponse | null; name: string }) {
  const t = useT();
  const projections = useProjections();
  const unit = useUnit();
  const then = baseYears(projections);
  const now = baseYears(current);
  if (!then || !now) return <p>{t('history.computing')}</p>;
  const rows: { label: string; read: (y: YearJson) => string }[] = [
    { label: t('history.revenue'), read: (y) => y.revenue },
    { label: t('history.costs'), read: (y) => y.costs },
    { label: t('history.result'), read: (y) => y.result },
    { label: t('history.equity'), read: (y) => y.closingEquity },
  ];
  const years = [...new Set([...then.map((y) => y.year), ...now.map((y) => y.year)])].sort((a, b) => a - b);
  return (
    <table className="compare" data-testid="version-compare">
      <caption>
        {t('history.compareHeading', { name })} – {t('history.compareCaption')} ({unit})
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('history.colYear')}</th>
          <td />
          <th scope="col">{t('history.colVersion')}</th>
          <th scope="col">{t('history.colCurrent')}</th>
          <th scope="col">{t('history.colDiff')}</th>
        </tr>
      </thead>
      <tbody>
        {years.flatMap((year) =>
          rows.map((row, i) => {
            const a = then.find((y) => y.year === year);
            const b = now.find((y) => y.year === year);
            const thenValue = a ? row.read(a) : undefined;
            const nowValue = b ? row.read(b) : undefined;
            return (
              <tr key={`${year}-${row.label}`} data-testid={`version-compare-${year}-${i}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={rows.length}>
                    {year}
                  </th>
                ) : null}
                <th scope="row">{row.label}</th>
                <td className="num">{showAmount(thenValue, unit)}</td>
                <td className="num">{showAmount(nowValue, unit)}</td>
                <td className="num">{signedDifference(nowValue, thenValue, unit)}</td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
