import { apiRoutes, type CreatePlanRequest, type Role, type SetupRequest } from '@samplan/api-contract';
import type { Plan } from '@samplan/engine';
import type { z } from 'zod';

/** The wire types, from the contract the server keeps (re-exported for the session views). */
export type { PlanInfo, PlanSummary, Role, User } from '@samplan/api-contract';

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

/**
 * Calls the server's JSON API on the same origin, with the session cookie. Never throws. A success is read
 * with the contract's response schema: a body that does not keep the contract is a refusal
 * (`bad-response`), not a half-read value.
 */
export async function api<S extends z.ZodType>(
  path: string,
  responseSchema: S,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<ApiResult<z.output<S>>> {
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
  if (response.ok) {
    const parsed = responseSchema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      error: { status: response.status, code: 'bad-response', message: 'Servern svarade med något oväntat.' },
    };
  }
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
  me: () => api('me', apiRoutes.me.response),
  login: (email: string, password: string) =>
    api('login', apiRoutes.login.response, { method: 'POST', body: { email, password } }),
  logout: () => api('logout', apiRoutes.logout.response, { method: 'POST' }),
  setupNeeded: () => api('setup', apiRoutes.setupStatus.response),
  setup: (input: Required<SetupRequest>) => api('setup', apiRoutes.setup.response, { method: 'POST', body: input }),
  plans: () => api('plans', apiRoutes.plans.response),
  plan: (id: string) => api(`plans/${encodeURIComponent(id)}`, apiRoutes.plan.response),
  createPlan: (input: Omit<CreatePlanRequest, 'plan'> & { plan?: Plan }) =>
    api('plans', apiRoutes.createPlan.response, { method: 'POST', body: input }),
  invite: (planId: string, role: Role) =>
    api(`plans/${encodeURIComponent(planId)}/invitations`, apiRoutes.createInvitation.response, {
      method: 'POST',
      body: { role },
    }),
  acceptInvitation: (token: string) =>
    api(`invitations/${encodeURIComponent(token)}/accept`, apiRoutes.acceptInvitation.response, { method: 'POST' }),
};
