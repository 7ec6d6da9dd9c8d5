import { useWorkspace } from '../app/Workspace.tsx';
import { showAmount, showShare } from '../format/amounts.ts';

/** The stated figures that disagree with the computed ones, with the difference. */
export function AuditView() {
  const { t, plan, projections, unit } = useWorkspace();
  const base = projections?.results.find((r) => r.id === null);
  if (!base?.ok) return <p>{t('app.computing')}</p>;
  const { audit, auditChecked } = base.projection;
  const project = (id: string) => plan.esfProjects.find((p) => p.id === id)?.name ?? id;
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('audit.heading')}</h1>
      <p data-testid="audit-summary">
        {auditChecked === 0
          ? t('audit.nothing')
          : audit.length === 0
            ? t('audit.allRight', { checked: auditChecked })
            : t('audit.summary', { wrong: audit.length, checked: auditChecked })}
      </p>
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
              return (
                <tr key={`${e.year}-${e.figure}-${e.label}-${e.line ?? ''}`} data-testid="audit-row">
                  <td>{e.year}</td>
                  <th scope="row">
                    {e.label || e.figure}
                    {e.when ? ` (${t('audit.when', { project: project(e.when.project) })})` : ''}
                  </th>
                  <td>{show(e.stated)}</td>
                  <td>{show(e.computed)}</td>
                  <td className="negative-aware" data-value={e.difference}>
                    {e.difference.startsWith('-') ? '' : '+'}
                    {show(e.difference)}
                  </td>
                  <td>{e.line ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
