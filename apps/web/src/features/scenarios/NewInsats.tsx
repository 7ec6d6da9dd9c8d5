import type { Change, Scenario } from '@samplan/engine';
import { useState } from 'react';
import { usePlan, useT, useUnit } from '../../app/hooks.ts';
import { readAmount } from '../../format/amounts.ts';
import { LabelledInput } from './LabelledInput.tsx';
import { Lever } from './Lever.tsx';

/** New insatser a scenario adds, each with a name and a yearly amount. */
export function NewInsats({ scenario, put }: { scenario: Scenario; put(s: Scenario): boolean }) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState(false);
  const added = scenario.changes.filter((c): c is Extract<Change, { type: 'insats-new' }> => c.type === 'insats-new');
  const add = () => {
    const kronor = readAmount(amount, unit);
    if (!name.trim() || kronor === null) {
      setError(true);
      return;
    }
    const id = `${scenario.id}-ny-${added.length + 1}`;
    const amounts = Object.fromEntries(plan.years.map((y) => [String(y), kronor.replace('-', '')]));
    const ok = put({
      ...scenario,
      changes: [
        ...scenario.changes,
        {
          type: 'insats-new',
          line: { id, name: name.trim(), category: 'individual', amount: { type: 'yearly', amounts } },
        },
      ],
    });
    setError(!ok);
    if (ok) {
      setName('');
      setAmount('');
    }
  };
  return (
    <Lever legend={t('scenarios.newInsats')}>
      {added.length > 0 && (
        <ul>
          {added.map((c) => (
            <li key={c.line.id}>
              {c.line.name}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => put({ ...scenario, changes: scenario.changes.filter((x) => x !== c) })}
              >
                {t('scenarios.remove')} <span className="visually-hidden">{c.line.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <LabelledInput label={t('scenarios.newInsatsName')} value={name} onChange={setName} error={null} />
      <LabelledInput
        label={`${t('scenarios.newInsatsAmount')} (${unit})`}
        value={amount}
        onChange={setAmount}
        inputMode="decimal"
        error={error ? t('scenarios.invalid') : null}
      />
      <button type="button" className="secondary" onClick={add}>
        {t('scenarios.add')}
      </button>
    </Lever>
  );
}
