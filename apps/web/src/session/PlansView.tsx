import type { Plan } from '@samplan/engine';
import { type FormEvent, useEffect, useState } from 'react';
import { emptyPlan } from '../features/new-plan/emptyPlan.ts';
import { NewPlanYears, readNewPlanYears } from '../features/new-plan/NewPlanYears.tsx';
import { st } from '../i18n/storedLanguage.ts';
import { type PlanSummary, type Role, sessionApi, type User } from './api.ts';

const ROLES: readonly Role[] = ['editor', 'commenter', 'viewer', 'owner'];

/** The plans I have a role in; create a plan; invite people to the plans I own; log out. */
export function PlansView({ user, examplePlan }: { user: User; examplePlan: () => Plan }) {
  const [plans, setPlans] = useState<readonly PlanSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [fromExample, setFromExample] = useState(true);

  useEffect(() => {
    void sessionApi.plans().then((r) => (r.ok ? setPlans(r.value) : setError(r.error.message)));
  }, []);

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    let input: { plan: Plan; name?: string };
    if (fromExample) input = { plan: examplePlan(), ...(name.trim() ? { name } : {}) };
    else {
      // An empty plan with the years chosen here (the server would give three from next year).
      const empty = emptyPlan({ name, ...readNewPlanYears(new FormData(e.currentTarget)) });
      if (!empty.ok) {
        setError(empty.errors.map((issue) => issue.message).join(' '));
        return;
      }
      input = { plan: empty.value, name };
    }
    const result = await sessionApi.createPlan(input);
    if (result.ok) location.assign(`/plans/${encodeURIComponent(result.value.id)}#budget`);
    else setError(result.error.message);
  };
  const logout = async () => {
    await sessionApi.logout();
    // What this browser remembered for offline use goes with the session.
    for (const key of Object.keys(localStorage)) if (key.startsWith('samplan.planInfo.')) localStorage.removeItem(key);
    location.assign('/');
  };

  return (
    <main className="centered session plans" id="main">
      <header className="plans-header">
        <h1>{st('session.plansHeading')}</h1>
        <p>
          {st('session.loggedInAs', { name: user.name })}{' '}
          <button type="button" className="secondary" onClick={logout} data-testid="logout">
            {st('session.logout')}
          </button>
        </p>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {plans === null ? (
        <p>{st('session.loading')}</p>
      ) : plans.length === 0 ? (
        <p>{st('session.noPlans')}</p>
      ) : (
        <ul className="plan-list" data-testid="plan-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <a href={`/plans/${encodeURIComponent(plan.id)}#budget`} data-testid="open-plan">
                {plan.name}
              </a>{' '}
              <span>
                ({st('session.role')}: {st(`role.${plan.role}`)})
              </span>
              {plan.role === 'owner' && <InviteForm plan={plan} />}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} className="session-form">
        <h2>{st('session.newPlan')}</h2>
        <label>
          {st('session.newPlanName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required={!fromExample} maxLength={200} />
        </label>
        <label>
          <input type="checkbox" checked={fromExample} onChange={(e) => setFromExample(e.target.checked)} />
          {st('session.fromExample')}
        </label>
        {!fromExample && <NewPlanYears t={st} />}
        <button type="submit" data-testid="create-plan">
          {st('session.createPlan')}
        </button>
      </form>
    </main>
  );
}

/** Creates a single-use invitation link with a role. */
function InviteForm({ plan }: { plan: PlanSummary }) {
  const [role, setRole] = useState<Role>('editor');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    const result = await sessionApi.invite(plan.id, role);
    if (result.ok) {
      setLink(`${location.origin}${result.value.path}`);
      setError(null);
    } else {
      setError(result.error.message);
    }
  };
  return (
    <details className="invite">
      <summary>{st('session.invite', { name: plan.name })}</summary>
      <form onSubmit={invite}>
        <label>
          {st('session.inviteRole')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="invite-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {st(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="invite-create">
          {st('session.inviteCreate')}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {link && (
        <p>
          {st('session.inviteLink')} <output data-testid="invite-link">{link}</output>
        </p>
      )}
    </details>
  );
}
