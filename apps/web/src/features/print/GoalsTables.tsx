import { usePlan, useT } from '../../app/hooks.ts';
import { showShare } from '../../format/amounts.ts';

/** The goals as the plan prints them: per goal its indicators (outcome per year, target) and activities, and the insatser that serve it. */
export function GoalsTables() {
  const t = useT();
  const plan = usePlan();
  if (plan.goals.length === 0) return <p className="muted">{t('print.noGoals')}</p>;
  const first = plan.years[0] as number;
  const outcomeYears = [first - 2, first - 1, ...plan.years];
  return (
    <div className="goals-print" data-testid="print-goals">
      {plan.goals.map((goal) => {
        const indicators = plan.indicators.filter((i) => i.goal === goal.id);
        const activities = plan.activities.filter((a) => a.goal === goal.id);
        const insatser = plan.costs.filter((c) => c.goals?.includes(goal.id));
        return (
          <section key={goal.id} className="goal-print">
            <h3>
              {goal.area ? `${goal.area}: ` : ''}
              {goal.title}
            </h3>
            {goal.responsible && (
              <p>
                {t('print.responsible')}: {goal.responsible}
              </p>
            )}
            {indicators.length > 0 && (
              <table className="print-table">
                <thead>
                  <tr>
                    <th scope="col">{t('print.indicator')}</th>
                    {outcomeYears.map((y) => (
                      <th key={y} scope="col">
                        {t('print.outcome', { year: y })}
                      </th>
                    ))}
                    <th scope="col">{t('print.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {indicators.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.name}</th>
                      {outcomeYears.map((y) => (
                        <td key={y}>{i.outcomes[String(y)] ?? ''}</td>
                      ))}
                      <td>{i.target}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {activities.length > 0 && (
              <table className="print-table">
                <thead>
                  <tr>
                    <th scope="col">{t('print.activity')}</th>
                    <th scope="col">{t('print.responsible')}</th>
                    <th scope="col">{t('print.end')}</th>
                  </tr>
                </thead>
                <tbody>
                  {activities.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.description}</th>
                      <td>{a.responsible}</td>
                      <td>{a.end ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              {t('print.servedBy')}:{' '}
              {insatser.length === 0
                ? t('print.noInsats')
                : insatser
                    .map((c) => {
                      const targets = [
                        c.targets?.participants !== undefined
                          ? t('print.participants', { count: c.targets.participants })
                          : '',
                        c.targets?.workOrStudies !== undefined
                          ? t('print.workOrStudies', { share: showShare(c.targets.workOrStudies, 0) })
                          : '',
                      ].filter(Boolean);
                      return targets.length ? `${c.name} (${targets.join(', ')})` : c.name;
                    })
                    .join('; ')}
            </p>
          </section>
        );
      })}
    </div>
  );
}
