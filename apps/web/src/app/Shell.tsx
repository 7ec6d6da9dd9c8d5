import type { Plan } from '@samplan/engine';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { SharedPlanApp } from '../collab/SharedPlanApp.tsx';
import { st } from '../i18n/storedLanguage.ts';
import { type ApiError, type PlanInfo, sessionApi, type User } from '../session/api.ts';
import { LoginView } from '../session/LoginView.tsx';
import { PlansView } from '../session/PlansView.tsx';
import { SetupView } from '../session/SetupView.tsx';
import type { EngineClient } from '../worker/createEngineClient.ts';

/** The print view (with the text editor) is loaded only when opened. */
const PrintRoute = lazy(() => import('../features/print/PrintRoute.tsx').then((m) => ({ default: m.PrintRoute })));

/** The signed-in part of the app, by path: `/` plans, `/plans/<id>` a shared plan (`/print` its print view), `/invite/<token>`, `/setup`. */
export function Shell({ engine, examplePlan }: { engine: EngineClient; examplePlan: () => Plan }) {
  const path = location.pathname;
  if (path === '/setup') return <SetupView />;
  const invite = /^\/invite\/([^/]+)$/.exec(path)?.[1];
  if (invite) return <InviteRoute token={decodeURIComponent(invite)} />;
  const printId = /^\/plans\/([^/]+)\/print$/.exec(path)?.[1];
  if (printId)
    return (
      <Suspense fallback={<Waiting>{st('collab.loading')}</Waiting>}>
        <PrintRoute planId={decodeURIComponent(printId)} engine={engine} />
      </Suspense>
    );
  const planId = /^\/plans\/([^/]+)$/.exec(path)?.[1];
  if (planId) return <PlanRoute planId={decodeURIComponent(planId)} engine={engine} />;
  return <HomeRoute examplePlan={examplePlan} />;
}

/** After logging in: back where the person was going (`?next=`), else reload this page. */
const continueAfterLogin = () => {
  const next = new URLSearchParams(location.search).get('next');
  if (next?.startsWith('/') && !next.startsWith('//')) location.assign(next);
  else location.reload();
};

function HomeRoute({ examplePlan }: { examplePlan: () => Plan }) {
  const [state, setState] = useState<{ user: User } | { error: ApiError; setupNeeded: boolean } | null>(null);
  useEffect(() => {
    void sessionApi.me().then(async (me) => {
      if (me.ok) return setState({ user: me.value.user });
      const setup = await sessionApi.setupNeeded();
      setState({ error: me.error, setupNeeded: setup.ok && setup.value.needed });
    });
  }, []);
  if (state === null) return <Waiting>{st('session.loading')}</Waiting>;
  if ('user' in state) return <PlansView user={state.user} examplePlan={examplePlan} />;
  if (state.error.status === 0) return <Waiting alert>{state.error.message}</Waiting>;
  return (
    <LoginView onLoggedIn={continueAfterLogin} {...(state.setupNeeded ? { notice: st('session.setupNeeded') } : {})} />
  );
}

function InviteRoute({ token }: { token: string }) {
  const [state, setState] = useState<'accepting' | 'login' | { error: string }>('accepting');
  useEffect(() => {
    void sessionApi.acceptInvitation(token).then((result) => {
      if (result.ok) location.assign(`/plans/${encodeURIComponent(result.value.planId)}#budget`);
      else if (result.error.status === 401) setState('login');
      else setState({ error: result.error.message });
    });
  }, [token]);
  if (state === 'accepting') return <Waiting>{st('session.inviteAccepting')}</Waiting>;
  if (state === 'login') return <LoginView onLoggedIn={() => location.reload()} notice={st('session.inviteLogin')} />;
  return <Waiting alert>{state.error}</Waiting>;
}

/** The plan's info (name, my role) is remembered per browser, so a reload while offline still opens the plan. */
const rememberedInfo = (planId: string): PlanInfo | null => {
  try {
    const raw = localStorage.getItem(`samplan.planInfo.${planId}`);
    return raw ? (JSON.parse(raw) as PlanInfo) : null;
  } catch {
    return null;
  }
};

function PlanRoute({ planId, engine }: { planId: string; engine: EngineClient }) {
  const [state, setState] = useState<PlanInfo | ApiError | null>(null);
  useEffect(() => {
    void sessionApi.plan(planId).then((result) => {
      if (result.ok) {
        localStorage.setItem(`samplan.planInfo.${planId}`, JSON.stringify(result.value));
        setState(result.value);
      } else {
        const offline = result.error.status === 0 ? rememberedInfo(planId) : null;
        setState(offline ?? result.error);
      }
    });
  }, [planId]);
  if (state === null) return <Waiting>{st('collab.loading')}</Waiting>;
  if ('user' in state) return <SharedPlanApp info={state} engine={engine} />;
  if (state.status === 401) return <LoginView onLoggedIn={() => location.reload()} />;
  return (
    <Waiting alert>{state.status === 403 || state.status === 404 ? st('collab.noAccess') : state.message}</Waiting>
  );
}

function Waiting({ children, alert = false }: { children: ReactNode; alert?: boolean }) {
  return (
    <main className="centered" id="main">
      <p role={alert ? 'alert' : 'status'}>{children}</p>
      {alert && (
        <p>
          <a href="/">{st('collab.allPlans')}</a>
        </p>
      )}
    </main>
  );
}
