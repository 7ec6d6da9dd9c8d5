import { type Ref, useId } from 'react';

/** A labelled input of an add form, with its message under it when the form was refused. */
export function LabelledField({
  label,
  value,
  onChange,
  error,
  testId,
  type = 'text',
  list,
  wide = false,
  inputRef,
}: {
  label: string;
  value: string;
  onChange(text: string): void;
  error: string | null | undefined;
  testId: string;
  type?: 'text' | 'date';
  list?: string;
  wide?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const errorId = useId();
  const invalid = error !== null && error !== undefined;
  return (
    <div className={wide ? 'budget-field goals-wide' : 'budget-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        className="goals-input"
        autoComplete="off"
        list={list}
        value={value}
        data-testid={testId}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {error}
        </span>
      )}
    </div>
  );
}
