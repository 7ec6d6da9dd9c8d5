import { formatKronor, type Plan, projectPlan } from '@samplan/engine';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { seriousAxeViolations, waitForProjection } from './browser.ts';
import { E2E_USERS } from './globalSetup.ts';
import {
  apiCall,
  createSharedPlan,
  goteborgSeed,
  openPlanAs,
  sharedPlanSuite,
  typeAmount,
  waitForOnline,
} from './sharedPlan.ts';

const baseUrl = inject('baseUrl');
const suite = sharedPlanSuite(baseUrl);
const { sessions, contexts } = suite;

const seed = goteborgSeed;

/** A new shared plan owned by Anna, with Bo as editor and Vera as viewer. */
const newSharedPlan = (name: string): Promise<string> =>
  createSharedPlan(baseUrl, sessions.anna, seed(), name, [
    { session: sessions.bo, role: 'editor' },
    { session: sessions.vera, role: 'viewer' },
  ]);

async function open(who: keyof typeof E2E_USERS, planId: string, hash = '#budget') {
  const opened = await openPlanAs(suite.browser, baseUrl, sessions[who], planId, hash);
  contexts.push(opened.context);
  return opened.page;
}

/** The plan as the server holds it (its JSON export). */
async function serverPlan(planId: string): Promise<Plan> {
  const exported = await apiCall<Plan>(baseUrl, `plans/${planId}/export.json`, { session: sessions.anna });
  expect(exported.status).toBe(200);
  return exported.body;
}

const closingEquityTexts = (page: Page, years: readonly number[]) =>
  Promise.all(years.map((year) => page.getByTestId(`live-base-${year}`).textContent()));

