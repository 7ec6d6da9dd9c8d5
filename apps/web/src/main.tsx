import { importBudgetTable } from '@samplan/budget-table';
import { createLocalPlanStore, localStoragePersistence } from '@samplan/plan-store';
import goteborg from '@samplan/seed-plans/csv/goteborg-2023.csv?raw';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { WorkspaceProvider } from './app/Workspace.tsx';
import { createEngineClient } from './worker/createEngineClient.ts';
import './app/app.css';

const demo = importBudgetTable(goteborg, 'goteborg-2023.csv');
if (!demo.ok) throw new Error('The demo plan does not import');
const store = createLocalPlanStore(demo.value, localStoragePersistence());
const engine = createEngineClient();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <WorkspaceProvider store={store} engine={engine}>
        <App />
      </WorkspaceProvider>
    </StrictMode>,
  );
}
