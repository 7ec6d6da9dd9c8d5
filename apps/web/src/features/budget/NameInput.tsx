import type { LineCollection } from '@samplan/plan-store';
import { useId } from 'react';
import type { Workspace } from '../../app/Workspace.tsx';
import { refusal, useDraft } from '../../ui/AmountGrid.tsx';
import { renameEdit } from './rowModel.ts';

type Translate = Workspace['t'];
type Apply = Workspace['apply'];

/** A line's name, saved on Enter or when focus leaves. */
export function NameInput({
  apply,
  t,
  collection,
  id,
  name,
}: {
  apply: Apply;
  t: Translate;
  collection: LineCollection;
  id: string;
  name: string;
}) {
  const errorId = useId();
  const draft = useDraft(name, (text) => {
    const next = text.trim();
    if (next === '') return t('budget.nameRequired');
    if (next === name) return null;
    return refusal(apply(renameEdit(collection, id, next)), t('budget.nameRequired'));
  });
  const invalid = draft.error !== null;
  return (
    <>
      <input
        type="text"
        className="budget-name-input"
        autoComplete="off"
        aria-label={t('budget.lineName', { name })}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        {...draft.inputProps}
      />
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {draft.error}
        </span>
      )}
    </>
  );
}
