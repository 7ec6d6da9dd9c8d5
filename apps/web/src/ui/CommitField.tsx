import { useId } from 'react';
import { useDraft } from './AmountGrid.tsx';

/** A labelled input saved on Enter or blur: opening equity and the assumptions. */
export function CommitField({
  label,
  shown,
  save,
  testId,
  suffix,
  hint,
}: {
  label: string;
  shown: string;
  /** Saves the text; returns null, or the message to show next to the field. */
  save(text: string): string | null;
  testId: string;
  suffix?: string;
  /** A note under the field (why it is empty, what it means), read with it. */
  hint?: string;
}) {
  const inputId = useId();
  const errorId = useId();
  const suffixId = useId();
  const hintId = useId();
  const draft = useDraft(shown, save);
  const invalid = draft.error !== null;
  const describedBy = [suffix ? suffixId : '', hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="budget-field">
      <label htmlFor={inputId}>{label}</label>
      <span className="budget-field-input">
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="budget-amount"
          data-testid={testId}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          {...draft.inputProps}
        />
        {suffix && (
          <span id={suffixId} className="budget-suffix">
            {suffix}
          </span>
        )}
      </span>
      {hint && (
        <span id={hintId} className="budget-field-hint" data-testid={`${testId}-hint`}>
          {hint}
        </span>
      )}
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {draft.error}
        </span>
      )}
    </div>
  );
}
