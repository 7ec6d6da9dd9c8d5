import type { Issue, Plan, Result } from '@samplan/engine';
import finnveden from '@samplan/seed-plans/csv/finnveden-2021.csv?raw';
import goteborg from '@samplan/seed-plans/csv/goteborg-2023.csv?raw';
import sundbyberg from '@samplan/seed-plans/csv/sundbyberg-2020.csv?raw';
import { type FormEvent, useId, useState } from 'react';
import { useWorkspace } from '../app/Workspace.tsx';
import { emptyPlan } from '../features/new-plan/emptyPlan.ts';
import { NewPlanYears, readNewPlanYears } from '../features/new-plan/NewPlanYears.tsx';

const DEMOS = [
  { file: 'goteborg-2023.csv', name: 'Samordningsförbundet Göteborg 2023–2025', text: goteborg },
  { file: 'finnveden-2021.csv', name: 'Finnvedens Samordningsförbund 2021–2023', text: finnveden },
  { file: 'sundbyberg-2020.csv', name: 'Samordningsförbundet Sundbybergs stad 2020–2022', text: sundbyberg },
];

/** The MIME type of an Excel workbook (.xlsx). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether a chosen or dropped file is an Excel workbook: by its extension or its MIME type. */
const isWorkbook = (file: File) => /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE;

/** Opens a demo, creates an empty plan, imports and exports budget tables. */
export function PlanView() {
  const { t, plan, apply, engine, announce } = useWorkspace();
  const [errors, setErrors] = useState<{ file: string; issues: Issue[] } | null>(null);
  const [dragging, setDragging] = useState(false);
  const ids = { name: useId(), region: useId(), kommuner: useId(), file: useId() };

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

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    // A workbook goes to the worker as bytes (transferred); anything else is read as a CSV budget table.
    if (isWorkbook(file)) take(await engine.importXlsx(await file.arrayBuffer(), file.name), file.name);
    else await load(await file.text(), file.name);
  };

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
          {/* Dropping a file is a pointer shortcut; the file input inside is the keyboard way. */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: drop target only, the file input is the accessible control */}
          <div
            className={`dropzone${dragging ? ' active' : ''}`}
            data-testid="dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void readFile(e.dataTransfer.files[0]);
            }}
          >
            <p>{t('plan.importHelp')}</p>
            <label htmlFor={ids.file}>{t('plan.chooseFile')}</label>{' '}
            <input
              id={ids.file}
              type="file"
              accept={`.csv,text/csv,.xlsx,${XLSX_TYPE}`}
              data-testid="import-file"
              onChange={(e) => {
                void readFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </div>
          {errors && (
            <div role="alert" className="error" data-testid="import-errors">
              <p>{t('plan.importErrors', { file: errors.file, count: errors.issues.length })}</p>
              <ul>
                {errors.issues.map((issue) => (
                  <li key={`${issue.line}:${issue.column}:${issue.code}:${issue.message}`}>
                    {issue.line !== undefined
                      ? `${issue.file ?? errors.file}:${issue.line}:${issue.column ?? 1}: `
                      : ''}
                    {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
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
