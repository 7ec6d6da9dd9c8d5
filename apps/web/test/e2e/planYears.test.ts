import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatKronor, type Plan, type PlanInput, parsePlan, projectPlan } from '@samplan/engine';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { waitForProjection } from './browser.ts';
import { sharedPlanSuite, typeAmount, waitForOnline } from './sharedPlan.ts';

const baseUrl = inject('baseUrl');
const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
mkdirSync(artifacts, { recursive: true });
const suite = sharedPlanSuite(baseUrl);

/** The plan as the test builds it in the browser, written out here by hand for the engine. */
const expectedPlan = (
  years: number[],
  openingEquity: string | undefined,
  amounts: Record<string, Record<number, string>>,
) => {
  const input: PlanInput = {
    name: 'Finsam två år',
    years,
    ...(openingEquity === undefined ? {} : { openingEquity }),
    members: [
      { id: 'staten', name: 'Staten gm Försäkringskassan', group: 'state', amounts: amounts.staten ?? {} },
      { id: 'region', name: 'Regionen', group: 'region', amounts: amounts.region ?? {} },
      { id: 'kommun-1', name: 'Kommunen', group: 'kommun', amounts: amounts.kommun ?? {} },
    ],
    costs: [
      {
        id: 'insatser-1',
        name: 'Insatser',
        category: 'individual',
        amount: { type: 'yearly', amounts: amounts.insatser ?? {} },
      },
    ],
  };
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value as Plan;
};

/** Closing equity per year as the engine computes it (exact kronor strings). */
const engineClosing = (plan: Plan) => {
  const projected = projectPlan(plan);
  if (!projected.ok) throw new Error(JSON.stringify(projected.errors));
  return projected.value.rows.map((r) => formatKronor(r.closingEquity));
};

