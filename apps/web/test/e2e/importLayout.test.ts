import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatKronor, type Plan, type PlanInput, parsePlan, projectPlan } from '@samplan/engine';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, seriousAxeViolations, waitForProjection } from './browser.ts';
import { createSharedPlan, goteborgSeed, openPlanAs, sharedPlanSuite } from './sharedPlan.ts';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
mkdirSync(artifacts, { recursive: true });
const baseUrl = inject('baseUrl');
// One chromium for the file (the local demo's tests use it too), and a session per user for the shared plan.
const suite = sharedPlanSuite(baseUrl);
const local = async (hash: string) => {
  const opened = await openApp(suite.browser, inject('appUrl'), hash);
  suite.contexts.push(opened.context);
  return opened;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEARS = [2025, 2026, 2027];

/**
 * A budget as a förbund prints it: a title with the unit, a header of years as text, Intäkter and
 * Kostnader with Swedish labels, the opening equity among the revenue, costs printed negative, a
 * "varav" row inside the administration (part of Kansli, not a line of its own), Summa and Resultat.
 */
async function printedWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Budget 2025');
  const rows: (string | number | null)[][] = [
    ['Finsam Testbygd – budget 2025–2027 (tkr)'],
    [],
    ['', 'Budget 2025', 'Plan 2026', 'Plan 2027'],
    ['Intäkter'],
    ['Försäkringskassan', 3000, 3000, 3000],
    ['Region Testbygd', 1500, 1500, 1500],
    ['Testby kommun', 1500, 1500, 1500],
    ['Ingående eget kapital', 1200, null, null],
    ['Summa intäkter', 6000, 6000, 6000],
    [],
    ['Kostnader'],
    ['Arbetslivsteam', -3500, -3600, -3700],
    ['Samverkansutbildning', -800, -800, -800],
    ['Kansli', -700, -700, -700],
    ['varav personal', -500, -500, -500],
    ['Summa kostnader', -5000, -5100, -5200],
    [],
    ['Resultat', 1000, 900, 800],
  ];
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan the sheet stands for, written out by hand: "varav personal" is part of Kansli, not a cost of its own. */
function expectedPlan(settings: Pick<Plan, 'assumptions' | 'thresholds'> | null = null): Plan {
  const every = (tkr: number) => Object.fromEntries(YEARS.map((y) => [String(y), String(tkr * 1000)]));
  const input: PlanInput = {
    name: 'Finsam Testbygd – budget 2025–2027 (tkr)',
    years: YEARS,
    openingEquity: '1200000',
    members: [
      { id: 'staten', name: 'Försäkringskassan', group: 'state', amounts: every(3000) },
      { id: 'region', name: 'Region Testbygd', group: 'region', amounts: every(1500) },
      { id: 'kommun', name: 'Testby kommun', group: 'kommun', amounts: every(1500) },
    ],
    costs: [
      {
        id: 'team',
        name: 'Arbetslivsteam',
        category: 'individual',
        amount: { type: 'yearly', amounts: { 2025: '3500000', 2026: '3600000', 2027: '3700000' } },
      },
      {
        id: 'utb',
        name: 'Samverkansutbildning',
        category: 'structural',
        amount: { type: 'yearly', amounts: every(800) },
      },
      { id: 'kansli', name: 'Kansli', category: 'administration', amount: { type: 'yearly', amounts: every(700) } },
    ],
    ...(settings ?? {}),
  };
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value as Plan;
}

const engineClosing = (plan: Plan) => {
  const projected = projectPlan(plan);
  if (!projected.ok) throw new Error(JSON.stringify(projected.errors));
  return projected.value.rows.map((r) => formatKronor(r.closingEquity));
};

const go = async (page: Page, view: string) => {
  await page.getByTestId(`nav-${view}`).click();
  await waitForProjection(page);
};

/** The review's preview, once it is computed for the mapping on screen. */
const preview = async (page: Page, row: string) => {
  await page.locator('[data-testid="import-preview"][data-state="ok"]').waitFor();
  return Promise.all(YEARS.map((y) => page.getByTestId(`import-preview-${row}-${y}`).getAttribute('data-value')));
};

const liveClosing = async (page: Page) => {
  await go(page, 'budget');
  return Promise.all(YEARS.map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value')));
};

describe('importing a budget laid out as printed (real browser)', () => {
  it('reviews an as-printed xlsx row by row, one row corrected by hand, and imports it to the engine’s projection', async () => {
    const { page } = await local('#plan');
    const planBefore = await page.getByTestId('plan-name').textContent();
    const file = { name: 'testbygd-budget.xlsx', mimeType: XLSX, buffer: await printedWorkbook() };
    await page.getByTestId('import-file').setInputFiles(file);
    const review = page.getByTestId('import-review');
    await review.waitFor();

    // One row per sheet row: label, the first years' amounts as printed, the proposed role, how sure and why.
    const personal = page.getByTestId('import-row-15');
    expect(await personal.locator('th').textContent()).toBe('varav personal');
    expect(await personal.locator('td.budget-number').allTextContents()).toEqual(['15', '−500', '−500', '−500']);
    expect(await page.getByTestId('import-role-15').getAttribute('data-role')).toBe('cost:individual');
    expect(await page.getByTestId('import-role-8').getAttribute('data-role')).toBe('opening-equity');
    expect(await page.getByTestId('import-role-16').getAttribute('data-role')).toBe('stated:costs');
    expect(await page.getByTestId('import-row-6').textContent()).toContain("'Region' i radnamnet → region");
    expect(await page.getByTestId('import-unit-found').textContent()).toContain('tkr');

    // As proposed, "varav personal" is counted twice: the sheet's own totals say so (its Summa kostnader and Resultat).
    expect(await preview(page, 'closingEquity')).toEqual(['1700000', '2100000', '2400000']);
    expect(await page.getByTestId('import-audit-summary').textContent()).toBe(
      '6 av bladets 10 summor stämmer inte med dess rader:',
    );
    // Nothing is written before "Importera".
    expect(await page.getByTestId('plan-name').textContent()).toBe(planBefore);
    await page.screenshot({ path: `${artifacts}import-review-1400.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Corrected by hand: the row is part of Kansli, so it is skipped.
    await page.getByTestId('import-role-15').selectOption('ignore');
    expect(await personal.locator('.import-confidence').textContent()).toBe('Ändrad av dig');
    const expected = expectedPlan();
    expect(engineClosing(expected)).toEqual(['2200000', '3100000', '3900000']);
    await expect.poll(() => preview(page, 'closingEquity')).toEqual(engineClosing(expected));
    expect(await page.getByTestId('import-audit-summary').textContent()).toBe(
      'Bladets 10 summor stämmer med dess rader.',
    );

    await page.setViewportSize({ width: 390, height: 844 });
    await review.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}import-review-390.png` });
    await personal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}import-review-row-390.png` });
    await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}import-preview-390.png` });
    await page.setViewportSize({ width: 1400, height: 1000 });

    await page.getByTestId('import-apply').click();
    await expect
      .poll(() => page.getByTestId('status').textContent())
      .toBe('testbygd-budget.xlsx är importerad: 2025–2027.');
    expect(await page.getByTestId('plan-name').textContent()).toBe('Finsam Testbygd – budget 2025–2027 (tkr)');
    expect(await liveClosing(page)).toEqual(engineClosing(expected));
    expect(await page.getByTestId('opening-equity').inputValue()).toBe('1\u00a0200');
    await go(page, 'audit');
    expect(await page.getByTestId('audit-summary').textContent()).toBe('Alla 10 angivna summor stämmer.');

    // The reviewed mapping is remembered: the same layout next time opens with the role chosen by hand.
    await go(page, 'plan');
    await page.getByTestId('import-file').setInputFiles(file);
    await review.waitFor();
    expect(await page.getByTestId('import-role-15').getAttribute('data-role')).toBe('ignore');
    expect(await personal.locator('.import-confidence').textContent()).toBe('Som vid förra importen');
    await page.getByTestId('import-cancel').click();
    await review.waitFor({ state: 'detached' });
  });

  it('asks the unit of a Windows-1252 budget table that does not say it, showing its first amounts both ways', async () => {
    const { page } = await local('#plan');
    const table = [
      '# plan: Finsam Älvdalen',
      'kind;name;group;project;start;end;total;2025;2026',
      'member;Försäkringskassan;state;;;;;4 198;4 198',
      'member;Region Dalarna;region;;;;;2 099;2 099',
      'member;Älvdalens kommun;kommun;;;;;2 099;2 099',
      'cost;Kansli;administration;;;;;900;900',
      'equity;Ingående eget kapital;;;;;;1 000;',
      '',
    ].join('\r\n');
    const latin1 = Buffer.from(table, 'latin1');
    await page.getByTestId('import-file').setInputFiles({ name: 'alvdalen.csv', mimeType: 'text/csv', buffer: latin1 });
    await page.getByTestId('import-unit').waitFor();
    expect(await page.getByTestId('import-encoding').textContent()).toContain('lästes som Windows-1252');
    const tkr = await page.getByTestId('import-unit-samples-tkr').locator('li').allTextContents();
    const kr = await page.getByTestId('import-unit-samples-kr').locator('li').allTextContents();
    expect(tkr[0]?.replace(/\u00a0/g, ' ')).toBe('Försäkringskassan 4 198 tkr = 4 198 000 kr');
    expect(kr[0]?.replace(/\u00a0/g, ' ')).toBe('Försäkringskassan 4 198 kr');
    await page.screenshot({ path: `${artifacts}import-unit-1400.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('import-unit-tkr').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('alvdalen.csv är inläst.');
    expect(await page.getByTestId('plan-name').textContent()).toBe('Finsam Älvdalen');
    await go(page, 'budget');
    // 1 000 + 8 396 − 900 tkr, then + 8 396 − 900 again.
    expect(
      await Promise.all([2025, 2026].map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value'))),
    ).toEqual(['8496000', '15992000']);
  });

  it('refuses a broken file listing file, line, column and cell text, and leaves the plan as it was', async () => {
    const { page } = await local('#budget');
    const before = await Promise.all(
      [2023, 2024, 2025].map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value')),
    );
    await go(page, 'plan');
    const table = '# unit: tkr\nkind,name,group,project,start,end,total,2025,2026\nmember,Staten,state,,,,,4198,fyra\n';
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'fel.csv', mimeType: 'text/csv', buffer: Buffer.from(table) });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('fel.csv kunde inte läsas');
    const first = await page.getByTestId('import-error').first().textContent();
    expect(first).toMatch(/^fel\.csv:3:\d+: .*"fyra".*2026/);
    expect(await page.getByTestId('plan-name').textContent()).toBe('Samordningsförbundet Göteborg 2023–2025');
    await go(page, 'budget');
    expect(
      await Promise.all([2023, 2024, 2025].map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value'))),
    ).toEqual(before);
  });

  it('asks first in a shared plan, replaces only the budget (one undoable step) and keeps the plan’s settings', async () => {
    const seed = goteborgSeed();
    const planId = await createSharedPlan(baseUrl, suite.sessions.anna, seed, 'Delad import', []);
    const { context, page } = await openPlanAs(suite.browser, baseUrl, suite.sessions.anna, planId, '#budget');
    suite.contexts.push(context);
    const name = await page.getByTestId('plan-name').textContent();
    const before = await Promise.all(
      [2023, 2024, 2025].map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value')),
    );
    await go(page, 'plan');
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'testbygd-budget.xlsx', mimeType: XLSX, buffer: await printedWorkbook() });
    await page.getByTestId('import-review').waitFor();
    await page.getByTestId('import-role-15').selectOption('ignore');
    await page.locator('[data-testid="import-preview"][data-state="ok"]').waitFor();
    await page.getByTestId('import-apply').click();
    // Nothing is written until the person confirms that the shared budget is replaced.
    expect(await page.getByTestId('import-confirm').textContent()).toContain(
      'Importen ersätter budgeten i den delade planen för alla',
    );
    await page.getByTestId('import-confirm-button').click();
    await expect
      .poll(() => page.getByTestId('status').textContent())
      .toBe('testbygd-budget.xlsx är importerad: 2025–2027.');
    // The budget is the sheet's, the name and the settings (utilization, limits) are the plan's.
    expect(await page.getByTestId('plan-name').textContent()).toBe(name);
    const expected = expectedPlan({ assumptions: seed.assumptions, thresholds: seed.thresholds });
    expect(await liveClosing(page)).toEqual(engineClosing(expected));

    // One step back is the plan before the import.
    await page.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect
      .poll(() =>
        Promise.all([2023, 2024, 2025].map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value'))),
      )
      .toEqual(before);
  });
});
