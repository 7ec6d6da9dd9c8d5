import { sumColumns } from '../../core/budget/gridNavigation.ts';
import { LineRow, type RowCommon } from './LineRow.tsx';
import { type RowModel, rowKey } from './rowModel.ts';
import { SumRow } from './SumRow.tsx';

/** A category or revenue kind: a heading row, its lines and their subtotal. */
export function LineGroup({
  title,
  subtotal,
  rows,
  common,
}: {
  title: string;
  subtotal: string;
  rows: readonly RowModel[];
  common: RowCommon;
}) {
  const totals = sumColumns(
    rows.map((r) => r.values),
    common.years.length,
  );
  return (
    <tbody>
      <tr className="budget-group">
        <th scope="rowgroup" colSpan={common.years.length + 3}>
          {title}
        </th>
      </tr>
      {rows.map((r) => (
        <LineRow key={rowKey(r.collection, r.id)} {...common} {...r} />
      ))}
      <SumRow label={subtotal} values={totals} unit={common.unit} years={common.years} />
    </tbody>
  );
}
