import { useState } from 'react';
import { usePlan, useProjections, useT, useUnit } from '../../app/hooks.ts';
import { COMPARE_ROWS, signedDifference } from '../../core/compare/compareRows.ts';
import { showAmount, showShare } from '../../format/amounts.ts';
import { EquityChart } from '../../ui/EquityChart.tsx';
import { useFindingText } from '../../ui/findings/useFindingText.ts';
import type { ScenarioProjection } from '../../worker/engineApi.ts';

type Computed = Extract<ScenarioProjection, { ok: true }>;
const keyOf = (id: string | null) => id ?? 'base';

/** Compares 2–4 of the base plan and its scenarios, year by year, with the chart, findings and answers. */
export function CompareView() {
  const t = useT();
  const plan = usePlan();
  const projections = useProjections();
  const unit = useUnit();
  const findingText = useFindingText();
  const all = projections?.results ?? [];
  const [chosen, setChosen] = useState<string[] | null>(null);
  const picked = chosen ?? all.slice(0, 4).map((r) => keyOf(r.id));
  const shown = all.filter((r) => picked.includes(keyOf(r.id)));
  const computed = shown.filter((r): r is Computed => r.ok);
  const base = all.find((r): r is Computed => r.id === null && r.ok);

  const toggle = (key: string, on: boolean) => {
    const next = on ? [...picked, key] : picked.filter((k) => k !== key);
    if (next.length >= 1 && next.length <= 4) setChosen(next);
  };

  const show = (value: string | null, kind: 'amount' | 'share') =>
    kind === 'amount' ? showAmount(value, unit) : showShare(value);
  if (!projections) return <p>{t('app.computing')}</p>;
  return (
    <section aria-labelledby="compare-heading">
      <h1 id="compare-heading">{t('compare.heading')}</h1>
      <fieldset className="pick">
        <legend>{t('compare.pick')}</legend>
        {all.map((r) => (
          <label key={keyOf(r.id)}>
            <input
              type="checkbox"
              checked={picked.includes(keyOf(r.id))}
              onChange={(e) => toggle(keyOf(r.id), e.target.checked)}
              disabled={!picked.includes(keyOf(r.id)) && picked.length >= 4}
              data-testid={`pick-${keyOf(r.id)}`}
            />
            {r.name}
          </label>
        ))}
      </fieldset>

      {shown
        .filter((r) => !r.ok)
        .map((r) => (
          <div key={keyOf(r.id)} role="alert" className="error">
            <p>
              {t('compare.errors')}: {r.name}
            </p>
            <ul>{!r.ok && r.errors.map((e) => <li key={e.message}>{e.message}</li>)}</ul>
          </div>
        ))}

      <table className="compare" data-testid="compare-table">
        <caption>
          {t('compare.table')} ({unit}; {t('compare.diff')})
        </caption>
        <thead>
          <tr>
            <td />
            {computed.map((r) => (
              <th key={keyOf(r.id)} scope="col">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        {plan.years.map((year, i) => (
          <tbody key={year}>
            <tr className="year-row">
              <th scope="rowgroup" colSpan={computed.length + 1}>
                {year}
              </th>
            </tr>
            {COMPARE_ROWS.map((row) => (
              <tr key={row.key}>
                <th
                  scope="row"
                  className={
                    row.label.startsWith('row.') &&
                    row.key !== 'revenue' &&
                    ['individual', 'structural', 'administration', 'unallocated'].includes(row.key)
                      ? 'indent'
                      : ''
                  }
                >
                  {t(row.label).trim()}
                </th>
                {computed.map((r) => {
                  const y = r.projection.years[i];
                  const value = y ? row.read(y) : null;
                  const baseValue = base?.projection.years[i] ? row.read(base.projection.years[i] as never) : null;
                  const negative = value?.startsWith('-');
                  return (
                    <td
                      key={keyOf(r.id)}
                      data-testid={`cmp-${keyOf(r.id)}-${year}-${row.key}`}
                      data-value={value ?? ''}
                      className={negative ? 'negative' : ''}
                    >
                      {show(value, row.kind)}
                      {r.id !== null && row.kind === 'amount' && value !== null && baseValue !== null && (
                        <span className="diff"> ({signedDifference(value, baseValue, unit)})</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>

      {computed.length > 0 && <EquityChart results={computed} />}

      <div className="cards">
        {computed.map((r) => (
          <section
            key={keyOf(r.id)}
            className="card"
            aria-labelledby={`findings-${keyOf(r.id)}`}
            data-testid={`findings-${keyOf(r.id)}`}
          >
            <h2 id={`findings-${keyOf(r.id)}`}>{r.name}</h2>
            <h3>{t('compare.findings')}</h3>
            {r.projection.findings.length === 0 ? (
              <p>{t('compare.noFindings')}</p>
            ) : (
              <ul>
                {r.projection.findings.map((f) => (
                  <li key={`${f.rule}-${f.year}`} className={f.severity === 'error' ? 'error' : 'warning'}>
                    {findingText(f)}
                  </li>
                ))}
              </ul>
            )}
            <Answers result={r} />
          </section>
        ))}
      </div>
    </section>
  );
}

function Answers({ result }: { result: Computed }) {
  const t = useT();
  const unit = useUnit();
  const room = result.projection.answers.spendingRoom;
  const cut = result.projection.answers.stateCut;
  return (
    <dl className="answers">
      {room && (
        <>
          <dt>{t('compare.room')}</dt>
          <dd data-testid={`room-${keyOf(result.id)}`} data-value={room.yearly ?? ''}>
            {room.yearly === null
              ? t('compare.roomNone', { year: room.bindingYear ?? '' })
              : `${showAmount(floorTkr(room.yearly, unit), unit)} ${unit}`}
          </dd>
        </>
      )}
      {cut && (
        <>
          <dt>{t('compare.cut')}</dt>
          <dd data-testid={`cut-${keyOf(result.id)}`} data-value={cut.breakingCut ?? ''}>
            {cut.toleratedCut === null
              ? t('compare.cutNone', { year: cut.breakingYear ?? '' })
              : cut.breakingCut === null
                ? t('compare.cutAll')
                : t('compare.cutBreaks', {
                    tolerated: showShare(cut.toleratedCut, 2),
                    breaking: showShare(cut.breakingCut, 2),
                    year: cut.breakingYear ?? '',
                  })}
          </dd>
        </>
      )}
    </dl>
  );
}

/** A maximum shown in tkr must not round up past itself: whole tkr, rounded down. */
function floorTkr(kronor: string, unit: 'tkr' | 'kr'): string {
  if (unit === 'kr') return kronor.split('.')[0] ?? kronor;
  const whole = BigInt(kronor.split('.')[0] ?? '0');
  return ((whole / 1000n) * 1000n).toString();
}
