import { lazy, type ReactNode, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { CollabBar } from '../collab/CollabBar.tsx';
import { AuditView } from '../features/audit/AuditView.tsx';
import { BudgetView } from '../features/budget/BudgetView.tsx';
import { CommentsView } from '../features/comments/CommentsView.tsx';
import { CompareView } from '../features/compare/CompareView.tsx';
import { GoalsView } from '../features/goals/GoalsView.tsx';
import { HistoryView } from '../features/history/HistoryView.tsx';
import { ScenariosView } from '../features/scenarios/ScenariosView.tsx';
import { WorkshopView } from '../features/workshop/WorkshopView.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LiveSummary } from '../ui/LiveSummary.tsx';
import { useEngine, usePlanName, useProjections, useReadOnly, useSettings, useStatus, useT } from './hooks.ts';
import { PlanView } from './PlanView.tsx';
import { useCollab, useSession } from './SessionContext.ts';

/** The text editor (Tiptap, ProseMirror) is loaded when the view is first opened. */
const PlanTextView = lazy(() => import('../features/text/PlanTextView.tsx').then((m) => ({ default: m.PlanTextView })));
/** The uncertainty view (Monte Carlo, sensitivity) and its worker are loaded when the view is first opened. */
const UncertaintyView = lazy(() =>
  import('../features/uncertainty/UncertaintyView.tsx').then((m) => ({ default: m.UncertaintyView })),
);

const VIEWS = [
  'plan',
  'text',
  'goals',
  'budget',
  'scenarios',
  'compare',
  'risk',
  'audit',
  'comments',
  'history',
  'workshop',
] as const;
type View = (typeof VIEWS)[number];
/** The views of the local demo (no shared document, so no plan text, comments, versions or strategy day). */
const LOCAL_VIEWS = VIEWS.filter((v) => v !== 'history' && v !== 'text' && v !== 'comments' && v !== 'workshop');

const viewFromHash = (views: readonly View[]): View => {
  const hash = globalThis.location?.hash.replace('#', '') as View;
  return views.includes(hash) ? hash : 'budget';
};

/** The workspace: a header with the plan and settings, the views as a navigation, the status line. */
export function App() {
  const t = useT();
  const collab = useCollab();
  const readOnly = useReadOnly();
  const planName = usePlanName();
  const views = collab ? VIEWS : LOCAL_VIEWS;
  const [view, setView] = useState<View>(() => viewFromHash(views));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(views));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [views]);
  useEffect(() => {
    collab?.shared.presence.setFocus(view, null);
  }, [collab, view]);
  /** Edits go through the store, which refuses them for read-only roles; the fieldset also disables the inputs. */
  const editable = (content: ReactNode) =>
    readOnly ? (
      <fieldset disabled className="read-only">
        <legend className="visually-hidden">
          {t('collab.readOnlyNotice', { role: t(`role.${collab?.info.role ?? 'viewer'}`) })}
        </legend>
        {content}
      </fieldset>
    ) : (
      content
    );
  useEffect(() => {
    document.title = `${t(`nav.${view}` as MessageKey)} – ${planName} – Samplan`;
  }, [t, view, planName]);

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div>
          <p className="brand">{t('app.title')}</p>
          <p className="plan-name" data-testid="plan-name">
            {planName}
          </p>
        </div>
        <CollabBar />
        <HeaderControls />
      </header>
      <nav aria-label={t('nav.label')} className="views">
        <ul>
          {views.map((v) => (
            <li key={v}>
              <a href={`#${v}`} aria-current={v === view ? 'page' : undefined} data-testid={`nav-${v}`}>
                {t(`nav.${v}`)}
              </a>
            </li>
          ))}
          {collab && (
            <li className="nav-print">
              <a href={`/plans/${encodeURIComponent(collab.info.id)}/print`} data-testid="nav-print">
                {t('print.open')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className={view === 'budget' || view === 'scenarios' ? 'with-summary' : ''}>
        {(view === 'budget' || view === 'scenarios') && <LiveSummary />}
        {readOnly && collab && (
          <p className="notice" data-testid="read-only-notice">
            {collab.info.role === 'commenter'
              ? t('collab.commenterNotice')
              : t('collab.readOnlyNotice', { role: t(`role.${collab.info.role}`) })}
          </p>
        )}
        <DocIssues />
        {view === 'plan' && editable(<PlanView />)}
        {view === 'text' && (
          <Suspense fallback={<p role="status">{t('session.loading')}</p>}>
            <PlanTextView />
          </Suspense>
        )}
        {view === 'goals' && editable(<GoalsView />)}
        {view === 'budget' && editable(<BudgetView />)}
        {view === 'scenarios' && editable(<ScenariosView />)}
        {view === 'compare' && <CompareView />}
        {view === 'risk' && (
          <Suspense fallback={<p role="status">{t('session.loading')}</p>}>
            <UncertaintyView />
          </Suspense>
        )}
        {view === 'audit' && <AuditView />}
        {view === 'comments' && <CommentsView />}
        {view === 'history' && <HistoryView Budget={BudgetView} />}
        {view === 'workshop' && <WorkshopView />}
      </main>
      <StatusLine />
    </>
  );
}

/** Says so when the shared document is not a valid plan right now (the last valid plan stays on screen). */
function DocIssues() {
  const collab = useCollab();
  const t = useT();
  const store = collab?.shared.store;
  const issues = useSyncExternalStore(store?.subscribe ?? (() => () => {}), () => store?.issues() ?? NO_ISSUES);
  if (issues.length === 0) return null;
  return (
    <p role="alert" className="error" data-testid="doc-issues">
      {t('collab.docIssues', { message: issues[0]?.message ?? '' })}
    </p>
  );
}
const NO_ISSUES: readonly { message: string }[] = [];

/** The unit and language switches; re-renders only when a setting changes. */
function HeaderControls() {
  const t = useT();
  const { settings } = useSession();
  const { unit, language } = useSettings();
  const setUnit = settings.setUnit;
  const setLanguage = settings.setLanguage;
  return (
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
  );
}

/** The status line and whether the figures on screen are current; the one place of the shell that reads projections. */
function StatusLine() {
  const t = useT();
  const [status] = useStatus();
  const projections = useProjections();
  const engine = useEngine();
  return (
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
  );
}
