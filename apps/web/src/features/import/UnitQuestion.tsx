import { formatDecimalSv } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { useEffect, useId, useRef } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';
import type { ImportUnit, UnitSample } from '../../worker/importApi.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A printed decimal string the Swedish way, with the decimals it has. */
const sv = (decimal: string) => formatDecimalSv(decimal, decimal.split('.')[1]?.length ?? 0);

/**
 * Asks which unit a file's amounts are in (it does not say, and the import never guesses),
 * showing its first amounts both ways: "4 198 tkr = 4 198 000 kr" or "4 198 kr".
 */
export function UnitQuestion({
  file,
  samples,
  onChoose,
  onCancel,
  t,
}: {
  file: string;
  samples: readonly UnitSample[];
  onChoose(unit: ImportUnit): void;
  onCancel(): void;
  t: Translate;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const way = (unit: ImportUnit, sample: UnitSample) =>
    unit === 'tkr'
      ? t('import.unitAsTkr', {
          printed: sv(sample.printed),
          kronor: sv(new Decimal(sample.printed).times(1000).toFixed()),
        })
      : t('import.unitAsKr', { printed: sv(sample.printed) });
  return (
    <section className="import-step import-unit" aria-labelledby={headingId} data-testid="import-unit">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('import.unitHeading', { file })}
      </h3>
      <p>{t('import.unitHelp')}</p>
      {samples.length === 0 ? <p className="muted">{t('import.unitNoSamples')}</p> : null}
      <div className="import-unit-choices">
        {(['tkr', 'kr'] as const).map((unit) => (
          <div key={unit} className="import-unit-choice">
            <button
              type="button"
              className="budget-button"
              data-testid={`import-unit-${unit}`}
              onClick={() => onChoose(unit)}
            >
              {t(unit === 'tkr' ? 'import.unitTkr' : 'import.unitKr')}
            </button>
            {samples.length > 0 && (
              <ul data-testid={`import-unit-samples-${unit}`}>
                {samples.map((s) => (
                  <li key={`${s.line}-${s.label}`}>
                    <span className="import-sample-label">{s.label}</span>{' '}
                    <span className="budget-number">{way(unit, s)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <button type="button" className="budget-button budget-secondary" data-testid="import-cancel" onClick={onCancel}>
        {t('import.cancel')}
      </button>
    </section>
  );
}
