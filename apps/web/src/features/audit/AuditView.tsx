import { usePlan, useProjections, useT, useUnit } from '../../app/hooks.ts';
import { figureLabel, linesText, signNote } from '../../core/audit/auditEntryText.ts';
import { auditSourceText } from '../../core/audit/auditSource.ts';
import { showAmount, showShare } from '../../format/amounts.ts';
import { AuditErrorList } from '../../ui/AuditErrorList.tsx';

/**
 * The audit: the stated figures that disagree with the computed ones, each with its row name and
 * where the document states it, and the stated figures that could not be checked.
 */
export function AuditView() {
  const t = useT();
  const plan = usePlan();
  const projections = useProjections();
  const unit = useUnit();
  const base = projections?.results.find((r) => r.id === null);
  if (!base?.ok) return <p>{t('app.computing')}</p>;
  const { audit, auditChecked, auditErrors } = base.projection;
  const project = (id: string) => plan.esfProjects.find((p) => p.id === id)?.name ?? id;
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.heading')}</h1>
      <p data-testid="audit-summary">
        {auditChecked === 0
          ? auditErrors.length > 0
            ? t('audit.noneChecked')
            : t('audit.nothing')
          : audit.length === 0
            ? t('audit.allRight', { checked: auditChecked })
            : t('audit.summary', { wrong: audit.length, checked: auditChecked })}
      </p>
      <AuditErrorList errors={auditErrors} plan={plan} t={t} />
      {audit.length > 0 && (
        <table data-testid="audit-table">
          <caption className="visually-hidden">{t('audit.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.year')}</th>
              <th scope="col">{t('audit.figure')}</th>
              <th scope="col">{t('audit.stated')}</th>
              <th scope="col">{t('audit.computed')}</th>
              <th scope="col">{t('audit.difference')}</th>
              <th scope="col">{t('audit.source')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((e) => {
              const show = (v: string) => (e.unit === 'kr' ? `${showAmount(v, unit)} ${unit}` : showShare(v, 2));
              const sign = signNote(e, show, t);
              const lines = linesText(e, plan, t);
              const where = auditSourceText(e.source, t);
              const quote = e.source?.quote;
              return (
                <tr key={`${e.year}-${e.figure}-${e.label}-${e.line ?? ''}`} data-testid="audit-row">
                  <td>{e.year}</td>
                  <th scope="row">
                    {figureLabel(e.label, e.figure, t)}
                    {e.when ? ` (${t('audit.when', { project: project(e.when.project) })})` : ''}
                    {lines && <span className="audit-lines muted">{lines}</span>}
                  </th>
                  <td>
                    {show(e.stated)}
                    {sign && (
                      <span className="audit-sign muted" data-testid="audit-sign-note">
                        {sign}
                      </span>
                    )}
                  </td>
                  <td>{show(e.computed)}</td>
                  <td className="negative-aware" data-value={e.difference}>
                    {e.difference.startsWith('-') ? '' : '+'}
                    {show(e.difference)}
                  </td>
                  <td data-testid="audit-source">
                    {where ?? (quote ? '' : '–')}
                    {quote && <q className="audit-quote">{quote}</q>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
