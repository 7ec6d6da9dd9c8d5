import { describe, expect, it } from 'vitest';
import { type ApiRouteName, apiRoutes } from './apiRoutes.ts';
import { ErrorResponseSchema } from './errorResponse.ts';

const anna = { id: 'u1', email: 'anna@example.se', name: 'Anna', createdAt: 1_780_000_000_000 };
const plan = {
  version: 1,
  name: 'Samordningsförbundet Exempel',
  years: [2026, 2027],
  openingEquity: '1500000',
  members: [{ id: 'staten', name: 'Försäkringskassan', group: 'state', amounts: { 2026: '2000000', 2027: '2000000' } }],
  esfProjects: [],
  revenues: [],
  costs: [],
  assumptions: { utilization: '1', indexation: '0.02', employerAddOn: '0.32' },
  thresholds: { equityCap: '0.2', adminShare: { min: '0', max: '0.15' } },
  stated: [],
  scenarios: [],
  goals: [],
  indicators: [],
  activities: [],
};

/** A request body (for routes that read one) and a success response of every route, as the server sends them. */
const fixtures: { [name in ApiRouteName]: { body?: unknown; response: unknown } } = {
  health: { response: { ok: true } },
  login: { body: { email: 'anna@example.se', password: 'ett långt lösenord' }, response: { user: anna } },
  logout: { response: { ok: true } },
  me: { response: { user: anna } },
  setupStatus: { response: { needed: true } },
  setup: {
    body: { token: 'abc', email: 'anna@example.se', name: 'Anna', password: 'ett långt lösenord' },
    response: { user: anna, planId: null },
  },
  plans: {
    response: [
      { id: 'p1', name: 'Budget 2027', role: 'owner' },
      { id: 'p2', name: 'Delad', role: 'commenter' },
    ],
  },
  createPlan: { body: { name: 'Exempel', plan }, response: { id: 'p1', name: 'Exempel', role: 'owner' } },
  plan: {
    response: {
      id: 'p1',
      name: 'Delad',
      role: 'editor',
      user: anna,
      members: [
        { ...anna, role: 'editor' },
        { id: 'u2', email: 'bo@example.se', name: 'Bo', createdAt: 1_780_000_000_001, role: 'owner' },
      ],
    },
  },
  createInvitation: { body: { role: 'viewer' }, response: { token: 't0k3n', path: '/invite/t0k3n' } },
  acceptInvitation: { response: { planId: 'p1', role: 'viewer' } },
  exportJson: { response: plan },
};

describe('apiRoutes', () => {
  for (const [name, route] of Object.entries(apiRoutes) as [ApiRouteName, (typeof apiRoutes)[ApiRouteName]][]) {
    it(`${route.method} ${route.path}: its fixture round-trips through the schemas`, () => {
      const fixture = fixtures[name];
      expect(route.response.parse(fixture.response)).toEqual(fixture.response);
      if ('body' in route) expect(route.body.parse(fixture.body)).toEqual(fixture.body);
      else expect(fixture.body).toBeUndefined();
    });
  }

  it('refuses a response that does not keep the contract', () => {
    expect(apiRoutes.me.response.safeParse({ user: { ...anna, createdAt: 'igår' } }).success).toBe(false);
    expect(apiRoutes.plans.response.safeParse([{ id: 'p1', name: 'X', role: 'kung' }]).success).toBe(false);
    expect(apiRoutes.createPlan.response.safeParse({ id: 'p1', name: 'X', role: 'editor' }).success).toBe(false);
    expect(apiRoutes.setup.response.safeParse({ user: anna }).success).toBe(false);
  });

  it('reads refusals in the error shape, with field and issues when given', () => {
    const refusal = {
      error: {
        code: 'invalid-plan',
        message: 'Planen är inte giltig.',
        issues: [{ code: 'years-not-consecutive', message: 'Åren ska följa på varandra.', path: ['years'] }],
      },
    };
    expect(ErrorResponseSchema.parse(refusal)).toEqual(refusal);
    const field = { error: { code: 'bad-field', message: 'Ange lösenord.', field: 'password' } };
    expect(ErrorResponseSchema.parse(field)).toEqual(field);
    expect(ErrorResponseSchema.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});
