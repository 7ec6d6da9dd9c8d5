import type { Plan, Result } from '@samplan/engine';
import type { LineCollection, PlanEdit } from '@samplan/plan-store';
import {
  type ChangeEvent,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  memo,
  type RefCallback,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useCellPeers } from '../collab/usePresence.ts';
import {
  arrowDirection,
  type Direction,
  type GridPosition,
  moveInGrid,
  storedAmount,
} from '../core/budget/gridNavigation.ts';
import { readAmount, showAmount, type Unit } from '../format/amounts.ts';

/** Moves focus between the editable amount cells of the budget. One per view; stable for its lifetime. */
export interface GridController {
  /** A cell's input mounted (or unmounted: the returned function). */
  register(position: GridPosition, input: HTMLInputElement): () => void;
  /** Whether there is a cell next to `from` in that direction. */
  canMove(from: GridPosition, direction: Direction): boolean;
  /** Focuses the cell next to `from`; false when there is none. */
  move(from: GridPosition, direction: Direction): boolean;
  /** Focuses a cell; false when it is not mounted. */
  focus(position: GridPosition): boolean;
}

const cellKey = (p: GridPosition) => `${p.year}\u0000${p.row}`;

/**
 * The grid of editable cells: `rows` are the keys of the rows with editable cells in display order,
 * `years` the columns. The controller never changes identity, so memoized rows are not disturbed.
 */
export function useAmountGrid(rows: readonly string[], years: readonly number[]): GridController {
  const layout = useRef({ rows, years });
  useLayoutEffect(() => {
    layout.current = { rows, years };
  });
  const [grid] = useState<GridController>(() => {
    const cells = new Map<string, HTMLInputElement>();
    const focus = (position: GridPosition) => {
      const input = cells.get(cellKey(position));
      if (!input) return false;
      input.focus();
      return true;
    };
    return {
      register(position, input) {
        const key = cellKey(position);
        cells.set(key, input);
        return () => {
          if (cells.get(key) === input) cells.delete(key);
        };
      },
      canMove(from, direction) {
        const to = moveInGrid(layout.current.rows, layout.current.years, from, direction);
        return to !== null && cells.has(cellKey(to));
      },
      move(from, direction) {
        const to = moveInGrid(layout.current.rows, layout.current.years, from, direction);
        return to !== null && focus(to);
      },
      focus,
    };
  });
  return grid;
}

/**
 * A text typed into a field before it is saved. `save` stores the text and returns null, or
 * returns the message to show; then the text stays as typed. Nothing is saved unless the person
 * typed since the last save (so a blur never rounds a stored amount to the shown unit).
 */
export function useDraft(shown: string, save: (text: string) => string | null) {
  const [text, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = useRef(false);
  const draft = {
    text: text ?? shown,
    error,
    dirty,
    change(text: string) {
      dirty.current = true;
      setDraft(text);
    },
    /** Saves the typed text; true when there was nothing to save or it was saved. */
    commit(text: string): boolean {
      if (!dirty.current) return true;
      const message = save(text);
      if (message !== null) {
        setError(message);
        return false;
      }
      dirty.current = false;
      setDraft(null);
      setError(null);
      return true;
    },
    /** Forgets the typed text: the stored value shows again. */
    reset() {
      dirty.current = false;
      setDraft(null);
      setError(null);
    },
  };
  return {
    ...draft,
    /** The props of an input edited through this draft: saved on Enter or blur, Escape restores. */
    inputProps: {
      value: draft.text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => draft.change(e.target.value),
      onBlur: (e: FocusEvent<HTMLInputElement>) => draft.commit(e.currentTarget.value),
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          draft.commit(e.currentTarget.value);
        } else if (e.key === 'Escape') draft.reset();
      },
    },
  };
}

/** The first issue of a refused edit, as text for the person who typed. */
export const refusal = (result: Result<Plan>, fallback: string): string | null =>
  result.ok ? null : (result.errors[0]?.message ?? fallback);

export interface AmountCellProps {
  grid: GridController;
  /** The grid row this cell is in (`${collection}/${lineId}`). */
  row: string;
  collection: LineCollection;
  lineId: string;
  lineName: string;
  year: number;
  /** The stored amount in kronor; undefined when the cell is empty. */
  value: string | undefined;
  unit: Unit;
  apply(edit: PlanEdit): Result<Plan>;
  /** The message shown when the typed text is not an amount. */
  invalidText: string;
}

