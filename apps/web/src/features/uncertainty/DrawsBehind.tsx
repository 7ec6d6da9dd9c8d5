import type { MonteCarloDraw, UncertaintyModel } from '@samplan/engine';
import { useEffect, useId, useState } from 'react';
import { usePlan, useT, useUnit } from '../../app/hooks.ts';
import { showAmount } from '../../format/amounts.ts';
import { leverName, leverValue } from './leverText.ts';

const QUICK = [10, 50, 90] as const;

/**
 * The draws behind a percentile: choose P10/P50/P90 or any 1–99 and a year, and see the five draws
 * nearest it, with their closing equity and the lever values drawn. Asked of the worker once the
 * run has ended (`ready` changes with each run).
 */
export function DrawsBehind({
  years,
  model,
  ready,
  drawsAt,
}: {
  years: readonly number[];
  model: UncertaintyModel;
  /** A key that changes with each ended run; null while a run is going. */
  ready: string | null;
  drawsAt(p: number, year: number): Promise<MonteCarloDraw[]>;
}) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const ids = { p: useId(), year: useId(), heading: useId() };
  const [text, setText] = useState('50');
  const [year, setYear] = useState(years.at(-1) ?? 0);
  const [draws, setDraws] = useState<MonteCarloDraw[]>([]);
  const typed = Number(text);
  const p = Number.isInteger(typed) && typed >= 1 && typed <= 99 ? typed : null;
  const yearIndex = years.indexOf(year);

  useEffect(() => {
    if (ready === null || p === null) return;
    let current = true;
    void drawsAt(p, year).then((found) => {
      if (current) setDraws(found);
    });
    return () => {
      current = false;
    };
  }, [ready, p, year, drawsAt]);

  return (
    <section className="risk-draws" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('risk.drawsAt')}</h3>
      <div className="risk-draws-controls">
        <fieldset className="risk-quick">
          <legend className="visually-hidden">{t('risk.percentile')}</legend>
          {QUICK.map((q) => (
            <button
              key={q}
              type="button"
              className={p === q ? '' : 'secondary'}
              aria-pressed={p === q}
              onClick={() => setText(String(q))}
              data-testid={`risk-p${q}`}
            >
              P{q}
            </button>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.p}>{t('risk.percentile')}</label>
          <input
            id={ids.p}
            type="number"
            min={1}
            max={99}
            step={1}
            value={text}
            aria-invalid={p === null || undefined}
            onChange={(e) => setText(e.target.value)}
            data-testid="risk-percentile"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.year}>{t('risk.year')}</label>
          <select
            id={ids.year}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            data-testid="risk-draws-year"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {ready === null || draws.length === 0 ? (
        <p className="muted">{t('risk.noDraws')}</p>
      ) : (
        <div className="risk-scroll">
          <table data-testid="risk-draws">
            <caption>{t('risk.drawsAtHelp', { p: p ?? text, year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.drawNumber')}</th>
                <th scope="col">
                  {t('risk.closing', { year })} ({unit})
                </th>
                {model.levers.map((lever, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: levers are identified by their place in the model
                  <th key={k} scope="col">
                    {leverName(t, plan, lever)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {draws.map((d) => (
                <tr key={d.index}>
                  <th scope="row">{d.index}</th>
                  <td data-value={d.closingEquity[yearIndex]}>{showAmount(d.closingEquity[yearIndex], unit)}</td>
                  {d.levers.map((l) => (
                    <td key={l.lever}>{leverValue(t, l.value)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
