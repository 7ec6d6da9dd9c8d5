import { useId, useState } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';
import { DEFAULT_YEAR_COUNT, defaultFirstYear, YEAR_COUNTS } from './emptyPlan.ts';
import './newPlan.css';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The form's values of the years fields (`first`, `count`), read from its FormData. */
export function readNewPlanYears(form: FormData): { firstYear: number; yearCount: number } {
  return { firstYear: Number(form.get('first')), yearCount: Number(form.get('count')) };
}

/**
 * The years of a new plan, inside its form: the first year and how many years (1–10, three by
 * default), each choice naming the years it gives.
 */
export function NewPlanYears({ t, testIdPrefix = 'new-plan' }: { t: Translate; testIdPrefix?: string }) {
  const ids = { first: useId(), count: useId(), help: useId() };
  const [first, setFirst] = useState(() => defaultFirstYear(new Date()));
  const shownFirst = Number.isInteger(first) ? first : defaultFirstYear(new Date());
  return (
    <fieldset className="new-plan-years">
      <legend className="visually-hidden">{t('years.heading')}</legend>
      <div className="field">
        <label htmlFor={ids.first}>{t('newPlan.firstYear')}</label>
        <input
          id={ids.first}
          name="first"
          type="number"
          min={1990}
          max={2200}
          required
          value={Number.isNaN(first) ? '' : first}
          onChange={(e) => setFirst(e.target.valueAsNumber)}
          aria-describedby={ids.help}
          data-testid={`${testIdPrefix}-first-year`}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.count}>{t('newPlan.yearCount')}</label>
        <select
          id={ids.count}
          name="count"
          defaultValue={String(DEFAULT_YEAR_COUNT)}
          aria-describedby={ids.help}
          data-testid={`${testIdPrefix}-year-count`}
        >
          {YEAR_COUNTS.map((count) => (
            <option key={count} value={count}>
              {count === 1
                ? t('newPlan.oneYear', { first: shownFirst })
                : t('newPlan.yearOption', { count, first: shownFirst, last: shownFirst + count - 1 })}
            </option>
          ))}
        </select>
      </div>
      <p id={ids.help} className="muted new-plan-help">
        {t('newPlan.yearsHelp')}
      </p>
    </fieldset>
  );
}
