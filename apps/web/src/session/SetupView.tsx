import { type FormEvent, useState } from 'react';
import { st } from '../i18n/storedLanguage.ts';
import { sessionApi } from './api.ts';

/** First-run setup: the first account (with the token from the link the server printed) and its example plan. */
export function SetupView() {
  const token = location.hash.replace('#', '');
  const [fields, setFields] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await sessionApi.setup({ token, ...fields });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    location.assign(result.value.planId ? `/plans/${encodeURIComponent(result.value.planId)}#budget` : '/');
  };
  const field = (name: keyof typeof fields, type: string, autoComplete: string, label: string, help?: string) => (
    <label>
      {label}
      <input
        type={type}
        autoComplete={autoComplete}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
        aria-invalid={error?.field === name ? 'true' : undefined}
        required
        data-testid={`setup-${name}`}
      />
      {help && <small>{help}</small>}
    </label>
  );
  return (
    <main className="centered session" id="main">
      <h1>{st('session.setupHeading')}</h1>
      <p>{st('session.setupHelp')}</p>
      <form onSubmit={submit} className="session-form">
        {field('name', 'text', 'name', st('session.name'))}
        {field('email', 'email', 'username', st('session.email'))}
        {field('password', 'password', 'new-password', st('session.password'), st('session.passwordHelp'))}
        {error && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        <button type="submit" data-testid="setup-submit">
          {st('session.create')}
        </button>
      </form>
    </main>
  );
}
