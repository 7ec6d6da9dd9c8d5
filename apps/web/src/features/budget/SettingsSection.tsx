import type { Plan } from '@samplan/engine';
import type { PlanEdit } from '@samplan/plan-store';
import { useId } from 'react';
import type { Workspace } from '../../app/Workspace.tsx';
import { percentText, readPercent } from '../../format/amounts.ts';
import { refusal } from '../../ui/AmountGrid.tsx';
import { CommitField } from '../../ui/CommitField.tsx';

type Translate = Workspace['t'];
type Apply = Workspace['apply'];

/** Utilization, indexation, PO-påslag, the equity cap and the administration ceiling, in percent. */
export function SettingsSection({ plan, apply, t }: { plan: Plan; apply: Apply; t: Translate }) {
  const headingId = useId();
  const fields: { key: string; label: string; value: string; edit(value: string): PlanEdit }[] = [
    {
      key: 'utilization',
      label: t('budget.utilization'),
      value: plan.assumptions.utilization,
      edit: (value) => ({ type: 'set-assumption', key: 'utilization', value }),
    },
    {
      key: 'indexation',
      label: t('budget.indexation'),
      value: plan.assumptions.indexation,
      edit: (value) => ({ type: 'set-assumption', key: 'indexation', value }),
    },
    {
      key: 'employer-add-on',
      label: t('budget.employerAddOn'),
      value: plan.assumptions.employerAddOn,
      edit: (value) => ({ type: 'set-assumption', key: 'employerAddOn', value }),
    },
    {
      key: 'equity-cap',
      label: t('budget.equityCap'),
      value: plan.thresholds.equityCap,
      edit: (value) => ({ type: 'set-threshold', key: 'equityCap', value }),
    },
    {
      key: 'admin-max',
      label: t('budget.adminMax'),
      value: plan.thresholds.adminShare.max,
      edit: (value) => ({ type: 'set-threshold', key: 'adminMax', value }),
    },
  ];
  return (
    <section className="budget-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('budget.settings')}</h3>
      <div className="budget-settings">
        {fields.map((f) => (
          <CommitField
            key={f.key}
            label={f.label}
            shown={percentText(f.value)}
            testId={`setting-${f.key}`}
            save={(text) => {
              const value = readPercent(text);
              if (value === null) return t('budget.invalidPercent');
              if (value === f.value) return null;
              return refusal(apply(f.edit(value)), t('budget.invalidPercent'));
            }}
          />
        ))}
      </div>
    </section>
  );
}
