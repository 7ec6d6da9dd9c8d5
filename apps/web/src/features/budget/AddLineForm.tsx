import { COST_CATEGORIES, type CostAmount, type CostCategory, type EsfProject, type Issue } from '@samplan/engine';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Workspace } from '../../app/Workspace.tsx';
import { AMOUNT_TYPES, type AmountField, type AmountType } from '../../core/budget/costAmountForm.ts';
import type { Unit } from '../../format/amounts.ts';
import {
  CostAmountFields,
  type FieldErrors,
  focusFirstInvalid,
  ProjectSelect,
  refusalByField,
  useAmountDraft,
} from './CostLineForms.tsx';

type Translate = Workspace['t'];

/** A line the add form asks for: an income line has only a name. */
export interface NewLine {
  name: string;
  category: CostCategory;
  /** Yearly (typed in the grid afterwards) when not given. */
  amount?: CostAmount;
  project?: string;
}

const NO_PROJECTS: readonly EsfProject[] = [];

/**
 * Adds an income line (name) or a cost line: name, category and the kind of amount (per year,
 * typed in the grid afterwards; a period with its total; or staff terms), optionally its ESF project.
 */
export function AddLineForm({
  kind,
  t,
  unit,
  projects = NO_PROJECTS,
  defaultAddOn = '0',
  onAdd,
}: {
  kind: 'income' | 'cost';
  t: Translate;
  unit: Unit;
  projects?: readonly EsfProject[];
  defaultAddOn?: string;
  /** Adds the line; returns null, or the store's issues. */
  onAdd(line: NewLine): readonly Issue[] | null;
}) {
  const nameId = useId();
  const categoryId = useId();
  const typeId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<CostCategory>('individual');
  const [type, setType] = useState<AmountType>('yearly');
  const [project, setProject] = useState('');
  const draft = useAmountDraft(undefined, unit);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checkFocus, setCheckFocus] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (checkFocus > 0) focusFirstInvalid(form.current);
  }, [checkFocus]);
  const refuse = (nameMessage: string | null, fieldMessages: FieldErrors) => {
    setError(nameMessage);
    setErrors(fieldMessages);
    setCheckFocus((n) => n + 1);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const trimmed = name.trim();
    const read = kind === 'cost' ? draft.read(type) : null;
    const fieldMessages: FieldErrors = {};
    if (read && !read.ok) {
      for (const [field, key] of Object.entries(read.errors)) fieldMessages[field as AmountField] = t(key);
    }
    if (trimmed === '' || (read && !read.ok)) {
      refuse(trimmed === '' ? t('budget.nameRequired') : null, fieldMessages);
      return;
    }
    const issues = onAdd({
      name: trimmed,
      category,
      ...(read?.ok && { amount: read.amount }),
      ...(project !== '' && { project }),
    });
    if (issues) {
      const { fields, other } = refusalByField(issues);
      refuse(other ?? (Object.keys(fields).length > 0 ? null : t('budget.nameRequired')), fields);
      return;
    }
    setError(null);
    setErrors({});
    setName('');
    draft.reset();
  };
  const testId = `add-${kind}`;
  return (
    <form ref={form} className="budget-add" onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <div className="budget-field">
        <label htmlFor={nameId}>{t(kind === 'cost' ? 'budget.newLineName' : 'budget.newIncomeName')}</label>
        <input
          id={nameId}
          type="text"
          autoComplete="off"
          value={name}
          data-testid={`${testId}-name`}
          aria-invalid={error !== null ? 'true' : undefined}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error !== null && (
          <span id={errorId} role="alert" className="budget-error">
            {error}
          </span>
        )}
      </div>
      {kind === 'cost' && (
        <>
          <div className="budget-field">
            <label htmlFor={categoryId}>{t('budget.category')}</label>
            <select
              id={categoryId}
              value={category}
              data-testid={`${testId}-category`}
              onChange={(e) => setCategory(e.target.value as CostCategory)}
            >
              {COST_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`budget.category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="budget-field">
            <label htmlFor={typeId}>{t('budget.amountType')}</label>
            <select
              id={typeId}
              value={type}
              data-testid={`${testId}-type`}
              onChange={(e) => setType(e.target.value as AmountType)}
            >
              {AMOUNT_TYPES.map((a) => (
                <option key={a} value={a}>
                  {t(`budget.type.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <CostAmountFields
            type={type}
            draft={draft}
            errors={errors}
            unit={unit}
            t={t}
            defaultAddOn={defaultAddOn}
            testId={testId}
          />
          {projects.length > 0 && (
            <ProjectSelect
              value={project}
              onChange={setProject}
              projects={projects}
              error={errors.project}
              t={t}
              testId={`${testId}-project`}
            />
          )}
        </>
      )}
      <button type="submit" className="budget-button" data-testid={`${testId}-submit`}>
        {t(kind === 'cost' ? 'budget.addLine' : 'budget.addIncome')}
      </button>
    </form>
  );
}
