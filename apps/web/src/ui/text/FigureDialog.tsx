import { useState } from 'react';
import { usePlan, useProjections, useT } from '../../app/hooks.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { ScenarioOptions } from '../ScenarioOptions.tsx';
import { figureLabel } from './figureLabel.ts';
import { FIGURES, type FigureKind, type FigureRef, figureValue } from './figureValue.ts';

/** Chooses a live figure to put in the text: scenario, figure (or budget line), year, unit; shows its value now. */
export function FigureDialog({ onInsert, onClose }: { onInsert: (attrs: FigureRef) => void; onClose: () => void }) {
  const plan = usePlan();
  const projections = useProjections();
  const t = useT();
  const lines = [...plan.members, ...plan.revenues, ...plan.costs];
  const [ref, setRef] = useState<FigureRef>({
    scenario: '',
    figure: 'closing-equity',
    year: plan.years.at(-1) ?? null,
    line: lines[0]?.id ?? null,
    unit: 'tkr',
  });
  const value = figureValue(ref, projections);
  const set = (patch: Partial<FigureRef>) => setRef((r) => ({ ...r, ...patch }));
  return (
    <form
      className="text-popover figure-dialog"
      aria-label={t('text.figureDialog')}
      onSubmit={(e) => {
        e.preventDefault();
        onInsert(ref);
      }}
    >
      <label>
        {t('text.figureScenario')}
        <select value={ref.scenario} onChange={(e) => set({ scenario: e.target.value })} data-testid="figure-scenario">
          <ScenarioOptions baseLabel={t('text.baseScenario')} />
        </select>
      </label>
      <label>
        {t('text.figureKind')}
        <select
          value={ref.figure}
          onChange={(e) => set({ figure: e.target.value as FigureKind })}
          data-testid="figure-kind"
        >
          {FIGURES.map((f) => (
            <option key={f} value={f}>
              {t(`text.figure.${f}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {ref.figure === 'line' && (
        <label>
          {t('text.figureLine')}
          <select value={ref.line ?? ''} onChange={(e) => set({ line: e.target.value })} data-testid="figure-line">
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('text.figureYear')}
        <select
          value={ref.year === null ? '' : String(ref.year)}
          onChange={(e) => set({ year: e.target.value === '' ? null : Number(e.target.value) })}
          data-testid="figure-year"
        >
          {plan.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
          <option value="">{t(ref.figure === 'closing-equity' ? 'text.lastYear' : 'text.allYears')}</option>
        </select>
      </label>
      <label>
        {t('app.unit')}
        <select value={ref.unit} onChange={(e) => set({ unit: e.target.value === 'kr' ? 'kr' : 'tkr' })}>
          <option value="tkr">tkr</option>
          <option value="kr">kr</option>
        </select>
      </label>
      <p className="figure-preview" aria-live="polite">
        {figureLabel(ref, plan, t)}: <strong>{value.ok ? value.text : t('text.figureMissing')}</strong>
      </p>
      <button type="submit" data-testid="figure-insert" disabled={!value.ok}>
        {t('text.figureInsert')}
      </button>
      <button type="button" onClick={onClose}>
        {t('text.cancel')}
      </button>
    </form>
  );
}
