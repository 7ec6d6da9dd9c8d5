import { useLayoutEffect } from 'react';
import { useWorkspace } from '../app/Workspace.tsx';
import { showAmount } from '../format/amounts.ts';

/**
 * Closing equity per year for the base plan and every scenario, kept next to the editors so each
 * edit's effect is visible at once. Marks `samplan:shown` (detail: request id) on the frame after
 * new figures reach the screen; the browser benchmark measures edit → shown with it.
 */
export function LiveSummary() {
  const { t, plan, projections, unit } = useWorkspace();
  useLayoutEffect(() => {
    if (!projections) return;
    const id = projections.requestId;
    requestAnimationFrame(() => performance.mark('samplan:shown', { detail: id }));
  }, [projections]);
  if (!projections) return null;
  return (
    <aside className="live-summary" aria-labelledby="live-summary-heading" data-testid="live-summary">
      <h2 id="live-summary-heading">
        {t('row.closingEquity')} ({unit})
      </h2>
      <table>
        <thead>
          <tr>
            <td />
            {plan.years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {projections.results.map((r) => (
            <tr key={r.id ?? 'base'}>
              <th scope="row">{r.name}</th>
              {r.ok
                ? r.projection.years.map((y) => (
                    <td
                      key={y.year}
                      className={y.closingEquity.startsWith('-') ? 'negative' : ''}
                      data-testid={`live-${r.id ?? 'base'}-${y.year}`}
                      data-value={y.closingEquity}
                    >
                      {showAmount(y.closingEquity, unit)}
                    </td>
                  ))
                : plan.years.map((y) => <td key={y}>–</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
