import type { ReactNode } from 'react';
import { useId } from 'react';
import { usePlan, useT } from '../../app/hooks.ts';
import type { FormIssue, RangeForm, UncertaintyForm } from '../../core/uncertainty/uncertaintyForm.ts';

type RangeLever = 'state' | 'utilization' | 'indexation';

/** The lever list: each lever kind can be made uncertain and given its range or probability. */
export function LeverRanges({
  form,
  setForm,
  issues,
}: {
  form: UncertaintyForm;
  setForm(next: UncertaintyForm): void;
  issues: readonly FormIssue[];
}) {
  const t = useT();
  const plan = usePlan();
  const fromId = useId();
  const setRange = (lever: RangeLever, patch: Partial<RangeForm>) =>
    setForm({ ...form, [lever]: { ...form[lever], ...patch } });

  return (
    <div className="risk-levers">
      <RangeLeverFields
        lever="state"
        legend={t('risk.state')}
        range={form.state}
        set={(patch) => setRange('state', patch)}
        issues={issues}
      >
        <div className="field">
          <label htmlFor={fromId}>{t('risk.fromYear')}</label>
          <select
            id={fromId}
            value={form.state.fromYear}
            disabled={!form.state.on}
            onChange={(e) => setForm({ ...form, state: { ...form.state, fromYear: Number(e.target.value) } })}
            data-testid="risk-state-from"
          >
            {plan.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label className="risk-matching">
          <input
            type="checkbox"
            checked={form.state.matching}
            disabled={!form.state.on}
            onChange={(e) => setForm({ ...form, state: { ...form.state, matching: e.target.checked } })}
          />
          {t('risk.matching')}
        </label>
      </RangeLeverFields>

      {plan.esfProjects.length > 0 && (
        <fieldset className="lever risk-lever">
          <legend>{t('risk.esf')}</legend>
          {plan.esfProjects.map((project) => {
            const esf = form.esf[project.id] ?? { on: false, p: '50' };
            const set = (patch: Partial<typeof esf>) =>
              setForm({ ...form, esf: { ...form.esf, [project.id]: { ...esf, ...patch } } });
            return (
              <div key={project.id} className="risk-esf">
                <label>
                  <input
                    type="checkbox"
                    checked={esf.on}
                    onChange={(e) => set({ on: e.target.checked })}
                    data-testid={`risk-on-esf-${project.id}`}
                  />
                  {project.name}
                </label>
                <PercentField
                  lever={`esf:${project.id}`}
                  field="p"
                  label={t('risk.esfProbability')}
                  value={esf.p}
                  disabled={!esf.on}
                  onChange={(p) => set({ p })}
                  issues={issues}
                  testId={`risk-esf-${project.id}`}
                />
              </div>
            );
          })}
          <Issues lever="esf" issues={issues} />
        </fieldset>
      )}

      {(['utilization', 'indexation'] as const).map((lever) => (
        <RangeLeverFields
          key={lever}
          lever={lever}
          legend={t(`risk.${lever}`)}
          range={form[lever]}
          set={(patch) => setRange(lever, patch)}
          issues={issues}
        />
      ))}
    </div>
  );
}

/** One range lever: uncertain or not, uniform or triangular, min (mode) max in %. */
function RangeLeverFields({
  lever,
  legend,
  range,
  set,
  issues,
  children,
}: {
  lever: RangeLever;
  legend: string;
  range: RangeForm;
  set(patch: Partial<RangeForm>): void;
  issues: readonly FormIssue[];
  children?: ReactNode;
}) {
  const t = useT();
  const shapeId = useId();
  return (
    <fieldset className="lever risk-lever">
      <legend>{legend}</legend>
      <label className="risk-on">
        <input
          type="checkbox"
          checked={range.on}
          onChange={(e) => set({ on: e.target.checked })}
          data-testid={`risk-on-${lever}`}
        />
        {t('risk.uncertain')}
      </label>
      <div className="risk-range">
        <div className="field">
          <label htmlFor={shapeId}>{t('risk.shape')}</label>
          <select
            id={shapeId}
            value={range.shape}
            disabled={!range.on}
            onChange={(e) => set({ shape: e.target.value === 'triangular' ? 'triangular' : 'uniform' })}
            data-testid={`risk-${lever}-shape`}
          >
            <option value="uniform">{t('risk.uniform')}</option>
            <option value="triangular">{t('risk.triangular')}</option>
          </select>
        </div>
        {(range.shape === 'triangular' ? (['min', 'mode', 'max'] as const) : (['min', 'max'] as const)).map((field) => (
          <PercentField
            key={field}
            lever={lever}
            field={field}
            label={t(`risk.${field}`)}
            value={range[field]}
            disabled={!range.on}
            onChange={(text) => set({ [field]: text })}
            issues={issues}
          />
        ))}
        {children}
      </div>
      <Issues lever={lever} issues={issues} />
    </fieldset>
  );
}

const errorId = (lever: string) => `risk-errors-${lever.replace(/[^\w-]/g, '-')}`;

/** A percentage typed freely; the model is rebuilt (and checked) on every keystroke. */
function PercentField({
  lever,
  field,
  label,
  value,
  disabled,
  onChange,
  issues,
  testId,
}: {
  lever: string;
  field: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange(text: string): void;
  issues: readonly FormIssue[];
  testId?: string;
}) {
  const id = useId();
  const invalid = !disabled && issues.some((i) => i.lever === lever && i.field === field);
  const group = lever.startsWith('esf:') ? 'esf' : lever;
  return (
    <div className="field risk-percent">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={value}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId(group) : undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId ?? `risk-${lever}-${field}`}
      />
    </div>
  );
}

/** The problems of one lever (for ESF: of every project), next to it. */
function Issues({ lever, issues }: { lever: string; issues: readonly FormIssue[] }) {
  const mine = issues.filter((i) => (lever === 'esf' ? i.lever.startsWith('esf:') : i.lever === lever));
  if (mine.length === 0) return null;
  return (
    <ul className="error risk-issues" id={errorId(lever)} role="alert">
      {mine.map((i) => (
        <li key={`${i.lever}-${i.field}-${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}
