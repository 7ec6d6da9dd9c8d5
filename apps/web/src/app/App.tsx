import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import { AuditView } from '../views/AuditView.tsx';
import { BudgetView } from '../views/BudgetView.tsx';
import { CompareView } from '../views/CompareView.tsx';
import { LiveSummary } from '../views/LiveSummary.tsx';
import { PlanView } from '../views/PlanView.tsx';
import { ScenariosView } from '../views/ScenariosView.tsx';
import { useWorkspace } from './Workspace.tsx';

const VIEWS = ['plan', 'budget', 'scenarios', 'compare', 'audit'] as const;
type View = (typeof VIEWS)[number];

const viewFromHash = (): View => {
  const hash = globalThis.location?.hash.replace('#', '') as View;
  return VIEWS.includes(hash) ? hash : 'budget';
};

/** The workspace: a header with the plan and settings, the views as a navigation, the status line. */
export function App() {
  const { t, plan, unit, setUnit, language, setLanguage, projections, engine, status } = useWorkspace();
  const [view, setView] = useState<View>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(`nav.${view}` as MessageKey)} – ${plan.name} – Samplan`;
  }, [t, view, plan.name]);

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div>
          <p className="brand">{t('app.title')}</p>
          <p className="plan-name" data-testid="plan-name">
            {plan.name}
          </p>
        </div>
        <div className="header-controls">
          <fieldset className="unit-switch">
            <legend>{t('app.unit')}</legend>
            {(['tkr', 'kr'] as const).map((u) => (
              <label key={u}>
                <input type="radio" name="unit" value={u} checked={unit === u} onChange={() => setUnit(u)} />
                {u}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}
            title={t('app.languageLabel')}
            lang={language === 'sv' ? 'en' : 'sv'}
          >
            {t('app.language')}
          </button>
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="views">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <a href={`#${v}`} aria-current={v === view ? 'page' : undefined} data-testid={`nav-${v}`}>
                {t(`nav.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className={view === 'budget' || view === 'scenarios' ? 'with-summary' : ''}>
        {(view === 'budget' || view === 'scenarios') && <LiveSummary />}
        {view === 'plan' && <PlanView />}
        {view === 'budget' && <BudgetView />}
        {view === 'scenarios' && <ScenariosView />}
        {view === 'compare' && <CompareView />}
        {view === 'audit' && <AuditView />}
      </main>
      <footer className="status-line">
        <p role="status" aria-live="polite" data-testid="status">
          {status}
        </p>
        <p className="compute-state" data-testid="compute-state" data-request={projections?.requestId ?? 0}>
          {!projections || projections.requestId < engine.latestRequest()
            ? t('app.computing')
            : t('app.computed', { ms: projections.computeMs.toFixed(1).replace('.', ',') })}
        </p>
      </footer>
    </>
  );
}
