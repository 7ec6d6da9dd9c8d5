import type { Issue, Plan, Result } from '@samplan/engine';
import finnveden from '@samplan/seed-plans/csv/finnveden-2021.csv?raw';
import goteborg from '@samplan/seed-plans/csv/goteborg-2023.csv?raw';
import sundbyberg from '@samplan/seed-plans/csv/sundbyberg-2020.csv?raw';
import { type FormEvent, useId, useState } from 'react';
import { ImportPanel, XLSX_TYPE } from '../features/import/ImportPanel.tsx';
import { ImportRefusal } from '../features/import/ImportRefusal.tsx';
import { emptyPlan } from '../features/new-plan/emptyPlan.ts';
import { NewPlanYears, readNewPlanYears } from '../features/new-plan/NewPlanYears.tsx';
import { useAnnounce, useApply, useEngine, usePlan, useT } from './hooks.ts';

const DEMOS = [
  { file: 'goteborg-2023.csv', name: 'Samordningsförbundet Göteborg 2023–2025', text: goteborg },
  { file: 'finnveden-2021.csv', name: 'Finnvedens Samordningsförbund 2021–2023', text: finnveden },
  { file: 'sundbyberg-2020.csv', name: 'Samordningsförbundet Sundbybergs stad 2020–2022', text: sundbyberg },
];

/** Opens a demo, creates an empty plan, imports (see ImportPanel) and exports budget tables. */
export function PlanView() {
  const t = useT();
  const plan = usePlan();
  const apply = useApply();
  const engine = useEngine();
  const announce = useAnnounce();
  const [errors, setErrors] = useState<{ file: string; issues: Issue[] } | null>(null);
  const ids = { name: useId(), region: useId(), kommuner: useId() };

  /** Takes an imported plan, or shows the importer's errors and keeps the current plan. */
  const take = (result: Result<Plan>, file: string) => {
    if (!result.ok) {
      setErrors({ file, issues: result.errors });
      announce(t('plan.importErrors', { file, count: result.errors.length }));
      return;
    }
    const applied = apply({ type: 'replace-plan', plan: result.value });
    if (!applied.ok) {
      setErrors({ file, issues: applied.errors });
      return;
    }
    setErrors(null);
    announce(t('plan.imported', { file }));
  };

  const load = async (text: string, file: string) => take(await engine.importCsv(text, file), file);

  const download = (data: BlobPart, type: string, extension: string) => {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${plan.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'plan'}.${extension}`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const exportCsv = async () => download(await engine.exportCsv(plan), 'text/csv;charset=utf-8', 'csv');

  const exportXlsx = async () => {
    try {
      // Built in the worker (exceljs is loaded there on first use); the bytes arrive transferred.
      const bytes = await engine.exportXlsx(plan);
      download(bytes as Uint8Array<ArrayBuffer>, XLSX_TYPE, 'xlsx');
    } catch {
      announce(t('plan.exportXlsxFailed'));
    }
  };

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const created = emptyPlan({
      name: String(form.get('name') ?? ''),
      ...readNewPlanYears(form),
      region: String(form.get('region') ?? ''),
      kommuner: String(form.get('kommuner') ?? '').split('\n'),
    });
    if (!created.ok) {
      setErrors({ file: t('plan.new'), issues: created.errors });
      return;
    }
    apply({ type: 'replace-plan', plan: created.value });
    setErrors(null);
    announce(t('plan.created', { name: created.value.name }));
  };

  return (
    <section aria-labelledby="plan-heading">
      <h1 id="plan-heading">{t('plan.heading')}</h1>
      <p>
        {t('plan.current')}: <strong>{plan.name}</strong>{' '}
        <button type="button" className="secondary" onClick={exportCsv} data-testid="export-csv">
          {t('plan.export')}
        </button>{' '}
        <button type="button" className="secondary" onClick={exportXlsx} data-testid="export-xlsx">
          {t('plan.exportXlsx')}
        </button>
      </p>
      <div className="cards">
        <section className="card" aria-labelledby="demos-heading">
          <h2 id="demos-heading">{t('plan.demos')}</h2>
          <p className="muted">{t('plan.demosHelp')}</p>
          <ul>
            {DEMOS.map((d) => (
              <li key={d.file}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => load(d.text, d.file)}
                  data-testid={`demo-${d.file}`}
                >
                  {t('plan.open', { name: d.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading">{t('plan.import')}</h2>
          <ImportPanel />
          {errors && <ImportRefusal file={errors.file} errors={errors.issues} t={t} />}
        </section>
        <section className="card" aria-labelledby="new-heading">
          <h2 id="new-heading">{t('plan.new')}</h2>
          <form onSubmit={create}>
            <div className="field">
              <label htmlFor={ids.name}>{t('plan.newName')}</label>
              <input id={ids.name} name="name" required defaultValue="Samordningsförbundet" />
            </div>
            <NewPlanYears t={t} />
            <div className="field">
              <label htmlFor={ids.region}>{t('plan.region')}</label>
              <input id={ids.region} name="region" defaultValue="Regionen" />
            </div>
            <div className="field">
              <label htmlFor={ids.kommuner}>{t('plan.kommuner')}</label>
              <textarea id={ids.kommuner} name="kommuner" rows={3} defaultValue="Kommunen" />
            </div>
            <button type="submit">{t('plan.create')}</button>
          </form>
        </section>
      </div>
    </section>
  );
}