/**
 * One editable amount: a `<td>` with a text input. Arrow keys move between cells, Enter saves and
 * goes down, Escape restores the stored amount; a text that cannot be saved stays, marked invalid,
 * with the reason next to it.
 */
export const AmountCell = memo(function AmountCell({
  grid,
  row,
  collection,
  lineId,
  lineName,
  year,
  value,
  unit,
  apply,
  invalidText,
}: AmountCellProps) {
  const errorId = useId();
  const input = useRef<HTMLInputElement | null>(null);
  /** Typing, clicking or F2 put the cell in edit mode: Left/Right then move the caret. */
  const editing = useRef(false);
  const pointer = useRef(false);
  const selectAll = useRef(false);

  const shown = showAmount(value, unit);
  const draft = useDraft(shown, (text) => {
    let next: string | null = null;
    if (text.trim() !== '') {
      const read = readAmount(text, unit);
      if (read === null) return invalidText;
      next = storedAmount(read, collection);
    }
    if (next === (value ?? null)) return null;
    return refusal(apply({ type: 'set-amount', collection, id: lineId, year, value: next }), invalidText);
  });

  useLayoutEffect(() => {
    if (selectAll.current) {
      selectAll.current = false;
      input.current?.select();
    }
  });

  // The stored value changed under a focused cell nobody has typed in yet (someone else's edit
  // arrived): select the new text, so the next key replaces it — typed keys never merge into a
  // number the person did not see ("222" typed as "111" arrived became 222 111).
  const lastShown = useRef(shown);
  useLayoutEffect(() => {
    if (lastShown.current === shown) return;
    lastShown.current = shown;
    const el = input.current;
    if (el && el.ownerDocument.activeElement === el && !draft.dirty.current) {
      editing.current = false;
      el.select();
    }
  }, [shown, draft.dirty]);

  const ref = useCallback<RefCallback<HTMLInputElement>>(
    (el) => {
      input.current = el;
      return el ? grid.register({ row, year }, el) : undefined;
    },
    [grid, row, year],
  );

  const commit = (): boolean => {
    const ok = draft.commit(input.current?.value ?? draft.text);
    if (ok) editing.current = false;
    return ok;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.currentTarget;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (commit() && !grid.move({ row, year }, 'down')) el.select();
      return;
    }
    if (e.key === 'Escape') {
      if (draft.dirty.current || draft.error !== null) e.preventDefault();
      draft.reset();
      editing.current = false;
      selectAll.current = true;
      el.select();
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      editing.current = true;
      const end = el.value.length;
      el.setSelectionRange(end, end);
      return;
    }
    const direction = arrowDirection(e.key, {
      editing: editing.current,
      selectionStart: el.selectionStart,
      selectionEnd: el.selectionEnd,
      length: el.value.length,
    });
    // At an edge of the grid the key keeps its ordinary meaning.
    if (direction === null || !grid.canMove({ row, year }, direction)) return;
    e.preventDefault();
    // Save first; a text that cannot be saved keeps focus, so it stays in view with its message.
    if (commit()) grid.move({ row, year }, direction);
  };

  const invalid = draft.error !== null;
  const cell = `${row}/${year}`;
  const peers = useCellPeers(cell);
  const peer = peers[0];
  return (
    <td
      className={peer ? 'budget-cell with-peer' : 'budget-cell'}
      style={peer ? ({ '--peer-color': peer.color } as CSSProperties) : undefined}
    >
      {peer && (
        <span className="peer-flag" data-testid={`peer-${lineId}-${year}`} aria-hidden="true">
          {peers.map((p) => p.name).join(', ')}
        </span>
      )}
      <input
        ref={ref}
        className="budget-amount"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={`${lineName} ${year}`}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        data-testid={`cell-${lineId}-${year}`}
        data-cell={cell}
        value={draft.text}
        onChange={(e) => {
          editing.current = true;
          draft.change(e.target.value);
        }}
        onMouseDown={() => {
          // A click places the caret: Left/Right then move within the text.
          pointer.current = true;
          editing.current = true;
        }}
        onFocus={(e) => {
          if (!pointer.current) {
            editing.current = false;
            e.currentTarget.select();
          }
          pointer.current = false;
        }}
        onBlur={() => {
          pointer.current = false;
          commit();
        }}
        onKeyDown={onKeyDown}
      />
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {draft.error}
        </span>
      )}
    </td>
  );
});
