import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiRouteName, apiRoutes, ErrorResponseSchema } from '@samplan/api-contract';
import { parsePlan } from '@samplan/engine';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AccountStore,
  createAccountStore,
  createHttpApi,
  createRateLimiter,
  createSqliteStorage,
  type SqliteStorage,
} from '../src/index.ts';
import { tempDatabase } from './helpers.ts';

const PASSWORD = 'ett långt lösenord';
const ORIGIN = 'http://samplan.test';
const SETUP_TOKEN = 'första-start';

const EXAMPLE_PLAN = {
  name: 'Samordningsförbundet Exempel',
  years: [2026, 2027],
  openingEquity: '1500000',
  members: [{ id: 'staten', name: 'Försäkringskassan', group: 'state', amounts: { 2026: '2000000', 2027: '2000000' } }],
};

/** The server's real answers, read with the contract's schemas: what the web app relies on. */
describe('HTTP API keeps the contract', () => {
  let database: ReturnType<typeof tempDatabase>;
  let db: Database.Database;
  let storage: SqliteStorage;
  let accounts: AccountStore;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    database = tempDatabase();
    storage = createSqliteStorage(database.file);
    db = new Database(database.file);
    accounts = createAccountStore(db);
    const api = createHttpApi({
      accounts,
      storage,
      db,
      loginLimiter: createRateLimiter({ max: 5, windowMs: 60_000 }),
      allowedOrigins: [ORIGIN],
      firstRun: {
        token: SETUP_TOKEN,
        examplePlan: async () => {
          const parsed = parsePlan(EXAMPLE_PLAN);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
          return parsed.value;
        },
      },
      onError: (error) => {
        throw error;
      },
    });
    server = createServer((req, res) => {
      void api(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    db.close();
    storage.close();
    database.remove();
  });

  /** Calls a contract route by name (its method and path, `:name` filled from `params`). */
  function call(
    name: ApiRouteName,
    { params = {}, body, cookie }: { params?: Record<string, string>; body?: unknown; cookie?: string } = {},
  ): Promise<Response> {
    const route = apiRoutes[name];
    const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
    const headers: Record<string, string> = {};
    if (cookie !== undefined) headers.cookie = cookie;
    if (route.method === 'POST') headers.origin = ORIGIN;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}${path}`, {
      method: route.method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** The route's success: its status, and its body as the contract's response schema reads it (exactly). */
  async function success(name: ApiRouteName, response: Response) {
    expect(response.status, name).toBe(apiRoutes[name].status);
    const body: unknown = await response.json();
    const parsed = apiRoutes[name].response.safeParse(body);
    expect(parsed.error, name).toBeUndefined();
    // Nothing outside the contract either: the schema's reading is the body itself.
    expect(parsed.data, name).toEqual(body);
    return body;
  }

  /** A refusal: its status, and its body in the contract's error shape. */
  async function refusal(response: Response, status: number) {
    expect(response.status).toBe(status);
    const parsed = ErrorResponseSchema.safeParse(await response.json());
    expect(parsed.error).toBeUndefined();
    if (!parsed.success) throw new Error('not an error response');
    return parsed.data.error;
  }

  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  it('answers every JSON route in the shape of its response schema', async () => {
    await success('health', await call('health'));
    expect(await success('setupStatus', await call('setupStatus'))).toEqual({ needed: true });

    const setup = await call('setup', {
      body: { token: SETUP_TOKEN, email: 'anna@example.se', name: 'Anna', password: PASSWORD },
    });
    const anna = cookieOf(setup);
    const { planId } = (await success('setup', setup)) as { planId: string };
    expect(planId).toEqual(expect.any(String));
    expect(await success('setupStatus', await call('setupStatus'))).toEqual({ needed: false });

    const bo = accounts.createUser({ email: 'bo@example.se', name: 'Bo', password: PASSWORD });
    if (!bo.ok) throw new Error(JSON.stringify(bo.errors));
    const login = await call('login', { body: { email: 'bo@example.se', password: PASSWORD } });
    const boCookie = cookieOf(login);
    await success('login', login);
    await success('me', await call('me', { cookie: boCookie }));

    await success('createPlan', await call('createPlan', { cookie: anna, body: { name: 'Budget 2027' } }));
    const invitation = await call('createInvitation', {
      cookie: anna,
      params: { id: planId },
      body: { role: 'editor' },
    });
    const { token } = (await success('createInvitation', invitation)) as { token: string };
    await success('acceptInvitation', await call('acceptInvitation', { cookie: boCookie, params: { token } }));

    const plans = await success('plans', await call('plans', { cookie: anna }));
    expect(plans).toHaveLength(2);
    const info = await success('plan', await call('plan', { cookie: boCookie, params: { id: planId } }));
    expect(info).toMatchObject({ role: 'editor', members: [expect.anything(), expect.anything()] });
    const exported = await success(
      'exportJson',
      await call('exportJson', { cookie: boCookie, params: { id: planId } }),
    );
    expect(exported).toMatchObject({ name: EXAMPLE_PLAN.name, years: EXAMPLE_PLAN.years });

    await success('logout', await call('logout', { cookie: boCookie }));
  });

  it('refuses in the error shape, with the codes and fields of the contract', async () => {
    expect(await refusal(await call('me'), 401)).toMatchObject({ code: 'unauthorized' });
    expect(await refusal(await call('setup', { body: { token: 'fel' } }), 403)).toMatchObject({
      code: 'bad-setup-token',
    });
    expect(await refusal(await call('setup', { body: { token: SETUP_TOKEN, email: 7 } }), 400)).toEqual({
      code: 'bad-field',
      message: 'Ange e-postadress.',
      field: 'email',
    });
    expect(await refusal(await call('login', { body: { email: 'anna@example.se' } }), 400)).toEqual({
      code: 'bad-field',
      message: 'Ange lösenord.',
      field: 'password',
    });
    expect(await refusal(await call('login', { body: ['anna'] }), 400)).toMatchObject({ code: 'bad-json' });

    const setup = await call('setup', {
      body: { token: SETUP_TOKEN, email: 'anna@example.se', name: 'Anna', password: PASSWORD },
    });
    const anna = cookieOf(setup);
    const { planId } = (await success('setup', setup)) as { planId: string };
    expect(await refusal(await call('setup', { body: {} }), 409)).toMatchObject({ code: 'already-set-up' });

    expect(await refusal(await call('createPlan', { cookie: anna, body: { name: 'x'.repeat(201) } }), 400)).toEqual({
      code: 'bad-field',
      message: 'Ange ett namn på planen (högst 200 tecken).',
      field: 'name',
    });
    const invalid = await refusal(
      await call('createPlan', { cookie: anna, body: { plan: { ...EXAMPLE_PLAN, years: [2026, 2028] } } }),
      400,
    );
    expect(invalid.code).toBe('invalid-plan');
    expect(invalid.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'years-not-consecutive' })]),
    );
    expect(
      await refusal(
        await call('createInvitation', { cookie: anna, params: { id: planId }, body: { role: 'kung' } }),
        400,
      ),
    ).toEqual({ code: 'invalid-role', message: 'Ange en roll: owner, editor, commenter eller viewer.', field: 'role' });
    expect(await refusal(await call('plan', { cookie: anna, params: { id: 'saknas' } }), 404)).toMatchObject({
      code: 'not-found',
    });
    expect(
      await refusal(await call('acceptInvitation', { cookie: anna, params: { token: 'finns-inte' } }), 400),
    ).toMatchObject({ code: 'invitation-unknown' });
  });
});
