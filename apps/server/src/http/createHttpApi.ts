import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiRoutes, isRole, type PlanSummary, type Role } from '@samplan/api-contract';
import type { Plan } from '@samplan/engine';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { readCookie, SESSION_COOKIE } from '../accounts/authenticateWithAccounts.ts';
import { type AccountStore, DEFAULT_SESSION_TTL_MS, type User } from '../accounts/createAccountStore.ts';
import type { RateLimiter } from '../accounts/createRateLimiter.ts';
import type { DocStorage } from '../DocStorage.ts';
import { PdfRenderError, type PdfRenderer } from '../pdf/createPdfRenderer.ts';
import { HttpError, sendError, sendJson, sendText } from './httpErrors.ts';
import { readRequestBody } from './readRequestBody.ts';

export interface HttpApiOptions {
  readonly accounts: AccountStore;
  readonly storage: DocStorage;
  /** Login attempts, keyed by the lower-cased email. */
  readonly loginLimiter: RateLimiter;
  /** Origins (`https://samplan.example`) allowed to send POST and DELETE requests (CSRF protection). */
  readonly allowedOrigins: readonly string[];
  /**
   * The database the account store uses. Its `plans` table is one of the data file's migrations
   * (`migrations.ts`), applied when the account store opens the database.
   */
  readonly db: Database.Database;
  /** Adds `Secure` to the session cookie (set it behind HTTPS). Default false. */
  readonly secureCookie?: boolean;
  /** Unexpected errors (answered with 500). Default: `console.error`. */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
  /**
   * First-run setup: while no user exists, `POST /api/setup` with this token creates the first user
   * (logged in at once) and, if `examplePlan` is given, an example plan they own. Without it, setup is
   * only possible from the command line (`samplan-server user add`).
   */
  readonly firstRun?: { readonly token: string; readonly examplePlan?: () => Promise<Plan> };
  /**
   * PDF export (`GET /api/plans/:id/export.pdf`): the renderer, and the origin under which the server
   * reaches itself (`http://127.0.0.1:<port>`); the web app's print view `<origin>/plans/<id>/print` is
   * opened there with the requester's session cookie. Without it the route answers 503.
   */
  readonly pdf?: { readonly renderer: PdfRenderer; readonly origin: string };
}

/** Handles one request; true when it was an `/api` request (answered), false to let the caller serve it. */
export type HttpApi = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** A plan the user has a role in (the contract's type). */
export type { PlanSummary };

/** The MIME type of an Excel workbook (`export.xlsx`). */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let planModules: Promise<typeof import('./planModules.ts')> | undefined;
/** The plan packages, loaded once on first use (see `planModules.ts`). */
const loadPlanModules = () => {
  planModules ??= import('./planModules.ts');
  return planModules;
};

interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: readonly string[];
}

interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: RegExp;
  readonly handle: (context: RouteContext) => Promise<void> | void;
}

/**
 * The JSON HTTP API next to the collaboration server (node:http only): login with a session cookie,
 * the user's plans, creating a plan (its first document is stored as the room's first update),
 * invitations, and exports. State-changing requests must come from an allowed Origin.
 */
