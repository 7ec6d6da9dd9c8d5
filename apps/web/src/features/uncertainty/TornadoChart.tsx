import type { Sensitivity, UncertaintyModel } from '@samplan/engine';
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { usePlan, useT, useUnit } from '../../app/hooks.ts';
import { showAmount } from '../../format/amounts.ts';
import { axisAmount, plotValue } from './FanChart.tsx';
import { leverName, leverValue } from './leverText.ts';

const LOW = '#b45309';
const HIGH = '#1d4ed8';
const BAR = 26;
/** Room for the lever names left of the bars. */
const LABELS = 210;

/** Sorted so a range bar goes from the smaller to the larger value. */
const span = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a]);

/**
 * The tornado chart: per lever, closing equity at the horizon with the lever at the low and the
 * high end of its range (the others central), as two bars from the all-central equity; largest
 * swing first, as the engine sorts them. The table after it has the figures.
 */
export function TornadoChart({ sensitivity, model }: { sensitivity: Sensitivity; model: UncertaintyModel }) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const captionId = useId();
  const central = plotValue(sensitivity.central.closingEquity, unit);
  const name = (lever: number) => {
    const l = model.levers[lever];
    return l ? leverName(t, plan, l) : String(lever);
  };
  const data = sensitivity.bars.map((b) => ({
    label: name(b.lever),
    low: span(central, plotValue(b.low.closingEquity, unit)),
    high: span(central, plotValue(b.high.closingEquity, unit)),
    lowText: `${leverValue(t, b.low.value)}: ${showAmount(b.low.closingEquity, unit)} ${unit}`,
    highText: `${leverValue(t, b.high.value)}: ${showAmount(b.high.closingEquity, unit)} ${unit}`,
  }));
  const described = sensitivity.bars.map((b) => `${name(b.lever)} ${showAmount(b.swing, unit)} ${unit}`).join(', ');
  return (
    <figure className="chart risk-tornado" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>{t('risk.tornado', { year: sensitivity.year, unit })}</h3>
        <p className="muted">
          {t('risk.tornadoHelp', { central: `${showAmount(sensitivity.central.closingEquity, unit)} ${unit}` })}
        </p>
      </figcaption>
      <div
        role="img"
        aria-label={t('risk.tornadoLabel', { bars: described })}
        style={{ height: 90 + data.length * (BAR + 22) }}
        data-testid="tornado-chart"
      >
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 26, right: 30, bottom: 10, left: 10 }}>
            <CartesianGrid stroke="#e5e7eb" horizontal={false} />
            <XAxis
              type="number"
              stroke="#374151"
              domain={['auto', 'auto']}
              tickFormatter={(v: number) => axisAmount(v, unit)}
            />
            {/* Two category axes at the same places, so the low and the high bar of a lever overlap. */}
            <YAxis yAxisId="low" type="category" dataKey="label" width={LABELS} stroke="#374151" />
            <YAxis yAxisId="high" type="category" dataKey="label" width={0} hide />
            <Tooltip
              formatter={(_value, series, item) =>
                series === t('risk.low') ? item.payload.lowText : item.payload.highText
              }
            />
            <Legend />
            <ReferenceLine
              yAxisId="low"
              x={central}
              stroke="#111827"
              strokeWidth={2}
              label={{ value: t('risk.central'), position: 'top', fill: '#111827' }}
            />
            <Bar yAxisId="low" dataKey="low" name={t('risk.low')} fill={LOW} barSize={BAR} isAnimationActive={false} />
            <Bar
              yAxisId="high"
              dataKey="high"
              name={t('risk.high')}
              fill={HIGH}
              barSize={BAR}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('risk.tornadoTable')}</summary>
        <div className="risk-scroll">
          <table data-testid="tornado-table">
            <caption className="visually-hidden">{t('risk.tornadoTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.lever')}</th>
                <th scope="col">{t('risk.low')}</th>
                <th scope="col">
                  {t('risk.closing', { year: sensitivity.year })} ({unit})
                </th>
                <th scope="col">{t('risk.high')}</th>
                <th scope="col">
                  {t('risk.closing', { year: sensitivity.year })} ({unit})
                </th>
                <th scope="col">
                  {t('risk.swing')} ({unit})
                </th>
              </tr>
            </thead>
            <tbody>
              {sensitivity.bars.map((b) => (
                <tr key={b.lever} data-testid="tornado-row" data-swing={b.swing}>
                  <th scope="row">{name(b.lever)}</th>
                  <td>{leverValue(t, b.low.value)}</td>
                  <td>{showAmount(b.low.closingEquity, unit)}</td>
                  <td>{leverValue(t, b.high.value)}</td>
                  <td>{showAmount(b.high.closingEquity, unit)}</td>
                  <td>{showAmount(b.swing, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
