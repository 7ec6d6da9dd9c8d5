import type { ReactElement } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { usePlan, useT, useUnit } from '../app/hooks.ts';
import { showAmount } from '../format/amounts.ts';
import type { ScenarioProjection } from '../worker/engineApi.ts';

/** Line colours with at least 3:1 contrast on white, distinguishable in greyscale by dash pattern. */
export const SERIES = [
  { color: '#1d4ed8', dash: undefined },
  { color: '#b45309', dash: '6 3' },
  { color: '#047857', dash: '2 2' },
  { color: '#7c3aed', dash: '10 4' },
] as const;

/** Tkr as a plain number for plotting only; every figure shown as text comes from the exact strings. */
const plotTkr = (kronor: string) => Number(kronor) / 1000;

/**
 * Closing equity per year for each compared scenario, with the zero line and each scenario's
 * equity cap (a share of that year's revenue) dashed. The table after it carries the same values.
 */
export function EquityChart({
  results,
  size,
}: {
  results: Extract<ScenarioProjection, { ok: true }>[];
  /** A fixed size (the print view, laid out for paper); otherwise the chart follows its container. */
  size?: { width: number; height: number };
}) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const years = plan.years;
  const cap = Number(plan.thresholds.equityCap);
  const data = years.map((year, i) => {
    const point: Record<string, number | string> = { year: String(year) };
    results.forEach((r, k) => {
      const y = r.projection.years[i];
      if (!y) return;
      point[`s${k}`] = plotTkr(y.closingEquity);
      point[`cap${k}`] = plotTkr(y.revenue) * cap;
    });
    return point;
  });
  return (
    <figure className="chart" aria-labelledby="chart-caption">
      <figcaption id="chart-caption">
        <h2>{t('compare.chart')} (tkr)</h2>
      </figcaption>
      <div
        role="img"
        aria-label={`${t('compare.chart')}: ${results.map((r) => r.name).join(', ')}`}
        style={{ width: size ? size.width : '100%', height: size ? size.height : 320 }}
      >
        <Responsive size={size}>
          <LineChart
            data={data}
            margin={{ top: 10, right: 30, bottom: 10, left: 20 }}
            {...(size ? { width: size.width, height: size.height } : {})}
          >
            <CartesianGrid stroke="#e5e7eb" />
            <XAxis dataKey="year" stroke="#374151" />
            <YAxis
              stroke="#374151"
              tickFormatter={(v: number) => showAmount(String(Math.round(v * 1000)), 'tkr')}
              width={80}
            />
            <Tooltip formatter={(v) => `${showAmount(String(Math.round(Number(v) * 1000)), 'tkr')} tkr`} />
            <Legend />
            <ReferenceLine
              y={0}
              stroke="#b91c1c"
              strokeWidth={2}
              label={{ value: t('compare.zero'), fill: '#b91c1c', position: 'insideTopLeft' }}
            />
            {results.map((r, k) => {
              const s = SERIES[k % SERIES.length] ?? SERIES[0];
              return (
                <Line
                  key={`s${r.id ?? 'base'}`}
                  dataKey={`s${k}`}
                  name={r.name}
                  stroke={s.color}
                  strokeWidth={3}
                  strokeDasharray={s.dash}
                  isAnimationActive={false}
                />
              );
            })}
            {results.map((r, k) => {
              const s = SERIES[k % SERIES.length] ?? SERIES[0];
              return (
                <Line
                  key={`cap${r.id ?? 'base'}`}
                  dataKey={`cap${k}`}
                  name={`${r.name}: ${t('compare.cap', { percent: `${Math.round(cap * 100)} %` })}`}
                  stroke={s.color}
                  strokeWidth={1}
                  strokeDasharray="3 3"
                  dot={false}
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </Responsive>
      </div>
      <details>
        <summary>{t('compare.chartTable')}</summary>
        <table data-testid="chart-table">
          <caption className="visually-hidden">{t('compare.chartTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{unit === 'tkr' ? 'tkr' : 'kr'}</th>
              {years.map((y) => (
                <th key={y} scope="col">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id ?? 'base'}>
                <th scope="row">{r.name}</th>
                {r.projection.years.map((y) => (
                  <td key={y.year}>{showAmount(y.closingEquity, unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A ResponsiveContainer, unless the chart has a fixed size. */
function Responsive({
  size,
  children,
}: {
  size: { width: number; height: number } | undefined;
  children: ReactElement;
}) {
  return size ? children : <ResponsiveContainer>{children}</ResponsiveContainer>;
}