export function createHttpApi({
  accounts,
  storage,
  loginLimiter,
  allowedOrigins,
  db,
  secureCookie = false,
  onError = (error) => console.error('samplan http api:', error),
  now = () => Date.now(),
  firstRun,
  pdf,
}: HttpApiOptions): HttpApi {
  const origins = new Set(allowedOrigins);
  const insertPlan = db.prepare<[string, string, number]>('INSERT INTO plans (id, name, created_at) VALUES (?, ?, ?)');
  const selectPlan = db.prepare<[string], { id: string; name: string }>('SELECT id, name FROM plans WHERE id = ?');
  // plan_members is the account store's table in the same database.
  const selectPlansOfUser = db.prepare<[string], { id: string; name: string; role: string }>(
    'SELECT p.id AS id, p.name AS name, m.role AS role FROM plans p JOIN plan_members m ON m.plan_id = p.id ' +
      'WHERE m.user_id = ? ORDER BY p.created_at, p.id',
  );
  const createPlanRecord = db.transaction((id: string, name: string, userId: string) => {
    insertPlan.run(id, name, now());
    accounts.grantRole(id, userId, 'owner');
  });

  const cookie = (token: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secureCookie ? '; Secure' : ''}`;

  function sessionUser(req: IncomingMessage): User {
    const token = readCookie(req, SESSION_COOKIE);
    const user = token ? accounts.sessionUser(token) : null;
    if (user === null) throw new HttpError(401, 'unauthorized', 'Du behöver logga in.');
    return user;
  }

  function planWithRole(
    req: IncomingMessage,
    planId: string,
  ): { user: User; plan: { id: string; name: string }; role: Role } {
    const user = sessionUser(req);
    const plan = selectPlan.get(planId);
    if (plan === undefined) throw new HttpError(404, 'not-found', 'Planen finns inte.');
    const role = accounts.roleFor(user.id, planId);
    if (role === null) throw new HttpError(403, 'forbidden', 'Du har inte behörighet till den här planen.');
    return { user, plan, role };
  }

  /** Stores the plan as a new room's first update and makes `ownerId` its owner; returns the plan id. */
  async function createPlan(plan: Plan, name: string, ownerId: string): Promise<string> {
    const { ensureOutline, ensureWorkshop, planToDoc } = await loadPlanModules();
    const id = randomBytes(16).toString('base64url');
    const doc = planToDoc(plan, new Y.Doc());
    ensureOutline(doc);
    ensureWorkshop(doc);
    try {
      await storage.append(id, Y.encodeStateAsUpdate(doc));
    } finally {
      doc.destroy();
    }
    createPlanRecord(id, name, ownerId);
    return id;
  }

  const login = (res: ServerResponse, user: User, status = 200, extra: Record<string, unknown> = {}) => {
    const token = accounts.createSession(user.id, DEFAULT_SESSION_TTL_MS);
    sendJson(
      res,
      status,
      { user, ...extra },
      { 'Set-Cookie': cookie(token, Math.floor(DEFAULT_SESSION_TTL_MS / 1000)) },
    );
  };

  async function loadPlan(planId: string): Promise<Plan> {
    const { docToPlan } = await loadPlanModules();
    const doc = new Y.Doc();
    try {
      for (const { update } of await storage.load(planId)) Y.applyUpdate(doc, update);
      const result = docToPlan(doc);
      if (!result.ok) {
        throw new HttpError(422, 'unreadable-document', 'Plandokumentet kunde inte läsas som en plan.', {
          issues: result.errors,
        });
      }
      return result.value;
    } finally {
      doc.destroy();
    }
  }

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/api\/health$/, handle: ({ res }) => sendJson(res, 200, { ok: true }) },

    {
      method: 'POST',
      pattern: /^\/api\/login$/,
      handle: async ({ req, res }) => {
        const { email, password } = await readRequestBody(req, apiRoutes.login);
        const key = email.trim().toLowerCase();
        if (!loginLimiter.allow(key)) {
          throw new HttpError(429, 'rate-limited', 'För många inloggningsförsök. Vänta en stund och försök igen.');
        }
        const user = accounts.verifyLogin(email, password);
        if (user === null) throw new HttpError(401, 'invalid-login', 'Fel e-postadress eller lösenord.');
        loginLimiter.reset(key);
        login(res, user);
      },
    },

    {
      method: 'GET',
      pattern: /^\/api\/setup$/,
      handle: ({ res }) => sendJson(res, 200, { needed: accounts.countUsers() === 0 }),
    },

    {
      method: 'POST',
      pattern: /^\/api\/setup$/,
      handle: async ({ req, res }) => {
        const body = await readRequestBody(req, apiRoutes.setup);
        if (accounts.countUsers() > 0) {
          throw new HttpError(409, 'already-set-up', 'Samplan har redan ett konto. Logga in i stället.');
        }
        if (firstRun === undefined || !sameSecret(body.token, firstRun.token)) {
          throw new HttpError(
            403,
            'bad-setup-token',
            'Länken för första start stämmer inte. Använd länken som servern skrev ut när den startade.',
          );
        }
        const created = accounts.createUser({ email: body.email, name: body.name, password: body.password });
        if (!created.ok) {
          const error = created.errors[0];
          throw new HttpError(400, 'bad-field', error?.message ?? 'Kontot kunde inte skapas.', {
            field: error?.field,
          });
        }
        let planId: string | null = null;
        if (firstRun.examplePlan) {
          const plan = await firstRun.examplePlan();
          planId = await createPlan(plan, plan.name, created.user.id);
        }
        login(res, created.user, 201, { planId });
      },
    },

    {
      method: 'POST',
      pattern: /^\/api\/logout$/,
      handle: ({ req, res }) => {
        const token = readCookie(req, SESSION_COOKIE);
        if (token) accounts.endSession(token);
        sendJson(res, 200, { ok: true }, { 'Set-Cookie': cookie('', 0) });
      },
    },

    { method: 'GET', pattern: /^\/api\/me$/, handle: ({ req, res }) => sendJson(res, 200, { user: sessionUser(req) }) },

    {
      method: 'GET',
      pattern: /^\/api\/plans$/,
      handle: ({ req, res }) => {
        const user = sessionUser(req);
        const plans: PlanSummary[] = selectPlansOfUser
          .all(user.id)
          .flatMap((row) => (isRole(row.role) ? [{ id: row.id, name: row.name, role: row.role }] : []));
        sendJson(res, 200, plans);
      },
    },

    {
      method: 'POST',
      pattern: /^\/api\/plans$/,
      handle: async ({ req, res }) => {
        const user = sessionUser(req);
        const body = await readRequestBody(req, apiRoutes.createPlan);
        const { parsePlan } = await loadPlanModules();
        let plan: Plan;
        let name: string;
        if (body.plan !== undefined) {
          const parsed = parsePlan(body.plan);
          if (!parsed.ok) {
            throw new HttpError(400, 'invalid-plan', 'Planen är inte giltig.', { issues: parsed.errors });
          }
          plan = parsed.value;
          name = body.name ?? plan.name;
        } else {
          // The contract requires a name when no plan is given.
          name = body.name ?? '';
          const first = new Date(now()).getFullYear() + 1;
          const empty = parsePlan({ name, years: [first, first + 1, first + 2], members: [] });
          if (!empty.ok) throw new Error(`the empty plan is invalid: ${JSON.stringify(empty.errors)}`);
          plan = empty.value;
        }
        const id = await createPlan(plan, name, user.id);
        sendJson(res, 201, { id, name, role: 'owner' });
      },
    },

    {
      method: 'GET',
      pattern: /^\/api\/plans\/([^/]+)$/,
      handle: ({ req, res, params }) => {
        const { user, plan, role } = planWithRole(req, params[0] ?? '');
        sendJson(res, 200, { id: plan.id, name: plan.name, role, user, members: accounts.planMembers(plan.id) });
      },
    },

    {
      method: 'POST',
      pattern: /^\/api\/plans\/([^/]+)\/invitations$/,
      handle: async ({ req, res, params }) => {
        const { plan, role } = planWithRole(req, params[0] ?? '');
        if (role !== 'owner') throw new HttpError(403, 'forbidden', 'Bara planens ägare kan bjuda in.');
        const body = await readRequestBody(req, apiRoutes.createInvitation);
        const token = accounts.createInvitation(plan.id, body.role);
        sendJson(res, 201, { token, path: `/invite/${token}` });
      },
    },

    {
      method: 'POST',
      pattern: /^\/api\/invitations\/([^/]+)\/accept$/,
      handle: ({ req, res, params }) => {
        const user = sessionUser(req);
        const result = accounts.acceptInvitation(params[0] ?? '', user.id);
        if (!result.ok) {
          const error = result.errors[0];
          const code = error?.code ?? 'invitation-unknown';
          const status = code === 'invitation-expired' || code === 'invitation-used' ? 410 : 400;
          throw new HttpError(
            status,
            code === 'invitation-expired' || code === 'invitation-used' ? code : 'invitation-unknown',
            error?.message ?? 'Inbjudan finns inte.',
          );
        }
        sendJson(res, 200, { planId: result.planId, role: result.role });
      },
    },

    {
      method: 'GET',
      pattern: /^\/api\/plans\/([^/]+)\/export\.json$/,
      handle: async ({ req, res, params }) => {
        const { plan } = planWithRole(req, params[0] ?? '');
        sendJson(res, 200, await loadPlan(plan.id));
      },
    },

    {
      method: 'GET',
      pattern: /^\/api\/plans\/([^/]+)\/export\.csv$/,
      handle: async ({ req, res, params }) => {
        const { plan } = planWithRole(req, params[0] ?? '');
        const { exportBudgetTable } = await loadPlanModules();
        const csv = exportBudgetTable(await loadPlan(plan.id));
        sendText(res, 200, csv, 'text/csv; charset=utf-8', { 'Content-Disposition': attachment(plan.name, 'csv') });
      },
    },

    {
      method: 'GET',
      pattern: /^\/api\/plans\/([^/]+)\/export\.xlsx$/,
      handle: async ({ req, res, params }) => {
        const { plan } = planWithRole(req, params[0] ?? '');
        const { exportBudgetWorkbook } = await loadPlanModules();
        // The plan as stored, with all its scenarios: Budget, Grundbudget, a sheet per scenario, Jämförelse.
        const bytes = await exportBudgetWorkbook(await loadPlan(plan.id));
        res.writeHead(200, {
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'Content-Type': XLSX_TYPE,
          'Content-Length': bytes.byteLength,
          'Content-Disposition': attachment(plan.name, 'xlsx'),
        });
        res.end(bytes);
      },
    },

    {
      method: 'GET',
      pattern: /^\/api\/plans\/([^/]+)\/export\.pdf$/,
      handle: async ({ req, res, params }) => {
        const { plan } = planWithRole(req, params[0] ?? '');
        const scenario = scenarioParameter(req);
        if (pdf === undefined) {
          sendPdfError(res, 503, 'pdf-unavailable', 'PDF-exporten är inte påslagen på den här servern.');
          return;
        }
        const printUrl = new URL(`/plans/${encodeURIComponent(plan.id)}/print`, pdf.origin);
        if (scenario !== null) printUrl.search = `?scenario=${encodeURIComponent(scenario)}`;
        // planWithRole found a valid session, so the cookie is there.
        const cookies = [{ name: SESSION_COOKIE, value: readCookie(req, SESSION_COOKIE) ?? '' }];
        let bytes: Uint8Array;
        try {
          bytes = await pdf.renderer.render(printUrl.href, { cookies });
        } catch (error) {
          onError(error);
          if (error instanceof PdfRenderError && error.reason === 'unavailable') {
            sendPdfError(res, 503, 'pdf-unavailable', error.message);
          } else {
            const message = error instanceof PdfRenderError ? error.message : 'PDF:en kunde inte skapas. Försök igen.';
            sendPdfError(res, 502, 'pdf-failed', message);
          }
          return;
        }
        res.writeHead(200, {
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'Content-Type': 'application/pdf',
          'Content-Length': bytes.byteLength,
          'Content-Disposition': attachment(plan.name, 'pdf'),
        });
        res.end(bytes);
      },
    },
  ];

  return async (req, res) => {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    if (path !== '/api' && !path.startsWith('/api/')) return false;
    try {
      const method = req.method ?? 'GET';
      const matching = routes.filter((route) => route.pattern.test(path));
      if (matching.length === 0) throw new HttpError(404, 'not-found', 'Sidan finns inte.');
      const route = matching.find((candidate) => candidate.method === method);
      if (route === undefined) {
        const allow = [...new Set(matching.map((candidate) => candidate.method))].join(', ');
        throw new HttpError(405, 'method-not-allowed', 'Metoden stöds inte här.', {}, { Allow: allow });
      }
      if (method !== 'GET') {
        const origin = req.headers.origin;
        if (origin === undefined || !origins.has(origin)) {
          throw new HttpError(403, 'bad-origin', 'Förfrågan kommer inte från en tillåten webbplats.');
        }
      }
      const params = decodeParams(route.pattern.exec(path)?.slice(1) ?? []);
      await route.handle({ req, res, params });
    } catch (error) {
      if (error instanceof HttpError) {
        sendError(res, error);
      } else {
        onError(error);
        sendError(res, new HttpError(500, 'internal', 'Något gick fel på servern. Försök igen.'));
      }
    }
    return true;
  };
}

/** Compares two secrets in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function decodeParams(raw: readonly string[]): string[] {
  try {
    return raw.map((part) => decodeURIComponent(part));
  } catch {
    throw new HttpError(404, 'not-found', 'Sidan finns inte.');
  }
}

const MAX_SCENARIO_ID_LENGTH = 200;

/** The optional `scenario` query parameter (a scenario id; empty means the plan itself), or null. */
function scenarioParameter(req: IncomingMessage): string | null {
  const scenario = new URL(req.url ?? '/', 'http://localhost').searchParams.get('scenario');
  if (scenario === null || scenario === '') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (scenario.length > MAX_SCENARIO_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(scenario)) {
    throw new HttpError(400, 'bad-field', `Scenariot anges med sitt id (högst ${MAX_SCENARIO_ID_LENGTH} tecken).`, {
      field: 'scenario',
    });
  }
  return scenario;
}

/** Refusals of the PDF export, in the API's error shape (`pdf-unavailable` 503, `pdf-failed` 502). */
function sendPdfError(res: ServerResponse, status: 502 | 503, code: 'pdf-unavailable' | 'pdf-failed', message: string) {
  sendJson(res, status, { error: { code, message } });
}

/** A download's Content-Disposition: an ASCII `filename` and the plan's own name as `filename*` (RFC 6266). */
function attachment(planName: string, extension: string): string {
  const encoded = encodeURIComponent(planName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="samplan-${asciiFileName(planName)}.${extension}"; filename*=UTF-8''${encoded}.${extension}`;
}

function asciiFileName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return ascii === '' ? 'plan' : ascii;
}
