import type { Plan } from '@samplan/engine';

/** A person's role in one plan, as the server enforces it. */
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

export interface PlanSummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface PlanInfo extends PlanSummary {
  readonly user: User;
  readonly members: readonly (User & { readonly role: Role })[];
}

/** A refusal from the server (its Swedish message), or a network failure (status 0). */
export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Roles that may change the plan (the server closes others' updates with 4409). */
export const canEdit = (role: Role): boolean => role === 'owner' || role === 'editor';
/** Whether a role may write comments (everyone but a viewer; the server enforces it). */
export const canComment = (role: Role): boolean => role !== 'viewer';

/** Calls the server's JSON API on the same origin, with the session cookie. Never throws. */
export async function api<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    return {
      ok: false,
      error: { status: 0, code: 'offline', message: 'Servern går inte att nå. Kontrollera anslutningen.' },
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: body as T };
  const error = (body as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: error?.code ?? 'http',
      message: error?.message ?? `Servern svarade ${response.status}.`,
      ...(typeof error?.field === 'string' ? { field: error.field } : {}),
    },
  };
}

export const sessionApi = {
  me: () => api<{ user: User }>('me'),
  login: (email: string, password: string) =>
    api<{ user: User }>('login', { method: 'POST', body: { email, password } }),
  logout: () => api<{ ok: true }>('logout', { method: 'POST' }),
  setupNeeded: () => api<{ needed: boolean }>('setup'),
  setup: (input: { token: string; email: string; name: string; password: string }) =>
    api<{ user: User; planId: string | null }>('setup', { method: 'POST', body: input }),
  plans: () => api<PlanSummary[]>('plans'),
  plan: (id: string) => api<PlanInfo>(`plans/${encodeURIComponent(id)}`),
  createPlan: (input: { name?: string; plan?: Plan }) => api<PlanSummary>('plans', { method: 'POST', body: input }),
  invite: (planId: string, role: Role) =>
    api<{ token: string; path: string }>(`plans/${encodeURIComponent(planId)}/invitations`, {
      method: 'POST',
      body: { role },
    }),
  acceptInvitation: (token: string) =>
    api<{ planId: string; role: Role }>(`invitations/${encodeURIComponent(token)}/accept`, { method: 'POST' }),
};
