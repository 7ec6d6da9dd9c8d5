import type { EsfProject } from '@samplan/engine';
import type { LineCollection } from '@samplan/plan-store';
import { memo, useCallback, useId, useRef, useState } from 'react';
import type { Workspace } from '../../app/Workspace.tsx';
import { sameProps, sumKronor } from '../../core/budget/gridNavigation.ts';
import { showAmount, type Unit } from '../../format/amounts.ts';
import { AmountCell, type GridController } from '../../ui/AmountGrid.tsx';
import { CostLineEditor } from './CostLineForms.tsx';
import { NameInput } from './NameInput.tsx';
import { type RowModel, rowKey } from './rowModel.ts';

type Translate = Workspace['t'];
type Apply = Workspace['apply'];

/** What every line row shares; all stable between edits except `unit` and (by value) `years`. */
export interface RowCommon {
  grid: GridController;
  apply: Apply;
  announce(message: string): void;
  t: Translate;
  unit: Unit;
  years: readonly number[];
  /** The plan's ESF projects, for a cost line's project choice (shared while untouched). */
  projects: readonly EsfProject[];
  /** The plan's PO-påslag, shown as a staff line's default. */
  defaultAddOn: string;
  onRemove(collection: LineCollection, id: string, name: string, button: HTMLButtonElement): void;
}

type LineRowProps = RowCommon & RowModel;

/**
 * One line: its editable name, a cell per year (editable or computed), the total, edit and remove.
 * A cost line's edit button opens its form in a row of its own below; the form keeps what is typed
 * in its own state, so typing there re-renders the form only.
 */
export const LineRow = memo(function LineRow({
  grid,
  apply,
  announce,
  t,
  unit,
  years,
  projects,
  defaultAddOn,
  onRemove,
  collection,
  id,
  name,
  note,
  editable,
  values,
  removable,
  amount,
  project,
}: LineRowProps) {
  const row = rowKey(collection, id);
  const invalidText = t('budget.invalid');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const closeEditor = useCallback(() => {
    setEditing(false);
    editButton.current?.focus();
  }, []);
  return (
    <>
      <tr data-testid={`line-${id}`}>
        <th scope="row" className="budget-name">
          <NameInput apply={apply} t={t} collection={collection} id={id} name={name} />
          {note && <span className="budget-note">{note}</span>}
        </th>
        {years.map((year, i) =>
          editable ? (
            <AmountCell
              key={year}
              grid={grid}
              row={row}
              collection={collection}
              lineId={id}
              lineName={name}
              year={year}
              value={values[i]}
              unit={unit}
              apply={apply}
              invalidText={invalidText}
            />
          ) : (
            <td
              key={year}
              className="budget-number budget-computed"
              data-testid={`computed-${id}-${year}`}
              data-value={values[i]}
            >
              {showAmount(values[i], unit)}
            </td>
          ),
        )}
        <td className="budget-number budget-row-total">{showAmount(sumKronor(values), unit)}</td>
        <td className="budget-actions">
          {amount && (
            <button
              ref={editButton}
              type="button"
              className="budget-button budget-secondary"
              aria-expanded={editing}
              aria-controls={editing ? formId : undefined}
              aria-label={t('budget.editLine', { name })}
              data-testid={`edit-${id}`}
              onClick={() => setEditing((open) => !open)}
            >
              {t('budget.edit')}
            </button>
          )}
          {removable && (
            <button
              type="button"
              className="budget-button budget-remove"
              data-remove=""
              aria-label={t('budget.removeLine', { name })}
              onClick={(e) => onRemove(collection, id, name, e.currentTarget)}
            >
              {t('budget.remove')}
            </button>
          )}
        </td>
      </tr>
      {editing && amount && (
        <tr className="budget-editor-row">
          <td colSpan={years.length + 3}>
            <CostLineEditor
              formId={formId}
              id={id}
              name={name}
              amount={amount}
              project={project}
              projects={projects}
              defaultAddOn={defaultAddOn}
              unit={unit}
              t={t}
              apply={apply}
              announce={announce}
              onClose={closeEditor}
            />
          </td>
        </tr>
      )}
    </>
  );
}, sameProps);
