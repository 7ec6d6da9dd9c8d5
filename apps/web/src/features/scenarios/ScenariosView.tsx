import type { Scenario } from '@samplan/engine';
import { useState } from 'react';
import { useAnnounce, useApply, usePlan, useT } from '../../app/hooks.ts';
import { nextScenarioId } from '../../ui/scenarioLevers.ts';
import { ScenarioEditor } from './ScenarioEditor.tsx';

/** Lists the plan's scenarios and edits the chosen one through its levers. */
export function ScenariosView() {
  const t = useT();
  const plan = usePlan();
  const apply = useApply();
  const announce = useAnnounce();
  const [selected, setSelected] = useState<string | null>(plan.scenarios[0]?.id ?? null);
  const scenario = plan.scenarios.find((s) => s.id === selected) ?? plan.scenarios[0];

  const put = (next: Scenario) => {
    const result = apply({ type: 'put-scenario', scenario: next });
    if (!result.ok) announce(result.errors[0]?.message ?? t('scenarios.invalid'));
    return result.ok;
  };
  const create = (from?: Scenario) => {
    const id = nextScenarioId(plan.scenarios);
    const next: Scenario = from
      ? { ...from, id, name: `${from.name} (kopia)` }
      : { id, name: `${t('scenarios.new')} ${plan.scenarios.length + 1}`, changes: [] };
    if (put(next)) setSelected(id);
  };

  return (
    <section aria-labelledby="scenarios-heading">
      <h1 id="scenarios-heading">{t('scenarios.heading')}</h1>
      <p>
        <button type="button" onClick={() => create()} data-testid="new-scenario">
          {t('scenarios.new')}
        </button>
      </p>
      {plan.scenarios.length === 0 ? (
        <p>{t('scenarios.none')}</p>
      ) : (
        <ul className="scenario-list" aria-label={t('scenarios.heading')}>
          {plan.scenarios.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === scenario?.id ? '' : 'secondary'}
                aria-pressed={s.id === scenario?.id}
                onClick={() => setSelected(s.id)}
                data-testid={`scenario-${s.id}`}
              >
                {s.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {scenario && (
        <ScenarioEditor
          key={scenario.id}
          scenario={scenario}
          put={put}
          duplicate={() => create(scenario)}
          remove={() => {
            apply({ type: 'remove-scenario', id: scenario.id });
            setSelected(null);
          }}
        />
      )}
    </section>
  );
}
