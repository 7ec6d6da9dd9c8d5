import { importBudgetTable } from '@samplan/budget-table';
import { createLocalPlanStore, localStoragePersistence, type PlanStore } from '@samplan/plan-store';
import goteborg from '@samplan/seed-plans/csv/goteborg-2023.csv?raw';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { Shell } from './app/Shell.tsx';
import { WorkspaceProvider } from './app/Workspace.tsx';
import { registerOfflineShell } from './registerOfflineShell.ts';
import { createEngineClient } from './worker/createEngineClient.ts';
import './app/app.css';

/** The example plan (Göteborg 2023–2025): the demo's plan, and what a new shared plan can start from. */
const examplePlan = () => {
  const imported = importBudgetTable(goteborg, 'goteborg-2023.csv');
  if (!imported.ok) throw new Error('The example plan does not import');
  return imported.value;
};
const engine = createEngineClient();

const demo = location.pathname === '/demo';
const demoStore = demo ? createLocalPlanStore(examplePlan(), localStoragePersistence()) : null;

/** `/demo`: the workspace on a plan kept in this browser only (no account, no server). */
function Demo({ store }: { store: PlanStore }) {
  return (
    <WorkspaceProvider store={store} engine={engine}>
      <App />
    </WorkspaceProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {demoStore ? <Demo store={demoStore} /> : <Shell engine={engine} examplePlan={examplePlan} />}
    </StrictMode>,
  );
}
if (import.meta.env.PROD) registerOfflineShell();
