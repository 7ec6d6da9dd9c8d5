import { usePlan } from '../app/hooks.ts';

/** The options of a scenario choice: the base plan (value '') first, then every scenario of the plan. */
export function ScenarioOptions({ baseLabel }: { baseLabel: string }) {
  const plan = usePlan();
  return (
    <>
      <option value="">{baseLabel}</option>
      {plan.scenarios.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}
