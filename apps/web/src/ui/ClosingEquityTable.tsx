import type { ReactNode } from 'react';
import { usePlan } from '../app/hooks.ts';
import { showAmount, type Unit } from '../format/amounts.ts';
import type { ScenarioProjection } from '../worker/engineApi.ts';

/**
 * Closing equity per plan year, one row per projection: negative amounts marked, each cell with a
 * `<testIdPrefix>-<key>-<year>` test id and the exact value; a projection that failed shows dashes.
 */
export function ClosingEquityTable({
  rows,
  unit,
  testIdPrefix,
  caption,
  className,
}: {
  rows: readonly { key: string; name: string; result: ScenarioProjection }[];
  unit: Unit;
  testIdPrefix: string;
  caption?: ReactNode;
  className?: string;
}) {
  const plan = usePlan();
  return (
    <table className={className}>
      {caption && <caption>{caption}</caption>}
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
        {rows.map(({ key, name, result }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            {result.ok
              ? result.projection.years.map((y) => (
                  <td
                    key={y.year}
                    className={y.closingEquity.startsWith('-') ? 'negative' : ''}
                    data-testid={`${testIdPrefix}-${key}-${y.year}`}
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
  );
}
