import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importBudgetTable } from '@samplan/budget-table';
import { importBudgetWorkbook } from '@samplan/budget-xlsx';
import { type Plan, parsePlan, projectionToJson, projectPlan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
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

const SAMPLE_PLAN = {
  name: 'Samordningsförbundet Exempel',
  years: [2026, 2027, 2028],
  openingEquity: '1500000',
  members: [
    {
      id: 'staten',
      name: 'Försäkringskassan',
      group: 'state',
      amounts: { 2026: '2000000', 2027: '2000000', 2028: '2000000' },
    },
    {
      id: 'region',
      name: 'Region Exempel',
      group: 'region',
      amounts: { 2026: '1000000', 2027: '1000000', 2028: '1000000' },
    },
    {
      id: 'kommun',
      name: 'Exempel kommun',
      group: 'kommun',
      amounts: { 2026: '1000000', 2027: '1000000', 2028: '1000000' },
    },
  ],
};

describe('HTTP API', () => {
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
    for (const [email, name] of [
      ['anna@example.se', 'Anna'],
      ['bo@example.se', 'Bo'],
    ] as const) {
      const result = accounts.createUser({ email, name, password: PASSWORD });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
    }
    const api = createHttpApi({
      accounts,
      storage,
      db,
      loginLimiter: createRateLimiter({ max: 5, windowMs: 60_000 }),
      allowedOrigins: [ORIGIN],
      onError: (error) => {
        throw error;
      },
    });
    server = createServer((req, res) => {
      void api(req, res).then((handled) => {
        if (!handled) {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('static');
        }
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

  /** A request; POSTs carry the allowed Origin unless `origin: null`. */
  function request(
    method: string,
    path: string,
    { body, cookie, origin = ORIGIN }: { body?: unknown; cookie?: string; origin?: string | null } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (cookie !== undefined) headers.cookie = cookie;
    if (origin !== null && method !== 'GET') headers.origin = origin;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  /** Logs in and returns the `name=value` part of the session cookie. */
  async function login(email: string): Promise<string> {
    const response = await request('POST', '/api/login', { body: { email, password: PASSWORD } });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0] ?? '';
  }

  async function errorOf(response: Response): Promise<{ code: string; message: string; issues?: unknown[] }> {
    const body = (await response.json()) as { error: { code: string; message: string; issues?: unknown[] } };
    return body.error;
  }

  it('answers health without a session and leaves non-/api paths to the caller', async () => {
    const health = await request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('content-type')).toContain('application/json');
    const page = await request('GET', '/index.html');
    expect(await page.text()).toBe('static');
  });

  it('logs in with the right password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await request('POST', '/api/login', { body: { email: 'Anna@Example.se', password: PASSWORD } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { email: string; name: string } };
    expect(body.user).toMatchObject({ email: 'anna@example.se', name: 'Anna' });
    expect(JSON.stringify(body)).not.toContain('password');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^samplan_session=[\w-]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
  });

  it('refuses wrong passwords and unknown emails with the same message, and bad bodies with 400', async () => {
    const wrong = await request('POST', '/api/login', { body: { email: 'anna@example.se', password: 'fel lösenord' } });
    const unknown = await request('POST', '/api/login', { body: { email: 'ingen@example.se', password: PASSWORD } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await errorOf(wrong), await errorOf(unknown)];
    expect(a.code).toBe('invalid-login');
    expect(a).toEqual(b);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const badJson = await request('POST', '/api/login', { body: '{"email":' });
    expect(badJson.status).toBe(400);
    expect((await errorOf(badJson)).code).toBe('bad-json');
    const missing = await request('POST', '/api/login', { body: { email: 'anna@example.se' } });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: 'bad-field', field: 'password' });
  });

  it('rate-limits logins per email: the 6th attempt gets 429, and a successful login resets the count', async () => {
    const attempt = (email: string, password: string) =>
      request('POST', '/api/login', { body: { email, password } }).then((r) => r.status);
    for (let i = 0; i < 4; i++) expect(await attempt('anna@example.se', 'fel lösenord')).toBe(401);
    expect(await attempt('ANNA@example.se', PASSWORD)).toBe(200); // 5th: allowed, and resets
    for (let i = 0; i < 5; i++) expect(await attempt('anna@example.se', 'fel lösenord')).toBe(401);
    const limited = await request('POST', '/api/login', { body: { email: 'Anna@Example.se', password: PASSWORD } });
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe('rate-limited');
    // Another email is not affected.
    expect(await attempt('bo@example.se', PASSWORD)).toBe(200);
  });

  it('tells who is logged in, and logout ends the session and clears the cookie', async () => {
    expect((await request('GET', '/api/me')).status).toBe(401);
    expect((await request('GET', '/api/me', { cookie: 'samplan_session=nonsense' })).status).toBe(401);
    const cookie = await login('anna@example.se');
    const me = await request('GET', '/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe('Anna');

    const logout = await request('POST', '/api/logout', { cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/^samplan_session=;.*Max-Age=0/);
    expect((await request('GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('creates plans (empty and from plan JSON), stores their first document and lists them with the role', async () => {
    const cookie = await login('anna@example.se');
    expect((await request('GET', '/api/plans')).status).toBe(401);
    expect((await request('POST', '/api/plans', { body: { name: 'X' } })).status).toBe(401);

    const empty = await request('POST', '/api/plans', { cookie, body: { name: 'Budget 2027' } });
    expect(empty.status).toBe(201);
    const created = (await empty.json()) as { id: string; name: string; role: string };
    expect(created).toMatchObject({ name: 'Budget 2027', role: 'owner' });
    expect(created.id).toMatch(/^[\w-]{16,}$/);
    expect(storage.load(created.id)).toHaveLength(1);
    const emptyExport = await request('GET', `/api/plans/${created.id}/export.json`, { cookie });
    const emptyPlan = (await emptyExport.json()) as { name: string; years: number[]; members: unknown[] };
    const next = new Date().getFullYear() + 1;
    expect(emptyPlan).toMatchObject({ name: 'Budget 2027', years: [next, next + 1, next + 2], members: [] });
    // A new plan states no opening equity: the workspace asks for it (the engine projects from 0 with a finding).
    expect(emptyPlan).not.toHaveProperty('openingEquity');

    const fromJson = await request('POST', '/api/plans', { cookie, body: { name: 'Exempel', plan: SAMPLE_PLAN } });
    expect(fromJson.status).toBe(201);
    const second = (await fromJson.json()) as { id: string };

    const invalid = await request('POST', '/api/plans', {
      cookie,
      body: { name: 'Trasig', plan: { ...SAMPLE_PLAN, years: [2026, 2028, 2029] } },
    });
    expect(invalid.status).toBe(400);
    const error = await errorOf(invalid);
    expect(error.code).toBe('invalid-plan');
    expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'years-not-consecutive' })]));

    const noName = await request('POST', '/api/plans', { cookie, body: { name: '  ' } });
    expect(noName.status).toBe(400);
    expect(await errorOf(noName)).toMatchObject({ code: 'bad-field', field: 'name' });

    const list = await request('GET', '/api/plans', { cookie });
    expect(await list.json()).toEqual([
      { id: created.id, name: 'Budget 2027', role: 'owner' },
      { id: second.id, name: 'Exempel', role: 'owner' },
    ]);
    const bo = await login('bo@example.se');
    expect(await (await request('GET', '/api/plans', { cookie: bo })).json()).toEqual([]);
  });

  it('lets the owner invite; another user accepts and then sees the plan with that role', async () => {
    const anna = await login('anna@example.se');
    const bo = await login('bo@example.se');
    const { id } = (await (await request('POST', '/api/plans', { cookie: anna, body: { name: 'Delad' } })).json()) as {
      id: string;
    };

    // Bo has no role yet: no invitations, no export.
    expect(
      (await request('POST', `/api/plans/${id}/invitations`, { cookie: bo, body: { role: 'editor' } })).status,
    ).toBe(403);
    expect((await request('GET', `/api/plans/${id}/export.json`, { cookie: bo })).status).toBe(403);
    expect((await request('GET', '/api/plans/saknas/export.json', { cookie: bo })).status).toBe(404);

    const badRole = await request('POST', `/api/plans/${id}/invitations`, { cookie: anna, body: { role: 'kung' } });
    expect(badRole.status).toBe(400);
    const invite = await request('POST', `/api/plans/${id}/invitations`, { cookie: anna, body: { role: 'editor' } });
    expect(invite.status).toBe(201);
    const { token, path } = (await invite.json()) as { token: string; path: string };
    expect(path).toBe(`/invite/${token}`);

    expect((await request('POST', `/api/invitations/${token}/accept`)).status).toBe(401);
    const accepted = await request('POST', `/api/invitations/${token}/accept`, { cookie: bo });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ planId: id, role: 'editor' });
    expect(await (await request('GET', '/api/plans', { cookie: bo })).json()).toEqual([
      { id, name: 'Delad', role: 'editor' },
    ]);
    expect((await request('GET', `/api/plans/${id}/export.json`, { cookie: bo })).status).toBe(200);

    // An editor is not the owner: still no invitations.
    const notOwner = await request('POST', `/api/plans/${id}/invitations`, { cookie: bo, body: { role: 'viewer' } });
    expect(notOwner.status).toBe(403);
    expect((await errorOf(notOwner)).code).toBe('forbidden');

    const again = await request('POST', `/api/invitations/${token}/accept`, { cookie: bo });
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe('invitation-used');
    const unknown = await request('POST', '/api/invitations/finns-inte/accept', { cookie: bo });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).code).toBe('invitation-unknown');
  });

  it('exports a plan as JSON that round-trips, and as a budget table CSV', async () => {
    const cookie = await login('anna@example.se');
    const { id } = (await (
      await request('POST', '/api/plans', { cookie, body: { name: 'Exempel', plan: SAMPLE_PLAN } })
    ).json()) as { id: string };

    const json = await request('GET', `/api/plans/${id}/export.json`, { cookie });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    const exported = await json.json();
    const expected = parsePlan(SAMPLE_PLAN);
    const reparsed = parsePlan(exported);
    expect(expected.ok && reparsed.ok).toBe(true);
    if (!expected.ok || !reparsed.ok) return;
    expect(reparsed.value).toEqual(expected.value);

    const csv = await request('GET', `/api/plans/${id}/export.csv`, { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="samplan-[\w.-]+\.csv"/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe(`# plan: ${SAMPLE_PLAN.name}`);
    expect(text).toContain('Försäkringskassan');
  });

  it('exports a plan as an Excel workbook with every scenario, whose budget sheet imports to the same projection', async () => {
    const seed = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
    if (!seed.ok) throw new Error(JSON.stringify(seed.errors));
    const withScenarios: Plan = {
      ...seed.value,
      scenarios: [
        {
          id: 'esf-avslag',
          name: 'ESF avslag',
          changes: [
            { type: 'esf-decision', project: 'gransgangare', decision: 'rejected', scaleCosts: false, keepLines: [] },
          ],
        },
        {
          id: 'staten-minus-10',
          name: 'Staten −10 %',
          changes: [{ type: 'state-allocation', fromYear: 2023, rate: '-0.1', matching: true }],
        },
      ],
    };
    const cookie = await login('anna@example.se');
    const created = await request('POST', '/api/plans', { cookie, body: { name: 'Göteborg', plan: withScenarios } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const xlsx = await request('GET', `/api/plans/${id}/export.xlsx`, { cookie });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toBe(
      `attachment; filename="samplan-Goteborg.xlsx"; filename*=UTF-8''G%C3%B6teborg.xlsx`,
    );
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(Number(xlsx.headers.get('content-length'))).toBe(bytes.byteLength);

    // The stored plan, as export.json gives it, projects like the workbook's budget sheet read back.
    const stored = parsePlan(await (await request('GET', `/api/plans/${id}/export.json`, { cookie })).json());
    const back = await importBudgetWorkbook(bytes, 'Göteborg.xlsx');
    if (!stored.ok || !back.ok) throw new Error(JSON.stringify([stored, back]));
    const projection = (plan: Plan) => {
      const p = projectPlan(plan);
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      return projectionToJson(p.value);
    };
    expect(projection(back.value)).toEqual(projection(stored.value));
    expect(stored.value.scenarios.map((s) => s.name)).toEqual(['ESF avslag', 'Staten −10 %']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Budget',
      'Grundbudget',
      'ESF avslag',
      'Staten −10 %',
      'Jämförelse',
    ]);

    // Same access rules as the other exports.
    expect((await request('GET', `/api/plans/${id}/export.xlsx`)).status).toBe(401);
    expect(
      (await request('GET', `/api/plans/${id}/export.xlsx`, { cookie: await login('bo@example.se') })).status,
    ).toBe(403);
  });

  it('refuses state-changing requests without an allowed Origin (CSRF)', async () => {
    const cookie = await login('anna@example.se');
    for (const origin of [null, 'http://evil.test', 'null']) {
      const response = await request('POST', '/api/plans', { cookie, origin, body: { name: 'X' } });
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('bad-origin');
    }
    const loginWithout = await request('POST', '/api/login', {
      origin: null,
      body: { email: 'anna@example.se', password: PASSWORD },
    });
    expect(loginWithout.status).toBe(403);
    expect(await (await request('GET', '/api/plans', { cookie })).json()).toEqual([]);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const cookie = await login('anna@example.se');
    const big = JSON.stringify({ name: 'x'.repeat(1_000_001) });
    const response = await request('POST', '/api/plans', { cookie, body: big });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('body-too-large');
    expect(await (await request('GET', '/api/plans', { cookie })).json()).toEqual([]);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const unknown = await request('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'not-found', message: expect.any(String) });
    expect((await request('GET', '/api')).status).toBe(404);
    const wrongMethod = await request('DELETE', '/api/plans');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
  });
});
