import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBudgetTable } from '@samplan/budget-table';
import {
  createMonteCarlo,
  formatPercent,
  type Plan,
  rate,
  runMonteCarlo,
  sensitivity,
  type UncertaintyModel,
  UncertaintyModelSchema,
} from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { launchChromium, openApp, seriousAxeViolations } from './browser.ts';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The demo's plan (Göteborg 2023–2025), as the engine reads it here. */
const plan = ((): Plan => {
  const imported = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!imported.ok) throw new Error('seed plan');
  return imported.value;
})();
const LAST = plan.years.at(-1) as number;

/** The example ranges as the view's preset builds them: state −15…0 % from 2024, ESF 50 %, 85–100 %, 1–4 %. */
const example: UncertaintyModel = UncertaintyModelSchema.parse({
  levers: [
    { type: 'state-change', fromYear: 2024, distribution: { type: 'uniform', min: '-0.15', max: '0' } },
    { type: 'esf-approval', project: 'landa-och-move-on', distribution: { type: 'bernoulli', p: '0.5' } },
    { type: 'esf-approval', project: 'gransgangare', distribution: { type: 'bernoulli', p: '0.5' } },
    { type: 'utilization', distribution: { type: 'uniform', min: '0.85', max: '1' } },
    { type: 'indexation', distribution: { type: 'uniform', min: '0.01', max: '0.04' } },
  ],
});

const share = (count: number, draws: number) => formatPercent(rate(count, draws), 1);

const phase = (page: Page) => page.getByTestId('risk-state').getAttribute('data-phase');
const progressValue = (page: Page) =>
  page.getByTestId('risk-progress').evaluate((el) => (el as HTMLProgressElement).value);

/**
 * Runs in the page: clicks "Kör", then "Avbryt" from a MutationObserver as soon as it is enabled
 * (`enabled`) or as soon as the progress bar shows draws (`progress`), with no round trip to the
 * test; resolves with the draws the bar showed then.
 */
function clickCancelWhen(when: string): Promise<number> {
  return new Promise((resolve) => {
    const view = document.querySelector('[data-testid="risk-view"]');
    const bar = document.querySelector<HTMLProgressElement>('[data-testid="risk-progress"]');
    const cancel = document.querySelector<HTMLButtonElement>('[data-testid="risk-cancel"]');
    if (!view || !bar || !cancel) throw new Error('no uncertainty view');
    const observer = new MutationObserver(() => {
      if (cancel.disabled || (when === 'progress' && !(bar.value > 0 && bar.value < bar.max))) return;
      observer.disconnect();
      cancel.click();
      resolve(bar.value);
    });
    observer.observe(view, { attributes: true, childList: true, subtree: true, characterData: true });
    document.querySelector<HTMLButtonElement>('[data-testid="risk-run"]')?.click();
  });
}

/** Opens the demo on the uncertainty view with the example ranges set. */
async function openWithExample() {
  const opened = await openApp(browser, inject('appUrl'), '#risk');
  await opened.page.getByTestId('risk-view').waitFor();
  // Move off the example first, so the preset button is what sets the ranges.
  await opened.page.getByTestId('risk-utilization-min').fill('80');
  await opened.page.getByTestId('risk-on-indexation').uncheck();
  await opened.page.getByTestId('risk-example').click();
  return opened;
}

