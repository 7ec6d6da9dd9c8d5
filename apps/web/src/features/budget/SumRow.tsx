import { sumKronor } from '../../core/budget/gridNavigation.ts';
import { showAmount, type Unit } from '../../format/amounts.ts';

/** A subtotal or total: read-only amounts per year and their sum. */
export function SumRow({
  label,
  values,
  unit,
  years,
  testId,
}: {
  label: string;
  values: readonly string[];
  unit: Unit;
  years: readonly number[];
  /** Each year's cell gets the test id `${testId}-${year}` and its kronor as `data-value`. */
  testId?: string;
}) {
  return (
    <tr className="budget-sum">
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <td
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per plan year, in year order.
          key={i}
          className="budget-number"
          data-testid={testId ? `${testId}-${years[i]}` : undefined}
          data-value={testId ? v : undefined}
        >
          {showAmount(v, unit)}
        </td>
      ))}
      <td className="budget-number">{showAmount(sumKronor(values), unit)}</td>
      <td />
    </tr>
  );
}
