import type { Plan, Result } from '@samplan/engine';
import { useEffect, useId, useRef, useState } from 'react';
import {
  useAnnounce,
  useApply,
  useEngine,
  usePlan,
  useProjections,
  useReadOnly,
  useT,
  useUnit,
} from '../../../app/hooks.ts';
import { useCollab, useSession } from '../../../app/SessionContext.ts';
import type { YearCommands } from '../../../core/createPlanSession.ts';
import { showAmount } from '../../../format/amounts.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { dropSummary } from './dropSummary.ts';
import { type YearChange, yearChanges } from './yearChanges.ts';
import './planYears.css';

/** A done change of the years that can be undone while the plan is still as the change left it. */
interface Undoable {
  before: Plan;
  after: Plan;
  /** What the change did, shown beside the undo button. */
  message: string;
}

/**
 * The plan's years, changed in place: add a year at the end, drop the first (asks first, says what
 * is lost and what the next year's opening equity becomes), move the whole plan a year. Each is one
 * edit through the store (one undo step in a shared plan); the plan is never replaced.
 */
export function PlanYears() {
  const plan = usePlan();
  const apply = useApply();
  const projections = useProjections();
  const engine = useEngine();
  const t = useT();
  const unit = useUnit();
  const announce = useAnnounce();
  const collab = useCollab();
  const session = useSession();
  const readOnly = useReadOnly();
  const headingId = useId();
  const reasonsId = useId();
  const [confirming, setConfirming] = useState(false);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const dropButton = useRef<HTMLButtonElement>(null);
  const changes = yearChanges(plan);
  const range = (first: number, count: number) =>
    count === 1 ? t('years.single', { first }) : t('years.range', { first, last: first + count - 1, count });
  /** The years a moved plan covers: `2026–2027`, or `2026`. */
  const span = (first: number, count: number) => (count === 1 ? `${first}` : `${first}–${first + count - 1}`);
  const current = projections !== null && projections.requestId >= engine.latestRequest();
  const base = current ? projections.results[0] : undefined;
  const summary = dropSummary(plan, base?.ok ? base.projection : null);
  const money = (kronor: string) => `${showAmount(kronor, unit)} ${unit}`;

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);
  // The undo offer lasts while the plan is as the change left it.
  if (undoable && plan !== undoable.after) setUndoable(null);

  /** Runs one of the session's year commands (each its own undo step in a shared plan). */
  const change = (run: (years: YearCommands) => Result<Plan>, done: (after: Plan) => string) => {
    const before = plan;
    const result = run(session.years);
    if (!result.ok) {
      announce(t('years.failed', { message: result.errors[0]?.message ?? '' }));
      return;
    }
    const message = done(result.value);
    setUndoable({ before, after: result.value, message });
    announce(message);
  };
  const rangeOf = (p: Plan) => range(p.years[0] ?? 0, p.years.length);

  const undo = () => {
    if (!undoable) return;
    // A shared plan undoes through the document's undo manager (my own changes only); the local
    // plan, which has no undo history, puts back the plan as it was before the change.
    if (collab) collab.shared.undoManager.undo();
    else apply({ type: 'replace-plan', plan: undoable.before });
    setUndoable(null);
    announce(t('years.undone', { range: rangeOf(undoable.before) }));
  };

  const refusalText = (c: YearChange): string | null => {
    if (!c.refusal) return null;
    const year = c.refusal === 'last-year' ? changes.last : changes.first;
    return t(`years.refusal.${c.refusal}` as MessageKey, { year });
  };
  const reasons = [...new Set([changes.add, changes.drop, changes.back, changes.forward].map(refusalText))].filter(
    (r): r is string => r !== null,
  );
  const describedBy = reasons.length > 0 ? reasonsId : undefined;

  return (
    <section className="plan-years" aria-labelledby={headingId} data-testid="plan-years">
      <h3 id={headingId}>
        {t('years.heading')}: <span data-testid="plan-years-range">{range(changes.first, changes.count)}</span>
      </h3>
      {!readOnly && (
        <>
          <div className="plan-years-actions">
            <button
              type="button"
              className="budget-button budget-secondary"
              data-testid="year-add"
              disabled={changes.add.refusal !== null}
              aria-describedby={changes.add.refusal ? describedBy : undefined}
              onClick={() =>
                change(
                  (years) => years.add(),
                  () => t('years.added', { year: changes.add.year, last: changes.last }),
                )
              }
            >
              {t('years.add', { year: changes.add.year })}
            </button>
            <button
              ref={dropButton}
              type="button"
              className="budget-button budget-remove"
              data-testid="year-drop"
              disabled={changes.drop.refusal !== null || confirming}
              aria-describedby={changes.drop.refusal ? describedBy : undefined}
              onClick={() => setConfirming(true)}
            >
              {t('years.drop', { year: changes.drop.year })}
            </button>
            {([-1, 1] as const).map((by) => {
              const move = by < 0 ? changes.back : changes.forward;
              return (
                <button
                  key={by}
                  type="button"
                  className="budget-button budget-secondary"
                  data-testid={by < 0 ? 'year-back' : 'year-forward'}
                  disabled={move.refusal !== null}
                  aria-describedby={move.refusal ? describedBy : undefined}
                  onClick={() =>
                    change(
                      (years) => years.shift(by),
                      (after) => t('years.moved', { range: rangeOf(after) }),
                    )
                  }
                >
                  {t(by < 0 ? 'years.back' : 'years.forward', { range: span(move.year, changes.count) })}
                </button>
              );
            })}
          </div>
          <p id={reasonsId} className="plan-years-reasons" data-testid="plan-years-reasons">
            {t('years.limits')} {reasons.join(' ')}
          </p>
        </>
      )}
      {confirming && (
        <div className="plan-years-confirm" data-testid="year-drop-confirm">
          <p role="alert">
            {summary ? (
              <>
                {t('years.confirmDrop', {
                  year: summary.year,
                  lines: summary.lines,
                  revenue: money(summary.revenue),
                  costs: money(summary.costs),
                })}{' '}
                {summary.stated > 0 && `${t('years.confirmStated', { count: summary.stated, year: summary.year })} `}
                <strong data-testid="year-drop-equity" data-value={summary.openingEquity ?? ''}>
                  {summary.openingEquity === null
                    ? t('years.confirmNoEquity', { next: summary.nextYear })
                    : t('years.confirmEquity', {
                        next: summary.nextYear,
                        year: summary.year,
                        equity: money(summary.openingEquity),
                      })}
                </strong>{' '}
                {t('years.confirmUndo')}
              </>
            ) : (
              t('years.waiting')
            )}
          </p>
          <button
            type="button"
            className="budget-button plan-years-danger"
            data-testid="year-drop-confirm-button"
            disabled={summary === null}
            onClick={() => {
              if (!summary) return;
              setConfirming(false);
              change(
                (years) => years.dropFirst(summary.openingEquity),
                (after) => t('years.dropped', { year: summary.year, range: rangeOf(after) }),
              );
              requestAnimationFrame(() => dropButton.current?.focus());
            }}
          >
            {t('years.confirm', { year: changes.drop.year })}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="budget-button budget-secondary"
            data-testid="year-drop-cancel"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => dropButton.current?.focus());
            }}
          >
            {t('years.cancel')}
          </button>
        </div>
      )}
      {undoable && !readOnly && (
        <p className="notice plan-years-undo" data-testid="year-change-done">
          {undoable.message}{' '}
          <button type="button" className="budget-button budget-secondary" data-testid="year-undo" onClick={undo}>
            {t('years.undo')}
          </button>
        </p>
      )}
    </section>
  );
}
