import type { LayoutMapping, RowRole } from '@samplan/budget-layout';
import { formatDecimalSv, type Plan } from '@samplan/engine';
import { useEffect, useId, useRef, useState } from 'react';
import type { Unit } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { EngineClient } from '../../worker/createEngineClient.ts';
import type { ImportOutcome, LayoutPreview } from '../../worker/importApi.ts';
import { LayoutPreviewPanel } from './LayoutPreviewPanel.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { reasonsText, reasonText } from './reasonText.ts';
import { roleFromValue } from './roleOptions.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type LayoutOutcome = Extract<ImportOutcome, { kind: 'layout' }>;

/** Where a row's role in the review comes from, when not from the proposal. */
export type RoleOrigin = 'saved' | 'edited';

/** How many plan years the review shows the amounts of. */
const SHOWN_YEARS = 3;

const printedText = (printed: string | null) =>
  printed === null ? '' : formatDecimalSv(printed, printed.split('.')[1]?.length ?? 0);

/**
 * The mapping review of a sheet laid out as printed: one row per sheet row with its label, the
 * amounts of the first years, the proposed role (a select), how sure the proposal is and why; the
 * plan the mapping gives, recomputed on every change; and "Importera", which writes nothing until
 * every row has a role and the sheet gives a valid plan (a shared plan asks first).
 */
