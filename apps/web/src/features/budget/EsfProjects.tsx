import type { EsfProject, Plan } from '@samplan/engine';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { Workspace } from '../../app/Workspace.tsx';

type Translate = Workspace['t'];
type Apply = Workspace['apply'];

/**
 * The plan's ESF projects: each one's status (approved, or applied for and left out of the base
 * plan) and removal, and a form that adds a project with its revenue line.
 */
export function EsfProjects({
  plan,
  apply,
  announce,
  t,
  onAdd,
}: {
  plan: Plan;
  apply: Apply;
  announce(message: string): void;
  t: Translate;
  /** Adds the project and its revenue line; returns null, or why it could not be added. */
  onAdd(name: string, status: EsfProject['status']): string | null;
}) {
  const headingId = useId();
  const nameId = useId();
  const statusId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<EsfProject['status']>('approved');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const trimmed = name.trim();
    const message = trimmed === '' ? t('budget.nameRequired') : onAdd(trimmed, status);
    setError(message);
    if (message === null) setName('');
    else nameInput.current?.focus();
  };
  const changeStatus = (project: EsfProject, next: EsfProject['status']) => {
    const result = apply({ type: 'put-esf-project', project: { ...project, status: next } });
    announce(result.ok ? t('budget.esfChanged', { name: project.name }) : (result.errors[0]?.message ?? ''));
  };
  const remove = (project: EsfProject) => {
    const result = apply({ type: 'remove-esf-project', id: project.id });
    if (!result.ok) {
      announce(result.errors[0]?.message ?? t('budget.removeProject', { name: project.name }));
      return;
    }
    announce(t('budget.projectRemoved', { name: project.name }));
    nameInput.current?.focus();
  };
  return (
    <div className="budget-projects">
      <h4 id={headingId}>{t('budget.esfProjects')}</h4>
      {plan.esfProjects.length === 0 ? (
        <p className="budget-help">{t('budget.noProjects')}</p>
      ) : (
        <div className="budget-scroll">
          <table className="budget-table budget-project-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('budget.projectName')}</th>
                <th scope="col">{t('budget.esfStatus')}</th>
                <th scope="col">
                  <span className="budget-visually-hidden">{t('budget.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.esfProjects.map((p) => (
                <tr key={p.id} data-testid={`esf-project-${p.id}`}>
                  <th scope="row" className="budget-name">
                    {p.name}
                  </th>
                  <td>
                    <select
                      aria-label={t('budget.esfStatusFor', { name: p.name })}
                      value={p.status}
                      data-testid={`esf-status-${p.id}`}
                      onChange={(e) => changeStatus(p, e.target.value as EsfProject['status'])}
                    >
                      <option value="approved">{t('budget.status.approved')}</option>
                      <option value="applied">{t('budget.status.applied')}</option>
                    </select>
                  </td>
                  <td className="budget-actions">
                    <button
                      type="button"
                      className="budget-button budget-remove"
                      aria-label={t('budget.removeProject', { name: p.name })}
                      data-testid={`esf-remove-${p.id}`}
                      onClick={() => remove(p)}
                    >
                      {t('budget.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="budget-add" onSubmit={submit} noValidate data-testid="add-esf-form">
        <div className="budget-field">
          <label htmlFor={nameId}>{t('budget.newEsfName')}</label>
          <input
            ref={nameInput}
            id={nameId}
            type="text"
            autoComplete="off"
            value={name}
            data-testid="add-esf-name"
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
        <div className="budget-field">
          <label htmlFor={statusId}>{t('budget.esfStatus')}</label>
          <select
            id={statusId}
            value={status}
            data-testid="add-esf-status"
            onChange={(e) => setStatus(e.target.value as EsfProject['status'])}
          >
            <option value="approved">{t('budget.status.approved')}</option>
            <option value="applied">{t('budget.status.applied')}</option>
          </select>
        </div>
        <button type="submit" className="budget-button" data-testid="add-esf-submit">
          {t('budget.addEsf')}
        </button>
      </form>
    </div>
  );
}
