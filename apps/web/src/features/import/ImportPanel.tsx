import type { LayoutMapping } from '@samplan/budget-layout';
import type { Issue, Plan } from '@samplan/engine';
import { useCallback, useId, useMemo, useState } from 'react';
import { useAnnounce, useEngine, usePlan, useT, useUnit } from '../../app/hooks.ts';
import { useCollab, useSession } from '../../app/SessionContext.ts';
import type { ImportOutcome } from '../../worker/importApi.ts';
import { FileNotes } from './FileNotes.tsx';
import { ImportRefusal } from './ImportRefusal.tsx';
import { LayoutReview } from './LayoutReview.tsx';
import { storageLayoutMappingMemory } from './layoutMappingMemory.ts';
import { mergeImportedBudget } from './mergeImportedBudget.ts';
import { UnitQuestion } from './UnitQuestion.tsx';
import { useImportFlow } from './useImportFlow.ts';
import './import.css';

/** The MIME type of an Excel workbook (.xlsx). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * "Importera budgettabell (CSV eller Excel)": a file dropped or chosen is read in the worker. The
 * budget table imports at once (after asking the unit if the file does not say it); a sheet laid
 * out as printed is reviewed row by row first. A refusal lists every error with file, line, column
 * and the cell's text; nothing in the plan changes until an import succeeds, and then in one edit.
 */
export function ImportPanel() {
  const t = useT();
  const plan = usePlan();
  const engine = useEngine();
  const announce = useAnnounce();
  const collab = useCollab();
  const unit = useUnit();
  const fileId = useId();
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<{ file: string; errors: Issue[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const session = useSession();
  const memory = useMemo(() => session.imports.layoutMapping ?? storageLayoutMappingMemory('demo'), [session]);

  /** One undoable step in a shared plan: the replace is not merged with an edit made just before. */
  const replace = session.imports.replacePlan;

  const succeeded = useCallback(
    (message: string) => {
      setRefused(null);
      setDone(message);
      announce(message);
    },
    [announce],
  );

  const onPlan = useCallback(
    (imported: Plan, outcome: ImportOutcome) => {
      const result = replace(imported);
      if (!result.ok) {
        setRefused({ file: outcome.file, errors: result.errors });
        announce(t('plan.importErrors', { file: outcome.file, count: result.errors.length }));
        return;
      }
      succeeded(t('plan.imported', { file: outcome.file }));
    },
    [replace, succeeded, announce, t],
  );
  const flow = useImportFlow({ engine, memory, onPlan });
  const { state } = flow;

  const readFile = (file: File | undefined) => {
    if (!file) return;
    setRefused(null);
    setDone(null);
    void flow.choose(file);
  };

  const importReviewed = (imported: Plan, mapping: LayoutMapping, file: string) => {
    // A shared plan keeps its goals, text and settings: only the budget is replaced.
    const merged = collab
      ? mergeImportedBudget(plan, imported)
      : { ok: true as const, value: { plan: imported, droppedScenarios: [] } };
    const result = merged.ok ? replace(merged.value.plan) : merged;
    if (!result.ok) {
      setRefused({ file, errors: result.errors });
      announce(t('plan.importErrors', { file, count: result.errors.length }));
      return;
    }
    flow.remember(mapping);
    flow.done();
    const years = result.value.years;
    const range = years.length === 1 ? `${years[0]}` : `${years[0]}–${years.at(-1)}`;
    const dropped = merged.ok ? merged.value.droppedScenarios : [];
    succeeded(
      [
        t('import.imported', { file, years: range }),
        dropped.length ? t('import.scenariosDropped', { names: dropped.join(', ') }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  return (
    <>
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
          readFile(e.dataTransfer.files[0]);
        }}
      >
        <p>{t('plan.importHelp')}</p>
        <label htmlFor={fileId}>{t('plan.chooseFile')}</label>{' '}
        <input
          id={fileId}
          type="file"
          accept={`.csv,text/csv,.tsv,.txt,.xlsx,${XLSX_TYPE}`}
          data-testid="import-file"
          onChange={(e) => {
            readFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {state.step === 'reading' && (
        <p role="status" data-testid="import-reading">
          {t('import.reading', { file: state.file })}
        </p>
      )}
      <FileNotes notes={flow.notes} t={t} />
      {done && state.step === 'idle' && (
        <p className="import-done" data-testid="import-done">
          {done}
        </p>
      )}
      {state.step === 'unit' && (
        <UnitQuestion
          file={state.outcome.file}
          samples={state.outcome.samples}
          onChoose={flow.chooseUnit}
          onCancel={flow.cancel}
          t={t}
        />
      )}
      {state.step === 'review' && (
        <LayoutReview
          key={`${state.outcome.file}:${state.outcome.sheet ?? ''}:${state.outcome.proposal.unit}`}
          outcome={state.outcome}
          mapping={state.mapping}
          origins={state.origins}
          onRole={flow.setRole}
          onSheet={flow.chooseSheet}
          onImport={(imported) => importReviewed(imported, state.mapping, state.outcome.file)}
          onCancel={flow.cancel}
          shared={collab !== null}
          engine={engine}
          unit={unit}
          t={t}
        />
      )}
      {state.step === 'refused' && <ImportRefusal file={state.outcome.file} errors={state.outcome.errors} t={t} />}
      {refused && <ImportRefusal file={refused.file} errors={refused.errors} t={t} />}
    </>
  );
}
