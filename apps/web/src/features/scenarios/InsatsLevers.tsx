import type { Change, CostLine, Scenario } from '@samplan/engine';
import { useId, useState } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import { percentText, readPercent } from '../../format/amounts.ts';
import { LabelledInput } from './LabelledInput.tsx';
import { Lever } from './Lever.tsx';

const INSATS_ACTIONS = ['insats-stop', 'insats-scale', 'insats-extend'] as const;

/** A scenario's changes to one insats: stop from a date, scale by a share, extend until a date. */
export function InsatsLevers({
  scenario,
  put,
  lines,
}: {
  scenario: Scenario;
  put(s: Scenario): boolean;
  lines: readonly CostLine[];
}) {
  const t = useT();
  const plan = usePlan();
  const [line, setLine] = useState(lines[0]?.id ?? '');
  const [action, setAction] = useState<(typeof INSATS_ACTIONS)[number]>('insats-stop');
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const ids = { line: useId(), action: useId() };
  const edits = scenario.changes.filter(
    (c) => c.type === 'insats-stop' || c.type === 'insats-scale' || c.type === 'insats-extend',
  );
  const labelOf = (a: string) =>
    a === 'insats-stop'
      ? t('scenarios.stopFrom')
      : a === 'insats-scale'
        ? t('scenarios.scale')
        : t('scenarios.extendUntil');
  const add = () => {
    let change: Change | null = null;
    if (action === 'insats-scale') {
      const share = readPercent(value);
      if (share !== null && Number(share) >= 0) change = { type: 'insats-scale', line, share };
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
      change =
        action === 'insats-stop'
          ? { type: 'insats-stop', line, from: value.trim() }
          : { type: 'insats-extend', line, until: value.trim() };
    }
    if (!change || !put({ ...scenario, changes: [...scenario.changes, change] })) {
      setError(true);
      return;
    }
    setError(false);
    setValue('');
  };
  return (
    <Lever legend={t('scenarios.insatser')}>
      {edits.length > 0 && (
        <ul>
          {edits.map((c) => {
            const name = plan.costs.find((l) => 'line' in c && l.id === c.line)?.name ?? '';
            const what =
              c.type === 'insats-stop'
                ? `${labelOf(c.type)} ${c.from}`
                : c.type === 'insats-extend'
                  ? `${labelOf(c.type)} ${c.until}`
                  : c.type === 'insats-scale'
                    ? `${labelOf(c.type)} ${percentText(c.share)} %`
                    : '';
            return (
              <li key={`${c.type}-${name}-${what}`}>
                {name}: {what}{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => put({ ...scenario, changes: scenario.changes.filter((x) => x !== c) })}
                >
                  {t('scenarios.remove')} <span className="visually-hidden">{`${name} ${what}`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="field">
        <label htmlFor={ids.line}>{t('budget.line')}</label>
        <select id={ids.line} value={line} onChange={(e) => setLine(e.target.value)}>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.action}>Åtgärd</label>
        <select
          id={ids.action}
          value={action}
          onChange={(e) => setAction(e.target.value as (typeof INSATS_ACTIONS)[number])}
        >
          {INSATS_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {labelOf(a)}
            </option>
          ))}
        </select>
      </div>
      <LabelledInput
        label={action === 'insats-scale' ? t('scenarios.share') : 'ÅÅÅÅ-MM-DD'}
        value={value}
        onChange={setValue}
        error={error ? t('scenarios.invalid') : null}
      />
      <button type="button" className="secondary" onClick={add}>
        {t('scenarios.add')}
      </button>
    </Lever>
  );
}
