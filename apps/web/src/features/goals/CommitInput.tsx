import { type InputHTMLAttributes, useId } from 'react';
import { useDraft } from '../../ui/AmountGrid.tsx';

/**
 * An input saved on Enter or when focus leaves, like the budget's fields: `save` stores the text and
 * returns null, or returns the message to show next to the field; the typed text then stays, marked
 * invalid, until it is saved or Escape brings the stored value back. Named by `label` (aria-label) or
 * by a `<label htmlFor={id}>` outside.
 */
export function CommitInput({
  value,
  save,
  testId,
  label,
  id,
  type = 'text',
  inputMode,
  list,
  className = 'goals-input',
  suffix,
}: {
  value: string;
  save(text: string): string | null;
  testId: string;
  label?: string;
  id?: string;
  type?: 'text' | 'date';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  list?: string;
  className?: string;
  suffix?: string;
}) {
  const errorId = useId();
  const draft = useDraft(value, save);
  const invalid = draft.error !== null;
  return (
    <span className="goals-commit">
      <span className="goals-commit-input">
        <input
          id={id}
          type={type}
          className={className}
          autoComplete="off"
          inputMode={inputMode}
          list={list}
          aria-label={label}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? errorId : undefined}
          data-testid={testId}
          {...draft.inputProps}
        />
        {suffix && (
          <span className="budget-suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </span>
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {draft.error}
        </span>
      )}
    </span>
  );
}
