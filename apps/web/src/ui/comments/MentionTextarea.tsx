import { useId, useState } from 'react';

/** Someone who can be mentioned: a person invited to the plan. */
export interface Mentionable {
  readonly id: string;
  readonly name: string;
}

/** The people a text mentions: every `@Name` of someone in `people`. */
export function mentionsIn(text: string, people: readonly Mentionable[]): string[] {
  return people.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id);
}

/**
 * A comment box that suggests people after `@`: arrow keys choose, Enter or Tab inserts `@Name`.
 * The suggestions are a listbox tied to the textarea (aria-activedescendant).
 */
export function MentionTextarea({
  value,
  onChange,
  people,
  label,
  placeholder,
  testId,
}: {
  value: string;
  onChange: (text: string) => void;
  people: readonly Mentionable[];
  label: string;
  placeholder?: string;
  testId?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState<{ start: number; text: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query
    ? people.filter((p) => p.name.toLowerCase().includes(query.text.toLowerCase())).slice(0, 6)
    : [];

  const update = (text: string, caret: number) => {
    onChange(text);
    const before = text.slice(0, caret);
    const at = before.lastIndexOf('@');
    const fragment = at >= 0 ? before.slice(at + 1) : '';
    if (at >= 0 && (at === 0 || /\s/.test(before[at - 1] ?? '')) && !/\n/.test(fragment) && fragment.length <= 40) {
      setQuery({ start: at, text: fragment });
      setActive(0);
    } else setQuery(null);
  };
  const choose = (person: Mentionable) => {
    if (!query) return;
    const end = query.start + 1 + query.text.length;
    onChange(`${value.slice(0, query.start)}@${person.name} ${value.slice(end)}`);
    setQuery(null);
  };

  return (
    <div className="mention-box">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        placeholder={placeholder}
        rows={3}
        data-testid={testId}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-people`}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${id}-person-${active}` : undefined}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyDown={(e) => {
          if (matches.length === 0) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            const person = matches[active];
            if (person) choose(person);
          } else if (e.key === 'Escape') setQuery(null);
        }}
      />
      <div id={`${id}-people`} role="listbox" className="mention-list" hidden={matches.length === 0}>
        {matches.map((p, i) => (
          <div
            key={p.id}
            id={`${id}-person-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(p);
            }}
          >
            {p.name}
          </div>
        ))}
      </div>
    </div>
  );
}
