import { type FormEvent, useState } from 'react';
import { st } from '../i18n/storedLanguage.ts';
import { sessionApi, type User } from './api.ts';

/** Email and password; on success the caller goes on with the user (the session cookie is set). */
export function LoginView({ onLoggedIn, notice }: { onLoggedIn(user: User): void; notice?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await sessionApi.login(email, password);
    setBusy(false);
    if (result.ok) onLoggedIn(result.value.user);
    else setError(result.error.message);
  };
  return (
    <main className="centered session" id="main">
      <h1>{st('session.loginHeading')}</h1>
      {notice && <p>{notice}</p>}
      <form onSubmit={submit} className="session-form">
        <label>
          {st('session.email')}
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            data-testid="login-email"
          />
        </label>
        <label>
          {st('session.password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            data-testid="login-password"
          />
        </label>
        {error && (
          <p role="alert" className="error" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="login-submit">
          {st('session.login')}
        </button>
      </form>
      <p>
        <a href="/demo">{st('session.demo')}</a>
      </p>
    </main>
  );
}