describe('live co-editing in two real browsers', () => {
  it('logs in through the form and lists the plans the person was invited to', async () => {
    const planId = await newSharedPlan('Inloggningsplanen');
    const context = await suite.browser.newContext({ locale: 'sv-SE' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('login-email').fill(E2E_USERS.bo.email);
    await page.getByTestId('login-password').fill('fel lösenord');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Fel e-postadress eller lösenord');
    await page.getByTestId('login-password').fill(E2E_USERS.bo.password);
    await page.getByTestId('login-submit').click();
    const link = page.locator(`a[href^="/plans/${planId}"]`);
    await link.waitFor();
    expect(await page.getByTestId('plan-list').textContent()).toContain('Inloggningsplanen (Din roll: redaktör)');
    await link.click();
    await waitForOnline(page);
    await waitForProjection(page);
    expect(await page.getByTestId('presence-me').textContent()).toBe('Bo Berg (du, redaktör)');
  });

  it("each sees the other's edits and presence, on the grid", async () => {
    const planId = await newSharedPlan('Samredigering');
    const anna = await open('anna', planId);
    const bo = await open('bo', planId);

    // Presence: both are listed, with their roles.
    await expect.poll(() => anna.getByTestId('presence-peer').allTextContents()).toEqual(['Bo Berg (redaktör)']);
    await expect.poll(() => bo.getByTestId('presence-peer').allTextContents()).toEqual(['Anna Andersson (ägare)']);

    // Anna's cursor shows on Bo's grid, on the cell she is in.
    await anna.getByTestId('cell-utbildning-2024').click();
    await expect.poll(() => bo.getByTestId('peer-utbildning-2024').textContent()).toBe('Anna Andersson');
    await anna.getByTestId('cell-natverk-2024').click();
    await expect.poll(() => bo.getByTestId('peer-natverk-2024').textContent()).toBe('Anna Andersson');
    expect(await bo.getByTestId('peer-utbildning-2024').count()).toBe(0);

    // Each one's edit reaches the other.
    await typeAmount(anna, 'cell-utbildning-2024', '400');
    await expect.poll(() => bo.getByTestId('cell-utbildning-2024').inputValue()).toBe('400');
    await typeAmount(bo, 'cell-natverk-2025', '150');
    await expect.poll(() => anna.getByTestId('cell-natverk-2025').inputValue()).toBe('150');

    const plan = await serverPlan(planId);
    const utbildning = plan.costs.find((c) => c.id === 'utbildning');
    expect(utbildning?.amount).toMatchObject({ amounts: { '2024': '400000' } });
  });

  it('converges to the same projection after concurrent edits to the same line and to different lines', async () => {
    const planId = await newSharedPlan('Samtidiga ändringar');
    const anna = await open('anna', planId);
    const bo = await open('bo', planId);

    // Same cell, both at once; then different lines of the same moment.
    await Promise.all([typeAmount(anna, 'cell-utbildning-2023', '111'), typeAmount(bo, 'cell-utbildning-2023', '222')]);
    await Promise.all([typeAmount(anna, 'cell-natverk-2024', '333'), typeAmount(bo, 'cell-sgl-noll-2023', '444')]);

    const cells = ['cell-utbildning-2023', 'cell-natverk-2024', 'cell-sgl-noll-2023'];
    const read = (page: Page) => Promise.all(cells.map((id) => page.getByTestId(id).inputValue()));
    await expect.poll(async () => JSON.stringify(await read(anna)) === JSON.stringify(await read(bo))).toBe(true);
    const [same, annas, bos] = await read(anna);
    expect(['111', '222']).toContain(same);
    expect([annas, bos]).toEqual(['333', '444']);

    // Both browsers show the projection the engine gives for the plan the server stored.
    await waitForProjection(anna);
    await waitForProjection(bo);
    const plan = await serverPlan(planId);
    const projection = projectPlan(plan);
    if (!projection.ok) throw new Error('projection');
    const expected = projection.value.rows.map((row) => showAmount(formatKronor(row.closingEquity), 'tkr'));
    await expect.poll(() => closingEquityTexts(anna, plan.years)).toEqual(expected);
    await expect.poll(() => closingEquityTexts(bo, plan.years)).toEqual(expected);
  });

  it('never merges typed keys into a number that arrived in the focused cell: the new value is selected and replaced', async () => {
    const planId = await newSharedPlan('Fokuserad cell');
    const anna = await open('anna', planId);
    const bo = await open('bo', planId);
    // Bo clicks into the cell (the caret is placed) but has not typed yet; Anna's value arrives.
    await bo.getByTestId('cell-utbildning-2023').click();
    await typeAmount(anna, 'cell-utbildning-2023', '111');
    await expect.poll(() => bo.getByTestId('cell-utbildning-2023').inputValue()).toBe('111');
    // Bo types as he meant to: his number replaces the one he did not see arrive.
    await bo.keyboard.type('222');
    await bo.keyboard.press('Enter');
    await expect.poll(() => anna.getByTestId('cell-utbildning-2023').inputValue()).toBe('222');
    expect(await bo.getByTestId('cell-utbildning-2023').inputValue()).toBe('222');
  });

  it('keeps an edit made offline through a reload, and the other sees it after reconnecting', async () => {
    const planId = await newSharedPlan('Offline');
    const anna = await open('anna', planId);
    const bo = await open('bo', planId);
    const boContext = contexts[contexts.length - 1] as BrowserContext;

    // The browser goes offline: the badge says so at once, and the edit is kept in IndexedDB.
    await boContext.setOffline(true);
    await expect.poll(() => bo.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    await typeAmount(bo, 'cell-utbildning-2025', '505');
    await waitForProjection(bo);
    expect(await anna.getByTestId('cell-utbildning-2025').inputValue()).toBe('375');

    // Close the tab while offline and open the plan again while the server stays out of reach.
    // (Playwright's offline mode cannot serve a page from a service worker, microsoft/playwright#2311,
    // so the page itself loads, while the API and the collaboration socket are cut off.)
    // The plan opens from IndexedDB with the edit.
    let unreachable = true;
    await boContext.route('**/api/**', (route) =>
      unreachable ? route.abort('internetdisconnected') : route.fallback(),
    );
    await boContext.routeWebSocket(/\/collab\//, (socket) => {
      if (unreachable) socket.close({ code: 1013, reason: 'unreachable' });
      else socket.connectToServer();
    });
    const url = bo.url();
    await bo.close();
    await boContext.setOffline(false);
    const reopened = await boContext.newPage();
    await reopened.goto(url);
    await reopened.getByTestId('cell-utbildning-2025').waitFor();
    expect(await reopened.getByTestId('cell-utbildning-2025').inputValue()).toBe('505');
    await expect.poll(() => reopened.getByTestId('connection').getAttribute('data-status')).toBe('offline');
    expect(await anna.getByTestId('cell-utbildning-2025').inputValue()).toBe('375');

    // The server is reachable again: the provider reconnects and the edit reaches Anna and the server.
    unreachable = false;
    await waitForOnline(reopened);
    await expect.poll(() => anna.getByTestId('cell-utbildning-2025').inputValue()).toBe('505');
    const plan = await serverPlan(planId);
    expect(plan.costs.find((c) => c.id === 'utbildning')?.amount).toMatchObject({ amounts: { '2025': '505000' } });
  });

  it('shows a viewer the plan read-only; nothing a viewer does changes it', async () => {
    const planId = await newSharedPlan('Läsare');
    const vera = await open('vera', planId);
    expect(await vera.getByTestId('read-only-notice').textContent()).toContain('läsare');
    expect(await vera.getByTestId('cell-utbildning-2024').isDisabled()).toBe(true);
    expect(await vera.getByRole('button', { name: 'Ångra', exact: true }).count()).toBe(0);
    const anna = await open('anna', planId);
    await typeAmount(anna, 'cell-utbildning-2024', '390');
    // The viewer follows along live.
    await expect.poll(() => vera.getByTestId('cell-utbildning-2024').inputValue()).toBe('390');
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');
  });

  it('undo takes back only my own edit, not the other person’s', async () => {
    const planId = await newSharedPlan('Ångra');
    const anna = await open('anna', planId);
    const bo = await open('bo', planId);
    await typeAmount(anna, 'cell-utbildning-2024', '401');
    await typeAmount(bo, 'cell-natverk-2024', '126');
    await expect.poll(() => anna.getByTestId('cell-natverk-2024').inputValue()).toBe('126');
    await anna.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect.poll(() => bo.getByTestId('cell-utbildning-2024').inputValue()).toBe('375');
    expect(await anna.getByTestId('cell-utbildning-2024').inputValue()).toBe('375');
    expect(await anna.getByTestId('cell-natverk-2024').inputValue()).toBe('126');
    await anna.getByRole('button', { name: 'Gör om', exact: true }).click();
    await expect.poll(() => bo.getByTestId('cell-utbildning-2024').inputValue()).toBe('401');
  });

  it('saves a named version, opens it read-only, compares it with now and restores it', async () => {
    const planId = await newSharedPlan('Versioner');
    const anna = await open('anna', planId, '#history');
    const bo = await open('bo', planId, '#history');
    await anna.getByTestId('version-name').fill('Beslutad av styrelsen 2025-11-28');
    await anna.getByTestId('save-version').click();
    // Bo sees the new version in the list at once.
    await expect.poll(() => bo.getByTestId('versions').textContent()).toContain('Beslutad av styrelsen 2025-11-28');
    expect(await bo.getByTestId('versions').textContent()).toContain('Anna Andersson');

    // The plan changes after the decision.
    await bo.getByTestId('nav-budget').click();
    await typeAmount(bo, 'cell-utbildning-2023', '475');
    await expect.poll(() => anna.getByTestId('nav-history').isVisible()).toBe(true);

    // Open the version read-only: the decided figure, not today's.
    await anna.getByTestId('version-open').click();
    const panel = anna.getByTestId('version-panel');
    await panel.getByTestId('cell-utbildning-2023').waitFor();
    expect(await panel.getByTestId('cell-utbildning-2023').inputValue()).toBe('375');
    expect(await panel.getByTestId('cell-utbildning-2023').isDisabled()).toBe(true);

    // Compare: the result differs by −100 tkr in 2023 (costs +100).
    await anna.getByTestId('version-compare-button').click();
    const compare = anna.getByTestId('version-compare');
    await compare.waitFor();
    await expect.poll(() => anna.getByTestId('version-compare-2023-1').textContent()).toContain('+100');
    await expect.poll(() => anna.getByTestId('version-compare-2023-2').textContent()).toContain('−100');

    // Restore: a new edit everyone gets.
    anna.once('dialog', (dialog) => void dialog.accept());
    await anna.getByTestId('version-restore').click();
    await expect.poll(() => bo.getByTestId('cell-utbildning-2023').inputValue()).toBe('375');
    const plan = await serverPlan(planId);
    expect(plan.costs.find((c) => c.id === 'utbildning')?.amount).toMatchObject({ amounts: { '2023': '375000' } });
  });

  it('has no serious or critical accessibility violations on the login, plan list, shared budget and versions views', async () => {
    const planId = await newSharedPlan('Tillgänglighet');
    const context = await suite.browser.newContext({ locale: 'sv-SE' });
    contexts.push(context);
    const login = await context.newPage();
    await login.goto(`${baseUrl}/`);
    await login.getByTestId('login-email').waitFor();
    expect(await seriousAxeViolations(login)).toEqual([]);

    const anna = await open('anna', planId, '#budget');
    await open('bo', planId, '#budget');
    await expect.poll(() => anna.getByTestId('presence-peer').count()).toBe(1);
    expect(await seriousAxeViolations(anna)).toEqual([]);
    await anna.getByTestId('nav-history').click();
    await anna.getByTestId('version-name').fill('Före strategidagen');
    await anna.getByTestId('save-version').click();
    await anna.getByTestId('version-compare-button').click();
    await anna.getByTestId('version-compare').waitFor();
    expect(await seriousAxeViolations(anna)).toEqual([]);
    await anna.goto(`${baseUrl}/`);
    await anna.getByTestId('plan-list').waitFor();
    expect(await seriousAxeViolations(anna)).toEqual([]);
  });
});
