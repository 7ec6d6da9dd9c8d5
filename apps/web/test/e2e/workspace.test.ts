import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBudgetTable } from '@samplan/budget-table';
import { formatKronor, type Plan, projectPlan, type Scenario } from '@samplan/engine';
import { readSeedPlan, seedPlanPath } from '@samplan/seed-plans/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { launchChromium, openApp, seriousAxeViolations, waitForProjection } from './browser.ts';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const go = async (page: Page, view: string) => {
  await page.getByTestId(`nav-${view}`).click();
  await waitForProjection(page);
};

/** Imports a budget table through the file picker, as a person would. */
const importFile = async (page: Page, path: string) => {
  await go(page, 'plan');
  await page.getByTestId('import-file').setInputFiles(path);
};

/** Creates a scenario through the UI and renames it. */
const newScenario = async (page: Page, name: string) => {
  await go(page, 'scenarios');
  await page.getByTestId('new-scenario').click();
  const field = page.getByTestId('scenario-name');
  await field.fill(name);
  await field.press('Enter');
  await expect.poll(() => page.locator('[data-testid="scenario-editor"] h2').textContent()).toBe(name);
};

const engineProjection = (plan: Plan, scenario?: Scenario) => {
  const p = projectPlan(plan, scenario);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value;
};