export function LayoutReview({
  outcome,
  mapping,
  origins,
  onRole,
  onSheet,
  onImport,
  onCancel,
  shared,
  engine,
  unit,
  t,
}: {
  outcome: LayoutOutcome;
  mapping: LayoutMapping;
  origins: ReadonlyMap<string, RoleOrigin>;
  onRole(key: string, role: RowRole): void;
  onSheet(sheet: string): void;
  onImport(plan: Plan): void;
  onCancel(): void;
  shared: boolean;
  engine: EngineClient;
  unit: Unit;
  t: Translate;
}) {
  const headingId = useId();
  const sheetId = useId();
  const mustChooseId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { proposal, grid, file } = outcome;
  const [preview, setPreview] = useState<{ mapping: LayoutMapping; result: LayoutPreview } | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let live = true;
    void engine
      .previewLayout(grid, mapping, { file: outcome.file, ...(outcome.sheet ? { sheet: outcome.sheet } : {}) })
      .then((result) => {
        if (live) setPreview({ mapping, result });
      });
    return () => {
      live = false;
    };
  }, [engine, grid, mapping, outcome.file, outcome.sheet]);

  const roles = new Map(mapping.rows.map((r) => [r.key, r.role]));
  const years = proposal.years.slice(0, SHOWN_YEARS);
  const unknown = proposal.rows.filter((r) => (roles.get(r.key) ?? r.role).kind === 'unknown');
  const computing = preview?.mapping !== mapping;
  const result = computing ? null : (preview?.result ?? null);
  const ready = result?.ok === true && unknown.length === 0;
  // The cost sign has its own sentence beside the unit; the other notes are listed under it.
  const sheetNotes = proposal.noteReasons.filter((r) => r.code !== 'costs-printed-negative');

  const importNow = () => {
    if (result?.ok && unknown.length === 0) onImport(result.plan);
  };

  return (
    <section className="import-step import-review" aria-labelledby={headingId} data-testid="import-review">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('import.reviewHeading', { file })}
      </h3>
      <p className="budget-help">{t('import.reviewHelp')}</p>
      {outcome.sheets.length > 1 && (
        <div className="field">
          <label htmlFor={sheetId}>{t('import.sheet')}</label>
          <select
            id={sheetId}
            value={outcome.sheet ?? ''}
            onChange={(e) => onSheet(e.target.value)}
            data-testid="import-sheet"
          >
            {outcome.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="muted" data-testid="import-unit-found">
        {proposal.unitReason.code === 'unit-given'
          ? t('import.unitGiven', { unit: proposal.unit ?? '' })
          : t('import.unit', { unit: proposal.unit ?? '', why: reasonText(proposal.unitReason, t) })}
        {proposal.costSign === 'negative' && ` ${t('import.costSignNegative')}`}
      </p>
      {sheetNotes.length > 0 && (
        <div className="import-sheet-notes" data-testid="import-sheet-notes">
          <p className="muted">{t('import.sheetNotes')}</p>
          <ul>
            {sheetNotes.map((note) => {
              const text = reasonText(note, t);
              return <li key={text}>{text}</li>;
            })}
          </ul>
        </div>
      )}
      <div className="budget-scroll import-review-scroll">
        <table className="import-review-table">
          <thead>
            <tr>
              <th scope="col">{t('import.col.line')}</th>
              <th scope="col">{t('import.col.label')}</th>
              {years.map((y) => (
                <th key={y} scope="col" className="budget-number">
                  {y} ({proposal.unit})
                </th>
              ))}
              <th scope="col">{t('import.col.role')}</th>
              <th scope="col">{t('import.col.confidence')}</th>
              <th scope="col">{t('import.col.explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.rows.map((row) => {
              const role = roles.get(row.key) ?? row.role;
              const origin = origins.get(row.key);
              const confidence = origin ?? (role.kind === 'unknown' ? 'unknown' : row.confidence);
              return (
                <tr
                  key={row.key}
                  data-testid={`import-row-${row.line}`}
                  className={role.kind === 'unknown' ? 'import-row-unknown' : undefined}
                >
                  <td className="budget-number import-line" data-label={t('import.col.line')}>
                    {row.line}
                  </td>
                  <th scope="row" className="import-label">
                    {row.label}
                  </th>
                  {years.map((y, i) => (
                    <td
                      key={y}
                      className={`budget-number import-amount${row.printed[i] == null ? ' import-empty' : ''}`}
                      data-label={`${y} (${proposal.unit})`}
                    >
                      {printedText(row.printed[i] ?? null)}
                    </td>
                  ))}
                  <td className="import-role-cell">
                    <RoleSelect
                      role={role}
                      label={t('import.roleFor', { line: row.line, label: row.label })}
                      t={t}
                      testId={`import-role-${row.line}`}
                      onChange={(value) =>
                        onRole(
                          row.key,
                          roleFromValue(value, { previous: role, label: row.label, printed: row.printed }),
                        )
                      }
                    />
                  </td>
                  <td
                    className={`import-confidence import-confidence-${confidence}`}
                    data-label={t('import.col.confidence')}
                  >
                    {t(`import.confidence.${confidence}`)}
                  </td>
                  <td className="import-explanation" data-label={t('import.col.explanation')}>
                    {origin === 'saved' ? t('import.savedExplanation') : reasonsText(row.reasons, t)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <LayoutPreviewPanel file={file} preview={result} computing={computing} unit={unit} t={t} />

      {unknown.length > 0 && (
        <p id={mustChooseId} className="warning" data-testid="import-must-choose">
          {t('import.mustChoose', {
            rows: unknown.map((r) => t('import.rowRef', { line: r.line, label: r.label })).join(', '),
          })}
        </p>
      )}
      {confirming ? (
        <div className="import-confirm" data-testid="import-confirm">
          <p role="alert">{t('import.confirmShared')}</p>
          <button
            type="button"
            className="budget-button import-danger"
            data-testid="import-confirm-button"
            onClick={importNow}
          >
            {t('import.confirmReplace')}
          </button>
          <button
            type="button"
            className="budget-button budget-secondary"
            data-testid="import-confirm-cancel"
            onClick={() => setConfirming(false)}
          >
            {t('import.back')}
          </button>
        </div>
      ) : (
        <div className="import-actions">
          <button
            type="button"
            className="budget-button"
            data-testid="import-apply"
            disabled={!ready}
            aria-describedby={unknown.length > 0 ? mustChooseId : undefined}
            onClick={() => (shared ? setConfirming(true) : importNow())}
          >
            {t('import.import')}
          </button>
          <button
            type="button"
            className="budget-button budget-secondary"
            data-testid="import-cancel"
            onClick={onCancel}
          >
            {t('import.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
