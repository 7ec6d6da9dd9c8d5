import type { AuditEntryDetailJson, YearJson } from '@samplan/engine';
import { useId } from 'react';
import { signNote } from '../../core/audit/auditEntryText.ts';
import { showAmount, showShare, type Unit } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { AuditErrorList } from '../../ui/AuditErrorList.tsx';
import type { LayoutPreview } from '../../worker/importApi.ts';
import { ImportRefusal } from './ImportRefusal.tsx';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const ROWS: readonly { key: MessageKey; value(y: YearJson): string }[] = [
  { key: 'row.revenue', value: (y) => y.revenue },
  { key: 'row.costs', value: (y) => y.costs },
  { key: 'row.result', value: (y) => y.result },
  { key: 'row.openingEquity', value: (y) => y.openingEquity },
  { key: 'row.closingEquity', value: (y) => y.closingEquity },
];

/** The plan the reviewed mapping gives: totals per year and the sheet's own totals against its rows. */
export function LayoutPreviewPanel({
  file,
  preview,
  computing,
  unit,
  t,
}: {
  file: string;
  preview: LayoutPreview | null;
  computing: boolean;
  unit: Unit;
  t: Translate;
}) {
  const headingId = useId();
  const money = (kronor: string) => `${showAmount(kronor, unit)} ${unit}`;
  const show = (e: AuditEntryDetailJson, v: string) => (e.unit === 'kr' ? money(v) : showShare(v, 2));
  return (
    <section
      className="import-preview"
      aria-labelledby={headingId}
      aria-busy={computing}
      data-testid="import-preview"
      data-state={computing || !preview ? 'computing' : preview.ok ? 'ok' : 'refused'}
    >
      <h4 id={headingId}>{t('import.previewHeading', { unit })}</h4>
      {computing && (
        <p role="status" className="muted">
          {t('import.previewComputing')}
        </p>
      )}
      {preview && !preview.ok && (
        <ImportRefusal
          file={file}
          errors={preview.errors}
          t={t}
          heading={t('import.previewRefused', { count: preview.errors.length })}
        />
      )}
      {preview?.ok && (
        <>
          <div className="budget-scroll">
            <table className="import-preview-table">
              <thead>
                <tr>
                  <td />
                  {preview.projection.years.map((y) => (
                    <th key={y.year} scope="col" className="budget-number">
                      {y.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{t(row.key)}</th>
                    {preview.projection.years.map((y) => (
                      <td
                        key={y.year}
                        className={`budget-number${row.value(y).startsWith('-') ? ' negative' : ''}`}
                        data-testid={`import-preview-${row.key.replace('row.', '')}-${y.year}`}
                        data-value={row.value(y)}
                      >
                        {showAmount(row.value(y), unit)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="import-audit-summary">
            {preview.projection.auditChecked === 0
              ? preview.projection.auditErrors.length > 0
                ? t('import.auditNoneChecked')
                : t('import.auditNothing')
              : preview.projection.audit.length === 0
                ? t('import.auditNone', { checked: preview.projection.auditChecked })
                : t('import.auditSome', {
                    wrong: preview.projection.audit.length,
                    checked: preview.projection.auditChecked,
                  })}
          </p>
          {preview.projection.audit.length > 0 && (
            <ul className="import-audit" data-testid="import-audit">
              {preview.projection.audit.map((e) => {
                const sign = signNote(e, (v) => show(e, v), t);
                return (
                  <li key={`${e.year}-${e.figure}-${e.label}-${e.line ?? ''}`}>
                    {t('import.auditEntry', {
                      label: e.label || t(`import.figure.${e.figure}`),
                      year: e.year,
                      line: e.line ?? '–',
                      stated: show(e, e.stated),
                      computed: show(e, e.computed),
                      difference: `${e.difference.startsWith('-') ? '' : '+'}${show(e, e.difference)}`,
                    })}
                    {sign && ` ${sign}`}
                  </li>
                );
              })}
            </ul>
          )}
          <AuditErrorList errors={preview.projection.auditErrors} plan={preview.plan} t={t} />
          {preview.unmapped
            .filter((r) => r.hasAmounts)
            .map((r) => (
              <p key={r.key} className="warning">
                {t('import.unmapped', { line: r.line, label: r.label })}
              </p>
            ))}
        </>
      )}
    </section>
  );
}