/** Closing equity per year as the live summary beside the budget shows it, once the newest edit is computed. */
const liveClosing = async (page: Page, years: readonly number[]) => {
  await waitForProjection(page);
  return Promise.all(years.map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value')));
};

const range = (page: Page) => page.getByTestId('plan-years-range').textContent();

describe('the plan’s years, changed in place (shared plan)', () => {
  it('creates a two-year plan 2025–2026, extends it to three years and shortens it again, with the engine’s figures', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'sv-SE' });
    suite.contexts.push(context);
    await context.addCookies([{ name: 'samplan_session', value: suite.sessions.anna, url: baseUrl }]);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });

    // "Ny plan": an empty plan with the years chosen, not the server's default three.
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Utgå från exempelplanen (Göteborg 2023–2025)').uncheck();
    await page.getByLabel('Planens namn').fill('Finsam två år');
    await page.getByTestId('new-plan-first-year').fill('2025');
    await page.getByTestId('new-plan-year-count').selectOption('2');
    await page.getByTestId('create-plan').click();
    await page.waitForURL(/\/plans\/[^/]+#budget$/);
    await waitForOnline(page);
    await waitForProjection(page);
    expect(await range(page)).toBe('2025–2026 (2 år)');
    // No opening equity is stated: the field is empty and says what that means.
    expect(await page.getByTestId('opening-equity').inputValue()).toBe('');
    expect(await page.getByTestId('opening-equity-hint').textContent()).toContain('räknas från 0 kr');

    const add = page.getByTestId('add-cost-form');
    await add.getByTestId('add-cost-name').fill('Insatser');
    await add.getByTestId('add-cost-submit').click();
    await page.getByTestId('cell-insatser-1-2025').waitFor();
    const typed: Record<string, Record<number, string>> = {
      staten: { 2025: '2 000', 2026: '2 100' },
      region: { 2025: '1 000', 2026: '1 050' },
      'kommun-1': { 2025: '1 000', 2026: '1 050' },
      'insatser-1': { 2025: '4 500', 2026: '4 400' },
    };
    for (const [id, years] of Object.entries(typed))
      for (const [year, text] of Object.entries(years)) await typeAmount(page, `cell-${id}-${year}`, text);
    await typeAmount(page, 'opening-equity', '800');

    const two = expectedPlan([2025, 2026], '800000', {
      staten: { 2025: '2000000', 2026: '2100000' },
      region: { 2025: '1000000', 2026: '1050000' },
      kommun: { 2025: '1000000', 2026: '1050000' },
      insatser: { 2025: '4500000', 2026: '4400000' },
    });
    // 800 + 4 000 − 4 500 = 300; 300 + 4 200 − 4 400 = 100 (tkr).
    expect(engineClosing(two)).toEqual(['300000', '100000']);
    await expect.poll(() => liveClosing(page, [2025, 2026])).toEqual(engineClosing(two));

    // Add 2027 at the end: the typed amounts are carried from 2026.
    await page.getByTestId('year-add').click();
    await expect.poll(() => range(page)).toBe('2025–2027 (3 år)');
    expect(await page.getByTestId('cell-staten-2027').inputValue()).toBe(showAmount('2100000', 'tkr'));
    const three = expectedPlan([2025, 2026, 2027], '800000', {
      staten: { 2025: '2000000', 2026: '2100000', 2027: '2100000' },
      region: { 2025: '1000000', 2026: '1050000', 2027: '1050000' },
      kommun: { 2025: '1000000', 2026: '1050000', 2027: '1050000' },
      insatser: { 2025: '4500000', 2026: '4400000', 2027: '4400000' },
    });
    // 100 + 4 200 − 4 400 = −100 tkr: below zero, which the engine reports as a broken rule.
    expect(engineClosing(three)).toEqual(['300000', '100000', '-100000']);
    await expect.poll(() => liveClosing(page, [2025, 2026, 2027])).toEqual(engineClosing(three));

    // Undo takes the year away again (one step), and it can be added once more.
    await page.getByTestId('year-undo').click();
    await expect.poll(() => range(page)).toBe('2025–2026 (2 år)');
    await expect.poll(() => liveClosing(page, [2025, 2026])).toEqual(engineClosing(two));
    await page.getByTestId('year-add').click();
    await expect.poll(() => range(page)).toBe('2025–2027 (3 år)');
    await expect.poll(() => liveClosing(page, [2025, 2026, 2027])).toEqual(engineClosing(three));

    // Remove 2025: asks first, says what is lost and what 2026 opens with (2025's closing equity).
    await page.getByTestId('year-drop').click();
    const confirm = page.getByTestId('year-drop-confirm');
    await expect
      .poll(() => confirm.textContent())
      .toContain('Ta bort 2025 ur planen? Årets belopp på 4 rader försvinner');
    expect(await page.getByTestId('year-drop-equity').getAttribute('data-value')).toBe('300000');
    expect(await page.getByTestId('year-drop-equity').textContent()).toMatch(
      /^Ingående eget kapital 2026 blir 2025 års utgående eget kapital: 300 tkr\.$/,
    );
    await page.getByTestId('plan-years').screenshot({ path: `${artifacts}plan-years-confirm-1400.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('plan-years').screenshot({ path: `${artifacts}plan-years-confirm-390.png` });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.getByTestId('year-drop-confirm-button').click();
    await expect.poll(() => range(page)).toBe('2026–2027 (2 år)');
    const shortened = expectedPlan([2026, 2027], '300000', {
      staten: { 2026: '2100000', 2027: '2100000' },
      region: { 2026: '1050000', 2027: '1050000' },
      kommun: { 2026: '1050000', 2027: '1050000' },
      insatser: { 2026: '4400000', 2027: '4400000' },
    });
    // The same closing equity for the years that stay: the plan was shortened, not recomputed from scratch.
    expect(engineClosing(shortened)).toEqual(['100000', '-100000']);
    await expect.poll(() => liveClosing(page, [2026, 2027])).toEqual(engineClosing(shortened));
    expect(await page.getByTestId('opening-equity').inputValue()).toBe('300');

    // The shared plan keeps it: a reload opens 2026–2027 from the document.
    await page.reload();
    await waitForOnline(page);
    await expect.poll(() => range(page)).toBe('2026–2027 (2 år)');
    await expect.poll(() => liveClosing(page, [2026, 2027])).toEqual(engineClosing(shortened));

    // Down to one year, the least a plan has: the removal is offered no more, and the reason is shown.
    await page.getByTestId('year-drop').click();
    await page.getByTestId('year-drop-confirm-button').click();
    await expect.poll(() => range(page)).toBe('2027 (1 år)');
    expect(await page.getByTestId('year-drop').isDisabled()).toBe(true);
    expect(await page.getByTestId('plan-years-reasons').textContent()).toContain(
      'Planen har bara ett år: en plan har minst ett år.',
    );
  });
});
