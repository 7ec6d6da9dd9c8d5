import type { MonteCarloSummary } from '@samplan/engine';
import { useId } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useT, useUnit } from '../../app/hooks.ts';
import { showAmount } from '../../format/amounts.ts';
import { shareText } from './leverText.ts';

const BAND = '#93c5fd';
const MEDIAN = '#1d4ed8';

/** Kronor as a plain number in the workspace's unit, for plotting only; text comes from the exact strings. */
export const plotValue = (kronor: string, unit: 'tkr' | 'kr'): number => Number(kronor) / (unit === 'tkr' ? 1000 : 1);
/** An axis value back as an amount in the unit. */
export const axisAmount = (value: number, unit: 'tkr' | 'kr'): string =>
  showAmount(String(Math.round(value * (unit === 'tkr' ? 1000 : 1))), unit);

/**
 * The fan chart: closing equity per year, P10–P90 as a band and P50 as a line, with the zero line;
 * redrawn as summaries stream in. The table after it carries the same figures and the
 * probabilities of negative equity and of exceeding the equity cap.
 */
export function FanChart({ summary }: { summary: MonteCarloSummary }) {
  const t = useT();
  const unit = useUnit();
  const captionId = useId();
  const data = summary.years.map((y) => ({
    year: String(y.year),
    band: y.p10 !== null && y.p90 !== null ? [plotValue(y.p10, unit), plotValue(y.p90, unit)] : null,
    p50: y.p50 === null ? null : plotValue(y.p50, unit),
  }));
  const tooltip = (value: unknown) =>
    Array.isArray(value)
      ? `${axisAmount(Number(value[0]), unit)} – ${axisAmount(Number(value[1]), unit)} ${unit}`
      : `${axisAmount(Number(value), unit)} ${unit}`;
  return (
    <figure className="chart risk-fan" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>{t('risk.fan', { unit })}</h3>
      </figcaption>
      <div role="img" aria-label={t('risk.fanLabel')} className="risk-fan-plot" data-testid="fan-chart">
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ top: 10, right: 30, bottom: 10, left: 20 }}>
            <CartesianGrid stroke="#e5e7eb" />
            <XAxis dataKey="year" stroke="#374151" />
            <YAxis stroke="#374151" width={90} tickFormatter={(v: number) => axisAmount(v, unit)} />
            <Tooltip formatter={tooltip} />
            <Legend />
            <ReferenceLine
              y={0}
              stroke="#b91c1c"
              strokeWidth={2}
              label={{ value: t('risk.zero'), fill: '#b91c1c', position: 'insideTopLeft' }}
            />
            <Area
              dataKey="band"
              name={t('risk.band')}
              stroke={MEDIAN}
              strokeOpacity={0.4}
              fill={BAND}
              fillOpacity={0.6}
              isAnimationActive={false}
            />
            <Line dataKey="p50" name={t('risk.median')} stroke={MEDIAN} strokeWidth={3} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="risk-table" data-testid="risk-table">
        <caption>{t('risk.table', { unit })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risk.year')}</th>
            <th scope="col">P10</th>
            <th scope="col">P50</th>
            <th scope="col">P90</th>
            <th scope="col">{t('risk.negative')}</th>
            <th scope="col">{t('risk.overCap')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              {(['p10', 'p50', 'p90'] as const).map((p) => (
                <td
                  key={p}
                  data-testid={`risk-${p}-${y.year}`}
                  data-value={y[p] ?? ''}
                  className={y[p]?.startsWith('-') ? 'negative' : undefined}
                >
                  {showAmount(y[p], unit)}
                </td>
              ))}
              <td data-testid={`risk-negative-${y.year}`} data-count={y.negativeCount}>
                {shareText(y.negativeCount, summary.draws)}
              </td>
              <td data-testid={`risk-overcap-${y.year}`} data-count={y.overCapCount}>
                {shareText(y.overCapCount, summary.draws)}
              </td>
            </tr>
          ))}
          <tr className="risk-any">
            <th scope="row">{t('risk.anyYear')}</th>
            <td colSpan={3} />
            <td data-testid="risk-negative-any" data-count={summary.negativeAnyYearCount}>
              {shareText(summary.negativeAnyYearCount, summary.draws)}
            </td>
            <td data-testid="risk-overcap-any" data-count={summary.overCapAnyYearCount}>
              {shareText(summary.overCapAnyYearCount, summary.draws)}
            </td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
