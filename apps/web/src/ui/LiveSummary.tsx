import { useLayoutEffect } from 'react';
import { useProjections, useT, useUnit } from '../app/hooks.ts';
import { ClosingEquityTable } from './ClosingEquityTable.tsx';

/**
 * Closing equity per year for the base plan and every scenario, kept next to the editors so each
 * edit's effect is visible at once. Marks `samplan:shown` (detail: request id) on the frame after
 * new figures reach the screen; the browser benchmark measures edit → shown with it.
 */
export function LiveSummary() {
  const t = useT();
  const projections = useProjections();
  const unit = useUnit();
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
      <ClosingEquityTable
        rows={projections.results.map((r) => ({ key: r.id ?? 'base', name: r.name, result: r }))}
        unit={unit}
        testIdPrefix="live"
      />
    </aside>
  );
}