describe('the uncertainty view (Monte Carlo and sensitivity) in a real browser', () => {
  it('runs 10 000 seeded draws in its worker and shows the engine’s fan chart, probabilities, draws and tornado', async () => {
    const { context, page } = await openWithExample();
    expect(await page.getByTestId('risk-utilization-min').inputValue()).toBe('85');
    expect(await page.getByTestId('risk-on-indexation').isChecked()).toBe(true);
    expect(await page.getByTestId('risk-esf-gransgangare').inputValue()).toBe('50');
    expect(await page.getByTestId('risk-draws-count').inputValue()).toBe(showAmount('10000', 'kr'));
    expect(await page.getByTestId('risk-seed').inputValue()).toBe('1');

    await page.getByTestId('risk-run').click();
    await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
    const progress = page.getByTestId('risk-progress');
    expect(await progress.getAttribute('max')).toBe('10000');
    expect(await progress.evaluate((el) => (el as HTMLProgressElement).value)).toBe(10_000);
    expect(await page.getByTestId('risk-progress-text').textContent()).toBe(
      `${showAmount('10000', 'kr')} av ${showAmount('10000', 'kr')} dragningar`,
    );
    expect(page.workers().some((w) => w.url().includes('monteCarlo.worker'))).toBe(true);

    // The same summary as the engine's, in Node, for the same plan, model and seed.
    const expected = runMonteCarlo(plan, undefined, example, { seed: 1 });
    if (!expected.ok) throw new Error(JSON.stringify(expected.errors));
    const summary = expected.value;
    for (const y of summary.years) {
      const p50 = page.getByTestId(`risk-p50-${y.year}`);
      expect(await p50.getAttribute('data-value'), `P50 ${y.year}`).toBe(y.p50);
      expect(await page.getByTestId(`risk-p10-${y.year}`).getAttribute('data-value')).toBe(y.p10);
      expect(await page.getByTestId(`risk-p90-${y.year}`).getAttribute('data-value')).toBe(y.p90);
      expect(await page.getByTestId(`risk-negative-${y.year}`).textContent()).toBe(
        share(y.negativeCount, summary.draws),
      );
      expect(await page.getByTestId(`risk-overcap-${y.year}`).textContent()).toBe(share(y.overCapCount, summary.draws));
    }
    const last = summary.years.at(-1);
    expect(await page.getByTestId(`risk-p50-${LAST}`).textContent()).toBe(showAmount(last?.p50, 'tkr'));
    const anyNegative = share(summary.negativeAnyYearCount, summary.draws);
    expect(anyNegative).toMatch(/^\d+,\d %$/);
    expect(await page.getByTestId('risk-negative-any').textContent()).toBe(anyNegative);
    expect(await page.getByTestId('risk-summary').textContent()).toContain(
      `negativt eget kapital något år: ${anyNegative}`,
    );
    // The fan chart: a band (P10–P90) and the P50 line.
    const fan = page.getByTestId('fan-chart');
    expect(await fan.locator('.recharts-area-area').count()).toBe(1);
    expect(await fan.locator('.recharts-line-curve').count()).toBe(1);

    // The draws behind P10 in the last year, as the engine finds them.
    await page.getByTestId('risk-p10').click();
    const mc = createMonteCarlo(plan, undefined, example, { seed: 1 });
    if (!mc.ok) throw new Error('create');
    mc.value.run(10_000);
    const behind = mc.value.drawsAt(10, LAST, 5);
    const rows = page.getByTestId('risk-draws').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    await expect.poll(() => rows.locator('th').allTextContents()).toEqual(behind.map((d) => String(d.index)));
    expect(await rows.nth(2).locator('td').first().getAttribute('data-value')).toBe(behind[2]?.closingEquity.at(-1));

    // The tornado chart: the largest swing first, as sensitivity() sorts the bars.
    const tornado = sensitivity(plan, undefined, example);
    if (!tornado.ok) throw new Error('sensitivity');
    const first = tornado.value.bars[0];
    const swings = tornado.value.bars.map((b) => Math.abs(Number(b.swing)));
    expect(Math.abs(Number(first?.swing))).toBe(Math.max(...swings));
    const tornadoRows = page.getByTestId('tornado-row');
    expect(await tornadoRows.count()).toBe(tornado.value.bars.length);
    expect(await tornadoRows.first().locator('th').textContent()).toBe(first?.label);
    expect(await tornadoRows.first().getAttribute('data-swing')).toBe(first?.swing);
    expect(await tornadoRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-swing')))).toEqual(
      tornado.value.bars.map((b) => b.swing),
    );
    // In the chart too, the top bar is that lever (the lever names are the ticks with letters; long ones wrap).
    const ticks = await page
      .getByTestId('tornado-chart')
      .locator('.recharts-cartesian-axis-tick-value')
      .allTextContents();
    const names = ticks.filter((text) => /\p{L}/u.test(text)).map((text) => text.replace(/\s/g, ''));
    expect(names).toEqual(tornado.value.bars.map((b) => b.label.replace(/\s/g, '')));

    await page.screenshot({ path: `${artifacts}uncertainty-view.png`, fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}uncertainty-view-1920.png`, fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}uncertainty-view-1366.png`, fullPage: false });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('cancels a 10 000-draw run as soon as "Avbryt" can be pressed: the progress stops below 10 000, "Avbruten"', async () => {
    const { context, page } = await openWithExample();
    try {
      // A warm run of 10 000 draws takes about 0.1 s here, faster than a click can land mid-way; so
      // "Avbryt" is pressed from inside the page the moment it is enabled, right after "Kör".
      await page.evaluate(clickCancelWhen, 'enabled');
      await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('cancelled');
      expect(await page.getByTestId('risk-state').textContent()).toBe('Avbruten');
      const progress = page.getByTestId('risk-progress');
      const stoppedAt = await progressValue(page);
      expect(stoppedAt).toBeGreaterThan(0);
      expect(stoppedAt).toBeLessThan(10_000);
      expect(await progress.getAttribute('max')).toBe('10000');
      // Progress that the worker posted before it stopped is dropped once the run has ended (the
      // hook applies progress only while running); the bar shows the draws of the final result.
      expect(await page.getByTestId('risk-progress-text').textContent()).toBe(
        `${showAmount(String(stoppedAt), 'kr')} av ${showAmount('10000', 'kr')} dragningar`,
      );
      // The results cover the draws done: the engine's summary of that many draws.
      const expected = runMonteCarlo(plan, undefined, example, { seed: 1, draws: stoppedAt });
      if (!expected.ok) throw new Error('engine');
      // The charts follow the results at low priority (a deferred render): wait for them to show the end.
      await expect
        .poll(() => page.getByTestId(`risk-p50-${LAST}`).getAttribute('data-value'))
        .toBe(expected.value.years.at(-1)?.p50);
      const stopMs = await page.getByTestId('risk-state').getAttribute('data-stop-ms');
      console.log(
        `Uncertainty e2e, cancel at once: stopped at ${stoppedAt} of 10 000 draws, ${stopMs} ms after cancel()`,
      );
      expect(await page.getByTestId('risk-run').isEnabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('cancels a long run mid-way while the draws stream in; the worker stops within 100 ms', async () => {
    const { context, page } = await openWithExample();
    try {
      await page.getByTestId('risk-draws-count').fill('100 000');
      const shown = await page.evaluate(clickCancelWhen, 'progress');
      await expect.poll(() => phase(page), { timeout: 60_000 }).toBe('cancelled');
      expect(await page.getByTestId('risk-state').textContent()).toBe('Avbruten');
      const stoppedAt = await progressValue(page);
      expect(stoppedAt).toBeGreaterThanOrEqual(shown);
      expect(stoppedAt).toBeLessThan(100_000);
      // The summary follows the results at low priority (a deferred render): wait for it to show the end.
      await expect
        .poll(() => page.getByTestId('risk-summary').textContent())
        .toContain(`Efter ${showAmount(String(stoppedAt), 'kr')} dragningar`);
      // From the page sending cancel() to the worker's loop stopping, on their two clocks.
      const stopMs = Number(await page.getByTestId('risk-state').getAttribute('data-stop-ms'));
      console.log(
        `Uncertainty e2e, cancel mid-way: ${shown} draws shown when "Avbryt" was pressed, stopped at ${stoppedAt} of 100 000, ${stopMs} ms after cancel()`,
      );
      expect(stopMs).toBeLessThan(100);
    } finally {
      await context.close();
    }
  });

  it('keeps the ranges in this browser and checks them as they are typed', async () => {
    const { context, page } = await openWithExample();
    await page.getByTestId('risk-utilization-shape').selectOption('triangular');
    await page.getByTestId('risk-utilization-mode').fill('95');
    await page.getByTestId('risk-indexation-max').fill('0,5');
    expect(await page.getByTestId('risk-indexation-max').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').textContent()).toContain('max (0.005) är mindre än min (0.01)');
    expect(await page.getByTestId('risk-run').isDisabled()).toBe(true);
    await page.getByTestId('risk-indexation-max').fill('4');
    expect(await page.getByTestId('risk-run').isEnabled()).toBe(true);
    await page.reload();
    await page.getByTestId('risk-view').waitFor();
    expect(await page.getByTestId('risk-utilization-shape').inputValue()).toBe('triangular');
    expect(await page.getByTestId('risk-utilization-mode').inputValue()).toBe('95');
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('samplan.uncertainty.')),
    );
    expect(stored).toEqual(['samplan.uncertainty.Samordningsförbundet Göteborg 2023–2025']);
    await context.close();
  });
});
