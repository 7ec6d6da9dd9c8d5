import type { CostAmount, EsfProject, Issue, Plan, Result } from '@samplan/engine';
import type { PlanEdit } from '@samplan/plan-store';
import { type FormEvent, type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import type { Workspace } from '../../app/Workspace.tsx';
import {
  AMOUNT_FIELDS,
  type AmountField,
  type AmountTexts,
  type AmountType,
  amountTexts,
  type FormField,
  issueField,
  readCostAmount,
  sameAmount,
} from '../../core/budget/costAmountForm.ts';
import { percentText, type Unit } from '../../format/amounts.ts';

type Translate = Workspace['t'];
/** A message per field of a form, already translated. */
export type FieldErrors = Partial<Record<FormField, string>>;

/**
 * Splits a store's refusal into messages next to the fields they are about and one for the form
 * (the first issue about anything else).
 */
export function refusalByField(issues: readonly Issue[]): { fields: FieldErrors; other: string | null } {
  const fields: FieldErrors = {};
  let other: string | null = null;
  for (const issue of issues) {
    const field = issueField(issue);
    if (field) fields[field] ??= issue.message;
    else other ??= issue.message;
  }
  return { fields, other };
}

/** Focuses the first field marked invalid inside `root`. */
export const focusFirstInvalid = (root: HTMLElement | null) =>
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();

/** A labelled text input with an optional hint and unit after it, and its message when invalid. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  suffix,
  testId,
  inputMode,
  className = 'budget-amount',
}: {
  label: string;
  value: string;
  onChange(text: string): void;
  error?: string | undefined;
  hint?: string;
  suffix?: string;
  testId?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  className?: string;
}) {
  const inputId = useId();
  const hintId = useId();
  const suffixId = useId();
  const errorId = useId();
  const invalid = error !== undefined;
  const describedBy = [hint ? hintId : '', suffix ? suffixId : '', invalid ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="budget-field">
      <label htmlFor={inputId}>{label}</label>
      <span className="budget-field-input">
        <input
          id={inputId}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          className={className}
          data-testid={testId}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        {suffix && (
          <span id={suffixId} className="budget-suffix">
            {suffix}
          </span>
        )}
      </span>
      {hint && (
        <span id={hintId} className="budget-hint">
          {hint}
        </span>
      )}
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled select of the plan's ESF projects, with "none" first. */
export function ProjectSelect({
  value,
  onChange,
  projects,
  error,
  t,
  testId,
}: {
  value: string;
  onChange(project: string): void;
  projects: readonly EsfProject[];
  error?: string | undefined;
  t: Translate;
  testId: string;
}) {
  const selectId = useId();
  const errorId = useId();
  const invalid = error !== undefined;
  return (
    <div className="budget-field">
      <label htmlFor={selectId}>{t('budget.project')}</label>
      <select
        id={selectId}
        value={value}
        data-testid={testId}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('budget.noProject')}</option>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {invalid && (
        <span id={errorId} role="alert" className="budget-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The state of a cost amount being typed: the texts typed so far (others show `shown`) and the checkbox. */
export function useAmountDraft(original: CostAmount | undefined, unit: Unit) {
  const [typed, setTyped] = useState<Partial<AmountTexts>>({});
  const [indexed, setIndexed] = useState(original?.type === 'staff' ? original.indexed : true);
  const shown = amountTexts(original, unit);
  return {
    typed,
    indexed,
    setIndexed,
    text: (field: AmountField) => typed[field] ?? shown[field],
    change: (field: AmountField, text: string) => setTyped((before) => ({ ...before, [field]: text })),
    read: (type: AmountType) => readCostAmount(type, typed, indexed, unit, original),
    reset() {
      setTyped({});
      setIndexed(original?.type === 'staff' ? original.indexed : true);
    },
  };
}
type AmountDraft = ReturnType<typeof useAmountDraft>;

/** The fields of a period (dates, total) or a staff line (FTE, salary, dates, PO-påslag, indexation). */
export function CostAmountFields({
  type,
  draft,
  errors,
  unit,
  t,
  defaultAddOn,
  testId,
}: {
  type: AmountType;
  draft: AmountDraft;
  errors: FieldErrors;
  unit: Unit;
  t: Translate;
  /** The plan's PO-påslag, used when the line leaves its own empty. */
  defaultAddOn: string;
  /** Prefix of the fields' test ids: `${testId}-start`, … */
  testId: string;
}) {
  const checkboxId = useId();
  const dateHint = t('budget.dateHint');
  const staff = type === 'staff';
  const field = (name: AmountField) => {
    const common = {
      value: draft.text(name),
      onChange: (text: string) => draft.change(name, text),
      error: errors[name],
      testId: `${testId}-${name}`,
    };
    switch (name) {
      case 'start':
      case 'end': {
        const label =
          name === 'start'
            ? t(staff ? 'budget.startOptional' : 'budget.start')
            : t(staff ? 'budget.endOptional' : 'budget.end');
        return <TextField key={name} {...common} label={label} hint={dateHint} className="budget-date" />;
      }
      case 'total':
        return <TextField key={name} {...common} label={t('budget.periodTotal')} suffix={unit} inputMode="decimal" />;
      case 'fte':
        return (
          <TextField
            key={name}
            {...common}
            label={t('budget.fte')}
            hint={t('budget.fteHint')}
            inputMode="decimal"
            className="budget-amount budget-short"
          />
        );
      case 'salary':
        return <TextField key={name} {...common} label={t('budget.monthlySalary')} suffix="kr" inputMode="decimal" />;
      case 'addOn':
        return (
          <TextField
            key={name}
            {...common}
            label={t('budget.lineAddOn')}
            hint={t('budget.addOnHint', { percent: percentText(defaultAddOn) })}
            inputMode="decimal"
            className="budget-amount budget-short"
          />
        );
    }
  };
  return (
    <>
      {AMOUNT_FIELDS[type].map(field)}
      {staff && (
        <div className="budget-field budget-check">
          <input
            id={checkboxId}
            type="checkbox"
            checked={draft.indexed}
            data-testid={`${testId}-indexed`}
            onChange={(e) => draft.setIndexed(e.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('budget.indexed')}</label>
        </div>
      )}
    </>
  );
}

/**
 * The edit form of one cost line: its period or staff terms and its ESF project. Saved as one
 * `set-line`; a text that cannot be read stays as typed with the reason next to it, and so does a
 * text the store refuses (its own message).
 */
export function CostLineEditor({
  formId,
  id,
  name,
  amount,
  project,
  projects,
  defaultAddOn,
  unit,
  t,
  apply,
  announce,
  onClose,
}: {
  formId: string;
  id: string;
  name: string;
  amount: CostAmount;
  project: string | undefined;
  projects: readonly EsfProject[];
  defaultAddOn: string;
  unit: Unit;
  t: Translate;
  apply(edit: PlanEdit): Result<Plan>;
  announce(message: string): void;
  /** Closes the form; `saved` tells whether the line changed. */
  onClose(saved: boolean): void;
}) {
  const draft = useAmountDraft(amount, unit);
  const [projectValue, setProject] = useState(project ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [checkFocus, setCheckFocus] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const formErrorId = useId();

  // Opening the form puts focus on its first field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);
  // After a refused save: focus the first field with a message (or keep it where it was).
  useEffect(() => {
    if (checkFocus > 0) focusFirstInvalid(form.current);
  }, [checkFocus]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const read = draft.read(amount.type);
    if (!read.ok) {
      const messages: FieldErrors = {};
      for (const [field, key] of Object.entries(read.errors)) messages[field as AmountField] = t(key);
      setErrors(messages);
      setFormError(null);
      setCheckFocus((n) => n + 1);
      return;
    }
    // Only what changed: an unchanged field is not written over a co-editor's edit.
    const nextProject = projectValue === '' ? undefined : projectValue;
    const patch = {
      ...(!sameAmount(read.amount, amount) && { amount: read.amount }),
      ...(nextProject !== project && { project: nextProject }),
    };
    if (Object.keys(patch).length === 0) {
      onClose(false);
      return;
    }
    const result = apply({ type: 'set-line', collection: 'costs', id, patch });
    if (!result.ok) {
      const { fields, other } = refusalByField(result.errors);
      setErrors(fields);
      setFormError(other);
      setCheckFocus((n) => n + 1);
      return;
    }
    announce(t('budget.saved', { name }));
    onClose(true);
  };

  return (
    <form
      id={formId}
      ref={form}
      className="budget-add budget-edit"
      aria-label={t('budget.editLine', { name })}
      aria-describedby={formError !== null ? formErrorId : undefined}
      data-testid={`edit-form-${id}`}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose(false);
        }
      }}
    >
      <CostAmountFields
        type={amount.type}
        draft={draft}
        errors={errors}
        unit={unit}
        t={t}
        defaultAddOn={defaultAddOn}
        testId={`edit-${id}`}
      />
      {(projects.length > 0 || projectValue !== '') && (
        <ProjectSelect
          value={projectValue}
          onChange={setProject}
          projects={projects}
          error={errors.project}
          t={t}
          testId={`edit-${id}-project`}
        />
      )}
      <div className="budget-form-buttons">
        <button type="submit" className="budget-button" data-testid={`edit-${id}-save`}>
          {t('budget.save')}
        </button>
        <button
          type="button"
          className="budget-button budget-secondary"
          data-testid={`edit-${id}-cancel`}
          onClick={() => onClose(false)}
        >
          {t('budget.cancel')}
        </button>
      </div>
      {formError !== null && (
        <span id={formErrorId} role="alert" className="budget-error budget-form-error">
          {formError}
        </span>
      )}
    </form>
  );
}
