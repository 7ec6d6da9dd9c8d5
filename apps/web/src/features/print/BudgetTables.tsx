import { COST_CATEGORIES } from '@samplan/engine';
import { usePlan, useT } from '../../app/hooks.ts';
import { showAmount, showShare } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { ScenarioProjection } from '../../worker/engineApi.ts';
import { shareOf } from './shareOf.ts';

type Ok = Extract<ScenarioProjection, { ok: true }>;

/**
 * The budget as the board reads it, in tkr: revenue by source, costs per category with each
 * category's share of the total cost, the result and equity; then every cost line by category.
 * Every figure is the engine's; shares are exact ratios of the engine's amounts.
 */
export function BudgetTables({ result }: { result: Ok }) {
  const t = useT();
  const plan = usePlan();
  const { years, lines } = result.projection;
  const tkr = (kronor: string) => showAmount(kronor, 'tkr');
  const head = (caption: string) => (
    <>
      <caption>{caption} (tkr)</caption>
      <thead>
        <tr>
          <th scope="col">{t('print.line')}</th>
          {years.map((y) => (
            <th key={y.year} scope="col">
              {y.year}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
  const row = (label: string, values: readonly string[], className = '', testId?: string) => (
    <tr className={className} data-testid={testId}>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one cell per plan year
        <td key={i}>{v}</td>
      ))}
    </tr>
  );
  const costLines = lines.filter((l) => l.kind === 'cost');
  return (
    <div className="budget-tables">
      <table className="print-table" data-testid="print-summary-table">
        {head(t('print.summaryTable'))}
        <tbody>
          {row(
            t('print.members'),
            years.map((y) => tkr(y.revenueBySource.members)),
          )}
          {row(
            t('print.esf'),
            years.map((y) => tkr(y.revenueBySource.esf)),
          )}
          {row(
            t('print.income'),
            years.map((y) => tkr(y.revenueBySource.income)),
          )}
          {row(
            t('print.revenue'),
            years.map((y) => tkr(y.revenue)),
            'total',
            'print-revenue',
          )}
          {COST_CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{t(`budget.category.${c}` as MessageKey)}</th>
              {years.map((y) => (
                <td key={y.year}>
                  {tkr(y.costsByCategory[c])}{' '}
                  <span className="share">({showShare(shareOf(y.costsByCategory[c], y.costs))})</span>
                </td>
              ))}
            </tr>
          ))}
          {row(
            t('print.costs'),
            years.map((y) => tkr(y.costs)),
            'total',
            'print-costs',
          )}
          {row(
            t('print.result'),
            years.map((y) => tkr(y.result)),
            'total',
            'print-result',
          )}
          {row(
            t('print.openingEquity'),
            years.map((y) => tkr(y.openingEquity)),
          )}
          {row(
            t('print.closingEquity'),
            years.map((y) => tkr(y.closingEquity)),
            'total',
            'print-closing-equity',
          )}
        </tbody>
      </table>
      <table className="print-table" data-testid="print-cost-lines">
        {head(t('print.costLines'))}
        <tbody>
          {COST_CATEGORIES.map((c) => {
            const inCategory = costLines.filter((l) => l.group === c);
            if (inCategory.length === 0) return null;
            return [
              <tr key={`${c}-head`} className="group">
                <th scope="rowgroup" colSpan={years.length + 1}>
                  {t(`budget.category.${c}` as MessageKey)}
                </th>
              </tr>,
              ...inCategory.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.name}
                    {l.project ? ` (${plan.esfProjects.find((p) => p.id === l.project)?.name ?? l.project})` : ''}
                  </th>
                  {l.amounts.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per plan year
                    <td key={i}>{tkr(a)}</td>
                  ))}
                </tr>
              )),
            ];
          })}
          {row(
            t('print.costs'),
            years.map((y) => tkr(y.costs)),
            'total',
          )}
        </tbody>
      </table>
    </div>
  );
}
