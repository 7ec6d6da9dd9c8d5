import type { PlanEdit } from '@samplan/plan-store';
import type { ReactNode, RefObject } from 'react';
import { useAnnounce, useApply, useReadOnly, useT } from '../../app/hooks.ts';

/**
 * A goal's indicators or activities: a heading, the table (or a line saying there are none) with a
 * remove button per row for editors, and the add form. `kind` prefixes the rows' test ids.
 */
export function GoalPart<T extends { id: string }>({
  kind,
  heading,
  empty,
  label,
  testId,
  columns,
  records,
  cells,
  remove,
  form,
}: {
  kind: 'indicator' | 'activity';
  heading: string;
  empty: string;
  label: string;
  testId: string;
  /** The column headers before the remove column. */
  columns: ReactNode;
  records: readonly T[];
  /** A record's cells before its remove button. */
  cells(record: T): ReactNode;
  remove: {
    edit(record: T): PlanEdit;
    label(record: T): string;
    done(record: T): string;
    /** Where focus goes after a removal (the add form's first field). */
    focus: RefObject<HTMLInputElement | null>;
  };
  form: ReactNode;
}) {
  const t = useT();
  const apply = useApply();
  const announce = useAnnounce();
  const readOnly = useReadOnly();
  const removeRecord = (record: T) => {
    const result = apply(remove.edit(record));
    announce(result.ok ? remove.done(record) : (result.errors[0]?.message ?? t('goals.invalid')));
    if (result.ok) remove.focus.current?.focus();
  };
  return (
    <div className="goal-part">
      <h4>{heading}</h4>
      {records.length === 0 ? (
        <p className="budget-help">{empty}</p>
      ) : (
        <div className="budget-scroll">
          <table className="goals-table" aria-label={label} data-testid={testId}>
            <thead>
              <tr>
                {columns}
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('goals.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id} data-testid={`${kind}-${record.id}`}>
                  {cells(record)}
                  {!readOnly && (
                    <td className="goals-actions">
                      <button
                        type="button"
                        className="budget-button budget-remove"
                        aria-label={remove.label(record)}
                        data-testid={`${kind}-remove-${record.id}`}
                        onClick={() => removeRecord(record)}
                      >
                        {t('goals.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && form}
    </div>
  );
}
