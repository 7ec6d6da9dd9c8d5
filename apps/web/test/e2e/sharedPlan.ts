import { importBudgetTable } from '@samplan/budget-table';
import type { Plan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, waitForProjection } from './browser.ts';
import { E2E_USERS } from './globalSetup.ts';

/** Calls the server's API as a program would (with the Origin a browser on the server's page sends). */
export async function apiCall<T>(
  baseUrl: string,
  path: string,
  { session, body }: { session?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; setCookie: string | null }> {
  const response = await fetch(`${baseUrl}/api/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Origin: baseUrl,
      ...(session ? { Cookie: `samplan_session=${session}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T, setCookie: response.headers.get('set-cookie') };
}

/** Logs in through the API; returns the session token (the cookie's value). */
export async function loginToken(baseUrl: string, user: { email: string; password: string }): Promise<string> {
  const { status, setCookie } = await apiCall(baseUrl, 'login', { body: user });
  const token = /samplan_session=([^;]+)/.exec(setCookie ?? '')?.[1];
  if (status !== 200 || !token) throw new Error(`login of ${user.email} failed (${status})`);
  return token;
}

/** A browser context logged in with a session token, on a shared plan, once the plan is synced and projected. */
export async function openPlanAs(
  browser: Browser,
  baseUrl: string,
  session: string,
  planId: string,
  hash = '#budget',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'sv-SE' });
  await context.addCookies([{ name: 'samplan_session', value: session, url: baseUrl }]);
  await context.addInitScript(countDocWrites);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${baseUrl}/plans/${planId}${hash}`);
  await waitForOnline(page);
  await waitForProjection(page);
  return { context, page };
}

/**
 * Runs in the page before its scripts: counts the document writes it sends on any websocket — a
 * y-websocket sync update (`0, 2, …`) or a sync step 2 that carries content (an empty one is
 * `0, 1, 2, 0, 0`) — in `window.samplanDocWrites`. Awareness (`1, …`) is not a write.
 */
function countDocWrites(): void {
  const counted = window as unknown as { samplanDocWrites: number };
  counted.samplanDocWrites = 0;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    const bytes = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : null;
    if (bytes && bytes[0] === 0 && (bytes[1] === 2 || (bytes[1] === 1 && bytes.length > 5))) counted.samplanDocWrites++;
    send.call(this, data);
  };
}

/**
 * The document writes a page has sent so far, read once the page has settled: after two animation
 * frames, so that whatever an edit or a mounted editor schedules (a render, a `setTimeout(0)` sync)
 * has run. y-websocket sends a write in the same task as the document changes.
 */
export async function docWritesSent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return (window as unknown as { samplanDocWrites: number }).samplanDocWrites;
  });
}

/** Waits until the connection badge says online (connected and synced). */
export async function waitForOnline(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="connection"][data-status="online"]', { timeout: 20_000 });
}

/** Types an amount into a grid cell and saves it with Enter, as a person would. */
export async function typeAmount(page: Page, testId: string, text: string): Promise<void> {
  const cell = page.getByTestId(testId);
  await cell.click();
  await cell.fill(text);
  await cell.press('Enter');
}

/** Creates a shared plan as `owner` and invites each of `members` with a role (accepted through the API); returns its id. */
export async function createSharedPlan(
  baseUrl: string,
  owner: string,
  plan: Plan,
  name: string,
  members: readonly { session: string; role: 'editor' | 'commenter' | 'viewer' }[],
): Promise<string> {
  const created = await apiCall<{ id: string }>(baseUrl, 'plans', { session: owner, body: { plan, name } });
  if (created.status !== 201) throw new Error(`creating the plan failed (${created.status})`);
  const id = created.body.id;
  for (const { session, role } of members) {
    const invitation = await apiCall<{ token: string }>(baseUrl, `plans/${id}/invitations`, {
      session: owner,
      body: { role },
    });
    const accepted = await apiCall(baseUrl, `invitations/${invitation.body.token}/accept`, { session, body: {} });
    if (accepted.status !== 200) throw new Error(`accepting the invitation failed (${accepted.status})`);
  }
  return id;
}

/** The Göteborg seed plan (2023–2025), as the shared-plan tests start from it. */
export function goteborgSeed(): Plan {
  const imported = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!imported.ok) throw new Error('the Göteborg seed does not import');
  return imported.value;
}

/** What a shared-plan test file works with: one chromium, a session per E2E user, the contexts to close. */
export interface SharedPlanSuite {
  readonly browser: Browser;
  readonly sessions: Record<keyof typeof E2E_USERS, string>;
  readonly contexts: BrowserContext[];
}

/**
 * Registers the hooks every shared-plan test file needs: chromium launched and every E2E user logged
 * in before the tests, each test's browser contexts closed after it, chromium closed at the end.
 */
export function sharedPlanSuite(baseUrl: string): SharedPlanSuite {
  let browser: Browser | undefined;
  const sessions: Record<keyof typeof E2E_USERS, string> = { anna: '', bo: '', vera: '' };
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    for (const who of Object.keys(E2E_USERS) as (keyof typeof E2E_USERS)[])
      sessions[who] = await loginToken(baseUrl, E2E_USERS[who]);
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('chromium is not running (outside a test?)');
      return browser;
    },
    sessions,
    contexts,
  };
}
