import { useId, useState } from 'react';
import { useT } from '../../app/hooks.ts';

/** A text input that keeps what was typed until it is valid: commit on Enter or blur. */
export function TextField({
  id,
  value,
  commit,
  testId,
  placeholder,
}: {
  id?: string;
  value: string;
  commit(text: string): boolean;
  testId?: string;
  placeholder?: string;
}) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();
  const save = () => {
    if (text === null) return;
    if (commit(text)) {
      setText(null);
      setInvalid(false);
    } else setInvalid(true);
  };
  return (
    <span className="text-field">
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text ?? value}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') {
            setText(null);
            setInvalid(false);
          }
        }}
      />
      {invalid && (
        <span id={errorId} className="error" role="alert">
          {t('scenarios.invalid')}
        </span>
      )}
    </span>
  );
}