describe('the planning workspace in a real browser', () => {
  it('opens on the demo plan and projects it in the web worker, not on the main thread', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'));
    await expect
      .poll(() => page.getByTestId('plan-name').textContent())
      .toBe('Samordningsförbundet Göteborg 2023–2025');
    const worker = page.workers().find((w) => w.url().includes('engine.worker'));
    expect(worker, 'the engine worker is running').toBeDefined();
    const before = await worker?.evaluate(() => (self as unknown as { samplanProjections: number }).samplanProjections);
    expect(before).toBeGreaterThan(0);
    expect(await page.evaluate(() => 'samplanProjections' in window)).toBe(false);
    await go(page, 'budget');
    const cell = page.getByTestId('cell-vuxna-2024');
    await cell.fill('13 500');
    await cell.press('Enter');
    await waitForProjection(page);
    await expect
      .poll(() => worker?.evaluate(() => (self as unknown as { samplanProjections: number }).samplanProjections))
      .toBeGreaterThan(before ?? 0);
    await context.close();
  });

  it('imports a seed budget table, builds "ESF avslag" and "Staten −10 %", and compares them with the engine’s figures', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'));
    await importFile(page, seedPlanPath('goteborg-2023'));
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('goteborg-2023.csv');

    await newScenario(page, 'ESF avslag');
    await page.getByTestId('esf-gransgangare').selectOption('rejected');
    await waitForProjection(page);
    await newScenario(page, 'Staten −10 %');
    const exact = page.getByTestId('state-exact');
    await exact.fill('−10');
    await exact.press('Enter');
    await waitForProjection(page);

    await go(page, 'compare');
    const plan = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
    if (!plan.ok) throw new Error('seed');
    const scenarios: Scenario[] = [
      {
        id: 'scenario-1',
        name: 'ESF avslag',
        changes: [
          { type: 'esf-decision', project: 'gransgangare', decision: 'rejected', scaleCosts: false, keepLines: [] },
        ],
      },
      {
        id: 'scenario-2',
        name: 'Staten −10 %',
        changes: [{ type: 'state-allocation', fromYear: 2023, rate: '-0.1', matching: true }],
      },
    ];
    const expected = [
      { key: 'base', projection: engineProjection(plan.value) },
      ...scenarios.map((s) => ({ key: s.id, projection: engineProjection(plan.value, s) })),
    ];
    for (const { key, projection } of expected) {
      for (const row of projection.rows) {
        for (const [metric, value] of [
          ['revenue', row.revenue],
          ['costs', row.costs],
          ['result', row.result],
          ['openingEquity', row.openingEquity],
          ['closingEquity', row.closingEquity],
        ] as const) {
          const cell = page.getByTestId(`cmp-${key}-${row.year}-${metric}`);
          expect(await cell.getAttribute('data-value'), `${key} ${row.year} ${metric}`).toBe(formatKronor(value));
          expect(await cell.textContent()).toContain(showAmount(formatKronor(value), 'tkr'));
        }
      }
    }
    // The state cut puts equity below zero: the finding is shown in Swedish.
    await expect
      .poll(() => page.getByTestId('findings-scenario-2').textContent())
      .toContain('Eget kapital blir negativt 2024');
    expect(await page.getByTestId('room-base').textContent()).toBe('706 tkr');
    await page.screenshot({ path: `${artifacts}compare-view.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('updates the comparison after a cell edit', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'));
    await go(page, 'compare');
    const closing = page.getByTestId('cmp-base-2023-closingEquity');
    expect(await closing.getAttribute('data-value')).toBe('4174000');
    await go(page, 'budget');
    const cell = page.getByTestId('cell-vuxna-2023');
    await cell.fill('14 116');
    await cell.press('Enter');
    await waitForProjection(page);
    await go(page, 'compare');
    // Vuxna 2023 was 14 616 tkr: 500 tkr less cost, 500 tkr more equity.
    await expect.poll(() => closing.getAttribute('data-value')).toBe('4674000');
    await context.close();
  });

  it('shows the line and column of a bad budget table and keeps the current plan', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'));
    const bad = `${artifacts}bad.csv`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      bad,
      'kind,name,group,project,start,end,total,2023,2024,2025\nequity,EK,,,,,,0,,\ncost,Team,individual,,,,,12 6O4,1,1\n',
    );
    await importFile(page, bad);
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.textContent()).toContain('bad.csv:3:26: Ogiltigt belopp "12 6O4" i kolumn 2023');
    expect(await page.getByTestId('plan-name').textContent()).toBe('Samordningsförbundet Göteborg 2023–2025');
    await context.close();
  });

  it('keeps what was typed when a cell is invalid, and says why next to it', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'));
    await go(page, 'budget');
    const cell = page.getByTestId('cell-vuxna-2024');
    await cell.fill('13,3,00');
    await cell.press('Enter');
    expect(await cell.inputValue()).toBe('13,3,00');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await cell.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('Skriv ett belopp');
    await context.close();
  });

  it.each(['plan', 'budget', 'scenarios', 'compare', 'audit'])(
    'has no serious or critical accessibility violations on the %s view',
    async (view) => {
      const { context, page } = await openApp(browser, inject('appUrl'), `#${view}`);
      if (view === 'scenarios') await page.getByTestId('new-scenario').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('lists the document’s slips in the audit view', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#audit');
    expect(await page.getByTestId('audit-summary').textContent()).toBe(
      '6 av 34 angivna summor stämmer inte med beräkningen.',
    );
    expect(await page.getByTestId('audit-row').count()).toBe(6);
    await context.close();
  });

  it('switches the UI to English and back, keeping sv-SE numbers', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#compare');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Compare scenarios');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('cmp-base-2023-closingEquity').textContent()).toBe('4\u00a0174');
    await page.getByRole('button', { name: 'Svenska' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Jämför scenarier');
    await context.close();
  });

  it('moves between cells with the arrow keys and Enter, and Escape restores the stored value', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    const first = page.getByTestId('cell-unga-vuxna-2024');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cell-columbus-2024');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cell-columbus-2025');
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('cell-columbus-2025').inputValue()).toBe('1\u00a0008');
    await context.close();
  });

  it('imports a budget table dropped on the drop zone', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#plan');
    const csv = readSeedPlan('finnveden-2021');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'finnveden-2021.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
    await expect
      .poll(() => page.getByTestId('plan-name').textContent())
      .toBe('Finnvedens Samordningsförbund 2021–2023');
    await go(page, 'audit');
    expect(await page.getByTestId('audit-summary').textContent()).toBe('Alla 18 angivna summor stämmer.');
    await context.close();
  });

  it('exports the plan as a budget table that imports to the same projection', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#plan');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync((await download.path()) as string, 'utf8');
    const back = importBudgetTable(text, download.suggestedFilename());
    const original = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
    if (!back.ok || !original.ok) throw new Error('import');
    expect(engineProjection(back.value).rows).toEqual(engineProjection(original.value).rows);
    expect(download.suggestedFilename()).toBe('Samordningsförbundet-Göteborg-2023-2025.csv');
    await context.close();
  });
});
